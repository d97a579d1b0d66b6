"""The plugin's last steps, each alone: which compressed copies it asks for (none while
serving or when turned off; the slow best settings only when asked), where their cache lives,
and what the build log says about them and about the runtime it installed. The work itself
(precompress.py, runtime.py) is tested on its own; here it is replaced by a recorder, so the
tests show what the plugin passes on, and the log line with a clock that reads 2.5 s."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from hgpolicy import plugin as plugin_module
from hgpolicy.plugin import PolicyPlugin
from hgpolicy.precompress import BEST, FAST


def _plugin(choice: str, tmp_path: Path) -> PolicyPlugin:
    new = PolicyPlugin()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "policy").mkdir(exist_ok=True)  # an option checked to exist, not read here
    errors, warnings = new.load_config(
        {"precompress": choice}, config_file_path=str(tmp_path / "mkdocs.yml")
    )
    assert (errors, warnings) == ([], [])
    return new


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """A clock that has moved 2.5 s between the first and the second reading."""
    readings = iter([100.0, 102.5])
    monkeypatch.setattr(plugin_module.time, "perf_counter", lambda: next(readings))


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    made: list[tuple[Any, ...]] = []

    def precompress(site: Path, settings: Any, cache: Path | None = None) -> int:
        made.append((site, settings, cache))
        return 2_500_000

    monkeypatch.setattr(plugin_module, "precompress", precompress)
    return made


@pytest.mark.parametrize(("choice", "settings"), [("fast", FAST), ("best", BEST)])
def test_compressed_copies_with_the_settings_asked_for_and_said_in_the_log(
    choice: str,
    settings: Any,
    tmp_path: Path,
    clock: None,
    calls: list[tuple[Any, ...]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    site = tmp_path / "site"
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.hgpolicy"):
        _plugin(choice, tmp_path)._precompress(site, tmp_path)
    assert calls == [(site, settings, tmp_path / ".cache" / "precompress")]
    assert [r.getMessage() for r in caplog.records] == [
        f"Compressed copies ({choice}) written in 2500 ms: brotli saves 2.5 MB"
    ]


def test_no_compressed_copies_when_off_or_while_serving(
    tmp_path: Path, calls: list[tuple[Any, ...]]
) -> None:
    _plugin("off", tmp_path)._precompress(tmp_path / "site", tmp_path)
    serving = _plugin("fast", tmp_path)
    serving.on_startup(command="serve", dirty=False)
    serving._precompress(tmp_path / "site", tmp_path)
    assert calls == []
    building = _plugin("fast", tmp_path)
    building.on_startup(command="build", dirty=False)
    building._precompress(tmp_path / "site", tmp_path)
    assert len(calls) == 1


def test_the_runtime_installed_is_said_in_the_log(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    clock: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    installed: list[Any] = []
    runtime = SimpleNamespace(version="0.29.3")
    monkeypatch.setattr(plugin_module, "install_runtime", lambda *a: installed.append(a))
    wheel = tmp_path / "calculators-1-py3-none-any.whl"

    def install_calculators(*args: Any) -> Path:
        installed.append(args)
        return wheel

    monkeypatch.setattr(plugin_module, "install_calculators", install_calculators)
    plugin = _plugin("fast", tmp_path)
    plugin.runtime = runtime  # type: ignore[assignment]
    plugin.wheel_files = {"a.py": b""}  # type: ignore[assignment]
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.hgpolicy"):
        plugin._install_runtime(tmp_path / "site")
    assert installed == [(runtime, tmp_path / "site"), (runtime, tmp_path / "site", {"a.py": b""})]
    assert [r.getMessage() for r in caplog.records] == [
        "Pyodide 0.29.3 and calculators-1-py3-none-any.whl written in 2500 ms"
    ]
