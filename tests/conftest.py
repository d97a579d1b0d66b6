"""Fixtures shared by every test folder: the repo, the policy, and the site built once."""

from __future__ import annotations

import copy
import dataclasses
import fcntl
import functools
import gc
import hashlib
import importlib
import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from calculators import data as calculators_data
from calculators.plumbing.wording import catalogue
from hgpolicy.compile import write_policy_json
from hgpolicy.policy import Policy, load_policy
from tests.support.builds import ROOT, build_site, site_is_current
from tests.support.chromium import CHROMIUM, launch
from tests.support.libreoffice import roster_workbook
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


# Test ids --------------------------------------------------------------------------------
# A test's id must select it again on a command line: mutmut (and a maintainer rerunning one
# failure) passes ids back to pytest, which escapes non-ASCII text into an id it cannot always
# find again, and an id with a newline, a bracket or a "::" is not one argument's worth of name.
# So a parameter that is not a plain word gets an ASCII id: its name and a digest of its value
# (the value itself is in the assertion message when the test fails). tests/test_ids.py checks.
SAFE_ID = re.compile(r"[A-Za-z0-9_.,+=/-]*")


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    if isinstance(val, str) and not SAFE_ID.fullmatch(val):
        return f"{argname}-{hashlib.sha256(val.encode()).hexdigest()[:8]}"
    if isinstance(val, bytes):  # file contents: pytest would escape every byte into the id
        return f"{argname}-{hashlib.sha256(val).hexdigest()[:8]}"
    return None


# Mutation testing --------------------------------------------------------------------------
# mutmut forks one process per mutant from a process that has already built the policy index,
# memoised what the calculators derive from it (route texts, name tables) and cached the
# serialisers. A mutant of the code that builds or memoises those would be invisible there; so
# under mutmut each process empties the calculators' caches before its first test, and the
# index is built again, lazily, by the first test that asks for it, from the policy data loaded
# once (a deep copy: no test reloads the YAML per mutant). While mutmut records which tests call
# which function ("stats"), every test starts from empty caches: otherwise only the first test
# to use a memoised text would be recorded as calling the code behind it. Lazily, so that only
# the tests that use the calculators are recorded as calling the index code: a test of the YAML
# loader or of the ladder is not run against every mutant of the index.
_FRESH_IN: dict[str, int] = {}
_POLICY_DATA: dict[str, Any] = {}
# State the calculators keep in module globals rather than functools caches (module, name):
# under mutation it is put back as imported, before any test filled it. The serialiser's
# encoders; the registry's calculators and whether its `calc_*` modules were looked for (filled
# by the clean run in the process mutmut forks from, it hid every mutant of the look-up).
_MEMO_TABLES = (
    ("calculators.plumbing.serial", "_ENCODERS"),
    ("calculators.registry", "_REGISTERED"),
    ("calculators.registry", "_FOUND"),
)
_MEMO_AS_IMPORTED: dict[tuple[str, str], Any] = {}
# Modules that keep what they looked up as attributes of their own: `messages.NAME` is kept
# once its module `__getattr__` has found it, so a forked process would never call a mutant of
# that look-up. Under mutation every attribute added since import is removed.
_ATTRIBUTES_ADDED = ("calculators.plumbing.messages",)
_NAMES_AS_IMPORTED: dict[str, frozenset[str]] = {}
if os.environ.get("TESTS_UNDER_MUTATION"):
    for _module, _name in _MEMO_TABLES:
        _MEMO_AS_IMPORTED[_module, _name] = copy.copy(
            getattr(importlib.import_module(_module), _name)
        )
    for _module in _ATTRIBUTES_ADDED:
        _NAMES_AS_IMPORTED[_module] = frozenset(vars(importlib.import_module(_module)))


