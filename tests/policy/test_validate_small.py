"""How a schema error reads (validate.py), on a small schema and small files written here:
the key a maintainer mistyped named with the keys allowed, a missing key with where it is
missing, a schema's own message (`x-message`) with the value found, and within an anyOf the
branch that went deepest, each at its file and line with the schema path. The real schemas'
cases are in the broken corpus; these take milliseconds each."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from hgpolicy.validate import validate
from hgpolicy.yamlfile import read_yaml

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["things"],
    "additionalProperties": False,
    "properties": {
        "things": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string"},
                    "name": {
                        "anyOf": [
                            {"type": "string"},
                            {
                                "type": "object",
                                "required": ["zh"],
                                "properties": {"zh": {"type": "string"}},
                            },
                        ]
                    },
                    "size": {"type": "integer", "x-message": "size must be a whole number"},
                    "weight": {"type": "integer"},
                },
            },
        }
    },
}


def _problems(tmp_path: Path, text: str, stem: str = "things") -> list[tuple[int, str, str]]:
    """The problems `text` has against the schema, each (line, message, schema path): every
    one must name the file."""
    schemas = tmp_path / "schema"
    schemas.mkdir(exist_ok=True)
    (schemas / "things.schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    path = tmp_path / f"{stem}.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    problems = validate([read_yaml(path)], schemas)
    assert all(p.file == path for p in problems), problems
    return [(p.line, p.message, p.schema_path) for p in problems]


def test_a_file_that_fits_its_schema_has_no_problem(tmp_path: Path) -> None:
    text = """
        things:
          - {id: a, name: A, size: 3}
          - {id: b, name: {zh: 乙}}
    """
    assert _problems(tmp_path, text) == []


def test_an_unknown_key_is_named_at_its_line_with_the_keys_allowed(tmp_path: Path) -> None:
    text = """
        things:
          - id: a
            name: A
            colour: red
    """
    assert _problems(tmp_path, text) == [
        (
            5,
            "unknown key 'colour' (allowed: id, name, size, weight)",
            "schema: #/properties/things/items/additionalProperties",
        )
    ]


def test_a_missing_key_says_where_it_is_missing(tmp_path: Path) -> None:
    text = """
        things:
          - id: a
    """
    assert _problems(tmp_path, text) == [
        (
            3,
            "'name' is a required property in things/0",
            "schema: #/properties/things/items/required",
        )
    ]
    assert _problems(tmp_path, "others: []\n") == [
        (
            1,
            "'things' is a required property in top level",
            "schema: #/required",
        ),
        (
            1,
            "unknown key 'others' (allowed: things)",
            "schema: #/additionalProperties",
        ),
    ]


def test_a_schema_s_own_message_is_given_with_the_value_found(tmp_path: Path) -> None:
    text = """
        things:
          - id: a
            name: A
            size: big
            weight: heavy
    """
    assert _problems(tmp_path, text) == [
        (
            5,
            "size must be a whole number (found 'big')",
            "schema: #/properties/things/items/properties/size/type",
        ),
        (
            6,
            "'heavy' is not of type 'integer'",
            "schema: #/properties/things/items/properties/weight/type",
        ),
    ]


def test_within_an_any_of_the_branch_that_went_deepest_is_reported(tmp_path: Path) -> None:
    text = """
        things:
          - id: a
            name:
              zh: 3
    """
    assert _problems(tmp_path, text) == [
        (
            5,
            "3 is not of type 'string'",
            "schema: #/properties/things/items/properties/name/anyOf/1/properties/zh/type",
        )
    ]


def test_a_file_without_a_schema_is_named_at_its_first_line(tmp_path: Path) -> None:
    assert _problems(tmp_path, "things: []\n", stem="stray") == [
        (
            1,
            f"no schema for this file: expected {tmp_path / 'schema' / 'stray.schema.json'}",
            "",
        )
    ]
