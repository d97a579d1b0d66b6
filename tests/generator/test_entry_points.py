"""Code that only a build in another process runs, driven here in this one so that a fault in it
fails a fast test: `python -m hgpolicy.compile` (what `make setup` runs), the environment a
project copy is built in, and the `base` each language's pages give Material's search."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from hgpolicy import compile as compile_module
from hgpolicy.project import build_env
from tests.generator.test_plugin import _config, _I18n, plugin, project  # noqa: F401


def test_compile_writes_every_policy_file_s_data_and_leaves_no_partial_file(
    root: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "policy.json"
    assert compile_module.main([str(root / "policy"), str(dest)]) == 0
    data = json.loads(dest.read_text(encoding="utf-8"))
    stems = {p.stem for p in (root / "policy").glob("*.yaml")}
    assert set(data) == stems
    assert data["document"]["number"]["zh"] == "黄改委发〔2020〕4号"
    assert [p.name for p in tmp_path.iterdir()] == ["policy.json"]


def test_compile_refuses_invalid_data_and_keeps_the_previous_file(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    policy = shutil.copytree(root / "policy", tmp_path / "policy")
    levels = policy / "levels.yaml"
    levels.write_text(levels.read_text(encoding="utf-8") + "\n  - [unclosed\n", encoding="utf-8")
    dest = tmp_path / "policy.json"
    dest.write_text("previous", encoding="utf-8")
    assert compile_module.main([str(policy), str(dest)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("policy data is invalid:\n") and "levels.yaml" in err
    assert dest.read_text(encoding="utf-8") == "previous"


def test_a_project_copy_builds_with_its_own_generator_and_calculators(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_MKDOCS_2_WARNING", raising=False)  # set by the environment itself
    env = build_env(tmp_path)
    assert env["PYTHONPATH"] == f"{tmp_path / 'build'}{os.pathsep}{tmp_path}"
    assert env["NO_MKDOCS_2_WARNING"] == "1"
    assert env["PATH"] == os.environ["PATH"]  # the rest of the environment is kept


@pytest.mark.parametrize(
    ("locale", "base"),
    [("en", "../../en/"), ("zh", "../.."), (None, "../..")],
    ids=["en", "zh", "no-locale"],
)
def test_a_page_gives_material_its_language_s_folder_as_base(
    project: Path,  # noqa: F811
    plugin,  # noqa: F811, ANN001
    locale: str | None,
    base: str,
) -> None:
    config = _config(project, plugin, _I18n())
    page = SimpleNamespace(file=SimpleNamespace(locale=locale) if locale else SimpleNamespace())
    context = plugin.on_page_context({"base_url": "../.."}, page=page, config=config, nav=None)
    assert context["base_url"] == base
