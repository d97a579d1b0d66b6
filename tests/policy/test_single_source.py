"""The YAML is the single source of truth: no policy file writes out what another one holds.

Two kinds of thing are written exactly once, and these tests look for second copies of them
anywhere in policy/.

1. The clause text lives only in document.yaml (the Chinese verbatim, the English translation
   beside it). A record resting on a clause cites it (`source`) and the pages show the clause's
   own words; a record that takes only part of a clause says which part in its own words
   (`summary`). A copy is a run of COPY_RUN or more characters shared with the source text as
   `document.source_text` rebuilds it. Shorter runs are the text's vocabulary: the longest
   glossary term (中华人民共和国职业分类大典) has 13 characters. The English is checked the same
   way against the translation, after masking the words every text must share with it (the
   glossary's renderings and the level and title names); an English run of COPY_RUN_EN
   characters is a copied phrase, not a shared term. A `summary` must moreover be mostly new
   words: under OWN_WORDS of its Chinese, vocabulary aside, in runs of 4 or more characters
   found in the source text.

2. Level and title names (`name.zh` in levels.yaml and titles.yaml) live there. Other files
   refer to a level by id (`level: senior-worker`, `min_level`, `not_covered.levels`) and the
   pages print the name. "Never written anywhere else" would be wrong for the real data in two
   places, so the rule is restricted to what is sensible:
   - Inside a longer word that is itself a glossary term the name is part of another name:
     技师学院 is a school and 高级工班 a class of one (glossary.yaml defines both), not levels.
   - The text of a record that cites a document outside the Huangshi text (its `source` is an
     id from sources.yaml, or null beside a `source_note`) reports what that document says, in
     its terms: the national application conditions in application-routes.yaml read
     "取得本职业或相关职业四级/中级工证书后……", and the report that Hubei competitions promote
     "由技师晋升为高级技师" cannot be given without the names. That text is what a reader checks
     the structured fields beside it (`target`, `conditions[].level`, `min_level`) against; the
     calculators use the fields.
   Everything else is the project's own explanation of the Huangshi text or of its sources
   (glossary.yaml and sources.yaml whatever they cite, evaluation.yaml, targets.yaml, the
   records of equivalence.yaml and special-routes.yaml that cite a clause), and there a name
   written out is a second copy of levels.yaml: such a text refers to the levels instead.

ALLOWED lists the only exceptions, each with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from calculators.model.document import parts, source_text
from hgpolicy.policy import Policy

COPY_RUN = 15  # characters shared with the Chinese source text
COPY_RUN_EN = 40  # characters shared with the English translation, shared terms masked
OWN_WORDS = 0.4  # largest share of a summary's Chinese found in runs of 4+ in the source

# (file stem, path pattern) → why it may repeat what is written elsewhere.
ALLOWED: dict[tuple[str, str], str] = {
    ("sources", r"/sources/\d+/title/(zh|en)"): (
        "The title of an external document is bibliographic data: it must read exactly as the "
        "document is titled, and the preamble cites 中办发〔2018〕6号 by that title."
    ),
    ("faq", r"/questions/\d+/question/(zh|en)"): (
        "A question is written as people ask it, level and title names included, so that "
        "search finds it; its answer refers to the levels without naming them."
    ),
    ("changelog", r"/changes/\d+/(what|why)/(zh|en)"): (
        "A change record is dated history: it says what the data said and says now, in the "
        "words of that day (names, the issuer's old and new English name, the standard's "
        "wording it follows). Referring by id instead would rewrite history when a name is "
        "later edited."
    ),
}

NOT_SOURCE = ("document",)  # the text itself
DEFINES_NAMES = ("levels", "titles")  # where level and title names are written
EXPLAINS = ("glossary", "sources")  # the maintainers' notes, whatever document they cite


def _strings(node: Any, path: str = "", cited: str | None = "") -> Iterator[tuple[str, str, Any]]:
    """(path, string, citation) for every string: the citation is the `source` of the nearest
    record around it ("" when none; None for an outside statement known by a `source_note`)."""
    if isinstance(node, dict):
        if "source" in node:
            cited = node["source"]
        for key, value in node.items():
            yield from _strings(value, f"{path}/{key}", cited)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, f"{path}/{index}", cited)
    elif isinstance(node, str):
        yield path, node, cited


def _allowed(stem: str, path: str) -> bool:
    return any(s == stem and re.fullmatch(p, path) for s, p in ALLOWED)


def _longest_shared(text: str, source: str) -> int:
    """Length of the longest substring of `text` that `source` contains."""
    best = 0
    for i in range(len(text)):
        for j in range(i + best + 1, len(text) + 1):
            if text[i:j] not in source:
                break
            best = j - i
    return best


def _mask(text: str, vocabulary: list[str]) -> str:
    """`text` with each vocabulary word replaced by NUL, so that no run can span it."""
    for word in vocabulary:
        text = re.sub(re.escape(word), "\0", text, flags=re.IGNORECASE)
    return text


def _runs(text: str, source: str, minimum: int) -> list[tuple[int, int]]:
    """Spans (start, end) of `text`, at least `minimum` long and not crossing a masked word,
    that `source` contains; each as long as it goes, none inside another."""
    found: list[tuple[int, int]] = []
    for i in range(len(text)):
        j = i
        while j < len(text) and text[j] != "\0" and text[i : j + 1] in source:
            j += 1
        if j - i >= minimum and (not found or j > found[-1][1]):
            found.append((i, j))
    return found


def _vocabulary(policy: Policy, lang: str) -> list[str]:
    """Words every text shares with the source: glossary terms, level and title names."""
    words = [t[lang] for t in policy["glossary"]["terms"]]
    words += [r["name"][lang] for r in policy["levels"]["levels"] + policy["titles"]["titles"]]
    return sorted(words, key=len, reverse=True)


def _translation(policy: Policy) -> str:
    document = policy["document"]
    head = [document[key]["en"] for key in ("letterhead", "title")]
    texts = [t.en for p in parts(document) for t in (p.heading, p.text) if t is not None]
    return "\n".join(head + texts)


def _policy_files(policy: Policy) -> Iterator[tuple[str, Any]]:
    for stem, data in sorted(policy.data.items()):
        if stem not in NOT_SOURCE:
            yield stem, data


# 1. Clause text


def copies_of_the_text(policy: Policy) -> list[str]:
    """Strings outside document.yaml sharing COPY_RUN+ characters with the source text."""
    source = source_text(policy["document"])
    return [
        f"policy/{stem}.yaml {path}: {shared} characters of the text in {text[:40]!r}"
        for stem, data in _policy_files(policy)
        for path, text, _ in _strings(data)
        if not _allowed(stem, path) and (shared := _longest_shared(text, source)) >= COPY_RUN
    ]


def copies_of_the_translation(policy: Policy) -> list[str]:
    """English strings sharing a COPY_RUN_EN-character phrase with the translation."""
    translation, vocabulary = _translation(policy), _vocabulary(policy, "en")
    found = []
    for stem, data in _policy_files(policy):
        for path, text, _ in _strings(data):
            if not path.endswith("/en") or _allowed(stem, path):
                continue
            masked = _mask(text, vocabulary)
            if runs := _runs(masked, translation, COPY_RUN_EN):
                start, end = max(runs, key=lambda run: run[1] - run[0])
                found.append(f"policy/{stem}.yaml {path}: {masked[start:end]!r}")
    return found


def borrowed_share(text: str, source: str, vocabulary: list[str]) -> float:
    """The share of `text`, vocabulary aside, in runs of 4+ characters found in `source`."""
    masked = _mask(text, vocabulary)
    borrowed = {i for start, end in _runs(masked, source, 4) for i in range(start, end)}
    return len(borrowed) / max(len(masked.replace("\0", "")), 1)


def summaries_in_borrowed_words(policy: Policy) -> list[str]:
    source, vocabulary = source_text(policy["document"]), _vocabulary(policy, "zh")
    return [
        f"policy/{stem}.yaml {path}: {share:.0%} from the text"
        for stem, data in _policy_files(policy)
        for path, text, _ in _strings(data)
        if path.endswith("/summary/zh")
        and (share := borrowed_share(text, source, vocabulary)) >= OWN_WORDS
    ]


def test_no_policy_file_copies_the_clause_text(policy: Policy) -> None:
    assert copies_of_the_text(policy) == []


def test_no_policy_file_copies_the_translation(policy: Policy) -> None:
    assert copies_of_the_translation(policy) == []


def test_summaries_are_in_the_maintainers_own_words(policy: Policy) -> None:
    assert summaries_in_borrowed_words(policy) == []


# 2. Level and title names


def _names(policy: Policy) -> list[str]:
    records = policy["levels"]["levels"] + policy["titles"]["titles"] + policy["titles"]["tiers"]
    return sorted({r["name"]["zh"] for r in records}, key=len, reverse=True)


def _terms(policy: Policy) -> list[str]:
    return [t["zh"] for t in policy["glossary"]["terms"]]


def names_in(text: str, names: list[str], terms: list[str]) -> list[str]:
    """Level and title names written out in `text`, except inside a longer glossary term."""
    inside_term = [False] * len(text)
    for term in terms:
        for hit in re.finditer(re.escape(term), text):
            if any(name in term and name != term for name in names):
                inside_term[hit.start() : hit.end()] = [True] * len(term)
    taken = [False] * len(text)  # by a longer name (技师 inside 高级技师 is one name)
    found = []
    for name in names:
        for hit in re.finditer(re.escape(name), text):
            span = range(hit.start(), hit.end())
            if any(taken[i] for i in span):
                continue
            for i in span:
                taken[i] = True
            if not all(inside_term[i] for i in span):
                found.append(name)
    return found


def names_written_out(policy: Policy) -> list[str]:
    outside = {s["id"] for s in policy["sources"]["sources"]}
    names, terms = _names(policy), _terms(policy)
    found = []
    for stem, data in _policy_files(policy):
        if stem in DEFINES_NAMES:
            continue
        for path, text, cited in _strings(data):
            reports = stem not in EXPLAINS and (cited is None or cited in outside)
            if reports or _allowed(stem, path):
                continue  # an outside document's statement, in its own terms
            if hits := names_in(text, names, terms):
                found.append(f"policy/{stem}.yaml {path}: {'、'.join(hits)}")
    return found


def test_level_and_title_names_are_written_once(policy: Policy) -> None:
    assert names_written_out(policy) == []


# The checks themselves


def test_the_checks_catch_a_copy(policy: Policy) -> None:
    """A clause's own sentence is a copy; its glossary terms alone are not."""
    source = source_text(policy["document"])
    clause = next(p for p in parts(policy["document"]) if p.id == "c9.2").text
    assert clause is not None
    assert _longest_shared(clause.zh, source) >= COPY_RUN
    vocabulary = _vocabulary(policy, "zh")
    assert borrowed_share(clause.zh, source, vocabulary) >= OWN_WORDS
    assert all(_longest_shared(term, source) < COPY_RUN for term in vocabulary)
    english = _mask(clause.en, _vocabulary(policy, "en"))
    assert _runs(english, _translation(policy), COPY_RUN_EN)


def test_the_checks_catch_a_name(policy: Policy) -> None:
    """A level named in prose is caught; the same name inside a longer glossary term is not."""
    names, terms = _names(policy), _terms(policy)
    level = next(r["name"]["zh"] for r in policy["levels"]["levels"] if r["id"] == "technician")
    senior = next(
        r["name"]["zh"] for r in policy["levels"]["levels"] if r["id"] == "senior-technician"
    )
    assert names_in(f"通常指{level}及以上", names, terms) == [level]
    assert names_in(f"由{level}晋升为{senior}", names, terms) == [senior, level]
    school = f"{level}学院"  # as 技师学院 in glossary.yaml: a school, not the level
    assert names_in(f"{school}毕业生", names, [*terms, school]) == []
    assert names_in(f"{school}毕业生", names, [t for t in terms if t != school]) == [level]
