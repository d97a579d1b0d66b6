"""The layout of an answer as the page builds it from the view: which element holds which part.

The page script turns each view node into the element it names (calculators.js `fill`): the
verdict a heading the page focuses after an answer, the routes a list whose items the
stylesheet marks met or missed and the tests find by `data-route`, the folded parts
`<details>` that open in print, the data version a paragraph with the rules' digest. The
terminal's text (test_cli_text.py) cannot see these: an element renamed or a part dropped
from the layout changes no line of it. Expected outlines are typed from that contract, for
answers whose parts the policy fixes: a Senior Worker one year after the certificate, under
the 2018 conditions, misses Technician's three routes A1–A3; the Huangshi text has four
special routes (（六）'s three and （九）4's competitions); a hired Technician is treated as
an Engineer (clause （十四）), with five notes.
"""

from __future__ import annotations

from typing import Any

from calculators import api
from calculators.calc_equivalence import notes_list

# A Senior Worker one year after the certificate, under the 2018 conditions: every route to
# Technician missed.
WAITING = {
    "target": "技师",
    "certificate": "高级工",
    "years_since_certificate": 1,
    "edition": "2018",
}


def _outline(node: dict[str, Any], deepest: int, depth: int = 0) -> list[str]:
    """Each element down to `deepest` levels below the top as `tag.class [data-route]`."""
    if "tag" not in node:
        return []
    name = node["tag"] + "".join(f".{c}" for c in node.get("class", "").split())
    route = node.get("attrs", {}).get("data-route")
    lines = ["  " * depth + name + (f" {route}" if route else "")]
    if depth < deepest:
        for child in node["children"]:
            lines += _outline(child, deepest, depth + 1)
    return lines


def _layout(
    kind: str, request: dict[str, Any], deepest: int = 2
) -> tuple[dict[str, str], list[str]]:
    view = api.respond(kind, request)["view"]
    return view["data"], [line for node in view["nodes"] for line in _outline(node, deepest)]


def test_an_eligibility_answer_is_laid_out_verdict_first_then_folded_parts() -> None:
    data, layout = _layout(
        "eligibility",
        WAITING,
    )
    assert data == {"eligible": "false"}
    assert layout == [
        "h3.calc-verdict.calc-no",
        "p.calc-edition",
        "details.calc-details",  # how each route stands
        "  summary",
        "  p.calc-subhead",
        "    strong",
        "  ul.calc-routes",
        "    li.calc-missed 2018-technician-a1",
        "    li.calc-missed 2018-technician-a2",
        "    li.calc-missed 2018-technician-a3",
        "details.calc-details",  # the Huangshi text's special routes
        "  summary",
        "  ul.calc-special",
        "    li c6-direct-recognition",
        "    li c6-out-of-sequence-promotion",
        "    li c6-higher-level-evaluation",
        "    li c9.4-competition",
        "details.calc-details",  # the notes
        "  summary",
        "  ul.calc-notes",
        "    li",
        "p",  # the rules in force on the day
        "details.calc-details",  # the clauses quoted: （六） and （九）4
        "  summary",
        "  ul",
        "    li",
        "    li",
        "  p.calc-quote-original",
        "    small",
        "p.calc-version",
    ]


def test_a_route_shows_its_mark_label_state_summary_what_it_needs_and_its_note() -> None:
    _, layout = _layout(
        "eligibility",
        WAITING,
        deepest=4,
    )
    a2 = layout.index("    li.calc-missed 2018-technician-a2")
    assert layout[a2 : a2 + 10] == [
        "    li.calc-missed 2018-technician-a2",
        "      span.calc-mark",  # ✘, hidden from screen readers, which read the state
        "      strong",  # A2
        "      span.calc-state",  # not met
        "      small",  # "Summary:"
        "      p.calc-missing",
        "        strong",  # "This route still needs:"
        "      p.calc-route-note",
        "        small",
        "    li.calc-missed 2018-technician-a3",
    ]
    view = api.respond("eligibility", WAITING)["view"]
    mark = view["nodes"][2]["children"][2]["children"][0]["children"][0]
    assert (mark["class"], mark["attrs"]) == ("calc-mark", {"aria-hidden": "true"})


def test_an_extension_route_is_tagged() -> None:
    _, layout = _layout(
        "eligibility",
        {"target": "技师", "certificate": "高级工", "years_since_certificate": 5,
         "extensions": True, "edition": "2018"},
        deepest=4,
    )  # fmt: skip
    e1 = layout.index("    li.calc-missed 2018-technician-e1")
    assert layout[e1 + 3 : e1 + 5] == ["      span.calc-state", "      small.calc-tag"]


def test_without_an_edition_the_other_editions_verdict_follows_the_edition() -> None:
    _, layout = _layout("eligibility", {"target": "技师", "certificate": "高级工"})
    assert layout[:6] == [
        "h3.calc-verdict.calc-no",
        "p.calc-edition",
        "div.calc-other-editions",
        "  p",  # they agree, or differ
        "  ul",
        "    li",  # the 2023 edition's verdict
    ]


