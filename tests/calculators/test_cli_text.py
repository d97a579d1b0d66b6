"""The CLI's readable text (an answer's view as lines, calculators/interfaces/view.py; the tables,
calculators/interfaces/render.py), line by line where its shape matters.

The layout is typed here; names and descriptions come from policy/*.yaml (read as YAML here,
not through the calculators), so no rule text is written twice.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from calculators import api
from calculators.interfaces.render import tables_text
from calculators.interfaces.view import text

POLICY = Path(__file__).resolve().parents[2] / "policy"


def _yaml(stem: str) -> Any:
    return yaml.safe_load((POLICY / f"{stem}.yaml").read_text(encoding="utf-8"))


ROUTES = {r["id"]: r for r in _yaml("application-routes")["routes"]}
EXTENSIONS = {r["id"]: r for r in _yaml("application-routes")["extensions"]}
SPECIAL = _yaml("special-routes")
NUMBER = {s["id"]: s["number"] for s in _yaml("sources")["sources"]}
NUMBER_EN = {s["id"]: s["number_en"] for s in _yaml("sources")["sources"]}
EDITION_2018 = {
    "zh": "国家职业技能标准编制技术规程（2018年版）",
    "en": "Technical Rules for Drafting National Occupational Skill Standards (2018 edition)",
}


def _lines(kind: str, lang: str, **facts: Any) -> list[str]:
    return text(json.loads(api.run(kind, json.dumps(facts)))["view"], lang).splitlines()


WAITING = {
    "target": "技师",
    "certificate": "高级工",
    "certificate_date": "2021-03-15",
    "as_of": "2024-03-14",
}


def test_a_decision_in_english() -> None:
    lines = _lines("eligibility", "en", **WAITING)
    a1 = ROUTES["2018-technician-a1"]
    assert lines[:8] == [
        "You may apply for Technician (Level 2) from 15 March 2025, by route A1.",
        f"Conditions applied: {EDITION_2018['en']} (seen)",
        # No edition named: the 2023 conditions' verdict beside it (B1: five years, not four).
        "The other edition gives a different answer; the one your occupation's national skill"
        " standard uses applies:",
        "- Under the national occupational standards issued from 2023: You may apply for"
        " Technician (Level 2) from 15 March 2026, by route B1.",
        "How each route stands (3):",
        "  National routes (any one suffices)",
        f"  ✘ A1 not met — Summary: {a1['description']['en']}",
        "      This route still needs: work after obtaining Senior Worker (Level 3) until"
        " 15 March 2025",
    ]
    special = lines.index("Special routes of the Huangshi text (not part of the result above) (4):")
    direct = SPECIAL["routes"][0]
    assert lines[special + 1].startswith(
        f"  - [exists; the text sets no condition] {direct['name']['en']} ("
    )
    note = SPECIAL["notes"][0]
    assert lines[special + 2] == (
        f"      - {note['text']['en']} {NUMBER_EN['zbf-2022-58']} ({NUMBER['zbf-2022-58']}) (seen)"
    )
    hubei = SPECIAL["notes"][2]  # no document behind it: where it was seen, then the mark
    assert f"      - {hubei['text']['en']} ({hubei['source_note']['en']}) (reported)" in lines
    assert any(line.startswith("  - [no facts given] ") for line in lines)
    assert lines[-1].startswith("Data version: ")


def test_a_decision_in_chinese_with_a_met_route_and_extensions() -> None:
    lines = _lines(
        "eligibility",
        "zh",
        target="技师",
        certificate="高级工",
        years_since_certificate=4,
        extensions=True,
        competition_rank=2,
    )
    a1, e1 = ROUTES["2018-technician-a1"], EXTENSIONS["2018-technician-e1"]
    assert lines[:7] == [
        "可以申报技师（二级），依据途径A1。",
        f"所依据的申报条件：{EDITION_2018['zh']}（已见原文）",
        "另一版本的结论不同，以您所从事职业的国家职业技能标准采用的版本为准：",
        "- 按2023年起颁布的国家职业标准：暂不能申报技师（二级）。最接近的是途径B1：还需在取得"
        "高级工（三级）后再工作1年。",
        "每条途径的情况（6）：",
        "  国家申报途径（满足任一即可）",
        f"  ✔ A1 满足 — 要点：{a1['description']['zh']}",
    ]
    assert f"  ✘ E1 不满足 [部分职业标准另设] — 要点：{e1['description']['zh']}" in lines
    assert "黄石《意见》的特别途径（不计入上述结论）（4）：" in lines
    assert any(line.startswith("  - [可能适用] ") for line in lines)
    assert "说明（2）：" in lines and lines[-1].startswith("数据版本：")


def test_an_edition_named_gets_no_other_editions_verdict() -> None:
    lines = _lines("eligibility", "en", edition="2018", **WAITING)
    assert lines[1] == f"Conditions applied: {EDITION_2018['en']} (seen)"
    assert lines[2] == "How each route stands (3):"


def test_editions_that_agree_say_so() -> None:
    """Nine years of work: 2018's A2 (6 years) and 2023's B1 (5 years) both lead to
    Intermediate Worker (Level 4)."""
    lines = _lines("eligibility", "zh", target="中级工", total_years=9)
    assert lines[:4] == [
        "可以申报中级工（四级），依据途径A2。",
        f"所依据的申报条件：{EDITION_2018['zh']}（已见原文）",
        "另一版本的结论相同：",
        "- 按2023年起颁布的国家职业标准：可以申报中级工（四级），依据途径B1。",
    ]


def test_a_competition_place_below_the_top_three() -> None:
    lines = _lines("eligibility", "en", target="技师", competition_rank=4)
    assert any(line.startswith("  - [does not apply] ") for line in lines)
    assert lines[0].startswith("You may not apply for Technician (Level 2) yet.")


def test_an_equivalence_with_the_title_one_may_apply_for() -> None:
    lines = _lines("equivalence", "en", level="高级技师")
    apply = next(
        r for r in _yaml("equivalence")["title_application"] if r["level"] == "senior-technician"
    )
    assert lines[0] == "Treated as equal to: Senior Engineer"
    assert lines[2].startswith("Scope: In clause (14) this sentence")
    assert lines[3] == (
        f"May apply for: {apply['description']['en']}"
        f" {NUMBER_EN['rsbf-2018-74']} ({NUMBER['rsbf-2018-74']}) ·"
        f" {NUMBER_EN['lurs-2020-16']} ({NUMBER['lurs-2020-16']})"
        " (a Shandong document, not applicable in Hubei, cited as an example only) (reported)"
    )
    assert lines[4] == "Notes (5):" and lines[5].startswith("  - ")
    # The sources, then the clause they rest on, quoted (the translation, then the Chinese).
    clause = next(
        c for s in _yaml("document")["sections"] for c in s.get("clauses", []) if c["id"] == "c14"
    )
    assert lines[-7:-1] == [
        "Sources: 黄改委发〔2020〕4号, clause (14)"
        f" · {NUMBER_EN['rsbf-2018-74']} ({NUMBER['rsbf-2018-74']})"
        f" · {NUMBER_EN['lurs-2020-16']} ({NUMBER['lurs-2020-16']})"
        " (a Shandong document, not applicable in Hubei, cited as an example only)"
        f" · {NUMBER_EN['rsbf-2020-96']} ({NUMBER['rsbf-2020-96']})",
        "The clauses it rests on (1):",
        "  - 黄改委发〔2020〕4号, clause (14)",
        f"      {clause['text']['en']}",
        f"      The text: {clause['text']['zh']}",
        "  The English is an unofficial translation for reference only; the Chinese original"
        " prevails.",
    ]
    assert lines[-1].startswith("Data version: ")


def test_an_equivalence_in_chinese_not_hired_and_from_a_title() -> None:
    lines = _lines("equivalence", "zh", level="技师", hired=False)
    assert lines[0] == "没有对应的职称"
    assert lines[3].endswith(
        f"。{NUMBER['rsbf-2018-74']} · {NUMBER['lurs-2020-16']}（山东省文件，不适用于湖北，仅作示例）（见于报道）"
    )
    assert "说明（5）：" in lines
    lines = _lines("equivalence", "en", title="工程师")
    assert lines[0] == "Treated as equal to: Technician"
    assert _lines("equivalence", "en", level="初级工")[0] == "No equivalent title"
    # Asked from a title, "none" is about a level: clause （十四） names none for this title.
    assert _lines("equivalence", "zh", title="正高级工程师")[:2] == [
        "没有对应的技能等级",
        "没有来源规定与正高级工程师对应的技能等级。",
    ]
    assert _lines("equivalence", "en", title="正高级工程师")[0] == "No corresponding skill level"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_tables(lang: str) -> None:
    lines = tables_text(json.loads(api.run("tables", "")), lang).splitlines()
    arrow = {
        "zh": "高级工（三级） → 助理工程师",
        "en": "Senior Worker (Level 3) → Assistant Engineer",
    }
    assert arrow[lang] in lines
    assert ("初级工（五级） → —" if lang == "zh" else "Junior Worker (Level 5) → —") in lines
    assert lines[lines.index(EDITION_2018[lang]) - 1] == ""
    first = ROUTES["2018-junior-worker-a1"]
    level = {"zh": "初级工（五级）", "en": "Junior Worker (Level 5)"}[lang]
    assert f"  2018-junior-worker-a1  {level}  {first['description'][lang]}" in lines
    assert any(line.startswith("  2018-technician-e1  ") for line in lines)


@pytest.mark.parametrize(
    ("lang", "a1", "a2", "a3"),
    [
        (
            "zh",
            "还需在取得高级工（三级）后再工作3年",
            "学历需为以下之一：高级技工学校或技师学院毕业；还需再累计工作2年",
            "学历需为以下之一：高级技工学校或技师学院毕业；需持有本职业或相关职业预备技师证书；"
            "还需再累计工作1年",
        ),
        (
            "en",
            "3 more years of work after obtaining Senior Worker (Level 3)",
            "needs one of these diplomas: Senior technical school or technician college graduate;"
            " 2 more years of cumulative work",
            "needs one of these diplomas: Senior technical school or technician college graduate;"
            " needs a preparatory-technician certificate in this or a related occupation;"
            " 1 more year of cumulative work",
        ),
    ],
)
def test_each_route_says_all_it_still_needs_then_its_note(
    lang: str, a1: str, a2: str, a3: str
) -> None:
    """One year after a Senior Worker certificate, no diploma named: 2018's Technician routes
    need 4 years since the certificate (A1); a senior technical school or technician college
    diploma and 3 years of work in all (A2, with the note on counting them); that diploma, a
    preparatory-technician certificate and 2 years of work (A3)."""
    lines = _lines(
        "eligibility", lang, target="技师", certificate="高级工", years_since_certificate=1,
        edition="2018",
    )  # fmt: skip
    start = lines.index("每条途径的情况（3）：" if lang == "zh" else "How each route stands (3):")
    routes = {r: ROUTES[f"2018-technician-{r}"] for r in ("a1", "a2", "a3")}
    missed, needs = (
        ("不满足", "此途径未满足的条件：")
        if lang == "zh"
        else ("not met", "This route still needs: ")
    )
    summary = "要点：" if lang == "zh" else "Summary: "
    assert lines[start + 2 : start + 10] == [
        f"  ✘ A1 {missed} — {summary}{routes['a1']['description'][lang]}",
        f"      {needs}{a1}",
        f"  ✘ A2 {missed} — {summary}{routes['a2']['description'][lang]}",
        f"      {needs}{a2}",
        f"      {routes['a2']['note'][lang]}",
        f"  ✘ A3 {missed} — {summary}{routes['a3']['description'][lang]}",
        f"      {needs}{a3}",
        "黄石《意见》的特别途径（不计入上述结论）（4）："
        if lang == "zh"
        else "Special routes of the Huangshi text (not part of the result above) (4):",
    ]


def test_a_route_resting_on_another_document_than_its_editions_names_it() -> None:
    """The edition's document is named once, above the routes; a route whose own source is
    another document (the schema allows it; none does today) names that one, with its mark."""
    from calculators.model.index import PolicyIndex

    base = api.policy_index()
    data = copy.deepcopy(base.data)
    a1 = next(r for r in data["application-routes"]["routes"] if r["id"] == "2018-technician-a1")
    a1["source"] = "rsbf-2018-74"
    index = PolicyIndex(data, data_version=base.data_version)
    facts = {"target": "技师", "certificate": "高级工", "years_since_certificate": 5}
    answer = api.respond("eligibility", {**facts, "edition": "2018"}, index)
    zh, en = (text(answer["view"], lang).splitlines() for lang in ("zh", "en"))
    assert (
        f"  ✔ A1 满足 — 要点：{ROUTES['2018-technician-a1']['description']['zh']}"
        f"{NUMBER['rsbf-2018-74']}（已见原文）" in zh
    )
    assert (
        f"  ✔ A1 met — Summary: {ROUTES['2018-technician-a1']['description']['en']}"
        f" {NUMBER_EN['rsbf-2018-74']} ({NUMBER['rsbf-2018-74']}) (seen)" in en
    )
    # A2, on the edition's own document, names none.
    assert any(line.startswith("  ✘ A2 ") and line.endswith("以上。") for line in zh)
