"""What each condition of a route says: the requirement as the route lists it (`describe`) and
what a worker still needs when it is not met (`check`), in both languages, typed here from the
national standards' wording the routes encode (policy/application-routes.yaml) and the
catalogue's grammar: "an" before a vowel, the specialty or occupation only where the route
asks for it, final-year students only where the route counts them.

Each condition is put on a route of its own (the 2018 Technician route A1, its conditions
replaced), so that one sentence is checked at a time."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from calculators.model.index import PolicyIndex
from calculators.rules.conditions import condition_of
from calculators.rules.facts import EligibilityFacts
from calculators.rules.situation import Situation

SENIOR = {"kind": "certificate", "level": "senior-worker", "related": True}
JUNIOR_TITLE = {"kind": "title_tier", "tier": "junior", "related": True}


def _said(index: PolicyIndex, specs: list[dict[str, Any]], **facts: Any) -> tuple[str, str]:
    """The last of `specs` on a route with the others: its requirement, and what is missing
    for a technician applicant with `facts` (zh and en joined by " | ")."""
    conditions = tuple(condition_of(spec) for spec in specs)
    base = next(r for r in index.routes if r.id == "2018-technician-a1")
    route = replace(base, id="x", conditions=conditions)
    condition = conditions[-1]
    described = condition.describe(route, index)
    met, missing, _ = condition.check(
        route, Situation.of(EligibilityFacts(target="technician", **facts), index)
    )
    assert not met
    assert missing is not None
    return f"{described.zh} | {described.en}", f"{missing.zh} | {missing.en}"


CASES = [
    (
        [SENIOR],
        {},
        "持有本职业或相关职业高级工（三级）或以上等级证书"
        " | a Senior Worker (Level 3) certificate or higher in this or a related occupation",
        "需取得高级工（三级）证书 | needs a Senior Worker (Level 3) certificate",
    ),
    (
        [{"kind": "certificate", "level": "intermediate-worker", "related": False}],
        {},
        "持有中级工（四级）或以上等级证书 | an Intermediate Worker (Level 4) certificate or higher",
        "需取得中级工（四级）证书 | needs an Intermediate Worker (Level 4) certificate",
    ),
    (
        [SENIOR, {"kind": "years_since_certificate", "years": 3, "work": True}],
        {},
        "取得高级工（三级）证书后累计从事本职业或相关职业工作3年以上"
        " | at least 3 years of work in this or a related occupation after obtaining"
        " Senior Worker (Level 3)",
        "需取得高级工（三级）证书，并在其后工作3年"
        " | needs Senior Worker (Level 3), then 3 years of work after it",
    ),
    (
        [SENIOR, {"kind": "years_since_certificate", "years": 3, "work": True}],
        {"certificate": "senior-worker", "years_since_certificate": 1},
        "取得高级工（三级）证书后累计从事本职业或相关职业工作3年以上"
        " | at least 3 years of work in this or a related occupation after obtaining"
        " Senior Worker (Level 3)",
        "还需在取得高级工（三级）后再工作2年"
        " | 2 more years of work after obtaining Senior Worker (Level 3)",
    ),
    (
        [SENIOR, {"kind": "years_since_certificate", "years": 2, "work": False}],
        {},
        "持有高级工（三级）证书满2年 | the Senior Worker (Level 3) certificate held for at least"
        " 2 years",
        "需取得高级工（三级）证书并持有满2年 | needs Senior Worker (Level 3), held for 2 years",
    ),
    (
        [SENIOR, {"kind": "years_since_certificate", "years": 2, "work": False}],
        {"certificate": "senior-worker", "years_since_certificate": 1},
        "持有高级工（三级）证书满2年 | the Senior Worker (Level 3) certificate held for at least"
        " 2 years",
        "还需再持有高级工（三级）证书1年 | 1 more year holding the Senior Worker (Level 3)"
        " certificate",
    ),
    (
        [JUNIOR_TITLE],
        {},
        "具有本专业或相关专业的初级职称或以上"
        " | a junior professional title or higher in the specialty or a related one",
        "需取得本专业或相关专业的初级职称或以上"
        " | needs a junior professional title or higher in the specialty or a related one",
    ),
    (
        [{"kind": "title_tier", "tier": "intermediate", "related": False}],
        {},
        "具有中级职称或以上 | an intermediate professional title or higher",
        "需取得中级职称或以上 | needs an intermediate professional title or higher",
    ),
    (
        [JUNIOR_TITLE, {"kind": "years_since_title", "years": 2}],
        {},
        "取得初级职称后累计从事本职业或相关职业工作2年以上"
        " | at least 2 years of work in this or a related occupation after obtaining the junior"
        " professional title",
        "需取得初级职称，并在其后工作2年"
        " | needs a junior professional title, then 2 years of work after it",
    ),
    (
        [JUNIOR_TITLE, {"kind": "years_since_title", "years": 2}],
        {"title": "junior", "years_since_title": 1},
        "取得初级职称后累计从事本职业或相关职业工作2年以上"
        " | at least 2 years of work in this or a related occupation after obtaining the junior"
        " professional title",
        "还需在取得初级职称后再工作1年 | 1 more year of work after obtaining the junior"
        " professional title",
    ),
]


@pytest.mark.parametrize(
    ("specs", "facts", "requirement", "missing"),
    CASES,
    ids=[f"{c[0][-1]['kind']}-{i}" for i, c in enumerate(CASES)],
)
def test_a_condition_says_what_it_requires_and_what_is_missing(
    index: PolicyIndex, specs: list, facts: dict, requirement: str, missing: str
) -> None:
    assert _said(index, specs, **facts) == (requirement, missing)


SCHOOLS = "技工学校或中等职业学校毕业、经评估的高等职业学校毕业"
SCHOOLS_EN = (
    "Technical school or secondary vocational school graduate, "
    "Assessed higher vocational college graduate"
)


@pytest.mark.parametrize(
    ("related", "final_year_counts", "requirement"),
    [
        (
            True,
            True,
            f"学历为以下之一（本专业或相关专业）：{SCHOOLS}（含在校应届毕业生）"
            f" | one of these diplomas in the specialty or a related one: {SCHOOLS_EN}"
            " (final-year students included)",
        ),
        (
            True,
            False,
            f"学历为以下之一（本专业或相关专业）：{SCHOOLS}（须已毕业）"
            f" | one of these diplomas in the specialty or a related one: {SCHOOLS_EN}"
            " (graduated; final-year students do not count)",
        ),
        (
            False,
            True,
            f"学历为以下之一：{SCHOOLS}（含在校应届毕业生） | one of these diplomas: {SCHOOLS_EN}"
            " (final-year students included)",
        ),
        (
            False,
            False,
            f"学历为以下之一：{SCHOOLS}（须已毕业） | one of these diplomas: {SCHOOLS_EN}"
            " (graduated; final-year students do not count)",
        ),
    ],
)
def test_a_schooling_condition_names_the_schools_the_specialty_and_final_year_students(
    index: PolicyIndex, related: bool, final_year_counts: bool, requirement: str
) -> None:
    spec = {
        "kind": "education",
        "any_of": ["technical-school", "higher-vocational"],
        "related": related,
        "final_year_counts": final_year_counts,
    }
    said, missing = _said(index, [spec])
    assert said == requirement
    assert missing == f"学历需为以下之一：{SCHOOLS} | needs one of these diplomas: {SCHOOLS_EN}"


def test_a_schooling_condition_says_which_part_of_the_diploma_is_missing(
    index: PolicyIndex,
) -> None:
    spec = {
        "kind": "education",
        "any_of": ["technical-school"],
        "related": True,
        "final_year_counts": False,
    }
    unrelated = {"education": "technical-school", "same_or_related": False}
    assert _said(index, [spec], **unrelated)[1] == (
        "毕业证书须为本专业或相关专业 | the diploma must be in the specialty or a related one"
    )
    final_year = {"education": "technical-school", "final_year_student": True}
    assert _said(index, [spec], **final_year)[1] == (
        "此途径不接受在校应届毕业生，须已毕业"
        " | final-year students do not count here: the diploma itself is needed"
    )
