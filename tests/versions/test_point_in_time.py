"""Every as-of test again, with the calculators' dated wrappers made by `point_in_time` here,
in the test, rather than when their modules were imported.

Why: `eligibility.assess` and `equivalence.lookup` are made once, at import. Mutation testing
forks each mutant from a process that has already imported them, so a fault put into
`point_in_time` never reached any answer and every one survived (87 of them). Wrapping again
in the test makes the answers depend on the `point_in_time` that is running; the assertions
are test_as_of.py's own, typed from the policy and the worked example.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from calculators import calc_equivalence
from calculators.rules import editions, eligibility, equivalence, tables
from calculators.rules.asof import point_in_time
from tests.versions.test_as_of import (  # noqa: F401 (collected here again, with the fixtures)
    amended,
    substantive,
    test_a_day_before_any_rules_is_refused_by_name,
    test_a_day_within_the_year_of_issue_says_the_day_is_not_known,
    test_a_level_the_amendment_leaves_alone_is_told_no_other_day,
    test_a_level_with_no_title_and_no_title_to_apply_for_is_told_no_other_day,
    test_a_part_the_other_days_answer_lacks_is_told_as_missing_there,
    test_a_title_with_no_level_before_the_change_says_no_level,
    test_a_value_no_rules_accept_is_refused_as_unknown_not_as_out_of_force,
    test_an_amended_rule_applies_from_its_day_and_the_other_side_is_told,
    test_an_answer_names_only_the_dated_documents_it_rests_on,
    test_an_answer_the_further_edits_leave_alone_is_told_no_other_day,
    test_an_edition_not_yet_issued_on_the_day_is_refused_with_the_days_choices,
    test_the_current_rules_name_both_editions_and_no_other_day,
    test_the_day_and_the_documents_are_written_as_people_write_dates,
    test_the_same_headline_with_a_route_that_opens_later_is_told_with_the_route,
    test_the_same_headline_with_another_title_rule_is_told_with_what_differs,
    test_the_treatment_of_a_holder_not_hired_is_compared_across_the_change,
)


@pytest.fixture(autouse=True)
def wrapped_now(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The dated calculators, wrapped by the `point_in_time` of this moment, where the
    answers look them up."""
    assess = point_in_time(
        eligibility._assess, headline=eligibility.headline, substance=eligibility.substance
    )
    lookup = point_in_time(
        equivalence._lookup, headline=equivalence.headline, substance=equivalence.substance
    )
    monkeypatch.setattr(editions, "assess", assess)
    monkeypatch.setattr(calc_equivalence, "lookup", lookup)
    monkeypatch.setattr(tables, "lookup", lookup)
    yield
