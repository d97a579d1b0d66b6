"""The MkDocs hooks in this process: the policy is loaded once and again after an edit (as
under `mkdocs serve`), a bad edit is reported and retried, an unknown page marker is named, and
the finished site records what it was built from."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from hgpolicy import mkdocs_hooks
from hgpolicy.inputs import STAMP, fingerprint


@pytest.fixture
def project(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the policy and docs in a bare project, and hooks with no state from other builds."""
    shutil.copytree(root / "policy", tmp_path / "policy")
    shutil.copytree(root / "docs", tmp_path / "docs")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    monkeypatch.setattr(mkdocs_hooks, "_state", {})
    return tmp_path


def _config(project: Path, i18n: Any = None, language: str = "zh") -> Any:
    return SimpleNamespace(
        config_file_path=str(project / "mkdocs.yml"),
        plugins={"i18n": i18n} if i18n else {},
        theme={"language": language},
        site_dir=str(project / "site"),
    )


def _save(path: Path, old: str, new: str) -> None:
    """Edit a file as an editor saves it: new content, a later mtime."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    mtime = path.stat().st_mtime_ns
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(mtime + 1_000_000_000, mtime + 1_000_000_000))


def test_the_policy_is_loaded_once_and_again_after_an_edit(project: Path) -> None:
    config = _config(project)
    assert mkdocs_hooks.on_config(config) is config
    first = mkdocs_hooks._state["renderer"]
    mkdocs_hooks.on_config(config)
    assert mkdocs_hooks._state["renderer"] is first, "no edit: the same policy"
    levels = project / "policy" / "levels.yaml"
    _save(levels, "en: Senior Worker}", "en: Senior Worker Edited}")
    mkdocs_hooks.on_config(config)
    edited = mkdocs_hooks._state["renderer"]
    assert edited is not first
    names = {lv["id"]: lv["name"]["en"] for lv in edited.policy["levels"]["levels"]}
    assert names["senior-worker"] == "Senior Worker Edited"


def test_a_bad_edit_is_reported_and_retried_once_fixed(project: Path) -> None:
    config = _config(project)
    mkdocs_hooks.on_config(config)
    good = mkdocs_hooks._state["renderer"]
    levels = project / "policy" / "levels.yaml"
    _save(levels, "    source: c4\n", "    source: c44\n")
    with pytest.raises(PluginError, match=r"policy data is invalid:\n.*levels.yaml:\d+: 'c44'"):
        mkdocs_hooks.on_config(config)
    assert mkdocs_hooks._state["renderer"] is good
    _save(levels, "    source: c44\n", "    source: c4\n")
    mkdocs_hooks.on_config(config)
    assert mkdocs_hooks._state["renderer"] is not good


def _page(uri: str) -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=uri))


@pytest.mark.parametrize(("language", "heading"), [("zh", "（四）健全层级设置"), ("en", "(4) ")])
def test_markers_are_rendered_in_the_language_of_the_pass(
    project: Path, language: str, heading: str
) -> None:
    i18n = SimpleNamespace(current_language=language)
    config = _config(project, i18n=i18n, language="zh")
    mkdocs_hooks.on_config(config)
    markdown = "# T\n\n<!--  policy:fulltext  -->\n"
    out = mkdocs_hooks.on_page_markdown(markdown, _page("text.md"), config, None)
    assert out.startswith("# T\n\n") and "policy:fulltext" not in out
    assert heading in out


def test_an_unknown_marker_is_named_with_the_page_and_the_known_ones(project: Path) -> None:
    config = _config(project)
    mkdocs_hooks.on_config(config)
    with pytest.raises(PluginError) as caught:
        mkdocs_hooks.on_page_markdown("<!-- policy:fulltxt -->", _page("text.md"), config, None)
    message = str(caught.value)
    assert message.startswith("text.md: unknown marker 'policy:fulltxt' (known: ")
    assert "fulltext" in message.split("known: ")[1] and "ladder" not in message


def test_the_site_records_its_inputs_after_the_last_language(project: Path) -> None:
    (project / "site").mkdir()
    building = SimpleNamespace(building=True)
    mkdocs_hooks.on_config(_config(project))
    mkdocs_hooks.on_post_build(_config(project, i18n=building))
    assert not (project / "site" / STAMP).exists(), "not while other languages are built"
    mkdocs_hooks.on_post_build(_config(project, i18n=SimpleNamespace(building=False)))
    assert (project / "site" / STAMP).read_text(encoding="utf-8") == fingerprint(project) + "\n"


def test_serve_watches_the_policy_and_the_generator(project: Path) -> None:
    watched: list[str] = []
    server = SimpleNamespace(watch=watched.append)
    assert mkdocs_hooks.on_serve(server, _config(project), None) is server
    assert watched == [str(project / "policy"), str(Path(mkdocs_hooks.__file__).parent)]
