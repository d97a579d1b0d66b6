"""The compiled policy: one JSON document the calculators, the wheel and the downloads share.

`python -m hgpolicy.compile POLICY_DIR DEST` validates the YAML and writes it compiled to
`DEST`; `make setup` runs it to give a source checkout the `calculators/policy.json` that the
wheel carries as package data (the calculators read only that file, never the YAML).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from calculators.model.index import canonical_json

from .errors import PolicyError
from .policy import Policy, load_policy


def policy_data(policy: Policy) -> dict[str, Any]:
    """Every policy file's data keyed by file stem, exactly as validated."""
    return dict(policy.data)


def policy_json(policy: Policy) -> str:
    """`policy_data` as compact, stable UTF-8 JSON (sorted keys, so rebuilds are byte-identical)."""
    return canonical_json(policy_data(policy))


def write_policy_json(policy: Policy, dest: Path) -> None:
    """Write `policy_json` to `dest` in one step (a reader never sees half a file)."""
    partial = dest.with_name(f".{dest.name}.{os.getpid()}")
    partial.write_text(policy_json(policy), encoding="utf-8")
    partial.replace(dest)


def main(argv: list[str]) -> int:
    """Validate the policy directory `argv[0]` and compile it to `argv[1]`; 1 if invalid."""
    policy_dir, dest = (Path(a) for a in argv)
    try:
        write_policy_json(load_policy(policy_dir), dest)
    except PolicyError as err:
        print(f"policy data is invalid:\n{err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
