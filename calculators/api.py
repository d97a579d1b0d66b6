"""The narrow interface the browser calls through Pyodide: JSON in, JSON out.

`run(kind, request_json)` answers one request; `run_batch` many (for speed tests). Errors come
back as data (`{"error": {field, message, accepted}}`), never as exceptions, so the page can
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


@functools.cache
def policy_index() -> PolicyIndex:
    """The compiled policy, loaded on first use and kept for the life of the process."""
    return PolicyIndex(load_policy_data())


def answer(kind: str, request: Any, index: PolicyIndex | None = None) -> dict[str, Any]:
    """The response object for one parsed request; raises InputError for bad input."""
    index = index or policy_index()
    if kind == "equivalence":
        return lookup(EquivalenceQuery.from_dict(request), index).to_dict()
    if kind == "eligibility":
        return assess(EligibilityFacts.from_dict(request), index).to_dict()
    if kind == "tables":
        if request not in (None, {}):
            fields = ", ".join(request) if isinstance(request, dict) else repr(request)
            raise InputError(
                "request", messages.UNKNOWN_FIELD.format(name=fields, accepted="—"), []
            )
        return tables(index).to_dict()
    raise InputError(
        "kind",
        messages.UNKNOWN_KIND.format(found=kind, accepted=", ".join(KINDS)),
        list(KINDS),
    )


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
    kind: str, requests_json_list: str | list[Any], index: PolicyIndex | None = None
) -> str:
    """Answer many requests of one kind; the argument is a JSON array (or a list of JSON
    strings or objects), the result a JSON array of responses in the same order."""
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
    out: list[dict[str, Any]] = []
    for item in requests:
        if isinstance(item, str):
            try:
                item = json.loads(item) if item.strip() else {}
            except json.JSONDecodeError as err:
                out.append(_bad_json(err))
                continue
        out.append(respond(kind, item, index))
    return _dump(out)


def _bad_json(err: json.JSONDecodeError) -> dict[str, Any]:
    return InputError("request", messages.BAD_JSON.format(found=Text.same(err.msg)), []).to_dict()


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
