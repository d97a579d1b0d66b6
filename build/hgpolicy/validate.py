"""Check every policy file against its JSON Schema and every reference against the ids defined.

Two custom schema keywords carry the cross-file rules, so the schemas stay the one place that
says what the data must look like:
- `"x-defines": "level"` on an id property adds the value to the `level` namespace and
  reports a duplicate;
- `"x-refers": ["clause", "source"]` on a property requires its value to be defined in one of
  those namespaces (checked once every file has been read);
- `"x-plain-text": true` on a string refuses markup in it (see markup.py);
- `"x-unique": ["order", "name/zh", ["edition", "target", "label"]]` on an array of records
  refuses two records with the same value at a path (or the same values at several paths
  together): the calculators rank by such values and look records up by them, and would
  silently take the first of two. Text is compared as the calculators compare what people
  type (width, case and spacing folded). Dated versions of one rule (`version_of`) may share
  them: the calculators apply one version on any day (validity.py checks that).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

from calculators.rules.names import normalise

from .errors import Problem
from .markup import find_markup
from .yamlfile import YamlFile


class _Namespaces:
    """Ids defined so far, by namespace, and whether references are being checked yet."""

    def __init__(self) -> None:
        self.ids: dict[str, list[str]] = {}
        self.checking_refs = False

    def define(self, namespace: str, value: str) -> bool:
        """Add `value`; False when it was already defined."""
        known = self.ids.setdefault(namespace, [])
        if value in known:
            return False
        known.append(value)
        return True


def _make_validator_class(spaces: _Namespaces) -> type:
    def defines(_v: Any, namespace: str, instance: Any, _s: Any) -> Iterator[ValidationError]:
        if spaces.checking_refs or not isinstance(instance, str):
            return
        if not spaces.define(namespace, instance):
            yield ValidationError(f"duplicate {namespace} id '{instance}'")

    def refers(_v: Any, namespaces: list[str], instance: Any, _s: Any) -> Iterator[ValidationError]:
        if not spaces.checking_refs or not isinstance(instance, str):
            return
        if any(instance in spaces.ids.get(ns, []) for ns in namespaces):
            return
        known = [i for ns in namespaces for i in spaces.ids.get(ns, [])]
        kinds = " or ".join(f"{ns} id" for ns in namespaces)
        yield ValidationError(
            f"'{instance}' is not a defined {kinds} (known: {', '.join(known) or 'none'})"
        )

    def plain(_v: Any, wanted: bool, instance: Any, _s: Any) -> Iterator[ValidationError]:
        if spaces.checking_refs or not wanted or not isinstance(instance, str):
            return
        found = find_markup(instance)
        if found:
            yield ValidationError(f"text must be plain, not markup: {found} (pages show text only)")

    def unique(_v: Any, keys: list[Any], instance: Any, _s: Any) -> Iterator[ValidationError]:
        if spaces.checking_refs or not isinstance(instance, list):
            return
        for key in keys:
            paths = [key] if isinstance(key, str) else key
            seen: dict[tuple[Any, ...], int] = {}
            for index, item in enumerate(instance):
                values = tuple(_at(item, path) for path in paths)
                if None in values:
                    continue
                folded = tuple(normalise(v) if isinstance(v, str) else v for v in values)
                if folded in seen and _rule(instance, seen[folded]) == _rule(instance, index):
                    continue  # two dated versions of one rule share what names the rule
                if folded in seen:
                    shown = ", ".join(f"{p} {v!r}" for p, v in zip(paths, values, strict=True))
                    yield ValidationError(
                        f"duplicate {shown}: item {seen[folded]} has it too, and the "
                        "calculators rank and look up records by it",
                        path=[index, *paths[-1].split("/")],
                    )
                else:
                    seen[folded] = index

    keywords = {
        "x-defines": defines,
        "x-refers": refers,
        "x-plain-text": plain,
        "x-unique": unique,
    }
    return validators.extend(Draft202012Validator, keywords)


def _rule(records: list[Any], index: int) -> str | None:
    """The first version of the rule `records[index]` is a version of (`version_of`, followed
    back): the one id that versions of a rule share."""
    by_id = {r.get("id"): r for r in records if isinstance(r, dict)}
    record, seen = records[index], set()
    while isinstance(record, dict) and record.get("version_of") in by_id:
        if record["id"] in seen:
            return None
        seen.add(record["id"])
        record = by_id[record["version_of"]]
    return record.get("id") if isinstance(record, dict) else None


def _at(record: Any, path: str) -> Any:
    """The value at `path` ("name/zh") in `record`, None where it has none."""
    value = record
    for part in path.split("/"):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _problem(file: YamlFile, error: ValidationError) -> Problem:
    """Turn a jsonschema error into file:line: message (schema path)."""
    path = tuple(error.absolute_path)
    if (
        error.validator == "additionalProperties"
        and isinstance(error.instance, dict)
        and isinstance(error.schema, Mapping)
    ):
        allowed = set(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed]
        if extra:
            path = (*path, extra[0])
            message = f"unknown key '{extra[0]}' (allowed: {', '.join(sorted(allowed))})"
            return Problem(file.path, file.line_of(path), message, _schema_path(error))
    if isinstance(error.schema, dict) and "x-message" in error.schema:
        message = f"{error.schema['x-message']} (found {error.instance!r})"
    elif error.validator == "required":
        where = "/".join(str(p) for p in error.absolute_path) or "top level"
        message = f"{error.message} in {where}"
    else:
        message = error.message
    return Problem(file.path, file.line_of(path), message, _schema_path(error))


def _schema_path(error: ValidationError) -> str:
    return "schema: #/" + "/".join(str(p) for p in error.absolute_schema_path)


def _leaf_errors(error: ValidationError) -> list[ValidationError]:
    """For anyOf/oneOf failures keep the branch errors that went deepest: they say most."""
    if not error.context:
        return [error]
    deepest = max(len(e.absolute_path) for e in error.context)
    if deepest <= len(error.absolute_path):
        return [error]
    return [e for e in error.context if len(e.absolute_path) == deepest]


def _registry(schema_dir: Path) -> Registry:
    """All schemas by file name, so one schema can `$ref` the shared `common.schema.json`."""
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8"))))
        for path in sorted(schema_dir.glob("*.schema.json"))
    ]
    return Registry().with_resources(resources)


def validate(files: list[YamlFile], schema_dir: Path, check_refs: bool = True) -> list[Problem]:
    """Every problem in `files`: schema errors, duplicate ids, then dangling references.

    `check_refs=False` when a file could not be read: its ids are missing, and every reference
    to them would bury the one real error under messages that follow from it.
    """
    spaces = _Namespaces()
    cls = _make_validator_class(spaces)
    registry = _registry(schema_dir)
    checked: list[tuple[YamlFile, Any]] = []
    problems: list[Problem] = []
    for file in files:
        schema_file = schema_dir / f"{file.path.stem}.schema.json"
        if not schema_file.exists():
            problems.append(
                Problem(file.path, 1, f"no schema for this file: expected {schema_file}")
            )
            continue
        validator = cls(registry[schema_file.name].contents, registry=registry)
        checked.append((file, validator))
        for error in validator.iter_errors(file.data):
            problems.extend(_problem(file, leaf) for leaf in _leaf_errors(error))
    if not check_refs:
        return problems
    spaces.checking_refs = True
    for file, validator in checked:
        for error in validator.iter_errors(file.data):
            if error.validator == "x-refers":
                problems.append(_problem(file, error))
    return problems
