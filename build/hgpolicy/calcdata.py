"""What calculator pages get from the build: the calculators' answers for their templates,
and the runtime settings and page script that only they carry.

The tables and build-time answers are computed by the very calculators package the browser
runs, answering from the policy this build validated, so the tables, the build-time answers
and the wheel's policy.json always agree.
"""

from __future__ import annotations

import itertools
import json
from functools import cached_property
from types import ModuleType
from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from calculators.model.index import PolicyIndex

from .policy import Policy
from .runtime import PACKAGE, Runtime

# The page script and worker, as docs/ holds them (MkDocs copies them into the site).
SCRIPTS = "assets/calculators"
ASSETS = (
    "calculators.css",
    "calculators.js",
    "common.js",
    "worker.js",
    "rules.js",
    "roster.css",
    "roster.js",
)
WASM = "pyodide.asm.wasm"  # the runtime's largest file, as the npm package holds it
# What a calculator page links, unless its SitePage names its own (the roster page does).
PAGE_ASSETS = ("calculators.css", "calculators.js")


class CalculatorData:
    """What calculator templates need from the calculators package, for one policy (the
    templates' `calc`)."""

    def __init__(self, policy: Policy) -> None:
        from calculators import api

        self._api: ModuleType = api
        self._index: PolicyIndex = policy.model  # the same model the pages read

    @cached_property
    def tables(self) -> dict[str, Any]:
        """The full equivalence table and the routes tables (the no-JavaScript answer)."""
        (response,) = self._batch("tables", [{}])
        if "error" in response:
            raise PluginError(f"calculators: tables failed: {response['error']}")
        return response

    def answers(self, kind: str, choices: dict[str, list[Any]]) -> dict[str, Any]:
        """Answers to every combination of `choices` (form field -> its values), keyed as the
        page script keys a request (`canonical` in calculators.js)."""
        names = sorted(choices)
        combos = itertools.product(*(choices[name] for name in names))
        requests = [dict(zip(names, values, strict=True)) for values in combos]
        return {_key(r): a for r, a in zip(requests, self._batch(kind, requests), strict=True)}

    @cached_property
    def eligibility_rules(self) -> dict[str, Any]:
        """The eligibility rules compiled for the page's evaluator (rules.js), so the page
        answers before the runtime has loaded; from this build's policy, as the tables are."""
        from calculators.rules.compiled import eligibility_rules

        return eligibility_rules(self._index)

    @staticmethod
    def citations(data: Any) -> list[str]:
        """Every clause or document id cited anywhere in `data` (a response), in first order."""
        found: dict[str, None] = {}

        def walk(value: Any) -> None:
            if isinstance(value, dict):
                for key, item in value.items():
                    if key in ("source", "clause") and isinstance(item, str):
                        found[item] = None
                    elif key in ("sources", "also") and isinstance(item, list):
                        found.update(dict.fromkeys(i for i in item if isinstance(i, str)))
                    else:
                        walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(data)
        return list(found)

    @staticmethod
    def script_json(value: Any) -> Markup:
        """`value` as JSON that is safe inside <script type="application/json">."""
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))

    def _batch(self, kind: str, requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """`calculators.api.run_batch`, answered from this build's policy, so `mkdocs serve`
        never answers from a policy loaded before an edit."""
        return json.loads(self._api.run_batch(kind, requests, index=self._index))


def _key(request: dict[str, Any]) -> str:
    """Same as the page script's `canonical(request)`: JSON with sorted keys, no spaces."""
    return json.dumps(request, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def with_runtime(
    html: str,
    page_url: str,
    runtime: Runtime,
    versions: dict[str, str],
    snapshot: str,
    assets: tuple[str, ...] = PAGE_ASSETS,
) -> str:
    """A calculator page's content with its style sheets, the runtime settings its script
    reads (`#calc-runtime`) and its module scripts (`assets`); `versions` gives each asset's
    digest, so a browser fetches a changed script anew."""
    to_root = "../" * page_url.count("/")  # page_url is relative to the site root: "en/a/b/"
    url = {name: f"{to_root}{SCRIPTS}/{name}?v={digest}" for name, digest in versions.items()}
    settings = {
        "worker": url["worker.js"],
        "indexURL": to_root + runtime.index_url,
        "stdLibURL": to_root + runtime.stdlib_url,
        "lockFileURL": to_root + runtime.lock_url,
        "package": PACKAGE,
        "snapshot": snapshot,
        "rules": url["rules.js"],  # the evaluator of the compiled rules (`data-calc-rules`)
        "common": url["common.js"],  # what the page scripts share, imported by both
        "sizes": {  # the runtime's big files, for the progress shown while they arrive
            to_root + runtime.index_url + WASM: (runtime.npm_dir / WASM).stat().st_size,
            to_root + runtime.stdlib_url: len(runtime.stdlib),
        },
    }
    styles = "".join(
        f'<link rel="stylesheet" href="{url[a]}">\n' for a in assets if a.endswith(".css")
    )
    # The modules a page script imports by their digest-bearing addresses (the shared helpers;
    # for the early answer, the evaluator of the compiled rules): preloaded, they arrive beside
    # the page script rather than one round trip after it has run (on slow 4G, 150 ms and more).
    imported = ["common.js", *(["rules.js"] if "calculators.js" in assets else [])]
    preload = "".join(f'<link rel="modulepreload" href="{url[name]}">\n' for name in imported)
    # `async`: each page script runs as soon as it has arrived, not after the whole page has
    # been parsed and Material's bundle (a blocking classic script after it) fetched and run.
    # Everything it reads stands before it in the page.
    scripts = "".join(
        f'<script type="module" async src="{url[a]}"></script>\n'
        for a in assets
        if a.endswith(".js")
    )
    return (
        f"{styles}{preload}{html}\n"
        f'<script type="application/json" id="calc-runtime">{CalculatorData.script_json(settings)}'
        f"</script>\n{scripts}"
    )
