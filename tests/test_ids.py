"""Every test collected in this run has an id that selects it again on a command line.

`make mutate` reruns tests by id (mutmut passes the ids it recorded back to pytest), and so does
a maintainer rerunning one failure. An id pytest cannot find again made mutmut stop, or worse,
count a mutant as killed when its tests never ran. tests/conftest.py gives parameters that are
not plain words an ASCII id (SAFE_ID); this catches an explicit `ids=` that slips past it.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import SAFE_ID

NODE_ID = re.compile(r"(?P<path>[\w/.-]+\.py)::(?P<name>\w+)(\[(?P<params>.*)\])?")


def test_every_collected_test_id_can_be_selected_again(request: pytest.FixtureRequest) -> None:
    unsafe = []
    for item in request.session.items:
        match = NODE_ID.fullmatch(item.nodeid)
        if match is None or not SAFE_ID.fullmatch(match["params"] or ""):
            unsafe.append(item.nodeid)
    assert not unsafe, f"ids that are not plain ASCII words: {unsafe[:10]}"
