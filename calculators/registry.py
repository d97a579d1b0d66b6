"""The calculators this package offers, each declared once.

A calculator is a request dataclass, a decision function and what the site prints for it at
build time. Its request fields carry their own interface (`ask`): the wording key of the label,
the form group, the accepted values, the CLI option, the URL query name. The API
(`api.answer`), the CLI (options and `--help`), the page's form, the page script's query
handling and the build-time tables are all produced from these declarations, so a field is
named once, in its dataclass.

Calculators are found by module name: every `calc_*.py` module of this package defines one
`CALCULATOR` (see `calc_equivalence.py`). `register` adds one from anywhere else (a test).
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import pkgutil
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculators.model.index import PolicyIndex
from calculators.plumbing.errors import InputError
from calculators.plumbing.messages import shown
from calculators.plumbing.texts import Text
from calculators.plumbing.wording import WORDING

MODULE_PREFIX = "calc_"

# An option list: (id, what a person reads) for every value a field accepts.
type Options = list[tuple[str, Text]]


@dataclass(frozen=True)
class Ask:
    """How a request field is asked for, wherever it is asked (form, CLI, URL).

    `label`: the wording key of its label. `form`: whether the page's form asks for it (the
    CLI always does); `group`: the wording key of the form's fieldset it sits in (None: none). `choices`: the values it
    accepts, from the policy; `blank`: the wording key of the form's empty choice (None: the
    form always has a value, the first). `low`/`high`: the range a number must be
    in (checked by the request, with the wording `out_of_range`, and given to the form).
    `option`: the CLI option, for a flag
    that turns a default-true field off (`--unrelated`); `query`: the name in a page's address.
    `instead_of`: a field this one replaces (a date instead of its years figure): the CLI
    refuses both. `hint`: the wording key of a hint under the field and, optionally, a link
    (docs page, anchor, wording key of the link).
    """

    label: str
    form: bool = True
    group: str | None = None
    choices: Callable[[PolicyIndex], Options] | None = None
    blank: str | None = None
    low: float | None = None
    high: float | None = None
    out_of_range: str | None = None
    option: str | None = None
    query: str | None = None
    instead_of: str | None = None
    hint: str | None = None
    hint_link: tuple[str, str, str] | None = None


def ask(default: Any = None, **how: Any) -> Any:
    """A dataclass field with its default and how it is asked for (`Ask`)."""
    return dataclasses.field(default=default, metadata={"ask": Ask(**how)})


@dataclass(frozen=True)
class Field:
    """A request field as the interfaces see it: its name, type, default and `Ask`."""

    name: str
    type: str  # "flag" | "number" | "integer" | "date" | "text"
    default: Any
    ask: Ask

    @property
    def option(self) -> str:
        """The CLI option: `--years-since-certificate`, or the flag's own (`--unrelated`)."""
        return self.ask.option or "--" + self.name.replace("_", "-")

    @property
    def query(self) -> str:
        return self.ask.query or self.name


@dataclass(frozen=True)
class Calculator:
    """One calculator: what it is asked (`request`), how it decides, what it answers.

    `decide(request, index)` returns the `result` dataclass; `summary(result)` the few values
    a batch check needs (`api.run_batch(..., detail="summary")`). `table(index)` is what the
    build prints on the page without JavaScript (sections merged into the `tables` answer).
    `view(answer, index)` is the answer ready to be shown (view.py), by the page and the CLI. `help`: the wording key saying
    what it answers; `submit`: the wording key of the form's button; `html_id`: the prefix
    of the page's element ids (`eq` → `#eq-form`, `#eq-result`). `live`: the page answers as
    the form changes; `provisional`: fields whose every combination the build answers, so the
    page shows an answer before the runtime has loaded. `applies`: the lists of dated rule
    records (model/versions.py `DATED_RULES`, as (file stem, key)) its decision applies: a
    later version of one of their records changes its answers, so its page says so.
    `decide_alone`: where `decide` also works out answers beside the decision (other days'
    rules, other editions), the decision by itself, which a summary holds all of (a batch of
    summaries then decides once per request); without it, summaries use `decide`.
    """

    kind: str
    request: type[Any]  # a dataclass with `from_dict` (Serializable)
    result: type
    decide: Callable[[Any, PolicyIndex], Any]
    summary: Callable[[Any], dict[str, Any]]
    table: Callable[[PolicyIndex], Any]
    view: Callable[[dict[str, Any], PolicyIndex], dict[str, Any]]
    help: str
    submit: str
    html_id: str
    live: bool = False
    provisional: tuple[str, ...] = ()
    applies: tuple[tuple[str, str], ...] = ()
    decide_alone: Callable[[Any, PolicyIndex], Any] | None = None

    def fields(self) -> list[Field]:
        """The request's fields, in order, with their types as the interfaces read them."""
        hints = typing.get_type_hints(self.request)
        return [
            Field(f.name, _kind(hints[f.name]), f.default, f.metadata["ask"])
            for f in dataclasses.fields(self.request)
        ]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields() if f.name == name)


