"""The answer's first sentence and its notes (rules/eligibility.py), for a few requests whose
answer the 2018 and 2023 conditions fix (policy/application-routes.yaml): Technician route A1
wants a Senior Worker certificate and 4 years of work after it; A2 the certificate, a senior
technical school and 3 years of work in all; A3 that school, the preparatory-technician
certificate and 2 years; Senior Technician route A1 a Technician certificate. Typed here in
both languages, so that a verdict that names the wrong route, level or date, or a note lost or
given to the wrong figure, fails in milliseconds."""

from __future__ import annotations

from datetime import date

from calculators.model.index import PolicyIndex
from calculators.plumbing.texts import Text
from calculators.rules.eligibility import assess
from calculators.rules.facts import EligibilityFacts

TECHNICIAN = {"target": "technician", "certificate": "senior-worker", "edition": "2018"}
GOVERNS_2018 = Text(
    zh="申报条件以所申报职业（工种）的国家职业技能标准为准；"
    "本结果依据国家职业技能标准编制技术规程（2018年版），仅供参考。",
    en="The national vocational skill standard of the applicant's occupation governs; this "
    "answer applies the Technical Rules for Drafting National Occupational Skill Standards "
    "(2018 edition) and is a guide only.",
)
CALENDAR = Text(
    zh="年限按公历年计算：N年期满之日为N年后的同月同日；2月29日起算的，平年以2月28日为期满日。",
    en="Years are calendar years: N years end on the same month and day N years later; from "
    "29 February they end on 28 February in a common year.",
)


def _disagree(field: str, given: str, dated: str, given_en: str, dated_en: str) -> Text:
    return Text(
        zh=f"所给的{field}（{given}）与日期推算的年限（{dated}）不一致："
        "是否满足按所给年限判断，满足日期按日期推算。",
        en=f"The {field} given ({given_en}) disagrees with the dates ({dated_en}): whether a "
        "condition is met follows the figure given, the day it is met follows the dates.",
    )


def test_a_worker_who_meets_a_route_is_told_yes_and_by_which(index: PolicyIndex) -> None:
    decision = assess(EligibilityFacts(**TECHNICIAN, years_since_certificate=5), index)
    assert decision.headline == Text(
        zh="可以申报技师（二级），依据途径A1。",
        en="You may apply for Technician (Level 2), by route A1.",
    )
    assert decision.notes == [GOVERNS_2018]


def test_every_route_met_is_named(index: PolicyIndex) -> None:
    facts = EligibilityFacts(
        **TECHNICIAN,
        years_since_certificate=4,
        education="senior-technical-school",
        preparatory_technician=True,
    )
    assert assess(facts, index).headline.en == (
        "You may apply for Technician (Level 2), by route A1 or A2 or A3."
    )


def test_a_worker_who_meets_none_is_told_the_closest_route_and_what_it_still_needs(
    index: PolicyIndex,
) -> None:
    decision = assess(EligibilityFacts(**TECHNICIAN, years_since_certificate=1), index)
    assert decision.headline == Text(
        zh="暂不能申报技师（二级）。最接近的是途径A1：还需在取得高级工（三级）后再工作3年。",
        en="You may not apply for Technician (Level 2) yet. The closest route is A1: 3 more "
        "years of work after obtaining Senior Worker (Level 3).",
    )
    assert decision.notes == [GOVERNS_2018]


def test_a_worker_with_dates_is_told_the_day_and_how_years_are_counted(
    index: PolicyIndex,
) -> None:
    """A certificate of 1 March 2024: four years of work after it end on 1 March 2028."""
    facts = EligibilityFacts(
        **TECHNICIAN, certificate_date=date(2024, 3, 1), as_of=date(2025, 6, 1)
    )
    decision = assess(facts, index)
    assert decision.headline == Text(
        zh="2028年3月1日起可以申报技师（二级），依据途径A1。",
        en="You may apply for Technician (Level 2) from 1 March 2028, by route A1.",
    )
    assert decision.notes == [GOVERNS_2018, CALENDAR]


