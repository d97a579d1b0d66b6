"""The runtime hooks as a build runs them, in this process, on a copy of the project: the
calculators' data for templates (computed once per policy), asset versions, and the runtime
written into the site once, in the default-language pass."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import calculators
from hgpolicy import mkdocs_hooks, runtime_hooks
from hgpolicy.compile import policy_json
from hgpolicy.pages import renderer_of
from hgpolicy.policy import Policy
from hgpolicy.wheels import content_digest

ASSETS = ("calculators.css", "calculators.js", "worker.js")


@pytest.fixture
def project(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("policy", "docs"):
        shutil.copytree(root / name, tmp_path / name)
    (tmp_path / "node_modules").symlink_to(root / "node_modules")
    (tmp_path / "calculators").symlink_to(Path(calculators.__file__).parent)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    monkeypatch.setattr(mkdocs_hooks, "_state", {})
    monkeypatch.setattr(runtime_hooks, "_state", {})
    return tmp_path


def _config(project: Path, i18n: Any = None) -> Any:
    plugins: dict[str, Any] = {"hooks": mkdocs_hooks}
    if i18n is not None:
        plugins["i18n"] = i18n
    return SimpleNamespace(
        config_file_path=str(project / "mkdocs.yml"),
        docs_dir=str(project / "docs"),
        site_dir=str(project / "site"),
        plugins=plugins,
        theme={"language": "zh"},
    )


def _configure(config: Any) -> None:
    mkdocs_hooks.on_config(config)
    assert runtime_hooks.on_config(config) is config


def test_templates_get_the_calculators_data_once_per_policy(project: Path) -> None:
    config = _config(project)
    _configure(config)
    state = runtime_hooks._state
    calc = state["calc"]
    assert renderer_of(config).env.globals["calc"] is calc
    assert set(calc.tables["routes"]) == {"2018", "2023"}
    assert state["versions"] == {
        name: hashlib.sha256((project / "docs/assets/calculators" / name).read_bytes()).hexdigest()[
            :10
        ]
        for name in ASSETS
    }
    assert state["snapshot"] == f"{state['runtime'].version}-{content_digest(state['wheel_files'])}"
    _configure(config)
    assert runtime_hooks._state["calc"] is calc, "the same policy: not computed again"
    levels = project / "policy" / "levels.yaml"
    mtime = levels.stat().st_mtime_ns + 1_000_000_000
    levels.write_text(
        levels.read_text(encoding="utf-8").replace("Senior Worker}", "Senior Worker X}", 1),
        encoding="utf-8",
    )
    os.utime(levels, ns=(mtime, mtime))
    _configure(config)
    assert runtime_hooks._state["calc"] is not calc


def test_without_pyodide_the_build_stops_and_says_why(project: Path) -> None:
    (project / "node_modules").unlink()
    config = _config(project)
    mkdocs_hooks.on_config(config)
    with pytest.raises(Exception, match="npm ci"):
        runtime_hooks.on_config(config)


def test_the_runtime_is_written_once_in_the_default_language_pass(project: Path) -> None:
    config = _config(project)
    _configure(config)
    runtime = runtime_hooks._state["runtime"]
    site = project / "site"
    runtime_hooks.on_post_build(_config(project, SimpleNamespace(is_default_language_build=False)))
    assert not site.exists()
    runtime_hooks.on_post_build(config)
    assert {p.name for p in (site / runtime.index_url).iterdir()} == {
        "pyodide.mjs",
        "pyodide.asm.mjs",
        "pyodide.asm.wasm",
        "python_stdlib.zip",
    }
    (wheel,) = (site / runtime.package_url).glob("calculators-*.whl")
    assert content_digest(runtime_hooks._state["wheel_files"]) in wheel.name
    lock = json.loads((site / runtime.lock_url).read_text(encoding="utf-8"))
    assert lock["packages"]["calculators"]["file_name"] == wheel.name


def test_build_time_answers_are_keyed_as_the_page_script_keys_requests(policy: Policy) -> None:
    calc = runtime_hooks.CalculatorData(policy)
    answers = calc.answers("equivalence", {"level": ["technician"], "hired": [True, False]})
    assert set(answers) == {
        '{"hired":false,"level":"technician"}',
        '{"hired":true,"level":"technician"}',
    }
    assert answers['{"hired":true,"level":"technician"}']["equivalent"]["id"] == "engineer"
    assert answers['{"hired":false,"level":"technician"}']["equivalent"] is None


def test_citations_are_collected_once_in_first_order() -> None:
    data = {
        "source": "c14",
        "rows": [{"clause": "c4"}, {"sources": ["c6", 3, "c14"]}, {"source": None}],
        "also": ["s1"],
        "clause": 7,
    }
    assert runtime_hooks.CalculatorData.citations(data) == ["c14", "c4", "c6", "s1"]


def test_the_renderer_is_found_only_where_the_policy_hook_left_it() -> None:
    with pytest.raises(LookupError, match="list mkdocs_hooks.py first"):
        renderer_of(SimpleNamespace(plugins={"other": SimpleNamespace(_state={})}))


def test_the_compiled_policy_is_compact_sorted_json(policy: Policy) -> None:
    text = policy_json(policy)
    assert json.loads(text) == policy.data
    assert text.startswith('{"application-routes":{') and ", " not in text[:200]
    assert "高级工" in text
