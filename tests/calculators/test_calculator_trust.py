"""Answers say no more than their sources: the corrections of the 2026-11-30 audit, pinned.

Expected values are typed from the rules reference and the national wording, not computed by
the calculators: which levels the national direct-recognition note covers, what clause （六）
says about who decides, how the confidence marks read, which numbers and words must never
appear again. The changelog (policy/changelog.yaml) says why each one changed.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml

from calculators import api
from calculators.model.index import PolicyIndex

from .test_calculator_cli import cli

ROOT = Path(__file__).resolve().parents[2]
RANK = {"seen": 3, "reported": 2, "unconfirmed": 1}
# Said by no source the project holds: the wrong document number of the 2018 engineering-field
# opinion, and "pay and benefits" as part of the equal treatment.
NEVER_SAID = ("82号", "工资福利", "pay and benefits")


def _all_equivalence_answers(index: PolicyIndex) -> list[dict]:
    requests = [{"level": lv, "hired": hired} for lv in index.levels for hired in (True, False)]
    requests += [{"title": ti} for ti in index.titles]
    return [json.loads(api.run("equivalence", json.dumps(r))) for r in requests]


def _without_quotes(node: object) -> object:
    """`node` without the clauses quoted word for word (quotes.py): the source's own words,
    which may say what the answer must not claim of itself."""
    if isinstance(node, dict):
        if node.get("class") in ("calc-quote", "calc-quote-original"):
            return None
        return {k: _without_quotes(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_without_quotes(n) for n in node]
    return node


def test_no_equivalence_answer_says_what_no_source_says(index: PolicyIndex) -> None:
    for answer in _all_equivalence_answers(index):
        dumped = json.dumps(_without_quotes(answer), ensure_ascii=False)
        for words in NEVER_SAID:
            assert words not in dumped, (words, answer["explanation"])
        equivalent = answer["equivalent"] or {}
        assert equivalent.get("id") != "professor-senior-engineer"
        assert (answer.get("if_hired") or {}).get("id") != "professor-senior-engineer"


def test_no_enterprise_level_gets_a_title_as_its_answer() -> None:
    for level in ("特级技师", "首席技师", "Special-Grade Technician", "Chief Technician"):
        for hired in (True, False):
            answer = json.loads(
                api.run("equivalence", json.dumps({"level": level, "hired": hired}))
            )
            assert answer["equivalent"] is None and answer["if_hired"] is None
            assert answer["basis"] == "none"


def test_every_equivalence_answer_says_the_clause_is_about_engineering(index: PolicyIndex) -> None:
    for answer in _all_equivalence_answers(index):
        scope = answer["scope"]
        assert "工程领域" in scope["zh"] and "没有界定" in scope["zh"], scope["zh"]
        assert "engineering field" in scope["en"], scope["en"]
        assert "does not define" in scope["en"], scope["en"]


def test_shandong_is_cited_as_an_example_only() -> None:
    answer = json.loads(api.run("equivalence", json.dumps({"level": "高级工"})))
    labels = answer["may_apply_for"]["source_labels"]
    shandong = [label for label in labels if label["zh"].startswith("鲁人社发〔2020〕16号")]
    assert shandong, labels
    assert "不适用于湖北" in shandong[0]["zh"]
    assert "not applicable in Hubei" in shandong[0]["en"]


@pytest.mark.parametrize(
    ("target", "shown"),
    [("初级工", False), ("中级工", False), ("高级工", True), ("技师", True), ("高级技师", True)],
)
def test_national_direct_recognition_note_only_from_senior_worker(target: str, shown: bool) -> None:
    """中办发〔2022〕58号: direct recognition at 高级工 or above: not a note for lower targets."""
    answer = json.loads(api.run("eligibility", json.dumps({"target": target})))
    (route,) = [r for r in answer["special_routes"] if r["id"] == "c6-direct-recognition"]
    sources = [n["source"] for n in route["notes"]]
    assert ("zbf-2022-58" in sources) is shown, sources


def test_clause_6_routes_do_not_name_who_decides() -> None:
    answer = json.loads(api.run("eligibility", json.dumps({"target": "技师"})))
    open_routes = [r for r in answer["special_routes"] if r["source"] == "c6"]
    assert len(open_routes) == 3
    for route in open_routes:
        assert route["decided_by"]["zh"].startswith("原文没有说明由谁决定")
        assert route["decided_by"]["en"].startswith("The text does not say who decides")
        for lang, words in (("zh", "评价机构"), ("en", "evaluation institution")):
            assert words not in route["explanation"][lang]


def test_confidence_marks_read_the_same_everywhere() -> None:
    """One vocabulary: the CLI's text uses confidence.yaml's words (见于报道 / reported)."""
    zh = cli("equivalence", "--level", "高级工")
    en = cli("equivalence", "--level", "高级工", "--lang", "en")
    assert "见于报道" in zh.stdout and "转述" not in zh.stdout
    assert "reported" in en.stdout


def _rank_ok(record: dict, index: PolicyIndex) -> bool:
    source = index.sources.get(record.get("source") or "")
    return source is None or RANK[record["confidence"]] <= RANK[source.confidence]


def test_no_answer_is_surer_than_its_source(index: PolicyIndex) -> None:
    for answer in _all_equivalence_answers(index):
        for note in answer["notes"]:
            assert _rank_ok(note, index), note["id"]
        if answer["may_apply_for"]:
            assert _rank_ok(answer["may_apply_for"], index)
    for edition in index.editions:
        for target in index.targets(edition, extensions=True):
            request = {"edition": edition, "target": target.id, "extensions": True}
            decision = json.loads(api.run("eligibility", json.dumps(request)))
            assert _rank_ok(decision["edition"], index)
            for route in decision["routes"]:
                assert _rank_ok(route, index), route["id"]
            for special in decision["special_routes"]:
                for note in special["notes"]:
                    assert _rank_ok(note, index), note["id"]


def test_title_application_rules_are_rated_alike() -> None:
    """The 2, 3 and 4 years are reported together in the same sources: one mark for all."""
    marks = set()
    for level in ("高级工", "技师", "高级技师"):
        answer = json.loads(api.run("equivalence", json.dumps({"level": level})))
        assert answer["may_apply_for"]["source"] == "rsbf-2018-74"
        marks.add(answer["may_apply_for"]["confidence"])
    assert marks == {"reported"}


# Data version -------------------------------------------------------------------------------


def test_every_answer_carries_the_data_version(index: PolicyIndex) -> None:
    changes = yaml.safe_load((ROOT / "policy" / "changelog.yaml").read_text(encoding="utf-8"))
    newest = max(change["date"] for change in changes["changes"])
    answers = [
        json.loads(api.run("equivalence", json.dumps({"level": "技师"}))),
        json.loads(api.run("eligibility", json.dumps({"target": "技师"}))),
        *json.loads(api.run_batch("eligibility", [{"target": "技师"}], detail="summary")),
    ]
    for answer in answers:
        assert answer["data_version"]["date"] == newest
        digest = answer["data_version"]["digest"]
        assert len(digest) == 12 and int(digest, 16) >= 0
    text = cli("eligibility", "--target", "技师", "--lang", "en").stdout
    assert f"Data version: {newest} (" in text


def test_the_digest_changes_with_the_rules(index: PolicyIndex) -> None:
    changed = copy.deepcopy(index.data)
    route = changed["application-routes"]["routes"][0]
    route["conditions"][0]["years"] += 1
    assert PolicyIndex(changed).data_version["digest"] != index.data_version["digest"]
    assert PolicyIndex(copy.deepcopy(index.data)).data_version == index.data_version
