"""Which engineering title a skill level is treated like, and the other way round.

Clause （十四） gives hired 高级工 / 技师 / 高级技师 the treatment of 助理工程师 / 工程师 /
高级工程师; only hired holders are covered, and the sentence concerns the engineering field
(said beside every answer). Beside it the answer gives the national rule on *applying* for a
title from a level (an application after some years, not a grant). No source the project holds
gives the enterprise-set levels a title: what is reported about them is a marked note, never
the answer.
"""

from __future__ import annotations

from collections.abc import Iterable

from calculators.model.index import PolicyIndex
from calculators.model.records import TitleRule
from calculators.plumbing import messages
from calculators.plumbing.texts import Text
from calculators.plumbing.wording import WORDING
from calculators.rules.asof import point_in_time
from calculators.rules.eligibility import level_ref
from calculators.rules.facts import EquivalenceQuery, resolve_equivalence
from calculators.rules.results import Equivalence, Named, NoteResult, TitleApplication
from calculators.rules.special import note_result


def _lookup(query: EquivalenceQuery, index: PolicyIndex) -> Equivalence:
    """The answer for a level (hired or not) or for a title under the rules of `index`;
    InputError for unknown names."""
    query = resolve_equivalence(query, index)
    if query.level is not None:
        return _from_level(query.level, query.hired, index)
    assert query.title is not None
    return _from_title(query.title, index)


def substance(found: Equivalence) -> dict[str, Text]:
    """What someone acts on: the title (or level) treated as equal, for hired holders (the
    headline words it with the clause; here it is compared by itself), and the title the
    holder may apply for, after how many years (which the headline does not say)."""
    hired_only = found.equivalent is None and found.if_hired is not None
    label = "calc-equal-if-hired" if hired_only else "calc-equivalent"
    equal = found.if_hired if hired_only else found.equivalent
    apply = found.may_apply_for
    return {
        "equivalent": messages.ELSEWHEN_PART.format(
            what=WORDING[label],
            said=Text(equal.zh, equal.en) if equal else WORDING[no_equivalent(found.direction)],
        ),
        "may-apply-for": messages.ELSEWHEN_PART.format(
            what=WORDING["may-apply-for"],
            said=apply.description if apply else WORDING["calc-none"],
        ),
    }


def no_equivalent(direction: str) -> str:
    """The catalogue entry for "none": no title for a level, no level for a title."""
    return "calc-no-equivalent-level" if direction == "title-to-level" else "calc-no-equivalent"


def headline(found: Equivalence) -> Text:
    """The answer in one sentence, compared with another day's: its explanation."""
    return found.explanation


# The answer under the rules in force on the query's `as_of` (today by default), saying which
# documents that was and how other days' rules would answer (asof.py).
lookup = point_in_time(_lookup, headline=headline, substance=substance)


def title_named(title_id: str, index: PolicyIndex) -> Named:
    """A title as the results name it: id and names."""
    title = index.titles[title_id]
    return Named(id=title.id, zh=title.name.zh, en=title.name.en)


def _from_level(level_id: str, hired: bool, index: PolicyIndex) -> Equivalence:
    rules = index.equivalence
    level = index.levels[level_id]
    treatment = _first(t for t in rules.treatment if t.level == level_id)
    enterprise = _first(e for e in rules.enterprise_levels if e.level == level_id)
    application = _application(
        _first(a for a in rules.title_application if a.level == level_id), index
    )
    notes: list[NoteResult] = []
    clause = None
    title = None
    if treatment is not None:
        title = title_named(treatment.title, index)
        clause = treatment.source
        basis = "huangshi"
        template = messages.EQ_HIRED if hired else messages.EQ_NOT_HIRED
        explanation = template.format(
            level=level.name,
            title=Text(title.zh, title.en),
            source=index.citation_label(clause),
        )
        notes = [note_result(n, index) for n in rules.treatment_notes]
        cited = [clause]
    elif enterprise is not None:
        basis = "none"
        explanation = messages.EQ_ENTERPRISE_NONE.format(
            level=level.name, statement=enterprise.statement
        )
        notes = [note_result(n, index) for n in enterprise.notes]
        cited = [enterprise.source]
    elif level_id in rules.not_covered.levels:
        basis = "none"
        clause = rules.not_covered.source
        explanation = messages.EQ_NOT_COVERED.format(level=level.name, note=rules.not_covered.note)
        cited = [clause]
    else:
        basis = "none"
        explanation = messages.EQ_NO_STATEMENT.format(level=level.name)
        cited = [level.source]
    if application is not None:
        cited += [application.source, *application.also]
        notes += application_notes(index)
    notes_cited = [n.source for n in notes if n.source]
    return Equivalence(
        direction="level-to-title",
        level=level_ref(level_id, index),
        title=title,
        hired=hired,
        equivalent=title if hired else None,
        basis=basis,
        clause=clause,
        explanation=explanation,
        scope=_scope(index),
        sources=_unique(cited + notes_cited),
        if_hired=title,
        may_apply_for=application,
        notes=notes,
    )


def _from_title(title_id: str, index: PolicyIndex) -> Equivalence:
    rules = index.equivalence
    title = title_named(title_id, index)
    title_text = Text(title.zh, title.en)
    treatment = _first(t for t in rules.treatment if t.title == title_id)
    application = _application(
        _first(a for a in rules.title_application if a.title == title_id), index
    )
    clause = None
    level_id = None
    notes: list[NoteResult] = []
    if treatment is not None:
        level_id = treatment.level
        clause = treatment.source
        basis = "huangshi"
        explanation = messages.EQ_REVERSE.format(
            title=title_text,
            level=index.levels[level_id].name,
            source=index.citation_label(clause),
        )
        notes = [note_result(n, index) for n in rules.treatment_notes]
        cited = [clause]
    else:
        basis = "none"
        explanation = messages.EQ_REVERSE_NONE.format(title=title_text)
        notes = [
            note_result(n, index)
            for row in rules.enterprise_levels
            for n in row.notes
            if title_id in n.titles
        ]
        cited = [index.titles[title_id].source]
    if application is not None:
        cited += [application.source, *application.also]
    level = level_ref(level_id, index) if level_id else None
    return Equivalence(
        direction="title-to-level",
        level=level,
        title=title,
        hired=True,
        equivalent=Named(id=level.id, zh=level.zh, en=level.en) if level else None,
        basis=basis,
        clause=clause,
        explanation=explanation,
        scope=_scope(index),
        sources=_unique(cited + [n.source for n in notes if n.source]),
        may_apply_for=application,
        notes=notes,
    )


def _scope(index: PolicyIndex) -> Text:
    """What clause （十四）'s sentence covers and leaves open: said beside every answer."""
    note = index.equivalence.scope_note
    return messages.EQ_SCOPE.format(text=note.text, source=index.citation_label(note.source))


def _application(rule: TitleRule | None, index: PolicyIndex) -> TitleApplication | None:
    """The national rule for applying for a title from this level, with its sources."""
    if rule is None:
        return None
    return TitleApplication(
        id=rule.id,
        title=title_named(rule.title, index),
        years=rule.years,
        source=rule.source,
        also=list(rule.also),
        source_labels=[index.citation_label(c) for c in [rule.source, *rule.also]],
        confidence=rule.confidence,
        description=rule.description,
    )


def application_notes(index: PolicyIndex) -> list[NoteResult]:
    """Reported extra conditions and scope of the national title-application rules."""
    return [note_result(n, index) for n in index.equivalence.title_application_notes]


def _first[R](rows: Iterable[R]) -> R | None:
    return next(iter(rows), None)


def _unique(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
