"""An answer, ready to be shown: one structure that the page and the terminal only lay out.

Each calculator turns its answer into a view (`view` in its `calc_*.py`): a small tree of
nodes in both languages, where every word is already chosen and every fact in its place. The
page script builds the same elements from it (calculators.js `build`), the CLI writes it as
lines (`text`), so the two cannot show different facts or word them differently.

Nodes (plain JSON, in `answer["view"]["nodes"]`):
- `{"tag", "class"?, "attrs"?, "children"}`: an element (h3, p, ul, li, details, summary,
  span, strong, small);
- `{"text": {zh, en}}`: words;
- `{"ref": id, "label"?: {zh, en}, "text"?: {zh, en}}`: a clause or document the answer rests
  on; the page links it, the terminal writes `text`, else `label`, else the id;
- `{"confidence": mark, "label": {zh, en}}`: a confidence mark.
`answer["view"]["data"]` holds the values the page puts on the result element
(`data-eligible`, `data-equivalent`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from calculators.plumbing.texts import Text
from calculators.plumbing.wording import WORDING

type Node = dict[str, Any]

BLOCKS = frozenset({"h3", "p", "ul", "li", "details", "summary", "div"})
SPACE = Text.same(" ")


def view_of(data: dict[str, str], *nodes: Node | None) -> dict[str, Any]:
    """A view: the result element's data values and the nodes the answer has, in order."""
    return {"data": data, "nodes": [n for n in nodes if n is not None]}


def el(tag: str, *children: Node | None, cls: str | None = None, **attrs: str) -> Node:
    """An element; children that are None are left out (a part the answer does not have)."""
    node: Node = {"tag": tag, "children": [c for c in children if c is not None]}
    if cls:
        node["class"] = cls
    if attrs:
        node["attrs"] = {k.replace("_", "-"): v for k, v in attrs.items()}
    return node


def words(text: Text | dict[str, str]) -> Node:
    return {"text": text if isinstance(text, dict) else text.to_dict()}


def key(name: str) -> Node:
    """A catalogue entry, as words."""
    return words(WORDING[name])


def labelled(name: str) -> Node:
    """A catalogue entry followed by the colon: "适用范围：" / "Scope: "."""
    label, colon = WORDING[name], WORDING["colon"]
    return words(Text(zh=label.zh + colon.zh, en=label.en + colon.en))


def space() -> Node:
    return words(SPACE)


def ref(ident: str, label: dict[str, str] | None = None, text: Text | None = None) -> Node:
    node: Node = {"ref": ident}
    if label is not None:
        node["label"] = label
    if text is not None:
        node["text"] = text.to_dict()
    return node


def confidence(mark: str, label: Text) -> Node:
    return {"confidence": mark, "label": label.to_dict()}


def joined(nodes: Iterable[Node], separator: str = "separator") -> list[Node]:
    """`nodes` with a catalogue separator between each two (" · " by default)."""
    out: list[Node] = []
    for i, node in enumerate(nodes):
        out += [key(separator), node] if i else [node]
    return out


def folded(summary: str, count: int, *content: Node | None) -> Node:
    """What follows the verdict, folded: "每条途径的情况 (4)"; open on demand and in print."""
    heading = WORDING["counted"].format(label=WORDING[summary], count=count)
    return el("details", el("summary", words(heading)), *content, cls="calc-details")


def verdict(text: Text | dict[str, str], yes: bool) -> Node:
    """The answer in one sentence: the result's heading, read first, focused after sending."""
    shown = f"calc-verdict {'calc-yes' if yes else 'calc-no'}"
    return el("h3", words(text), cls=shown, tabindex="-1")


def version(data_version: dict[str, str]) -> Node:
    """Which rules produced the answer, linked to the changes page."""
    line = WORDING["data-version-of"].format(**data_version)
    return el(
        "p", ref("changes", text=line), cls="calc-version", data_version=data_version["digest"]
    )


# The terminal's layout --------------------------------------------------------------------


def text(view: dict[str, Any], lang: str) -> str:
    """The view as lines: a block element per line, a folded part's content indented, list
    items marked "- " (or by their own ✔/✘), references by their label."""
    lines: list[str] = []
    for node in view["nodes"]:
        _lines(node, lang, 0, lines)
    return "\n".join(lines)


def _lines(node: Node, lang: str, depth: int, out: list[str]) -> None:
    children = node["children"]  # a block is an element (`el`), which always has them
    if node.get("tag") == "details":
        summary, *rest = children
        out.append("  " * depth + _inline(summary, lang) + WORDING["colon"].get(lang).rstrip())
        for child in rest:
            _lines(child, lang, depth + 1, out)
        return
    inline = [c for c in children if c.get("tag") not in BLOCKS]
    blocks = [c for c in children if c.get("tag") in BLOCKS]
    line = "".join(_inline(c, lang) for c in inline)
    if node.get("tag") == "li" and not (inline and inline[0].get("class") == "calc-mark"):
        line = "- " + line
    if line.strip():  # a part with no words in this language (quotes.py) is no line
        out.append("  " * depth + _tidy(line))
    for child in blocks:
        _lines(child, lang, depth + 2 if node.get("tag") == "li" else depth, out)


def _inline(node: Node, lang: str) -> str:
    if "text" in node:  # words, or a reference shown with its own words
        return node["text"][lang]
    if "ref" in node:
        label = node.get("label")
        return label[lang] if label else node["ref"]
    if "confidence" in node:
        open_, close = WORDING["open-bracket"].get(lang), WORDING["close-bracket"].get(lang)
        return f"{open_}{node['label'][lang]}{close}"
    if node.get("class", "").startswith("calc-tag"):
        return f" [{''.join(_inline(c, lang) for c in node['children'])}]"
    return "".join(_inline(c, lang) for c in node.get("children", []))


_SPACES = re.compile(r" {2,}")
_BEFORE_WIDE = re.compile(r" +(?=[（：；，。、])")


def _tidy(line: str) -> str:
    """One space where the page's inline parts leave several; none before Chinese punctuation."""
    return _BEFORE_WIDE.sub("", _SPACES.sub(" ", line)).rstrip()