def _fresh_calculators(monkeypatch: pytest.MonkeyPatch, *, clear: bool) -> None:
    """Every function cache of the calculators' modules and their memo tables emptied (if
    `clear`, with the attributes _ATTRIBUTES_ADDED's modules kept since import), and their loader
    of the policy data (`calculators.data.load_policy_data`, imported by name) answering with a
    copy of the data loaded once. With _MEMO_TABLES, the one place that names the calculators'
    internals: a table renamed must be renamed here too (the
    lookup fails loudly rather than let its mutants pass unseen)."""
    from calculators import data

    if clear:
        for (module, name), imported in _MEMO_AS_IMPORTED.items():
            current = getattr(sys.modules[module], name)
            if isinstance(current, dict):  # the same table: other modules may hold it
                current.clear()
                current.update(imported)
            else:
                setattr(sys.modules[module], name, imported)
        for module, names in _NAMES_AS_IMPORTED.items():
            attributes = vars(sys.modules[module])
            for name in [name for name in attributes if name not in names]:
                del attributes[name]

    loader = data.load_policy_data
    if "data" not in _POLICY_DATA:
        _POLICY_DATA["data"] = loader()
    loaded = _POLICY_DATA["data"]
    for name, module in list(sys.modules.items()):
        if module is None or name.split(".")[0] != "calculators":
            continue
        for value in list(vars(module).values()):
            if clear and callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
        if module is not data and getattr(module, "load_policy_data", None) is loader:
            monkeypatch.setattr(module, "load_policy_data", lambda: copy.deepcopy(loaded))


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Under mutation, the objects of the process mutmut forks from (test modules, the loaded
    policy) are frozen out of the garbage collector: a forked process then neither walks that
    heap on each collection nor copies its pages by touching them (seconds per mutant)."""
    if os.environ.get("TESTS_UNDER_MUTATION"):
        gc.freeze()


@pytest.fixture(autouse=True)
def _calculators_of_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    if not os.environ.get("TESTS_UNDER_MUTATION"):
        return
    recording = os.environ.get("MUTANT_UNDER_TEST") == "stats"
    first = _FRESH_IN.get("pid") != os.getpid()
    _fresh_calculators(monkeypatch, clear=recording or first)
    _FRESH_IN["pid"] = os.getpid()


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@functools.cache
def _policy() -> Policy:
    return load_policy(ROOT / "policy")


@pytest.fixture(scope="session")
def policy() -> Policy:
    """The validated policy, loaded once per process: under mutation testing the forked
    processes inherit its data (loading takes a second; tests of loading call load_policy),
    but not its model: each mutant's session gets a Policy of its own, whose model (and the
    model's memo tables: name aliases, route texts) is built again from the mutated code
    rather than taken as the clean run in the parent process left it."""
    if os.environ.get("TESTS_UNDER_MUTATION"):
        return dataclasses.replace(_policy())
    return _policy()


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site: `make test` builds it once before pytest; rebuilt here when the policy,
    generator, docs or calculators changed since (or REBUILD_SITE is set), so the site tests
    never test an older build. Under pytest-xdist every worker asks: one builds, the others
    wait for it and find the site current (see _build_once)."""
    site_dir = ROOT / "site"
    _build_once(site_dir)
    return site_dir


def _build_once(site_dir: Path) -> None:
    """Build `site_dir` if it is stale, or once per test run if REBUILD_SITE is set, while
    holding a lock: the workers of one run (pytest-xdist) would otherwise each build the same
    site at once (the build's own lock only makes the second wait, then build it again). The
    lock file remembers which run built last (xdist gives its workers one run id), so a
    forced rebuild happens once per run, not once per worker."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"pid-{os.getpid()}"
    lock = ROOT / ".cache" / "site-build.lock"
    lock.parent.mkdir(exist_ok=True)
    with lock.open("a+", encoding="utf-8") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # released when the file closes
        held.seek(0)
        forced = bool(os.environ.get("REBUILD_SITE")) and held.read().strip() != run
        if forced or not site_is_current(site_dir):
            result = build_site(ROOT)
            assert result.returncode == 0, result.stderr
            assert site_is_current(site_dir), "the inputs changed while the site was being built"
            held.truncate(0)
            held.write(run)


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


@pytest.fixture(scope="session")
def libreoffice_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The roster fixture (tests/calculators/roster/files/libreoffice.fods) as LibreOffice Calc
    writes it as .xlsx, converted in this run: a file to choose, drop or pass to the CLI."""
    path = tmp_path_factory.mktemp("libreoffice") / "libreoffice.xlsx"
    path.write_bytes(roster_workbook())
    return path
