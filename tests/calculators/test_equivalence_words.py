"""What the equivalence answer says for the levels clause （十四） does not pair with a title:
the lower national levels (it names only 高级工, 技师 and 高级技师) and the two levels clause
（四） only encourages employers to create; and for a Technician who is not hired (the clause
covers hired holders only). Typed from the clauses, in both languages."""

from __future__ import annotations

from typing import Any

import pytest

from calculators import api
from calculators.model.index import PolicyIndex


def _answer(index: PolicyIndex, **request: Any) -> dict[str, Any]:
    return api.answer("equivalence", request, index, view=False)


@pytest.mark.parametrize(
    ("level", "zh", "en"),
    [
        (
            "初级工",
            "初级工：第（十四）条未给出对应的职称（该条只列出较高的国家等级）。",
            "Junior Worker: Clause (14) gives no counterpart title (it names only the upper "
            "national levels).",
        ),
        (
            "中级工",
            "中级工：第（十四）条未给出对应的职称（该条只列出较高的国家等级）。",
            "Intermediate Worker: Clause (14) gives no counterpart title (it names only the "
            "upper national levels).",
        ),
        (
            "特级技师",
            "特级技师：黄石《意见》没有规定这一等级比照哪一级职称；第（四）条只鼓励企业设立这一等级。",
            "Special-Grade Technician: The Huangshi opinion does not say which title this level "
            "is treated like; clause (4) only encourages employers to create this level.",
        ),
        (
            "首席技师",
            "首席技师：本项目掌握的来源均未规定这一等级比照哪一级职称；第（四）条只鼓励企业设立这一等级。",
            "Chief Technician: No source the project holds states a title equivalent for this "
            "level; clause (4) only encourages employers to create it.",
        ),
    ],
    ids=["junior-worker", "intermediate-worker", "special-grade", "chief"],
)
def test_a_level_the_clause_does_not_pair_has_no_title_and_says_why(
    index: PolicyIndex, level: str, zh: str, en: str
) -> None:
    answer = _answer(index, level=level)
    assert (answer["basis"], answer["direction"], answer["title"]) == (
        "none",
        "level-to-title",
        None,
    )
    assert answer["explanation"] == {"zh": zh, "en": en}


def test_a_technician_who_is_not_hired_is_told_the_clause_covers_hired_holders_only(
    index: PolicyIndex,
) -> None:
    answer = _answer(index, level="技师", hired=False)
    assert answer["basis"] == "huangshi"
    assert answer["title"] == {"id": "engineer", "zh": "工程师", "en": "Engineer"}
    assert answer["explanation"] == {
        "zh": "黄改委发〔2020〕4号（十四）只适用于被聘用者：被聘用的技师比照工程师享受同等待遇；未被聘用的不适用。",
        "en": "黄改委发〔2020〕4号, clause (14) covers only hired holders: a hired Technician is "
        "treated like holders of the title Engineer; a holder who is not hired is not covered.",
    }
