"""Every interface text is in the catalogue (calculators/plumbing/wording.py): the page script and the
templates hold keys, never words, and ask only for keys the catalogue has.

"Words" are found the way a reader would see them: Chinese characters, two or more plain
words in a row ("Copy link"), or one capitalised word ("Print"). Identifiers, CSS classes,
selectors and attribute names are not words (`md-button calc-copy`, `aria-invalid`, `SELECT`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from calculators.plumbing.wording import SCRIPT_WORDING, WORDING
from calculators.registry import calculators

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "docs" / "assets" / "calculators"
TEMPLATES = ROOT / "build" / "hgpolicy" / "templates"

# Texts the scripts write for the browser's console or pass between the worker and the page,
# never shown to a reader (the page shows the catalogue's words for the same events).
CONSOLE = {
    "calculators: the Python runtime did not load:",
    "runtime failed",
    "worker error",
    "${url} does not match its SHA-256 in the lockfile",
    "calculators: snapshot not saved:",
    "calculators: the roster was not checked:",
    "calculators: the restored runtime failed to answer; starting afresh:",
    "calculators: the saved snapshot did not restore; starting afresh:",
    "calculators: the saved snapshot is unreadable; starting afresh:",
    "calculators: the early answer's evaluator did not load:",
    "its SHA-256 digest does not match",
    "wasm instantiation failed!",  # Pyodide's own console message, matched, not written
}

_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_PLAIN_WORD = re.compile(r"[A-Za-z]+[.,:;!?]?")
_CAPITALISED = re.compile(r"[A-Z][a-z]+[.,:;!?]?")


def wordy(text: str) -> bool:
    """Whether `text` reads as words to a person (see the module doc)."""
    if _CJK.search(text):
        return True
    words = [t for t in text.split() if _PLAIN_WORD.fullmatch(t)]
    return len(words) >= 2 or any(_CAPITALISED.fullmatch(w) for w in words)


def test_the_detector_tells_words_from_code() -> None:
    for words in ("复制链接", "Copy link", "Print", "Every route, one by one", "Sources: "):
        assert wordy(words), words
    for code in ("md-button calc-copy", "aria-invalid", "SELECT", "calc-labels", "zh-CN", " — "):
        assert not wordy(code), code


_COMMENT = re.compile(r"^\s*//.*$", re.M)
_JS_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`((?:[^`\\]|\\.)*)`')
_SUBSTITUTION = re.compile(r"\$\{[^}]*\}")


def _js_strings(path: Path) -> list[str]:
    source = _COMMENT.sub("", path.read_text(encoding="utf-8"))
    found = [next(g for g in m.groups() if g is not None) for m in _JS_STRING.finditer(source)]
    return found


def test_the_page_scripts_hold_no_words() -> None:
    for path in sorted(SCRIPTS.glob("*.js")):
        shown = [s for s in _js_strings(path) if s not in CONSOLE]
        words = [s for s in shown if wordy(_SUBSTITUTION.sub(" ", s))]
        assert words == [], f"{path.name}: put these in calculators/plumbing/wording.py: {words}"


_JINJA = re.compile(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}", re.S)
_JINJA_STRING = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"")
_SHOWN_ATTRIBUTE = re.compile(r'\b(?:title|alt|aria-label|placeholder)="([^"]*)"')


def _template_words(source: str) -> list[str]:
    """Words a template writes itself: in its text, its shown attributes, its string literals."""
    found: list[str] = []
    for block in _JINJA.finditer(source):
        if not block.group().startswith("{#"):
            literals = (
                next(g for g in m.groups() if g is not None)
                for m in _JINJA_STRING.finditer(block.group())
            )
            found += [s for s in literals if wordy(s)]
    markup = _JINJA.sub(" ", source)
    found += [value for value in _SHOWN_ATTRIBUTE.findall(markup) if wordy(value)]
    text = re.sub(r"\{[^}]*\}", " ", re.sub(r"<[^>]*>", " ", markup))  # tags, { #id .class }
    found += [line.strip() for line in text.splitlines() if wordy(line)]
    return found


def test_the_detector_finds_words_in_a_template() -> None:
    source = (
        "{# a comment in words #}\n<p title=\"Read more\">{{ label('more') }}</p>\n"
        "| {{ label('level') }} | 说明 |\n{{ x if y else 'None given' }}\n<b>Print</b>"
    )
    assert _template_words(source) == ["None given", "Read more", "|   | 说明 |", "Print"]


def test_the_templates_hold_no_words() -> None:
    for path in sorted(TEMPLATES.glob("*.j2")):
        words = _template_words(path.read_text(encoding="utf-8"))
        assert words == [], f"{path.name}: put these in calculators/plumbing/wording.py: {words}"


def test_the_templates_ask_only_for_wording_there_is() -> None:
    for path in sorted(TEMPLATES.glob("*.j2")):
        keys = re.findall(r"label\('([^']+)'\)", path.read_text(encoding="utf-8"))
        assert keys and set(keys) <= set(WORDING), (path.name, set(keys) - set(WORDING))


_READ = re.compile(r'words\["([^"]+)"\]|words\.(\w+)\b')
_PREFIX = re.compile(r"^([a-z-]+-)\$\{")


def test_the_page_script_is_given_the_wording_it_uses() -> None:
    path = SCRIPTS / "calculators.js"
    source = _COMMENT.sub("", path.read_text(encoding="utf-8"))
    read = {a or b for a, b in _READ.findall(source)}
    assert read <= set(SCRIPT_WORDING), read - set(SCRIPT_WORDING)
    # Every key it is given is used: read by name, or named by a string (`route.met ?
    # "mark-met" : "mark-missed"`) or a template (`calc-runtime-${state}`).
    strings = _js_strings(path)
    prefixes = tuple(m.group(1) for s in strings if (m := _PREFIX.match(s)))
    named = read | set(strings)
    unused = {k for k in SCRIPT_WORDING if k not in named and not k.startswith(prefixes)}
    assert not unused, unused
    assert set(SCRIPT_WORDING) <= set(WORDING)


def test_every_calculator_field_is_worded() -> None:
    for calculator in calculators().values():
        keys = [calculator.help, calculator.submit]
        for field in calculator.fields():
            how = field.ask
            keys += [how.label, how.group, how.blank, how.hint, how.out_of_range]
            keys += [how.hint_link[2]] if how.hint_link else []
        missing = {k for k in keys if k is not None} - set(WORDING)
        assert not missing, (calculator.kind, missing)


def test_every_entry_has_both_languages() -> None:
    for key, text in WORDING.items():
        # "人" after a head count: English needs no word there; "cite-sep" before a
        # citation: Chinese needs no space after its full-width punctuation.
        if key not in ("people", "cite-sep"):
            assert text.zh and text.en, key


def test_a_module_cannot_reword_what_the_catalogue_says() -> None:
    from calculators.plumbing import wording
    from calculators.plumbing.texts import Text

    with pytest.raises(ValueError) as refused:
        wording.add(
            {"list-sep": Text("；", "; "), "colon": Text(":", ":"), "x-new": Text("新", "new")}
        )
    assert str(refused.value) == "wording already in the catalogue: colon, list-sep"
    assert "x-new" not in wording.WORDING and wording.WORDING["colon"].zh == "："
