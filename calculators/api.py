"""The narrow interface the browser calls through Pyodide: JSON in, JSON out.

`run(kind, request_json)` answers one request, with everything the page shows (routes,
conditions, explanations, sources), and `view`: the answer laid out for the page and the CLI
alike (view.py). `run_batch(kind, requests)` answers many the same way;
`run_batch(kind, requests, detail="summary")` gives per request only the decision, about
1/100 of the size, for checking a whole team at once (the full answer for one person is then
`run`): each calculator's `summary` (in its `calc_*.py`; eligibility: `{"eligible", "target",
"edition", "met_routes", "eligible_from"}`, equivalence: `{"equivalent", "basis"}`), the same
values as in the full answer,

- each with the `data_version` (`{"date", "digest"}`) every answer carries;
- a request that cannot be answered gives the same `{"error": …}` as in the full form.

The kinds are the registered calculators (registry.py) and `tables`, every calculator's
build-time table in one answer. Errors come back as data (`{"error": {field, message, accepted}}`), never as exceptions, so the page can
show them beside the field. The compiled policy is read once per process; the site build
passes its own `index` instead, so build-time answers come from the policy it just validated.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from typing import Any

from calculators.data import load_policy_data
from calculators.model.index import PolicyIndex
from calculators.plumbing import messages
from calculators.plumbing.errors import InputError
from calculators.plumbing.texts import Text
from calculators.registry import Calculator, calculators, check_ranges

TABLES = "tables"
DETAILS = ("full", "summary")


def kinds() -> tuple[str, ...]:
    """What `run` answers: every registered calculator, and the build-time tables."""
    return (*calculators(), TABLES)


@functools.cache
def policy_index() -> PolicyIndex:
    """The compiled policy, loaded on first use and kept for the life of the process."""
    return PolicyIndex(load_policy_data())


def answer(
    kind: str, request: Any, index: PolicyIndex | None = None, *, view: bool = True
) -> dict[str, Any]:
    """The response object for one parsed request; raises InputError for bad input.
    `view=False` leaves out the page's layout of it (the roster check, answering thousands
    of rows in a table, reads the decision only: a third less work per row)."""
    index = index or policy_index()
    if kind == TABLES:
        if request not in (None, {}):
            fields = ", ".join(request) if isinstance(request, dict) else request
            fields = messages.shown(fields)
            raise InputError(
                "request", messages.UNKNOWN_FIELD.format(name=fields, accepted="—"), []
            )
        return _versioned(tables(index), index)
    found = _calculator(kind)
    response = _versioned(found.decide(_read(found, request), index).to_dict(), index)
    if view:
        response["view"] = found.view(response, index)
    return response


def _calculator(kind: str) -> Calculator:
    """The calculator of `kind`; InputError naming the kinds there are."""
    found = calculators().get(kind)
    if found is None:
        raise InputError(
            "kind",
            messages.UNKNOWN_KIND.format(found=messages.shown(kind), accepted=", ".join(kinds())),
            list(kinds()),
        )
    return found


def _read(found: Calculator, request: Any) -> Any:
    """The request as `found`'s dataclass, its types and declared ranges checked."""
    parsed = found.request.from_dict(request)
    check_ranges(parsed)
    return parsed


def tables(index: PolicyIndex) -> dict[str, Any]:
    """Every calculator's build-time table, one answer: the sections of each, merged (two
    calculators may print the same table; it is made once)."""
    merged: dict[str, Any] = {}
    for make in dict.fromkeys(c.table for c in calculators().values()):
        merged.update(make(index).to_dict())
    return merged


def _versioned(response: dict[str, Any], index: PolicyIndex) -> dict[str, Any]:
    """The answer with the data version it was computed with (`PolicyIndex.data_version`)."""
    response["data_version"] = dict(index.data_version)
    return response


def respond(kind: str, request: Any, index: PolicyIndex | None = None) -> dict[str, Any]:
    """`answer`, with bad input turned into the error object."""
    try:
        return answer(kind, request, index)
    except InputError as err:
        return err.to_dict()


