"""Schema errors inside anyOf/oneOf: the branch that went deepest says what is wrong; when no
branch got further than the value itself, the anyOf/oneOf error is the one reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hgpolicy.validate import validate
from hgpolicy.yamlfile import read_yaml

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "wait": {
            "oneOf": [
                {"type": "integer"},
                {
                    "type": "object",
                    "properties": {"years": {"type": "integer"}, "from": {"type": "string"}},
                    "required": ["years"],
                },
            ]
        },
        "name": {"anyOf": [{"type": "string"}, {"type": "null"}]},
    },
}


def _problems(tmp_path: Path, text: str) -> list[str]:
    schemas = tmp_path / "schema"
    schemas.mkdir()
    (schemas / "thing.schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    path = tmp_path / "thing.yaml"
    path.write_text(text, encoding="utf-8")
    return [str(p) for p in validate([read_yaml(path, Path("thing.yaml"))], schemas)]


def test_the_deepest_branch_names_the_field(tmp_path: Path) -> None:
    found = _problems(tmp_path, "name: x\nwait:\n  from: certificate\n  years: four\n")
    assert found == [
        "thing.yaml:4: 'four' is not of type 'integer' "
        "(schema: #/properties/wait/oneOf/1/properties/years/type)"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "wait: soon\n",
            "thing.yaml:1: 'soon' is not valid under any of the given schemas "
            "(schema: #/properties/wait/oneOf)",
        ),
        (
            "name: 3\n",
            "thing.yaml:1: 3 is not valid under any of the given schemas "
            "(schema: #/properties/name/anyOf)",
        ),
    ],
)
def test_no_branch_deeper_than_the_value_reports_the_choice(
    tmp_path: Path, text: str, expected: str
) -> None:
    assert _problems(tmp_path, text) == [expected]


def test_several_branches_equally_deep_are_all_reported(tmp_path: Path) -> None:
    found = _problems(tmp_path, "wait:\n  years: 1.5\n  from: 7\n")
    assert found == [
        "thing.yaml:2: 1.5 is not of type 'integer' "
        "(schema: #/properties/wait/oneOf/1/properties/years/type)",
        "thing.yaml:3: 7 is not of type 'string' "
        "(schema: #/properties/wait/oneOf/1/properties/from/type)",
    ]
