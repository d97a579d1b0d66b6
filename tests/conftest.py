"""Fixtures shared by every test folder: the repo, the policy, and the site built once."""

from __future__ import annotations

import copy
import functools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from calculators import data as calculators_data
from calculators.wording import catalogue
from hgpolicy.compile import write_policy_json
from hgpolicy.policy import Policy, load_policy
from tests.support.builds import ROOT, build_site, site_is_current
from tests.support.chromium import CHROMIUM, launch
from tests.support.serving import QuietHandler, serving

# Every wait in the tests is for a condition (an element, an answer, a process ending). This is
# only how long one may last before the run is called hung rather than slow: a guard against a
# run that never ends, not a measure of speed. Raise TEST_PATIENCE_S on a very slow machine.
PATIENCE_S = float(os.environ.get("TEST_PATIENCE_S", "300"))

# No property test is about speed: without a deadline, a busy machine cannot fail one. Under
# mutation testing (mutation/run.py sets TESTS_UNDER_MUTATION) every mutant reruns them: fewer
# examples, the same ones each time, so that a mutant is killed or not whatever the run.
settings.register_profile("project", deadline=None, max_examples=300)
settings.register_profile("mutation", deadline=None, max_examples=30, derandomize=True)
settings.load_profile("mutation" if os.environ.get("TESTS_UNDER_MUTATION") else "project")


def pytest_sessionstart(session: pytest.Session) -> None:
    """The calculators read the compiled policy.json beside their package, never the YAML:
    compile it through the generator's loader when a file under policy/ is newer, as `make
    setup` does, so that every test (and `python -m calculators` run by one) answers from the
    YAML it sees. Beside the package imported (under mutation testing, the mutants' copy), and
    before collection, since some test modules ask for the policy when imported."""
    compiled = Path(calculators_data.__file__).parent / calculators_data.PACKAGE_DATA
    if calculators_data.changed_since(compiled, calculators_data.POLICY_DIR):
        write_policy_json(_policy(), compiled)


# Mutation testing --------------------------------------------------------------------------
# mutmut forks one process per mutant from a process that has already built the policy index,
# memoised what the calculators derive from it (route texts, name tables) and cached the
# serialisers. A mutant of the code that builds or memoises those would be invisible there; so
# under mutmut each process builds its own, once, from the data already loaded. While mutmut
# records which tests call which function ("stats"), every test gets a fresh one: otherwise
# only the first test to use a memoised text would be recorded as calling the code behind it.
_INDEX_BUILT_IN: dict[str, int] = {}


@pytest.fixture(autouse=True)
def _policy_index_of_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    if not os.environ.get("TESTS_UNDER_MUTATION"):
        return
    recording = os.environ.get("MUTANT_UNDER_TEST") == "stats"
    if not recording and _INDEX_BUILT_IN.get("pid") == os.getpid():
        return
    from calculators import api, serial

    data = api.policy_index().data
    api.policy_index.cache_clear()
    serial._converter.cache_clear()
    with monkeypatch.context() as patch:
        patch.setattr(api, "load_policy_data", lambda: copy.deepcopy(data))
        api.policy_index()
    _INDEX_BUILT_IN["pid"] = os.getpid()


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@functools.cache
def _policy() -> Policy:
    return load_policy(ROOT / "policy")


@pytest.fixture(scope="session")
def policy() -> Policy:
    """The validated policy, loaded once per process: under mutation testing the forked
    processes inherit it (loading takes a second; tests of loading call load_policy)."""
    return _policy()


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site: `make test` builds it once before pytest; rebuilt here when the policy,
    generator, docs or calculators changed since (or REBUILD_SITE is set), so the site tests
    never test an older build."""
    site_dir = ROOT / "site"
    if os.environ.get("REBUILD_SITE") or not site_is_current(site_dir):
        result = build_site(ROOT)
        assert result.returncode == 0, result.stderr
        assert site_is_current(site_dir), "the inputs changed while the site was being built"
    return site_dir


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 (an ephemeral port); yields its base URL."""
    with serving(functools.partial(QuietHandler, directory=str(site))) as origin:
        yield f"{origin}/"


@pytest.fixture(scope="session")
def labels() -> dict[str, dict[str, str]]:
    """The interface labels, as the pages show them (the catalogue of wording)."""
    return catalogue()


# One headless Chromium for the whole run (two sync Playwrights cannot run at once in one process).


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} missing: run `make setup-browser`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        yield browser
        browser.close()
