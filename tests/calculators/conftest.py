"""Fixtures for the calculator tests: the compiled policy as the calculators see it."""

from __future__ import annotations

import pytest

from calculators import api
from calculators.index import PolicyIndex


@pytest.fixture(scope="session")
def index() -> PolicyIndex:
    """The policy index the api uses (loaded once, as in the browser)."""
    return api.policy_index()