def _kind(hint: Any) -> str:
    """What a field holds, from its type hint (`float | None` → number)."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        (hint,) = (a for a in typing.get_args(hint) if a is not type(None))
    return {bool: "flag", float: "number", int: "integer", date: "date"}.get(hint, "text")


_REGISTERED: dict[str, Calculator] = {}
_FOUND = False


def calculators() -> Mapping[str, Calculator]:
    """Every calculator: the package's `calc_*` modules, then any registered since."""
    global _FOUND
    if not _FOUND:
        _FOUND = True
        for module in _modules():
            found: Calculator = importlib.import_module(f"{__package__}.{module}").CALCULATOR
            _REGISTERED.setdefault(found.kind, found)
    return _REGISTERED


def _modules() -> Iterator[str]:
    package = importlib.import_module(__package__ or "calculators")
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__))
    return (name for name in names if name.startswith(MODULE_PREFIX))


def register(calculator: Calculator) -> Calculator:
    """Add a calculator (one not in a `calc_*` module); its kind must be new."""
    if calculator.kind in calculators():
        raise ValueError(f"a calculator {calculator.kind!r} is already registered")
    _REGISTERED[calculator.kind] = calculator
    return calculator


def unregister(kind: str) -> None:
    """Remove a calculator added by `register` (a test's, when it is done)."""
    del _REGISTERED[kind]


def check_ranges(request: Any) -> None:
    """Every number of a request within the range its field declares (`Ask.low`, `Ask.high`),
    before any calculator looks at it."""
    for name, how in _ranged(type(request)):
        value = getattr(request, name)
        if value is None:
            continue
        if value < how.low or (how.high is not None and value > how.high):
            assert how.out_of_range is not None  # _ranged keeps only the fields that have one
            raise InputError(
                name,
                WORDING[how.out_of_range].format(low=how.low, high=how.high, found=shown(value)),
                [f"{how.low}–{how.high}" if how.high is not None else f"≥ {how.low}"],
            )


@functools.cache
def _ranged(request_type: type[Any]) -> tuple[tuple[str, Ask], ...]:
    """The fields of a request type that declare a range, with how: looked up once per type,
    not on each of a batch's requests."""
    asked = ((f.name, f.metadata["ask"]) for f in dataclasses.fields(request_type))
    return tuple(
        (name, how) for name, how in asked if how.out_of_range is not None and how.low is not None
    )


# What the site's page needs ------------------------------------------------------------------


def form(calculator: Calculator, index: PolicyIndex) -> dict[str, Any]:
    """The page's form, as the template lays it out: groups of fields with their accepted
    values resolved from `index`, the build-time answers' choices and what the page script
    needs to read and write the address (`script`)."""
    groups: list[dict[str, Any]] = []
    for f in calculator.fields():
        if not f.ask.form:
            continue
        if not groups or groups[-1]["legend"] != f.ask.group:
            groups.append({"legend": f.ask.group, "fields": []})
        groups[-1]["fields"].append(_form_field(calculator, f, index))
    return {
        "kind": calculator.kind,
        "html_id": calculator.html_id,
        "live": calculator.live,
        "submit": calculator.submit,
        "groups": groups,
        "provisional": {
            name: choices(calculator.field(name), index) for name in calculator.provisional
        },
        "script": [
            {"name": f.name, "query": f.query, "type": f.type}
            for f in calculator.fields()
            if f.ask.form
        ],
    }


def _form_field(calculator: Calculator, f: Field, index: PolicyIndex) -> dict[str, Any]:
    options = f.ask.choices(index) if f.ask.choices else None
    return {
        "name": f.name,
        "query": f.query,
        "id": f"{calculator.html_id}-{f.name.replace('_', '-')}",
        "type": "choice" if options is not None else f.type,
        "label": f.ask.label,
        "options": [{"value": ident, "label": text.to_dict()} for ident, text in options or []],
        "blank": f.ask.blank,
        "checked": f.default is True,
        "low": f.ask.low,
        "high": f.ask.high,
        "hint": f.ask.hint,
        "hint_link": f.ask.hint_link,
    }


def choices(f: Field, index: PolicyIndex) -> list[Any]:
    """Every value of a field the build answers for: its choices' ids, or both flag values."""
    if f.ask.choices is not None:
        return [ident for ident, _ in f.ask.choices(index)]
    if f.type == "flag":
        return [True, False]
    raise ValueError(f"{f.name}: only a choice or a flag can be answered for every value")
