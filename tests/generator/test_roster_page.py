"""What the build gives the roster page's script (hgpolicy/roster.py): the size it refuses
before reading and its words, in the page's language."""

from __future__ import annotations

import json

import pytest

from calculators.roster.wording import SCRIPT_WORDING
from hgpolicy.roster import RosterData


@pytest.mark.parametrize(
    ("lang", "too_big"), [("zh", "文件超过 {mb} MB"), ("en", "The file is larger than {mb} MB")]
)
def test_the_roster_page_is_given_its_limit_and_its_words_in_its_language(
    lang: str, too_big: str
) -> None:
    """What roster.js reads from `#roster-labels`: the size it refuses before reading (20 MB,
    the limit the check states) and its words in the page's language."""
    given = json.loads(str(RosterData.script_json(lang)))
    assert given["maxFileMB"] == 20
    assert set(given["words"]) == set(SCRIPT_WORDING)
    assert given["words"]["roster-too-big"].startswith(too_big)