def test_a_met_route_is_marked_met_and_the_verdict_yes() -> None:
    data, layout = _layout(
        "eligibility",
        {
            "target": "技师",
            "certificate": "高级工",
            "years_since_certificate": 5,
            "edition": "2018",
        },
    )
    assert data == {"eligible": "true"}
    assert layout[0] == "h3.calc-verdict.calc-yes"
    assert "    li.calc-met 2018-technician-a1" in layout


def test_an_equivalence_answer_is_laid_out_verdict_first() -> None:
    data, layout = _layout("equivalence", {"level": "技师"})
    assert data == {"equivalent": "engineer"}
    assert layout == [
        "h3.calc-verdict.calc-yes",
        "p",  # the explanation
        "p",  # the scope of the clause
        "  small",
        "p",  # the title one may apply for
        "  strong",
        "details.calc-details",  # five notes
        "  summary",
        "  ul.calc-notes",
        "    li",
        "    li",
        "    li",
        "    li",
        "    li",
        "p",  # the rules in force on the day
        "p.calc-sources",
        "details.calc-details",  # clause （十四） quoted
        "  summary",
        "  ul",
        "    li",
        "  p.calc-quote-original",
        "    small",
        "p.calc-version",
    ]


def test_a_level_without_a_title_says_none_and_has_no_notes_to_fold() -> None:
    """Clause （十四） names no title for a Junior Worker (初级工), and no note applies."""
    data, layout = _layout("equivalence", {"level": "初级工"})
    assert data == {"equivalent": "none"}
    assert layout[0] == "h3.calc-verdict.calc-no"
    assert "  ul.calc-notes" not in layout


def test_a_special_route_shows_its_status_its_explanation_and_its_clause() -> None:
    """Each special route: its status tag, a space, what the text says of it, a space in
    English only (Chinese sets none after its full stop), a link to its clause (（六） for the three routes of clause (6), （九）4 for competitions), then
    its notes only if it has any: higher-level evaluation has none in policy/special-routes.yaml."""
    view = api.respond("eligibility", WAITING)["view"]
    special = next(n for n in view["nodes"][3]["children"] if n.get("tag") == "ul")
    clauses = {
        "c6-direct-recognition": ("c6", "黄改委发〔2020〕4号（六）"),
        "c6-out-of-sequence-promotion": ("c6", "黄改委发〔2020〕4号（六）"),
        "c6-higher-level-evaluation": ("c6", "黄改委发〔2020〕4号（六）"),
        "c9.4-competition": ("c9.4", "黄改委发〔2020〕4号（九）4"),
    }
    for item in special["children"]:
        route = item["attrs"]["data-route"]
        tag, space, explanation, space_again, link, *notes = item["children"]
        assert (tag["tag"], tag["class"]) == ("span", "calc-tag")
        assert space == {"text": {"zh": " ", "en": " "}}
        assert space_again == {"text": {"zh": "", "en": " "}}
        assert explanation["text"]["zh"].startswith(
            {"c6-direct-recognition": "直接认定", "c6-out-of-sequence-promotion": "破格晋级",
             "c6-higher-level-evaluation": "越级", "c9.4-competition": "竞赛选拔"}[route]
        )  # fmt: skip
        assert (link["ref"], link["label"]["zh"]) == clauses[route]
        assert [(n["tag"], n["class"]) for n in notes] == (
            [] if route == "c6-higher-level-evaluation" else [("ul", "calc-notes")]
        )


def test_a_note_shows_its_source_or_where_it_was_seen_and_its_mark() -> None:
    """A note of the rule applied: its words alone. A note from outside: its words, a space, the
    link to its source, a space, its confidence mark. A note resting on no document the project
    holds: its words, where it was seen in brackets (no space: the bracket opens it), a space,
    its mark. The spaces are English only: Chinese sets none after its full stop or before
    its full-width brackets. Marks are policy/confidence.yaml's (seen: 已见原文)."""
    space = {"text": {"zh": "", "en": " "}}
    words = {"zh": "说明", "en": "Note"}
    seen_in = {"zh": "湖北省竞赛通知", "en": "Hubei competition notices"}
    label = {"zh": "黄改委发〔2020〕4号（十四）", "en": "clause (14)"}
    notes = notes_list(
        [
            {"text": words},
            {"text": words, "source": "c14", "source_label": label, "confidence": "seen"},
            {"text": words, "source_note": seen_in, "confidence": "reported"},
        ],
        api.policy_index(),
    )
    assert (notes["tag"], notes["class"]) == ("ul", "calc-notes")
    own, cited, reported = (item["children"] for item in notes["children"])
    assert own == [{"text": words}]
    assert cited[:3] == [{"text": words}, space, {"ref": "c14", "label": label}]
    assert cited[3] == space and cited[4]["confidence"] == "seen"
    assert cited[4]["label"]["zh"] == "已见原文"
    where = reported[1]
    assert where["tag"] == "span"
    assert [c["text"] for c in where["children"]] == [
        {"zh": "（", "en": " ("},
        seen_in,
        {"zh": "）", "en": ")"},
    ]
    assert reported[2] == space and reported[3]["confidence"] == "reported"
    assert len(reported) == 4