def run(kind: str, request_json: str) -> str:
    """Answer one JSON request of `kind` (a calculator's, or `tables`) as JSON."""
    try:
        request = _parse(request_json)
    except InputError as err:
        return _dump(err.to_dict())
    return _dump(respond(kind, request))


def run_batch(
    kind: str,
    requests_json_list: str | list[Any],
    index: PolicyIndex | None = None,
    detail: str = "full",
) -> str:
    """Answer many requests of one kind; the argument is a JSON array (or a list of JSON
    strings or objects), the result a JSON array of responses in the same order: the full
    responses of `run`, or with `detail="summary"` only the decision (see the module doc)."""
    if detail not in DETAILS:
        return _dump(
            InputError(
                "detail",
                messages.UNKNOWN_VALUE.format(
                    found=messages.shown(detail), accepted=", ".join(DETAILS)
                ),
                list(DETAILS),
            ).to_dict()
        )
    if isinstance(requests_json_list, str):
        try:
            requests = _parse(requests_json_list)
        except InputError as err:
            return _dump(err.to_dict())
        if not isinstance(requests, list):
            return _dump(
                InputError(
                    "request", messages.TYPE_LIST.format(found=type(requests).__name__)
                ).to_dict()
            )
    else:
        requests = list(requests_json_list)
    answer_one = respond if detail == "full" else summarise
    # Each answer is written out as soon as it is made, so a big batch never holds thousands
    # of answers as objects (which the garbage collector would walk again and again); the
    # array is the same text `json.dumps` of the list would give.
    out: list[str] = []
    for item in requests:
        if isinstance(item, str):
            try:
                item = _parse(item)
            except InputError as err:
                out.append(_dump(err.to_dict()))
                continue
        out.append(_dump(answer_one(kind, item, index)))
    return "[" + ", ".join(out) + "]"


def summarise(kind: str, request: Any, index: PolicyIndex | None = None) -> dict[str, Any]:
    """The decision alone for one parsed request (`run_batch(..., detail="summary")`); bad
    input gives the error object, as `respond` does."""
    index = index or policy_index()
    try:
        if kind == TABLES:
            raise InputError(
                "detail",
                messages.UNKNOWN_VALUE.format(found="summary", accepted="full"),
                ["full"],
            )
        found = _calculator(kind)
        decide = found.decide_alone or found.decide
        summary = found.summary(decide(_read(found, request), index))
        return _versioned(summary, index)
    except InputError as err:
        return err.to_dict()


def _parse(request_json: Any) -> Any:
    """The request in `request_json` (blank: an empty one); InputError for anything that is
    not JSON the calculators can read, including what `json.loads` refuses by raising other
    errors: nesting deeper than the recursion limit, numbers over 4,300 digits."""
    if not isinstance(request_json, str):
        raise InputError(
            "request", messages.TYPE_STRING.format(found=messages.shown(request_json, quote=True))
        )
    if not request_json.strip():
        return {}
    if _depth(request_json) > MAX_DEPTH:
        raise InputError("request", messages.BAD_JSON.format(found=messages.JSON_TOO_DEEP))
    try:
        return json.loads(request_json)
    except json.JSONDecodeError as err:
        reason = Text.same(err.msg)
    except ValueError:  # int("9" * 5000) inside the decoder
        reason = messages.JSON_TOO_MANY_DIGITS
    raise InputError("request", messages.BAD_JSON.format(found=reason))


# How deep a request may nest. A real one nests 2 levels (a batch: 3). Measured before the
# decoder runs because under Pyodide a deep enough one exhausts the WebAssembly stack, a fatal
# error for the whole runtime, before CPython's recursion limit could raise.
MAX_DEPTH = 32
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def _depth(text: str) -> int:
    """The deepest nesting of arrays and objects in JSON `text` (brackets in strings aside)."""
    steps = (1 if b in "[{" else -1 for b in _BRACKET.findall(_STRING.sub("", text)))
    return max(itertools.accumulate(steps), default=0)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
