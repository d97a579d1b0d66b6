"""Each kind of data mistake stops the loader with file:line, what is wrong, and the schema path.

The corpus in broken/ applies one small edit to the real policy files, so every case keeps
testing the data as it is today. A case marked `after_schemas` is a mistake only the checks
that follow the schemas can see (dates, and marks of certainty against their sources): those
checks are also given the edited files alone, a few milliseconds a case, so that each is seen
to catch its own mistakes and nothing else.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from hgpolicy.certainty import confidence_problems
from hgpolicy.errors import PolicyError
from hgpolicy.policy import load_policy
from hgpolicy.validity import validity_problems
from hgpolicy.yamlfile import YamlFile, read_yaml

CASES = sorted((Path(__file__).parent / "broken").glob("*.yaml"))
AFTER_SCHEMAS = [
    c for c in CASES if yaml.safe_load(c.read_text(encoding="utf-8")).get("after_schemas")
]


def edit(text: str, case: dict) -> tuple[str, int]:
    """`text` with the case's edit applied, and the line the case expects to be named."""
    assert case["old"] in text, f"case no longer applies: {case['old']!r} not in {case['file']}"
    text = text.replace(case["old"], case["new"], 1)
    hits = [n for n, line in enumerate(text.splitlines(), 1) if case["line_of"] in line]
    return text, hits[case.get("nth", 1) - 1]


def break_policy(root: Path, tmp_path: Path, case: dict) -> tuple[Path, int]:
    """Copy policy/ into tmp_path, apply the case's edit; return the dir and the expected line."""
    policy = tmp_path / "policy"
    shutil.copytree(root / "policy", policy)
    target = policy / case["file"]
    text, line = edit(target.read_text(encoding="utf-8") if target.exists() else "", case)
    target.write_text(text, encoding="utf-8")
    return policy, line


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_broken_file_is_reported_with_file_line_and_reason(
    case_file: Path, root: Path, tmp_path: Path
) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    policy_dir, line = break_policy(root, tmp_path, case)
    with pytest.raises(PolicyError) as caught:
        load_policy(policy_dir)
    expected = case["expect"].replace("{line}", str(line))
    messages = [str(p) for p in caught.value.problems]
    assert any(m.startswith(expected) for m in messages), "\n".join(messages)
    if case.get("only"):  # the root cause alone, not what follows from it
        assert len(messages) == 1, "\n".join(messages)


@pytest.fixture(scope="module")
def policy_files(root: Path) -> dict[str, YamlFile]:
    """The policy files as they are, read once: a case replaces the one it edits."""
    return {
        path.name: read_yaml(path, display=Path("policy", path.name))
        for path in sorted((root / "policy").glob("*.yaml"))
    }


@pytest.mark.parametrize("case_file", AFTER_SCHEMAS, ids=[c.stem for c in AFTER_SCHEMAS])
def test_a_date_or_certainty_mistake_is_named_by_the_checks_after_the_schemas(
    case_file: Path, policy_files: dict[str, YamlFile], tmp_path: Path
) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    text, line = edit(policy_files[case["file"]].path.read_text(encoding="utf-8"), case)
    edited = tmp_path / case["file"]
    edited.write_text(text, encoding="utf-8")
    files = {**policy_files, case["file"]: read_yaml(edited, display=Path("policy", case["file"]))}
    found = validity_problems(list(files.values())) + confidence_problems(list(files.values()))
    expected = case["expect"].replace("{line}", str(line))
    messages = [str(p) for p in found]
    assert any(m.startswith(expected) for m in messages), "\n".join(messages)
    if case.get("only"):
        assert len(messages) == 1, "\n".join(messages)


def test_the_policy_as_it_is_has_no_date_or_certainty_mistake(
    policy_files: dict[str, YamlFile],
) -> None:
    files = list(policy_files.values())
    assert validity_problems(files) == []
    assert confidence_problems(files) == []


def test_corpus_covers_every_kind_of_mistake() -> None:
    kinds = {c.stem for c in CASES}
    assert {
        "yaml-syntax",
        "unknown-key",
        "missing-en",
        "unknown-clause",
        "duplicate-id",
        "undefined-tier",
        "undefined-level",
        "duplicate-key",
    } <= kinds


def test_the_real_policy_is_valid(root: Path) -> None:
    """Every data file loads (none is skipped), and the model holds what the files say."""
    policy = load_policy(root / "policy")
    assert set(policy.data) == {p.stem for p in (root / "policy").glob("*.yaml")}
    levels = yaml.safe_load((root / "policy" / "levels.yaml").read_text(encoding="utf-8"))
    assert policy["levels"] == levels


def test_versions_listed_out_of_date_order_are_read_in_date_order(
    root: Path, tmp_path: Path
) -> None:
    """The order of a rule's versions in the file is not their order in time: a rule with a
    version from 2030 and one from 2031, the 2031 one written first, each meeting the one
    before on its day, is valid data."""
    policy = tmp_path / "policy"
    shutil.copytree(root / "policy", policy)
    target = policy / "special-routes.yaml"
    gap = yaml.safe_load((Path(__file__).parent / "broken" / "version-gap.yaml").read_text("utf-8"))
    record = gap["new"][gap["new"].index("  - id: c9.4-competition-later") :]
    record = record[: record.index("\n\n")] + "\n"

    def version(year: int, until: str) -> str:
        dated = record.replace("-later", f"-{year}").replace('"2030-03-01"', f'"{year}-01-01"')
        return dated + until

    text = target.read_text(encoding="utf-8")
    first_ends = gap["new"][: gap["new"].index("  - id:")].replace("2030-03-01", "2030-01-01")
    text = text.replace(gap["old"], first_ends + "\n# Statements outside", 1)
    later = version(2031, "") + version(2030, '    valid_until: "2031-01-01"\n')
    text = text.replace(gap["old"].split("\n")[-1], later + gap["old"].split("\n")[-1], 1)
    target.write_text(text, encoding="utf-8")
    routes = load_policy(policy)["special-routes"]["routes"]
    assert [r["id"] for r in routes if r["id"].startswith("c9.4")] == [
        "c9.4-competition",
        "c9.4-competition-2031",
        "c9.4-competition-2030",
    ]
