"""What read_yaml refuses before parsing, and what it keeps as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from hgpolicy import yamlfile
from hgpolicy.errors import PolicyError
from hgpolicy.yamlfile import MAX_BYTES, read_yaml


def _problems(path: Path) -> list[str]:
    with pytest.raises(PolicyError) as caught:
        read_yaml(path)
    return [str(p) for p in caught.value.problems]


def test_cap_is_far_above_every_policy_file(root: Path) -> None:
    largest = max(p.stat().st_size for p in (root / "policy").glob("*.yaml"))
    assert 20 * largest <= MAX_BYTES


def test_a_file_over_the_cap_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("# padding\n" * (MAX_BYTES // 10 + 1), encoding="utf-8")
    assert _problems(path) == [
        f"{path}:1: file is {path.stat().st_size:,} bytes, over the 1,000,000-byte cap "
        "for a policy file (the largest today is about 34 kB)"
    ]


def test_text_that_is_not_utf8_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes(b"a: 1\nb: " + "技师".encode("gbk") + b"\n")
    assert _problems(path) == [f"{path}:2: not UTF-8 text: invalid start byte"]


def test_a_control_character_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "control.yaml"
    path.write_text("a: 1\nb: x\x07y\n", encoding="utf-8")
    assert _problems(path) == [f"{path}:2: character '\\x07' is not allowed in YAML"]


def test_a_real_date_is_kept_as_written(tmp_path: Path) -> None:
    """Dates stay strings, as policy.json and the schemas (`format: date`) expect."""
    path = tmp_path / "date.yaml"
    path.write_text("date_issued: 2020-02-28\n", encoding="utf-8")
    assert read_yaml(path).data == {"date_issued": "2020-02-28"}


# Where a syntax error is reported: the line a person must fix, which is not always where the
# parser stopped. Expected lines and words typed from each text (PyYAML's own message first).
SYNTAX = [
    # a key without its colon: the key's line (2), not the next line where the parser stopped
    ("a: 1\nb\nc: 3\n", "2: YAML syntax error: could not find expected ':'"),
    # a full-width colon on the first line, on the last line
    ("a：1\nb: 2\n", "1: YAML syntax error: mapping values are not allowed here: "
     "a full-width colon '：' after the key; YAML needs ': '"),
    ("a: 1\nb：2\n", "2: YAML syntax error: could not find expected ':': "
     "a full-width colon '：' after the key; YAML needs ': '"),
    # an error on line 1 is not blamed on a full-width colon further down
    ("a: b: c\nd：e\n", "1: YAML syntax error: mapping values are not allowed here"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "problem"), SYNTAX)
def test_a_syntax_error_names_the_line_to_fix(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "levels.yaml"
    path.write_text(text, encoding="utf-8")
    assert _problems(path) == [f"{path}:{problem}"]


def test_a_path_is_found_at_its_own_line_or_its_deepest_ancestors(tmp_path: Path) -> None:
    """A problem's line: the path's own, else the deepest ancestor the file has (a missing key
    is reported where its mapping is), else the root's; a file with no data at all: line 1."""
    path = tmp_path / "levels.yaml"
    path.write_text("# a comment\nlevels:\n  - id: a\n    name: {zh: 甲}\n", encoding="utf-8")
    file = read_yaml(path)
    assert file.line_of(("levels", 0, "name", "zh")) == 4
    assert file.line_of(("levels", 0, "name", "en")) == 4  # missing: its mapping's line
    assert file.line_of(("levels", 0, "grade", "en")) == 3  # two levels missing: the item's
    assert file.line_of(("levels", 1)) == 2
    assert file.line_of(("other",)) == 2  # the root mapping starts at its first key
    empty = tmp_path / "empty.yaml"
    empty.write_text("# only a comment\n", encoding="utf-8")
    assert read_yaml(empty).line_of(("levels", 0)) == 1


@pytest.mark.parametrize(
    ("text", "fast"),
    [
        ("a: 1\nb: [x, y]\n", True),
        ("a: &one 1\nb: *one\n", False),  # an anchor: refused by the loader that tells it
        ("a: 1\nb: 2\x07\n", False),  # a character YAML does not allow
        ("a: [1\n", False),  # a syntax error
    ],
    ids=["plain", "anchor", "control-character", "syntax-error"],
)
def test_libyaml_reads_only_what_it_can_read_as_the_reported_loader_does(
    text: str, fast: bool
) -> None:
    assert yamlfile._fast_enough(text) is fast


def test_every_policy_file_reads_the_same_by_libyaml_as_by_the_reporting_loader(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same data and the same line for every path, by either parser (and libyaml reads
    every file of the policy, or the build pays the slower parser)."""
    files = sorted((root / "policy").rglob("*.yaml"))
    assert all(yamlfile._fast_enough(f.read_text(encoding="utf-8")) for f in files)
    fast = [read_yaml(f) for f in files]
    monkeypatch.setattr(yamlfile, "_fast_enough", lambda text: False)
    slow = [read_yaml(f) for f in files]
    assert [(y.data, y.lines) for y in fast] == [(y.data, y.lines) for y in slow]
