"""May this person apply for that skill level? The national routes, tried one by one.

`eligible` answers for the national conditions of one edition of the drafting template (the
user's choice, 2018 by default): every route of the target level is tried and reported, met or
not, with what is missing and the source it rests on. The Huangshi special routes are reported
beside the answer, not in it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from calculators.model.index import PolicyIndex
from calculators.model.records import Route
from calculators.plumbing import messages
from calculators.plumbing.texts import Text, join, years
from calculators.rules.asof import point_in_time
from calculators.rules.conditions import Condition
from calculators.rules.facts import EligibilityFacts, dated_years, resolve_eligibility
from calculators.rules.results import ConditionResult, Decision, EditionRef, LevelRef, RouteResult
from calculators.rules.situation import Situation
from calculators.rules.special import special_routes


def _assess(facts: EligibilityFacts, index: PolicyIndex) -> Decision:
    """The decision for `facts` (names or ids) under the rules of `index`; raises InputError
    for input it cannot use."""
    facts = resolve_eligibility(facts, index)
    assert facts.target is not None and facts.edition is not None
    situation = Situation.of(facts, index)
    routes = [
        _try_route(route, situation, index)
        for route in index.routes_for(facts.edition, facts.target, facts.extensions)
    ]
    met = [r for r in routes if r.met]
    edition = _edition(facts.edition, index)
    target = level_ref(facts.target, index)
    dated = [r.eligible_from for r in routes if r.eligible_from is not None]
    eligible_from = min(dated) if dated and not met else None
    specials = special_routes(facts, index)
    closest = None if met else _closest(routes)
    return Decision(
        eligible=bool(met),
        edition=edition,
        target=target,
        certificate=level_ref(facts.certificate, index) if facts.certificate else None,
        routes=routes,
        met_routes=[r.id for r in met],
        special_routes=specials,
        explanation=_explanation(met, routes, edition, facts, index, eligible_from),
        notes=_notes(facts, edition),
        sources=_sources(routes, specials),
        facts=facts,
        headline=_headline(met, closest, target_label(facts, index), eligible_from),
        eligible_from=eligible_from,
        closest_route=closest.id if closest else None,
    )


def substance(decision: Decision) -> dict[str, Text]:
    """What someone acts on besides the headline, which names only the routes met or the
    closest one: how every route stands (met or not, what it still needs, the day a wait
    ends: its explanation says all three), and every special route's standing. Another
    day's rules that change any of these change the answer, even under the same headline."""
    parts = {f"route {r.label}": r.explanation for r in decision.routes}
    parts.update({f"special {s.id}": s.explanation for s in decision.special_routes})
    return parts


def headline(decision: Decision) -> Text:
    """The answer in one sentence, compared with another day's."""
    return decision.headline


# The decision under the rules in force on the facts' `as_of` (today by default), saying which
# documents and editions that was and how other days' rules would answer (asof.py).
assess = point_in_time(_assess, headline=headline, substance=substance)


def target_label(facts: EligibilityFacts, index: PolicyIndex) -> Text:
    """ "技师（二级）" / "Technician (Level 2)": the level applied for, as the answer names it."""
    return index.levels[facts.target or ""].label


def _closest(routes: list[RouteResult]) -> RouteResult | None:
    """The unmet route nearest to being met: the one that opens first on the dates given,
    else the one missing the fewest conditions (the first of equals, in the data's order)."""
    if not routes:
        return None
    dated = [r for r in routes if r.eligible_from is not None]
    if dated:
        return min(dated, key=lambda r: r.eligible_from or date.max)
    return min(routes, key=lambda r: len(r.missing))


def _headline(
    met: list[RouteResult],
    closest: RouteResult | None,
    target: Text,
    eligible_from: date | None,
) -> Text:
    """The answer in one sentence, verdict first (see `Decision.headline`)."""
    if met:
        labels = messages.or_list([Text.same(r.label) for r in met])
        return messages.HEADLINE_ELIGIBLE.format(target=target, labels=labels)
    assert closest is not None
    if eligible_from is not None and closest.eligible_from == eligible_from:
        return messages.HEADLINE_FROM.format(
            target=target, date=messages.human_date(eligible_from), label=closest.label
        )
    missing = join(closest.missing)
    return messages.HEADLINE_NOT_YET.format(target=target, label=closest.label, missing=missing)


def level_ref(level_id: str, index: PolicyIndex) -> LevelRef:
    """A level as the results show it: id, names and grade."""
    level = index.levels[level_id]
    return LevelRef(id=level.id, zh=level.name.zh, en=level.name.en, grade=level.grade)


