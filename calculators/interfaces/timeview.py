"""Which day's rules an answer applied, laid out for the page and the terminal alike.

After the answer and before its data version: the day, the documents in force then (with
their dates, and why it is unsure where the data knows a start only to the year), and, where
the rules change before or after the day, the answer under those other rules.
"""

from __future__ import annotations

from typing import Any

from calculators.interfaces.view import Node, el, key, ref, space, words
from calculators.plumbing.messages import accepted_list, human_day
from calculators.plumbing.texts import Text
from calculators.plumbing.wording import WORDING


def in_force_view(in_force: dict[str, Any] | None) -> list[Node]:
    """The rules of the day as view nodes: [] for an answer that carries none."""
    if not in_force:
        return []
    sep = WORDING["list-sep"]
    documents: list[Node] = []
    unsure: list[Node] = []
    for i, doc in enumerate(in_force["documents"]):
        if i:
            documents.append(words(sep))
        documents.append(ref(doc["id"], doc["number"]))
        documents.append(words(_span(doc)))
        if doc["unsure"] and doc["note"]:
            unsure.append(
                el(
                    "li",
                    el("strong", ref(doc["id"], doc["number"])),
                    space(),
                    key("in-force-unsure"),
                    words(doc["note"]),
                )
            )
    line = WORDING["in-force-rules"].format(day=human_day(in_force["day"]))
    nodes: list[Node] = [
        el(
            "p",
            words(Text(zh=line.zh + WORDING["colon"].zh, en=line.en + WORDING["colon"].en)),
            *documents,
        )
    ]
    if unsure:
        nodes.append(el("ul", *unsure))
    if in_force["elsewhen"]:
        nodes.append(el("p", el("strong", key("elsewhen-heading"))))
        nodes.append(el("ul", *(_other(o) for o in in_force["elsewhen"])))
    return nodes


def in_force_text(day: str, documents: list[dict[str, Any]]) -> Text:
    """ "适用2026年11月30日施行的规则：黄改委发〔2020〕4号（自2020年起）、…": the line of
    in_force_view as words alone, for a file or a page that shows no links (the roster)."""
    line = WORDING["in-force-rules"].format(day=human_day(day))
    shown = [
        Text(zh=d["number"]["zh"] + _span(d).zh, en=d["number"]["en"] + _span(d).en)
        for d in documents
    ]
    return Text(
        zh=line.zh + WORDING["colon"].zh + accepted_list(shown).zh,
        en=line.en + WORDING["colon"].en + accepted_list(shown).en,
    )


def _span(doc: dict[str, Any]) -> Text:
    """ "（自2020起）" / " (from 2020)": the document's dates as the data gives them."""
    parts = []
    if doc["valid_from"]:
        parts.append(WORDING["in-force-from"].format(day=human_day(doc["valid_from"])))
    if doc["valid_until"]:
        parts.append(WORDING["in-force-until"].format(day=human_day(doc["valid_until"])))
    if not parts:
        return Text.same("")
    open_, close = WORDING["open-bracket"], WORDING["close-bracket"]
    return Text(
        zh=open_.zh + "".join(p.zh for p in parts) + close.zh,
        en=open_.en + " ".join(p.en for p in parts) + close.en,
    )


def _other(other: dict[str, Any]) -> Node:
    """One other day's answer: "under the rules in force before 1 March 2027 (…): …", and
    under it the parts of that answer that differ (a route, the day it opens, a title)."""
    label = WORDING[f"elsewhen-{other['when']}"].format(
        day=human_day(other["day"]),
        documents=accepted_list([Text.of(d) for d in other["documents"]]),
    )
    differences = other.get("differences") or []
    parts = el("ul", *(el("li", words(d)) for d in differences))
    return el(
        "li",
        words(label),
        words(other["headline"]),
        parts if differences else None,
    )
