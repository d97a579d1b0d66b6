"""What calculator pages get from the build, in this process: build-time answers keyed as the
page script keys requests, the citations they carry, and the compiled policy they answer from
(the plugin's use of them is in test_plugin.py)."""

from __future__ import annotations

import json
from types import SimpleNamespace

from calculators.data import load_policy_data
from calculators.model.index import PolicyIndex
from hgpolicy.calcdata import CalculatorData
from hgpolicy.compile import policy_json
from hgpolicy.policy import Policy


def test_build_time_answers_are_keyed_as_the_page_script_keys_requests(policy: Policy) -> None:
    calc = CalculatorData(policy)
    answers = calc.answers("equivalence", {"level": ["technician"], "hired": [True, False]})
    assert set(answers) == {
        '{"hired":false,"level":"technician"}',
        '{"hired":true,"level":"technician"}',
    }
    assert answers['{"hired":true,"level":"technician"}']["equivalent"]["id"] == "engineer"
    assert answers['{"hired":false,"level":"technician"}']["equivalent"] is None


def test_citations_are_collected_once_in_first_order() -> None:
    data = {
        "source": "c14",
        "rows": [{"clause": "c4"}, {"sources": ["c6", 3, "c14"]}, {"source": None}],
        "also": ["s1"],
        "clause": 7,
    }
    assert CalculatorData.citations(data) == ["c14", "c4", "c6", "s1"]


def test_the_compiled_policy_is_compact_sorted_json(policy: Policy) -> None:
    text = policy_json(policy)
    assert json.loads(text) == policy.data
    assert text.startswith('{"application-routes":{') and ", " not in text[:200]
    assert "高级工" in text


def test_build_time_answers_come_from_the_policy_being_built() -> None:
    """`mkdocs serve` rebuilds after an edit of policy/: the pages' answers and tables must
    be the edited policy's (its model's version), not the calculators' packaged copy."""
    version = {"date": "2000-01-01", "digest": "being-built"}
    built = SimpleNamespace(model=PolicyIndex(load_policy_data(), data_version=version))
    data = CalculatorData(built)  # type: ignore[arg-type]  # only its model is read
    (answer,) = data.answers("equivalence", {"level": ["technician"]}).values()
    assert answer["data_version"] == version
    assert data.tables["data_version"] == version
