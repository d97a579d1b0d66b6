"""Where the calculators get the policy: the compiled `policy.json`, or the YAML in a checkout.

In the browser wheel `policy.json` sits beside this file as package data and is read with
importlib.resources (standard library, works in Pyodide). In a source checkout there is no
policy.json, so the YAML is loaded, validated and compiled by the build package; that import
happens only here, inside the function, so the calculators stay standard-library-only
wherever policy.json exists.
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

PACKAGE_DATA = "policy.json"
# Points at another policy directory (tests use a copy); unset means the repository's policy/.
POLICY_DIR_ENV = "CALCULATORS_POLICY_DIR"


def load_policy_data() -> dict[str, Any]:
    """The compiled policy: a dict from file stem (`levels`, `application-routes`, …) to data."""
    packaged = resources.files(__package__ or "calculators").joinpath(PACKAGE_DATA)
    if packaged.is_file():
        return json.loads(packaged.read_text(encoding="utf-8"))
    from hgpolicy.compile import policy_data
    from hgpolicy.policy import load_policy

    return policy_data(load_policy(policy_dir()))


def policy_dir() -> Path:
    """The YAML source: $CALCULATORS_POLICY_DIR, else `policy/` next to this package."""
    override = os.environ.get(POLICY_DIR_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "policy"
