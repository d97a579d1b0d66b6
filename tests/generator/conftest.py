"""Fixtures of the generator's in-process tests."""

from __future__ import annotations

import pytest

from hgpolicy.pages import Renderer
from hgpolicy.policy import Policy


@pytest.fixture(scope="module")
def renderer(policy: Policy) -> Renderer:
    """The page renderer for the project's policy (per module: a test may not change it, and
    under mutation testing each module's first test builds it from the mutated code)."""
    return Renderer(policy)