def requirements(route: Route, index: PolicyIndex) -> tuple[Text, ...]:
    """What each condition of `route` requires, in words: from the policy alone, so worked out
    once per index."""
    return index.memo(
        ("requirements", route.id),
        lambda: tuple(c.describe(route, index) for c in route.conditions),
    )


def _try_route(route: Route, situation: Situation, index: PolicyIndex) -> RouteResult:
    conditions = [
        _check(route, condition, situation, requirement)
        for condition, requirement in zip(route.conditions, requirements(route, index), strict=True)
    ]
    unmet = [c for c in conditions if not c.met]
    missing = [c.missing for c in unmet if c.missing is not None]
    label = route.label
    if unmet:
        explanation = messages.ROUTE_UNMET.format(label=label, missing=join(missing))
    else:
        explanation = messages.ROUTE_MET.format(
            label=label, conditions=join(c.requirement for c in conditions)
        )
    # Only waiting is missing and every wait has a known end: the route opens on the last one.
    waits = [c.met_from for c in unmet if c.met_from is not None]
    eligible_from = max(waits) if unmet and len(waits) == len(unmet) else None
    return RouteResult(
        id=route.id,
        label=label,
        edition=route.edition,
        target=route.target,
        met=not unmet,
        source=route.source,
        source_label=index.citation_label(route.source),
        confidence=route.confidence,
        description=route.description,
        explanation=explanation,
        conditions=conditions,
        wording=route.wording,
        missing=missing,
        eligible_from=eligible_from,
        extension=route.extension,
        scope=route.scope,
        note=route.note,
    )


def _check(
    route: Route, condition: Condition, situation: Situation, requirement: Text
) -> ConditionResult:
    """Whether `condition` of `route` holds, with what it requires (`requirement`, its
    `describe`) and what is missing if not."""
    met, missing, met_from = condition.check(route, situation)
    return ConditionResult(
        kind=condition.kind,
        met=met,
        requirement=requirement,
        missing=None if met else missing,
        met_from=met_from,
    )


def _edition(edition_id: str, index: PolicyIndex) -> EditionRef:
    edition = index.editions[edition_id]
    return EditionRef(
        id=edition.id, name=edition.name, source=edition.source, confidence=edition.confidence
    )


def _explanation(
    met: list[RouteResult],
    routes: list[RouteResult],
    edition: EditionRef,
    facts: EligibilityFacts,
    index: PolicyIndex,
    eligible_from: date | None,
) -> Text:
    target = target_label(facts, index)
    if met:
        labels = messages.or_list([Text.same(r.label) for r in met])
        return messages.ELIGIBLE.format(target=target, edition=edition.name, labels=labels)
    parts = [messages.NOT_ELIGIBLE.format(target=target, edition=edition.name)]
    if eligible_from is not None:
        first = next(r for r in routes if r.eligible_from == eligible_from)
        parts.append(
            messages.ELIGIBLE_FROM.format(
                date=messages.human_date(eligible_from), label=first.label
            )
        )
    return join(parts, "", " ")


def _notes(facts: EligibilityFacts, edition: EditionRef) -> list[Text]:
    """Caveats that hold for every answer, and warnings about these facts."""
    notes = [messages.STANDARD_GOVERNS.format(edition=edition.name)]
    if facts.extensions:
        notes.append(messages.EXTENSIONS_ON)
    dated = [
        ("years_since_certificate", facts.years_since_certificate, facts.certificate_date),
        ("total_years", facts.total_years, facts.work_start_date),
        ("years_since_title", facts.years_since_title, facts.title_date),
    ]
    if any(since is not None for _, _, since in dated):
        notes.append(messages.CALENDAR_YEARS)
    for field, given, since in dated:
        if given is None or since is None or facts.as_of is None:
            continue
        counted = dated_years(None, since, facts.as_of) or 0.0
        if int(counted) != int(given):
            notes.append(
                messages.YEARS_DISAGREE.format(
                    field=field, given=years(given), dated=years(counted)
                )
            )
    return notes


def _sources(routes: list[RouteResult], specials: list[Any]) -> list[str]:
    """Every citation the answer rests on, in order of first use."""
    seen: list[str] = []
    cited = [r.source for r in routes] + [s.source for s in specials]
    cited += [n.source for s in specials for n in s.notes if n.source]
    for source in cited:
        if source not in seen:
            seen.append(source)
    return seen
