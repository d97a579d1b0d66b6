"""A record's mark of certainty may not say more than the source it cites (certainty.py), on
small files written here: the rule is the policy's (confidence.yaml: "A record that cites a
source may carry the source's mark or a lower one, never a higher one"), the files are not, so
each case is seen alone and in a few milliseconds."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from hgpolicy.certainty import confidence_problems
from hgpolicy.errors import Problem
from hgpolicy.yamlfile import YamlFile, read_yaml

MARKS = """
    marks:
      - {id: seen, rank: 3}
      - {id: reported, rank: 2}
      - {id: unconfirmed, rank: 1}
"""
SOURCES = """
    sources:
      - {id: heard, number: 某发〔2020〕1号, confidence: reported}
      - {id: read, number: 某发〔2020〕2号, confidence: seen}
      - {id: odd, number: 某发〔2020〕3号, confidence: rumoured}
"""
RULE = "rule: a record's confidence ranks no higher than its source's"


def _files(tmp_path: Path, rules: str) -> list[YamlFile]:
    found = []
    for name, text in {"confidence": MARKS, "sources": SOURCES, "rules": rules}.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        found.append(read_yaml(path))
    return found


def _above(tmp_path: Path, line: int, mine: str, number: str, theirs: str) -> Problem:
    return Problem(
        tmp_path / "rules.yaml",
        line,
        f"confidence '{mine}' says more than its source {number} ('{theirs}' in sources.yaml): "
        f"use '{theirs}' or a lower mark",
        RULE,
    )


def test_a_record_marked_above_its_source_is_named_at_its_confidence_line(tmp_path: Path) -> None:
    rules = """
        rules:
          - id: one
            source: heard
            confidence: seen
          - id: two
            source: read
            confidence: seen
    """
    assert confidence_problems(_files(tmp_path, rules)) == [
        _above(tmp_path, 5, "seen", "某发〔2020〕1号", "reported")
    ]


@pytest.mark.parametrize(
    ("source", "mine"),
    [
        ("heard", "reported"),  # the source's own mark
        ("heard", "unconfirmed"),  # a lower one
        ("read", "reported"),
        ("elsewhere", "seen"),  # a source sources.yaml does not hold: the schemas' concern
        ("heard", "certain"),  # a mark confidence.yaml does not hold: the schemas' concern
        ("odd", "seen"),  # a source whose own mark is not one
    ],
)
def test_a_record_marked_at_or_below_its_source_or_unmatched_is_not_refused(
    tmp_path: Path, source: str, mine: str
) -> None:
    rules = f"""
        rules:
          - id: one
            source: {source}
            confidence: {mine}
    """
    assert confidence_problems(_files(tmp_path, rules)) == []


def test_records_are_found_at_any_depth_and_each_refused_one_is_named(tmp_path: Path) -> None:
    rules = """
        levels:
          upper:
            - name: x
              source: heard
              confidence: seen
            - name: y
              steps:
                - source: heard
                  confidence: reported
                - source: heard
                  confidence: seen
        also_cited:
          source: [heard]
          confidence: seen
    """
    assert confidence_problems(_files(tmp_path, rules)) == [
        _above(tmp_path, 6, "seen", "某发〔2020〕1号", "reported"),
        _above(tmp_path, 12, "seen", "某发〔2020〕1号", "reported"),
    ]


def test_the_marks_and_sources_are_read_from_their_own_files(tmp_path: Path) -> None:
    """Without confidence.yaml's ranks or sources.yaml's marks nothing can be compared, nor
    with either file in another shape; a record is found in a file of any shape."""
    files = _files(tmp_path, "- {source: heard, confidence: seen}\n")
    assert [f.path.stem for f in files] == ["confidence", "sources", "rules"]
    assert confidence_problems(files) == [
        _above(tmp_path, 1, "seen", "某发〔2020〕1号", "reported")
    ]
    assert confidence_problems([files[1], files[2]]) == []
    assert confidence_problems([files[0], files[2]]) == []
    listed = tmp_path / "confidence.yaml"
    listed.write_text("- {id: seen, rank: 3}\n- {id: reported, rank: 2}\n", encoding="utf-8")
    assert confidence_problems([read_yaml(listed), *files[1:]]) == []
    listed = tmp_path / "sources.yaml"
    listed.write_text(
        "- {id: heard, number: 某发〔2020〕1号, confidence: reported}\n", encoding="utf-8"
    )
    assert confidence_problems([files[0], read_yaml(listed), files[2]]) == []
