"""The schemas refuse markup in text fields, with file:line, whatever the markup is.

Every string of the injection corpus (tests/build/injections.yaml) goes into its own English
text line of a copy of glossary.yaml; loading must report each one at its line. (The pages
escape such text anyway: tests/build/test_injection.py.)
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from hgpolicy.errors import PolicyError, Problem
from hgpolicy.markup import find_markup
from hgpolicy.policy import load_policy
from tests.build.test_injection import INJECTIONS, inject_texts

EN_LINE = re.compile(r"^( +en: ).*$")


@pytest.fixture(scope="module")
def refused(root: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[int, list[Problem]]:
    """Problems by line, for a glossary.yaml whose n-th English text is the n-th injection."""
    policy = tmp_path_factory.mktemp("plain") / "policy"
    shutil.copytree(root / "policy", policy)
    glossary = policy / "glossary.yaml"
    lines = glossary.read_text(encoding="utf-8").splitlines()
    targets = [n for n, line in enumerate(lines) if EN_LINE.match(line)]
    assert len(targets) >= len(INJECTIONS)
    for n, injection in zip(targets, INJECTIONS, strict=False):
        lines[n] = EN_LINE.sub(lambda m, i=injection: m.group(1) + json.dumps(i), lines[n])
    glossary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        load_policy(policy)
    by_line: dict[int, list[Problem]] = {}
    for problem in caught.value.problems:
        by_line.setdefault(problem.line, []).append(problem)
    return {i: by_line.get(n + 1, []) for i, n in enumerate(targets[: len(INJECTIONS)])}


# Numbered ids: an injection is no test id (tests/conftest.py, SAFE_ID); the message names it.
@pytest.mark.parametrize(
    "index", range(len(INJECTIONS)), ids=[f"injection-{i}" for i in range(len(INJECTIONS))]
)
def test_markup_in_text_is_refused_at_its_line(
    refused: dict[int, list[Problem]], index: int
) -> None:
    messages = [str(p) for p in refused[index]]
    assert any(
        m.startswith("policy/glossary.yaml:")
        and "text must be plain, not markup" in m
        and m.endswith("x-plain-text)")
        for m in messages
    ), (INJECTIONS[index], messages)


def test_plain_text_with_the_data_s_own_punctuation_passes() -> None:
    """What the data legitimately writes (quotes, colons, parentheses, http links) is text."""
    for text in ['Rendered "skilled worker": the text', "(4) Improving", "https://example.org/a"]:
        assert find_markup(text) is None, text


def test_every_text_field_that_reaches_a_page_is_checked(root: Path, tmp_path: Path) -> None:
    """The fields the injection test poisons (every zh, en and number) each carry the rule."""
    policy = tmp_path / "policy"
    shutil.copytree(root / "policy", policy)
    injected = inject_texts(policy)
    with pytest.raises(PolicyError) as caught:
        load_policy(policy)
    plain = [p for p in caught.value.problems if p.schema_path.endswith("/x-plain-text")]
    assert len(plain) == injected
