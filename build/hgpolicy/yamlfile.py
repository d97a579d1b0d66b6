"""Read one YAML file into plain data plus a map from each value's path to its line.

PyYAML's safe loader forgets where values came from and silently keeps the last of two
equal keys; maintainers need both: the line to fix and the duplicate reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import PolicyError, Problem

JsonPath = tuple[str | int, ...]


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
    """Parse `path`; raise PolicyError naming file:line for bad syntax or duplicate keys."""
    shown = display or path
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        raise PolicyError(
            [Problem(shown, line, f"YAML syntax error: {err.problem or err}")]
        ) from None
    lines: dict[JsonPath, int] = {}
    problems: list[Problem] = []
    if node is None:
        return YamlFile(shown, None, {(): 1})
    _walk(node, (), lines, problems, shown)
    if problems:
        raise PolicyError(problems)
    data = yaml.safe_load(text)
    return YamlFile(shown, data, lines)


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
