"""The rules in force on a day: a calculator answers under them, and says where another day's
rules would answer otherwise.

A request's `as_of` (today by default) selects the rules: the rule records whose dates
(their own, else their document's, versions.py) include the day, and so the documents and
editions in force. The calculators decide exactly as before, from a policy index that holds
only those records (`rules_on`), so no rule module needs to know about time. The answer then
says which documents that day selected, flags any whose start the data knows only to the
year, and, when the rules change before or after the day (an amendment, a replacement, a new
version of a rule), decides again under the rules of the other side of the change, with the
same facts, and reports the answer there if it differs ("under the rules in force before …").
It differs where its headline does or its substance does: each calculator names the parts of
its answer someone acts on (eligibility: how each route stands, the day it opens, what it
still needs; equivalence: the title treated as equal, the title one may apply for and when),
since two answers with one headline can still differ there; the parts that differ are told.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from typing import Any, Protocol

from calculators.model.index import PolicyIndex
from calculators.model.validity import Standing
from calculators.model.versions import DATED_RULES
from calculators.plumbing import messages
from calculators.plumbing.errors import InputError
from calculators.plumbing.texts import Text
from calculators.rules.results import DocumentInForce, InForce, OtherDate

type Decide = Callable[[Any, PolicyIndex], Any]


class Dated(Protocol):
    """A request: the day whose rules answer it (None: today). A property: the requests are
    frozen dataclasses, whose fields cannot be assigned."""

    @property
    def as_of(self) -> date | None: ...


class Cited(Protocol):
    """A result: the clauses and documents it rests on (a property, as for Dated)."""

    @property
    def sources(self) -> list[str]: ...


# An answer's headline, and the parts of it someone acts on, each under a key, in words.
type Said = tuple[Callable[[Any], Text], Callable[[Any], Mapping[str, Text]]]


def rules_on(index: PolicyIndex, day: date) -> PolicyIndex:
    """The policy as it stood on `day`: every dated rule record not in force then left out.

    Built once per span of days on which nothing changes, so a batch of requests of many
    dates builds a handful of indexes, not one per request.
    """
    bounds = boundaries(index)
    period = bisect.bisect_right(bounds, day)
    return index.memo(("rules_on", period), lambda: _select(index, day))


def boundaries(index: PolicyIndex) -> list[date]:
    """Every day on which some document or rule record starts, ends, or stops being unsure."""

    def build() -> list[date]:
        timeline = index.timeline
        days = {d for doc in timeline.documents.values() for d in doc.validity.boundaries()}
        for stem, key in DATED_RULES:
            for raw in index.data[stem][key]:
                days.update(timeline.rule_validity(raw).boundaries())
        return sorted(days)

    return index.memo("rules_on_boundaries", build)


def _changes(index: PolicyIndex) -> list[date]:
    """The days the rules change by a later document or a new version of a rule (not the
    days the data's documents first apply): where an answer may differ on either side."""

    def build() -> list[date]:
        timeline = index.timeline
        days: set[date] = set()
        for doc in timeline.documents.values():
            for change in (*doc.amends, *doc.replaces):
                if change.valid_from is not None:
                    days.add(change.valid_from.first)
        for stem, key in DATED_RULES:
            for raw in index.data[stem][key]:
                if raw.get("version_of") or raw.get("valid_until"):
                    days.update(timeline.rule_validity(raw).boundaries())
        return sorted(days)

    return index.memo("rules_on_changes", build)


def _select(index: PolicyIndex, day: date) -> PolicyIndex:
    """`index` itself where every record applies on `day`, else an index of those that do."""
    timeline = index.timeline
    data = dict(index.data)
    left_out = False
    for stem, key in DATED_RULES:
        part = dict(data[stem])
        part[key] = [r for r in part[key] if timeline.rule_validity(r).applies(day)]
        left_out = left_out or len(part[key]) < len(data[stem][key])
        data[stem] = part
    return PolicyIndex(data, data_version=index.data_version) if left_out else index


def earliest(index: PolicyIndex) -> date | None:
    """The first day the data has rules for: no dated document applies before it."""
    return index.timeline.earliest()


def point_in_time[Q: Dated, R: Cited](
    decide: Callable[[Q, PolicyIndex], R],
    headline: Callable[[R], Text],
    substance: Callable[[R], Mapping[str, Text]],
) -> Callable[..., R]:
    """`decide`, answering under the rules in force on the request's `as_of` (today if none),
    with `in_force` saying which they were; `headline(result)` is the answer in one sentence,
    `substance(result)` the parts of it someone acts on, by key and in words: another day's
    answer is reported where either differs, with the parts that do. `decide` returns a new
    result on every call (its `in_force` is set here). The function returned takes
    `(request, index, *, alone=False)`: `alone`, without other days' answers, which a summary
    does not hold (a batch of summaries then decides once per request). It is typed loosely:
    a Protocol saying so would be mutated by `make mutate`, and ty would no longer match it."""

    def decide_on(request: Q, index: PolicyIndex, *, alone: bool = False) -> R:
        day = request.as_of or date.today()
        _check_day(day, index)
        rules = rules_on(index, day)
        try:
            result = decide(request, rules)
        except InputError as err:
            if rules is index or not _answerable(decide, request, index):
                raise
            raise _not_in_force(err, request, day) from None
        in_force = _in_force(index, rules, day, tuple(result.sources))
        said = (headline, substance)
        elsewhen = [] if alone else _elsewhen(decide, said, request, index, day, result)
        if elsewhen:
            in_force = dataclasses.replace(in_force, elsewhen=elsewhen)
        # `decide` made `result` for this call alone: setting the field on it, rather than
        # copying a frozen result of some twenty fields, keeps a batch of 10,000 answers
        # within its time (dataclasses.replace cost 14 µs per answer, the rest 2 µs).
        object.__setattr__(result, "in_force", in_force)
        return result

    return decide_on


def _in_force(index: PolicyIndex, rules: PolicyIndex, day: date, cited: tuple[str, ...]) -> InForce:
    """The documents and editions of `day` behind an answer citing `cited`: the same for
    every day of a span on which nothing changes, so made once per span and citations (an
    answer's `in_force` is read, never changed)."""
    period = bisect.bisect_right(boundaries(index), day)

    def build() -> InForce:
        documents = _documents(index, day, cited)
        return InForce(day=day, documents=documents, editions=list(rules.editions))

    kept = index.memo(("in_force", period, cited), build)
    return kept if kept.day == day else dataclasses.replace(kept, day=day)


def _check_day(day: date, index: PolicyIndex) -> None:
    first = earliest(index)
    if first is not None and day < first:
        starts = {
            doc.number: doc.validity.valid_from.text
            for doc in index.timeline.documents.values()
            if doc.validity.valid_from is not None and doc.validity.valid_from.first == first
        }
        raise InputError(
            "as_of",
            messages.AS_OF_BEFORE_RULES.format(
                found=messages.human_date(day),
                # as precisely as the data gives it: "2018" is from 2018, not from 1 January
                first=messages.human_day(next(iter(starts.values()))),
                documents=messages.accepted_list(list(starts)),
            ),
            [f"≥ {first.isoformat()}"],
        )


def _answerable(decide: Decide, request: Any, index: PolicyIndex) -> bool:
    """Whether the request has an answer under some rules of the data (all of them at once)."""
    try:
        decide(request, index)
    except InputError:
        return False
    return True


def _not_in_force(err: InputError, request: Any, day: date) -> InputError:
    """A value refused under the rules of `day` (an edition not yet issued) that the policy
    does have: say that it is the day's rules that lack it, and what they accept."""
    accepted = ", ".join(err.accepted) if err.accepted else "—"
    found = messages.shown(getattr(request, err.field, None))
    return InputError(
        err.field,
        messages.NOT_IN_FORCE_ON.format(
            found=found, day=messages.human_date(day), accepted=accepted
        ),
        err.accepted,
    )


def documents_on(index: PolicyIndex, day: date) -> list[DocumentInForce]:
    """Every dated document in force on `day` (or that may be: its start is known only to the
    year): what a batch of answers of that day applied, where no one answer's citations speak
    for all of them (the roster's rows apply either edition)."""
    return _documents(index, day)


def _documents(index: PolicyIndex, day: date, cited: Iterable[str] = ()) -> list[DocumentInForce]:
    """The dated documents that apply on `day` (or may: their start is known to the year),
    those an answer rests on where it names its `cited` clauses and documents."""
    found: list[DocumentInForce] = []
    timeline = index.timeline
    wanted = _resting_on(index, set(cited))
    for doc in timeline.documents.values():
        if wanted and doc.id not in wanted:
            continue
        standing = doc.validity.on(day)
        if standing not in (Standing.IN_FORCE, Standing.UNSURE):
            continue
        start, end = doc.validity.valid_from, doc.validity.valid_until
        unsure = standing is Standing.UNSURE
        found.append(
            DocumentInForce(
                id=doc.id,
                number=doc.number,
                valid_from=start.text if start else None,
                valid_until=end.text if end else None,
                unsure=unsure,
                note=doc.note if unsure else None,
            )
        )
    return found


def _resting_on(index: PolicyIndex, cited: set[str]) -> set[str]:
    """The dated documents behind the clauses and documents an answer cites: a document
    itself, the Huangshi text for its clauses, and any document that amends or replaces
    one of them."""
    timeline = index.timeline
    found = {c for c in cited if c in timeline.documents}
    clauses = {c for c in cited if c in index.clauses}
    if clauses:
        found.add(timeline.base)
    for doc in timeline.documents.values():
        changes = (*doc.amends, *doc.replaces)
        if any(getattr(c, "clause", None) in clauses for c in changes) or any(
            getattr(c, "document", None) in found for c in doc.replaces
        ):
            found.add(doc.id)
    return found


def _elsewhen(
    decide: Decide,
    said: Said,
    request: Any,
    index: PolicyIndex,
    day: date,
    result: Any,
) -> list[OtherDate]:
    """The answer under the rules just before the last change on or before `day`, and from
    the first change after it, where it differs from `result`'s."""
    changes = _changes(index)
    if not changes:
        return []
    others: list[OtherDate] = []
    position = bisect.bisect_right(changes, day)
    first = earliest(index)
    if position > 0:
        change = changes[position - 1]
        eve = change - timedelta(days=1)
        if first is None or eve >= first:
            other = _answer_on(decide, said, request, index, eve, result)
            if other is not None:
                others.append(OtherDate("before", change, *other))
    if position < len(changes):
        change = changes[position]
        other = _answer_on(decide, said, request, index, change, result)
        if other is not None:
            others.append(OtherDate("from", change, *other))
    return others


def _answer_on(
    decide: Decide, said: Said, request: Any, index: PolicyIndex, day: date, result: Any
) -> tuple[Text, list[Text], list[Text]] | None:
    """The headline under the rules of `day`, with the request's own facts and date, the
    numbers of that day's documents and the parts of the answer that differ from `result`'s;
    None where it is the same answer, in its headline and its substance (or there is none)."""
    try:
        other = decide(request, rules_on(index, day))
    except InputError:
        return None
    headline, substance = said
    differences = _differences(substance(result), substance(other))
    if not differences and headline(other) == headline(result):
        return None
    return headline(other), [d.number for d in _documents(index, day, other.sources)], differences


def _differences(here: Mapping[str, Text], there: Mapping[str, Text]) -> list[Text]:
    """The parts of the other day's answer (`there`) that differ from this one's (`here`), in
    the other day's words, then those of this one's that the other does not have at all."""
    changed = [words for part, words in there.items() if here.get(part) != words]
    gone = [
        messages.ELSEWHEN_NOT_THERE.format(said=words)
        for part, words in here.items()
        if part not in there
    ]
    return changed + gone
