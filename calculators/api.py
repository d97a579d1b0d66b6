"""The narrow interface the browser calls through Pyodide: JSON in, JSON out.

`run(kind, request_json)` answers one request, with everything the page shows (routes,
conditions, explanations, sources). `run_batch(kind, requests)` answers many the same way;
`run_batch(kind, requests, detail="summary")` gives per request only the decision, about
1/100 of the size, for checking a whole team at once (the full answer for one person is then
`run`):

- eligibility: `{"eligible", "target", "edition", "met_routes", "eligible_from"}` (ids; the
  date ISO or null), the same values as in the full answer;
- equivalence: `{"equivalent", "basis"}` (`equivalent`: the id of the title or level, or
  null);
- each with the `data_version` (`{"date", "digest"}`) every answer carries;
- a request that cannot be answered gives the same `{"error": …}` as in the full form.

Errors come back as data (`{"error": {field, message, accepted}}`), never as exceptions, so the page can
show them beside the field. The compiled policy is read once per process; the site build
passes its own `index` instead, so build-time answers come from the policy it just validated.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from . import messages
from .data import load_policy_data
from .eligibility import assess
from .equivalence import lookup
from .errors import InputError
from .facts import EligibilityFacts, EquivalenceQuery
from .index import PolicyIndex
from .tables import tables
from .texts import Text

KINDS = ("equivalence", "eligibility", "tables")
DETAILS = ("full", "summary")


@functools.cache
def policy_index() -> PolicyIndex:
    """The compiled policy, loaded on first use and kept for the life of the process."""
    return PolicyIndex(load_policy_data())


def answer(kind: str, request: Any, index: PolicyIndex | None = None) -> dict[str, Any]:
    """The response object for one parsed request; raises InputError for bad input."""
    index = index or policy_index()
    if kind == "equivalence":
        return _versioned(lookup(EquivalenceQuery.from_dict(request), index).to_dict(), index)
    if kind == "eligibility":
        return _versioned(assess(EligibilityFacts.from_dict(request), index).to_dict(), index)
    if kind == "tables":
        if request not in (None, {}):
            fields = ", ".join(request) if isinstance(request, dict) else repr(request)
            raise InputError(
                "request", messages.UNKNOWN_FIELD.format(name=fields, accepted="—"), []
            )
        return _versioned(tables(index).to_dict(), index)
    raise InputError(
        "kind",
        messages.UNKNOWN_KIND.format(found=kind, accepted=", ".join(KINDS)),
        list(KINDS),
    )


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
    """Answer one JSON request of `kind` (equivalence | eligibility | tables) as JSON."""
    try:
        request = json.loads(request_json) if request_json.strip() else {}
    except json.JSONDecodeError as err:
        return _dump(_bad_json(err))
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
                messages.UNKNOWN_VALUE.format(found=detail, accepted=", ".join(DETAILS)),
                list(DETAILS),
            ).to_dict()
        )
    if isinstance(requests_json_list, str):
        try:
            requests = json.loads(requests_json_list)
        except json.JSONDecodeError as err:
            return _dump(_bad_json(err))
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
                item = json.loads(item) if item.strip() else {}
            except json.JSONDecodeError as err:
                out.append(_dump(_bad_json(err)))
                continue
        out.append(_dump(answer_one(kind, item, index)))
    return "[" + ", ".join(out) + "]"


def summarise(kind: str, request: Any, index: PolicyIndex | None = None) -> dict[str, Any]:
    """The decision alone for one parsed request (`run_batch(..., detail="summary")`); bad
    input gives the error object, as `respond` does."""
    index = index or policy_index()
    try:
        if kind == "eligibility":
            decision = assess(EligibilityFacts.from_dict(request), index)
            return _versioned(
                {
                    "eligible": decision.eligible,
                    "target": decision.target.id,
                    "edition": decision.edition.id,
                    "met_routes": list(decision.met_routes),
                    "eligible_from": (
                        decision.eligible_from.isoformat() if decision.eligible_from else None
                    ),
                },
                index,
            )
        if kind == "equivalence":
            found = lookup(EquivalenceQuery.from_dict(request), index)
            return _versioned(
                {
                    "equivalent": found.equivalent.id if found.equivalent else None,
                    "basis": found.basis,
                },
                index,
            )
        if kind == "tables":
            raise InputError(
                "detail",
                messages.UNKNOWN_VALUE.format(found="summary", accepted="full"),
                ["full"],
            )
        return answer(kind, request, index)  # an unknown kind: its error
    except InputError as err:
        return err.to_dict()


def _bad_json(err: json.JSONDecodeError) -> dict[str, Any]:
    return InputError("request", messages.BAD_JSON.format(found=Text.same(err.msg)), []).to_dict()


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
