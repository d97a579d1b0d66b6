"""Read one YAML file into plain data plus a map from each value's path to its line.

PyYAML's safe loader forgets where values came from and silently keeps the last of two
equal keys; maintainers need both: the line to fix and the duplicate reported. Whatever is
wrong with a file is reported at its line, before anything is expanded or built from it: a
file too large, an anchor (aliases can expand a small file to gigabytes), a syntax error, a tag
the safe loader refuses, a date that does not exist.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml.constructor
import yaml.reader

from .errors import PolicyError, Problem

JsonPath = tuple[str | int, ...]

# The largest policy file is about 34 kB; 30 times that leaves room to grow and still stops a
# file that is not a policy file (or is meant to exhaust the build) before it is read.
MAX_BYTES = 1_000_000

# `key：value` — a full-width colon where YAML needs `: `, as a Chinese keyboard types it.
_FULL_WIDTH_KEY = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*\s*：")


class _Refused(yaml.MarkedYAMLError):
    """Something the safe loader would accept but policy files must not hold."""


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing anchors and aliases as it meets them (nothing is expanded),
    and keeping a date as the text written once it is known to be a real date (the data is
    JSON-shaped: policy.json and the schemas see strings)."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()
        if getattr(event, "anchor", None) is not None:
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise _Refused(
                None,
                None,
                f"'{sign}{event.anchor}': anchors and aliases are not allowed in policy files "
                "(a chain of aliases can expand a small file to gigabytes); write the value out",
                event.start_mark,
            )
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> str:  # type: ignore[override]
        try:
            datetime.date.fromisoformat(node.value)
        except ValueError as err:
            raise _Refused(
                None,
                None,
                f"invalid date {node.value!r}: {err} (write YYYY-MM-DD)",
                node.start_mark,
            ) from None
        return node.value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser (when PyYAML has it) with _Loader's constructors: about ten times
    faster on the policy's files (0.05 s against 0.5 s for all of them), for files it reads
    whole and without anchors. Anything else is read again by _Loader, whose refusals and
    messages are the ones reported."""


_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


@dataclass
class YamlFile:
    """A parsed policy file: its data and the 1-based line of every path in it."""

    path: Path
    data: Any
    lines: dict[JsonPath, int] = field(default_factory=dict)

    def line_of(self, path: JsonPath) -> int:
        """Line of the deepest ancestor of `path` that the file has (1 for the root)."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.lines:
                return self.lines[path[:cut]]
        return 1


def read_yaml(path: Path, display: Path | None = None) -> YamlFile:
    """Parse `path`; raise PolicyError naming file:line for whatever makes it unreadable."""
    shown = display or path
    size = path.stat().st_size
    if size > MAX_BYTES:
        message = f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte cap for a policy file"
        raise PolicyError([Problem(shown, 1, f"{message} (the largest today is about 34 kB)")])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise PolicyError([Problem(shown, line, f"not UTF-8 text: {err.reason}")]) from None
    try:
        data, lines = _parse(text, shown)
    except yaml.MarkedYAMLError as err:
        raise PolicyError([_syntax_problem(err, text, shown)]) from None
    except yaml.reader.ReaderError as err:
        line = text[: err.position].count("\n") + 1
        message = f"character {chr(err.character)!r} is not allowed in YAML"
        raise PolicyError([Problem(shown, line, message)]) from None
    return YamlFile(shown, data, lines)


def _parse(text: str, shown: Path) -> tuple[Any, dict[JsonPath, int]]:
    """The data and lines of `text`: by libyaml where it can read it, else (or where it finds
    anything wrong) by _Loader, whose refusals and messages are the ones reported."""
    if _fast_enough(text):
        try:
            return _load(_FastLoader(text), shown)
        except yaml.YAMLError:
            pass
    return _load(_Loader(text), shown)


def _load(loader: yaml.SafeLoader, shown: Path) -> tuple[Any, dict[JsonPath, int]]:
    """One pass of the loader: the node tree (lines, duplicate keys), then the data from it."""
    try:
        node = loader.get_single_node()
        lines: dict[JsonPath, int] = {(): 1}
        if node is None:
            return None, lines
        problems: list[Problem] = []
        _walk(node, (), lines, problems, shown)
        if problems:
            raise PolicyError(problems)
        return loader.construct_document(node), lines
    finally:
        loader.dispose()


def _fast_enough(text: str) -> bool:
    """Whether libyaml can read `text` as _Loader would: it has libyaml, the text only
    characters YAML allows, and libyaml's events show no error and no anchor (which _Loader
    refuses before anything is expanded)."""
    if not yaml.__with_libyaml__ or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return False
    try:
        return not any(getattr(e, "anchor", None) for e in yaml.parse(text, Loader=_FastLoader))
    except yaml.YAMLError:
        return False


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, shown: Path) -> Problem:
    """The error at the line to fix: the key being read when a ':' was missing, or the line
    with a full-width colon typed for YAML's ':' (the parser stops on the line after it)."""
    simple_key = err.context == "while scanning a simple key" and err.context_mark
    mark = err.context_mark if simple_key else (err.problem_mark or err.context_mark)
    line = mark.line + 1 if mark else 1
    refused = isinstance(err, _Refused | yaml.constructor.ConstructorError)
    kind = "YAML error" if refused else "YAML syntax error"
    message = f"{kind}: {err.problem or err}"
    source = text.splitlines()
    for candidate in (line, line - 1):
        if 0 < candidate <= len(source) and _FULL_WIDTH_KEY.match(source[candidate - 1]):
            return Problem(
                shown,
                candidate,
                f"{message}: a full-width colon '：' after the key; YAML needs ': '",
            )
    return Problem(shown, line, message)


def _walk(
    node: yaml.Node,
    path: JsonPath,
    lines: dict[JsonPath, int],
    problems: list[Problem],
    shown: Path,
) -> None:
    """Record the line of `node` and its children; note duplicate mapping keys."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(
                    Problem(shown, line, f"duplicate key '{key}' (first at line {seen[key]})")
                )
            seen[key] = line
            _walk(value_node, (*path, key), lines, problems, shown)
            lines[(*path, key)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _walk(child, (*path, index), lines, problems, shown)
