"""The answer under each edition, for a person who does not know which one applies.

Which edition of the national application conditions applies depends on the national skill
standard of the person's occupation (standards issued from 2023 use the newer conditions),
which the calculators cannot know. A request that names no edition is answered under the
default one, and beside that verdict stands the verdict under every other edition, so that
nobody reads one edition's answer as the only one.
"""

from __future__ import annotations

from dataclasses import replace

from calculators.model.index import PolicyIndex
from calculators.plumbing.errors import InputError
from calculators.rules.eligibility import assess
from calculators.rules.facts import EligibilityFacts
from calculators.rules.results import Decision, OtherEdition


def decide(facts: EligibilityFacts, index: PolicyIndex, *, alone: bool = False) -> Decision:
    """The decision for `facts`; with the other editions' verdicts when none was named.
    `alone`: the decision by itself, without other editions' or other days' answers (what
    a summary holds)."""
    decision = assess(facts, index, alone=alone)
    if facts.edition is not None or alone:
        return decision
    return replace(decision, other_editions=other_editions(facts, decision, index))


def other_editions(
    facts: EligibilityFacts, decision: Decision, index: PolicyIndex
) -> list[OtherEdition]:
    """Each other edition's verdict for the same facts; an edition with no conditions for
    the level asked about (a level only an occupation's extension has) is left out."""
    found = []
    for edition in index.editions:
        if edition == decision.edition.id:
            continue
        try:
            # only its verdict is kept: other days' answers under it would be thrown away
            other = assess(replace(facts, edition=edition), index, alone=True)
        except InputError:
            continue
        found.append(
            OtherEdition(other.edition, other.eligible, other.eligible_from, other.headline)
        )
    return found