def test_a_figure_the_dates_contradict_is_noted_under_its_own_name(index: PolicyIndex) -> None:
    """1 year given since a certificate of 1 March 2020 (5.25 years by 1 June 2025), 3 years
    of work in all given from 1 January 2010 (15.41 years)."""
    facts = EligibilityFacts(
        **TECHNICIAN,
        years_since_certificate=1,
        certificate_date=date(2020, 3, 1),
        total_years=3,
        work_start_date=date(2010, 1, 1),
        as_of=date(2025, 6, 1),
    )
    assert assess(facts, index).notes == [
        GOVERNS_2018,
        CALENDAR,
        _disagree("years_since_certificate", "1年", "5.25年", "1 year", "5.25 years"),
        _disagree("total_years", "3年", "15.41年", "3 years", "15.41 years"),
    ]


def test_extensions_and_a_title_s_contradicted_years_are_noted(index: PolicyIndex) -> None:
    facts = EligibilityFacts(
        target="senior-technician",
        edition="2018",
        extensions=True,
        title="intermediate",
        years_since_title=9,
        title_date=date(2022, 1, 1),
        as_of=date(2025, 6, 1),
    )
    assert assess(facts, index).notes == [
        GOVERNS_2018,
        Text(
            zh="已计入仅见于部分职业标准的扩展途径（E…）：只有所申报职业的标准含有这些途径时才适用。",
            en="Occupation-specific extension routes (E…) are included: they apply only where "
            "the applicant's own occupation standard contains them.",
        ),
        CALENDAR,
        _disagree("years_since_title", "9年", "3.41年", "9 years", "3.41 years"),
    ]


def test_the_2023_standards_are_named_under_their_own_edition(index: PolicyIndex) -> None:
    facts = EligibilityFacts(target="technician", certificate="senior-worker", edition="2023")
    assert assess(facts, index).notes[0].en == (
        "The national vocational skill standard of the applicant's occupation governs; this "
        "answer applies the national occupational standards issued from 2023 and is a guide only."
    )


def test_each_route_explains_itself_and_the_closest_is_named(index: PolicyIndex) -> None:
    """One year after a Senior Worker certificate: A1 misses 3 years of work, A2 the senior
    technical school and 2 of its 3 years in all (its note: the 3 years count work before the
    certificate too); A1, missing least, is the closest."""
    decision = assess(EligibilityFacts(**TECHNICIAN, years_since_certificate=1), index)
    a1, a2 = decision.routes[:2]
    assert (a1.id, a1.met, a2.id, a2.met) == (
        "2018-technician-a1",
        False,
        "2018-technician-a2",
        False,
    )
    assert a1.explanation == Text(
        zh="不满足途径A1：还需在取得高级工（三级）后再工作3年。",
        en="Route A1 is not met: 3 more years of work after obtaining Senior Worker (Level 3).",
    )
    assert a2.explanation.en == (
        "Route A2 is not met: needs one of these diplomas: Senior technical school or "
        "technician college graduate; 2 more years of cumulative work."
    )
    assert a2.note is not None
    assert a2.note.en.startswith('The template says "3 years of cumulative work"')
    assert a1.note is None
    assert decision.closest_route == "2018-technician-a1"
    assert decision.certificate is not None
    assert (decision.certificate.id, decision.certificate.en) == ("senior-worker", "Senior Worker")
    assert decision.explanation.en == (
        "Not yet eligible to apply for Technician (Level 2) under the Technical Rules for "
        "Drafting National Occupational Skill Standards (2018 edition)."
    )


def test_a_met_route_lists_what_it_asked_for_and_no_route_is_closest(index: PolicyIndex) -> None:
    decision = assess(EligibilityFacts(**TECHNICIAN, years_since_certificate=5), index)
    assert decision.routes[0].explanation == Text(
        zh="满足途径A1：持有本职业或相关职业高级工（三级）或以上等级证书；"
        "取得高级工（三级）证书后累计从事本职业或相关职业工作4年以上。",
        en="Route A1 is met: a Senior Worker (Level 3) certificate or higher in this or a "
        "related occupation; at least 4 years of work in this or a related occupation after "
        "obtaining Senior Worker (Level 3).",
    )
    assert decision.closest_route is None
    assert decision.explanation.en == (
        "Eligible to apply for Technician (Level 2): route A1 of the Technical Rules for "
        "Drafting National Occupational Skill Standards (2018 edition) is met."
    )
    no_certificate = assess(EligibilityFacts(target="technician", edition="2018"), index)
    assert no_certificate.certificate is None
