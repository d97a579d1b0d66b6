"""Schooling written as HR files write it (大专, 中专, 技师学院): each alias policy/education.yaml
gives an education record is read as that record's name, by the eligibility calculator and by
the roster alike, and a name that could mean two kinds of schooling is refused with the
accepted names listed.

The aliases are read from the YAML itself (not through the model under test); the pinned
meanings are typed from the mapping at the head of education.yaml: 中专 and 中职 are secondary
vocational schools (technical-school), 技师学院 a senior technical school, 大专 a junior
college; 高职 is higher-vocational only when its programme was assessed, so it is ambiguous.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import yaml

from calculators import api
from calculators.plumbing.errors import InputError
from calculators.roster.check import check_table
from calculators.rules.names import education_id, normalise
from tests.support.builds import ROOT

RECORDS = yaml.safe_load((ROOT / "policy" / "education.yaml").read_text(encoding="utf-8"))
RECORDS = RECORDS["education"]
ALIASES = [(r["name"]["zh"], alias) for r in RECORDS for alias in r.get("aliases", [])]
AS_OF = date(2026, 11, 30)
# Requests in which schooling decides: a 2018 senior-worker certificate holder applying for
# 技师 (A2 accepts senior technical school graduates), and a 2023 first application for 中级工.
REQUESTS: list[dict[str, Any]] = [
    {"certificate": "高级工", "certificate_date": "2022-07-01", "total_years": 4,
     "edition": "2018"},
    {"work_start_date": "2021-09-01", "target": "中级工", "edition": "2023"},
]  # fmt: skip


def _answer(request: dict[str, Any], education: str) -> dict[str, Any]:
    return api.answer(
        "eligibility", {**request, "education": education, "as_of": AS_OF.isoformat()}, view=False
    )


def test_every_alias_names_one_record_only() -> None:
    names: dict[str, str] = {}
    for record in RECORDS:
        spellings = [record["id"], record["name"]["zh"], record["name"]["en"]]
        for spelling in [*spellings, *record.get("aliases", [])]:
            owner = names.setdefault(normalise(spelling), record["id"])
            assert owner == record["id"], (spelling, owner)


@pytest.mark.parametrize(("name", "alias"), ALIASES)
@pytest.mark.parametrize("n", range(len(REQUESTS)))
def test_an_alias_gets_the_answer_its_name_gets(name: str, alias: str, n: int) -> None:
    assert _answer(REQUESTS[n], alias) == _answer(REQUESTS[n], name)


@pytest.mark.parametrize(("name", "alias"), ALIASES)
def test_a_roster_row_with_an_alias_is_the_row_with_its_name(name: str, alias: str) -> None:
    header = ["姓名", "现有等级", "取证日期", "累计工作年限", "学历"]
    rows = [["甲", "高级工", "2022-07-01", 4, alias], ["甲", "高级工", "2022-07-01", 4, name]]
    first, second = check_table([header, *rows], AS_OF).rows
    assert first.problems == []
    assert (first.status, first.headline, first.route) == (
        second.status, second.headline, second.route,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("alias", "education"),
    [("中专", "technical-school"), ("中职", "technical-school"),
     ("技师学院", "senior-technical-school"), ("大专", "junior-college"),
     ("大学本科", "bachelor"), ("博士", "doctorate")],
)  # fmt: skip
def test_the_aliases_mean_what_the_mapping_says(alias: str, education: str) -> None:
    assert education_id(alias, api.policy_index()) == education


@pytest.mark.parametrize("ambiguous", ["高职", "技工院校", "研究生"])
def test_an_ambiguous_name_is_refused_with_the_accepted_names(ambiguous: str) -> None:
    with pytest.raises(InputError) as refused:
        _answer(REQUESTS[1], ambiguous)
    assert refused.value.field == "education"
    message = refused.value.message
    for record in RECORDS:
        assert record["name"]["zh"] in message.zh and record["name"]["en"] in message.en
