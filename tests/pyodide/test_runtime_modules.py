"""The cut-down standard library the site ships holds every module the calculators import.

Every decision case, every hostile input and the roster files of
tests/pyodide/test_pyodide_roster.py run in Node under the npm package's Pyodide
(the whole library), and the modules imported by the end must all be listed in
build/hgpolicy/runtime-modules.txt, from which the build cuts `python_stdlib.zip`. A new
import in the calculators fails here, naming the module, before it fails in a visitor's
browser. `UPDATE_RUNTIME_MODULES=1 pytest tests/pyodide/test_runtime_modules.py` rewrites
the list from the trace (review the diff: it is what every visitor downloads).
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from hgpolicy.stdlib import MODULES_FILE, listed_modules, members_for
from tests.calculators.test_calculator_hostile_input import ESCAPED
from tests.case_files import load_cases
from tests.pyodide.node import answer_under_pyodide
from tests.pyodide.test_pyodide_roster import roster_requests

HEADER = """\
# The standard-library modules the calculators' browser runtime imports: Pyodide's start-up,
# importing the calculators from their wheel, every decision case, hostile input and error traceback,
# and rosters as the roster page checks them
# (traced by tests/pyodide/test_runtime_modules.py; rewrite with UPDATE_RUNTIME_MODULES=1).
# The build ships python_stdlib.zip cut down to these (build/hgpolicy/stdlib.py).
"""


def test_the_listed_modules_cover_every_import_of_every_case(site: Path, root: Path) -> None:
    requests = [
        {"kind": case.kind, "request": json.dumps(case.case["facts"])} for case in load_cases()
    ]
    requests += [{"kind": "eligibility", "request": text} for text, _ in ESCAPED.values()]
    requests += roster_requests()  # .xlsx, CSV in each encoding, pasted cells: their imports
    full = root / "node_modules" / "pyodide"
    traced = answer_under_pyodide(site, requests, runtime=full)["modules"]
    with zipfile.ZipFile(full / "python_stdlib.zip") as archive:
        available = archive.namelist()
    needed = sorted({m for m in traced if members_for([m], available)})
    if os.environ.get("UPDATE_RUNTIME_MODULES"):
        MODULES_FILE.write_text(HEADER + "".join(f"{m}\n" for m in needed), encoding="utf-8")
    missing = sorted(set(needed) - set(listed_modules()))
    assert not missing, f"imported but not shipped: {missing}; see this test's docstring"
