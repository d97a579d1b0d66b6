"""Fixtures for the calculator tests: the compiled policy as the calculators see it."""

from __future__ import annotations

import pytest

from calculators import api
from calculators.model.index import PolicyIndex


@pytest.fixture
def index() -> PolicyIndex:
    """The policy index the api uses (loaded once, as in the browser; under mutation testing
    once per process, see tests/conftest.py, hence asked for again by every test)."""
    return api.policy_index()
