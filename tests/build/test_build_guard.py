"""Broken data fails `mkdocs build` with file:line and leaves the previous site as it was."""

from __future__ import annotations

from pathlib import Path

from hgpolicy.inputs import STAMP, fingerprint
from tests.support.builds import build_site, project_copy


def _snapshot(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def test_invalid_policy_fails_the_build_and_keeps_the_old_site(root: Path, tmp_path: Path) -> None:
    project = project_copy(tmp_path / "project")
    first = build_site(project)
    assert first.returncode == 0, first.stderr
    before = _snapshot(project / "site")
    assert "index.html" in before
    assert before[STAMP].decode().strip() == fingerprint(project), (
        "the site says what it was built from"
    )

    levels = project / "policy" / "levels.yaml"
    text = levels.read_text(encoding="utf-8")
    levels.write_text(text.replace("    source: c4\n", "    source: c44\n", 1), encoding="utf-8")
    broken_line = text.splitlines().index("    source: c4") + 1

    second = build_site(project)
    assert second.returncode != 0
    assert f"policy/levels.yaml:{broken_line}: 'c44' is not a defined clause id" in second.stderr
    assert "Traceback" not in second.stderr
    assert _snapshot(project / "site") == before
