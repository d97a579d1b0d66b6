"""MkDocs hooks for the calculators: their data in templates, their runtime in the site.

- Templates get a `calc` global: the tables and build-time answers, computed by the very
  calculators package the browser runs (`calc-*.md.j2` use it).
- Calculator pages, and only they, get the runtime settings and the page script.
- After the default-language pass, the Pyodide runtime, the calculators wheel and its lockfile
  are written once into the site, shared by both languages (see runtime.py).
- The About page lists the third-party software (a `third_party` global), and the licence
  text of each enters the site as a file of its own (see thirdparty.py).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import time
from functools import cached_property
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from hgpolicy.compile import policy_data, policy_json
from hgpolicy.pages import renderer_of
from hgpolicy.policy import Policy
from hgpolicy.runtime import (
    PACKAGE,
    Runtime,
    calculators_files,
    find_runtime,
    install_calculators,
    install_runtime,
    snapshot_key,
)
from hgpolicy.thirdparty import components, licence_text

log = logging.getLogger("mkdocs.hooks.runtime")

# The page script and worker, as docs/ holds them (MkDocs copies them into the site).
SCRIPTS = "assets/calculators"
ASSETS = ("calculators.css", "calculators.js", "worker.js")
CALCULATOR_PAGE = 'data-calculator="'

_state: dict[str, Any] = {}


# Data for templates


class CalculatorData:
    """What calculator templates need from the calculators package, for one policy.

    The package answers from the policy this build validated (not from its own copy), so the
    tables, the build-time answers and the wheel's policy.json always agree.
    """

    def __init__(self, policy: Policy) -> None:
        from calculators import api
        from calculators.index import PolicyIndex

        self._api = api
        self._index = PolicyIndex(policy_data(policy))

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


# Hooks


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Give the templates the calculators' data (computed once, reused by every language)."""
    root = Path(config.config_file_path).parent
    renderer = renderer_of(config)
    compiled = policy_json(renderer.policy)
    if _state.get("policy_json") != compiled:  # a new build, or the policy was edited
        started = time.perf_counter()
        _state["policy_json"] = compiled
        _state["calc"] = CalculatorData(renderer.policy)
        _state["calc"].tables  # noqa: B018 (now, so a failure stops the build before site/ is cleaned)
        log.debug("calculator tables in %.0f ms", 1000 * (time.perf_counter() - started))
    try:
        _state["runtime"] = find_runtime(root)
    except FileNotFoundError as err:
        raise PluginError(str(err)) from None
    _state["wheel_files"] = calculators_files(_state["runtime"], compiled)
    _state["snapshot"] = snapshot_key(_state["runtime"], _state["wheel_files"])
    _state["versions"] = {name: _digest(Path(config.docs_dir) / SCRIPTS / name) for name in ASSETS}
    renderer.env.globals["calc"] = _state["calc"]
    renderer.env.globals["third_party"] = components(_state["runtime"])
    return config


@event_priority(-100)  # after mkdocs-static-i18n sorts docs/ by language: one copy, at the root
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the licence texts of the third-party software, so that pages can link them."""
    runtime: Runtime = _state["runtime"]
    licences = {c.licence_uri: c.licence for c in components(runtime)}
    for uri, spdx in sorted(licences.items()):
        files.append(File.generated(config, uri, content=licence_text(runtime.root, spdx)))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """On a calculator page, add the runtime settings and the page script; elsewhere nothing."""
    if CALCULATOR_PAGE not in html:
        return html
    runtime: Runtime = _state["runtime"]
    versions: dict[str, str] = _state["versions"]
    to_root = "../" * page.url.count("/")  # page.url is relative to the site root: "en/a/b/"
    url = {name: f"{to_root}{SCRIPTS}/{name}?v={digest}" for name, digest in versions.items()}
    settings = {
        "worker": url["worker.js"],
        "indexURL": to_root + runtime.index_url,
        "lockFileURL": to_root + runtime.lock_url,
        "package": PACKAGE,
        "snapshot": _state["snapshot"],
    }
    return (
        f'<link rel="stylesheet" href="{url["calculators.css"]}">\n{html}\n'
        f'<script type="application/json" id="calc-runtime">{CalculatorData.script_json(settings)}'
        f'</script>\n<script type="module" src="{url["calculators.js"]}"></script>\n'
    )


def on_post_build(config: MkDocsConfig) -> None:
    """Write the runtime into the site once: in the default-language pass, into the site root."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and not getattr(i18n, "is_default_language_build", True):
        return
    started = time.perf_counter()
    runtime: Runtime = _state["runtime"]
    site = Path(config.site_dir)
    install_runtime(runtime, site)
    wheel = install_calculators(runtime, site, _state["wheel_files"])
    log.info(
        "Pyodide %s and %s written in %.0f ms",
        runtime.version,
        wheel.name,
        1000 * (time.perf_counter() - started),
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]
