"""The pieces under the calculators: data loading, the api's edges, names, the data's shape,
and the rules of the package itself (standard library only, no policy facts in the code)."""

from __future__ import annotations

import ast
import json
import os
import sys
from pathlib import Path

import pytest

from calculators import api, data
from calculators.model.index import PolicyIndex
from calculators.plumbing.errors import InputError
from calculators.plumbing.texts import Text
from calculators.rules import conditions, names
from calculators.rules.eligibility import assess
from calculators.rules.facts import EligibilityFacts

PACKAGE = Path(api.__file__).resolve().parent
SCHEMA = PACKAGE.parent / "policy" / "schema" / "application-routes.schema.json"


# Loading the policy --------------------------------------------------------------------------


def test_packaged_policy_json_is_read_without_the_build_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the browser wheel policy.json is package data and hgpolicy is absent."""
    (tmp_path / data.PACKAGE_DATA).write_text(json.dumps({"marker": [1]}), encoding="utf-8")
    monkeypatch.setattr(data.resources, "files", {"calculators": tmp_path}.__getitem__)
    monkeypatch.setattr(data, "POLICY_DIR", tmp_path / "policy")  # a wheel has no YAML beside it
    monkeypatch.setitem(sys.modules, "hgpolicy", None)  # importing it would now fail
    monkeypatch.setitem(sys.modules, "hgpolicy.policy", None)
    assert data.load_policy_data() == {"marker": [1]}


def test_a_checkout_reads_the_yaml_compiled(index: PolicyIndex) -> None:
    """`make setup` (and the tests, see tests/conftest.py) compile policy/ to policy.json."""
    from hgpolicy.compile import policy_data
    from hgpolicy.policy import load_policy

    assert data.load_policy_data() == policy_data(load_policy(data.POLICY_DIR))
    assert {"levels", "education", "application-routes", "special-routes", "equivalence"} <= set(
        index.data
    )


def test_a_checkout_refuses_a_missing_or_stale_compiled_policy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Answers from rules no longer in the YAML would look right and be wrong."""
    policy = tmp_path / "policy"
    policy.mkdir()
    monkeypatch.setattr(data.resources, "files", lambda _package: tmp_path)
    monkeypatch.setattr(data, "POLICY_DIR", policy)
    with pytest.raises(data.PolicyNotCompiled) as missing:
        data.load_policy_data()
    assert str(missing.value) == (
        "no compiled policy at calculators/policy.json: run `make setup`, which compiles"
        " policy/*.yaml into it"
    )
    compiled = tmp_path / data.PACKAGE_DATA
    compiled.write_text(json.dumps({"marker": ["技师"]}, ensure_ascii=False), encoding="utf-8")
    levels = policy / "levels.yaml"
    levels.write_text("levels: []\n", encoding="utf-8")
    os.utime(compiled, ns=(1_000_000_000, 1_000_000_000))
    os.utime(levels, ns=(2_000_000_000, 2_000_000_000))
    assert data.changed_since(compiled, policy) == [levels]
    assert data.changed_since(tmp_path / "never-written.json", policy) == [levels]  # all of them
    with pytest.raises(data.PolicyNotCompiled) as stale:
        data.load_policy_data()
    assert str(stale.value) == (
        f"{levels} changed after calculators/policy.json was compiled: run `make setup` to"
        " compile the policy again"
    )
    os.utime(compiled, ns=(2_000_000_000, 2_000_000_000))  # written in the same instant: fresh
    assert data.load_policy_data() == {"marker": ["技师"]}


def test_the_policy_is_loaded_once() -> None:
    assert api.policy_index() is api.policy_index()


# The package's own rules ------------------------------------------------------------------


def _modules() -> list[Path]:
    """Every module of the package, its subpackages' too (rules/, model/, plumbing/, …)."""
    return sorted(PACKAGE.rglob("*.py"))


def test_calculators_import_only_the_standard_library() -> None:
    """It must run unchanged in Pyodide, and never import the generator (which imports it):
    the standard library and its own modules only."""
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                roots = [(node.module or "").split(".")[0]]
            else:
                continue
            for root in roots:
                allowed = root in sys.stdlib_module_names or root in ("__future__", "calculators")
                assert allowed, (str(path.relative_to(PACKAGE)), root)


def test_no_policy_ids_are_written_in_the_code(index: PolicyIndex) -> None:
    """Rules live in the YAML: the code names no level, title, route, source or clause."""
    ids = set(index.levels) | set(index.titles) | set(index.tiers) | set(index.education)
    ids |= set(index.sources) | set(index.clauses) | set(index.editions)
    ids |= {r.id for r in index.routes + index.extensions}
    ids |= {r.id for r in index.special.routes}
    ids |= {lv.name.zh for lv in index.levels.values()} | {t.name.zh for t in index.titles.values()}
    ids -= set(index.data["document"])  # the document file's own keys (preamble, closing…)
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert node.value not in ids, (path.name, node.value)


def test_every_condition_kind_in_the_schema_has_a_meaning() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    kinds = set(schema["$defs"]["condition"]["properties"]["kind"]["enum"])
    assert kinds == set(conditions.KINDS)


def test_each_condition_keeps_every_parameter_the_data_gives(index: PolicyIndex) -> None:
    """The routes table shows a condition's parameters as the data has them: the typed record
    of each kind drops, renames and adds none (a note too, which no route has today)."""
    raw_routes = index.data["application-routes"]
    for raw in raw_routes["routes"] + raw_routes["extensions"]:
        for condition in raw["conditions"]:
            expected = {k: v for k, v in condition.items() if k != "kind"}
            assert conditions.condition_of(condition).parameters() == expected, raw["id"]
    noted = {"kind": "age", "min": 16, "note": {"zh": "注", "en": "a note"}}
    assert conditions.condition_of(noted).parameters() == {"min": 16, "note": noted["note"]}
    with pytest.raises(TypeError):
        conditions.condition_of({"kind": "age", "min": 16, "max": 60})


# The data's shape beyond the schema ---------------------------------------------------------


def test_route_ids_name_edition_target_and_label(index: PolicyIndex) -> None:
    for route in index.routes + index.extensions:
        assert route.id == f"{route.edition}-{route.target}-{route.label.lower()}"


def test_waiting_periods_name_what_they_count_from(index: PolicyIndex) -> None:
    for route in index.routes + index.extensions:
        kinds = [c.kind for c in route.conditions]
        if "years_since_certificate" in kinds:
            assert "certificate" in kinds, route.id
        if "years_since_title" in kinds:
            assert "title_tier" in kinds, route.id


def test_each_edition_has_routes_to_every_national_level(index: PolicyIndex) -> None:
    assert index.default_edition in index.editions
    for edition in index.editions:
        assert index.targets(edition) == index.national_levels()


def test_special_routes_without_a_number_say_so(index: PolicyIndex) -> None:
    for route in index.data["special-routes"]["routes"]:  # the data's own shape
        if route["kind"] == "open":
            assert route["threshold"] is None and route["note"]
        else:
            assert route["level"] is None and route["level_note"]


# Behaviour at the edges ---------------------------------------------------------------------


def test_extensions_are_off_by_default(index: PolicyIndex) -> None:
    target = index.extensions[0].target
    plain = assess(EligibilityFacts(target=target), index)
    extended = assess(EligibilityFacts(target=target, extensions=True), index)
    assert not any(r.extension for r in plain.routes)
    assert {r.id for r in extended.routes if r.extension} == {
        r.id for r in index.extensions if r.target == target
    }


def test_special_routes_never_decide_eligibility(index: PolicyIndex) -> None:
    target = index.national_levels()[-1]
    with_rank = assess(EligibilityFacts(target=target.id, competition_rank=1), index)
    assert not with_rank.eligible
    assert any(s.status == "possible" for s in with_rank.special_routes)


def test_every_level_is_found_by_each_of_its_names(index: PolicyIndex) -> None:
    for level in index.levels.values():
        spellings = [level.id, level.name.zh, level.name.en, level.name.en.upper()]
        if level.grade is not None:
            spellings += [
                level.grade.zh,
                level.grade.en,
                level.grade.en.lower(),
                f"{level.name.en} ({level.grade.en})",
                f"{level.name.zh}（{level.grade.zh}）",
                f"{level.grade.zh}/{level.name.zh}",
                f"{level.grade.en} {level.name.en}",
            ]
        for spelling in spellings:
            assert names.level_id(spelling, index) == level.id, spelling
    first, second = index.national_levels()[:2]
    mixed = f"{first.name.en} ({second.grade.en if second.grade else ''})"
    assert names.level_id(mixed, index) is None


def test_api_errors_are_data() -> None:
    bad_json = json.loads(api.run("eligibility", "{not json"))
    assert bad_json["error"]["field"] == "request"
    unknown = json.loads(api.run("bogus", "{}"))
    assert unknown["error"]["field"] == "kind" and set(unknown["error"]["accepted"]) == set(
        api.kinds()
    )
    assert set(unknown["error"]["message"]) == {"zh", "en"}
    assert "error" in json.loads(api.run("tables", '{"edition": "2018"}'))


def test_batch_answers_in_order() -> None:
    requests = [{"level": lv} for lv in ("x-unknown", "1")]
    as_string = json.loads(api.run_batch("equivalence", json.dumps(requests)))
    as_list = json.loads(api.run_batch("equivalence", [json.dumps(r) for r in requests]))
    assert as_string == as_list
    assert [("error" in r) for r in as_string] == [True, True]
    index = api.policy_index()
    good = [{"level": lv} for lv in index.levels]
    answers = json.loads(api.run_batch("equivalence", json.dumps(good)))
    assert [a["level"]["id"] for a in answers] == list(index.levels)


def test_batch_is_the_array_of_single_answers(index: PolicyIndex) -> None:
    requests = [
        {"certificate": lv.id, "total_years": years, "as_of": "2025-06-30"}
        for lv in index.levels.values()
        for years in (0, 3, 30)
    ] + [{"target": "x-unknown"}, {"bogus": 1}]
    batch = api.run_batch("eligibility", json.dumps(requests))
    singles = [api.respond("eligibility", r) for r in requests]
    assert batch == json.dumps(singles, ensure_ascii=False)


@pytest.mark.parametrize("kind", ["eligibility", "equivalence"])
def test_summary_batch_is_the_decision_of_the_full_one(kind: str, index: PolicyIndex) -> None:
    if kind == "eligibility":
        requests: list[dict[str, object]] = [
            {"certificate": lv.id, "years_since_certificate": y, "total_years": y + 2}
            for lv in index.levels.values()
            for y in (0, 2, 5, 10)
        ]
        requests += [
            {"target": "x-unknown"},
            {"certificate": "1", "certificate_date": "2019-01-01"},
        ]
    else:
        requests = [{"level": lv, "hired": h} for lv in index.levels for h in (True, False)]
        requests += [{"title": t} for t in index.titles] + [{"level": "x-unknown"}]
    full = json.loads(api.run_batch(kind, json.dumps(requests)))
    summary = json.loads(api.run_batch(kind, json.dumps(requests), detail="summary"))
    assert len(full) == len(summary) == len(requests)
    for whole, short in zip(full, summary, strict=True):
        if "error" in whole:
            assert short == whole
        elif kind == "eligibility":
            assert short == {
                "eligible": whole["eligible"],
                "target": whole["target"]["id"],
                "edition": whole["edition"]["id"],
                "met_routes": whole["met_routes"],
                "eligible_from": whole["eligible_from"],
                "data_version": whole["data_version"],
            }
        else:
            equivalent = whole["equivalent"]
            assert short == {
                "equivalent": equivalent["id"] if equivalent else None,
                "basis": whole["basis"],
                "data_version": whole["data_version"],
            }
    assert any("error" in r for r in summary)
    assert len(json.dumps(summary)) * 5 < len(json.dumps(full))


def test_batch_detail_must_be_known() -> None:
    (response,) = [json.loads(api.run_batch("equivalence", "[]", detail="short"))]
    assert response["error"]["field"] == "detail"
    tables = json.loads(api.run_batch("tables", "[{}]", detail="summary"))
    assert tables[0]["error"]["field"] == "detail"


def test_tables_cover_every_route_and_level(index: PolicyIndex) -> None:
    tables = json.loads(api.run("tables", ""))
    assert [row["level"]["id"] for row in tables["equivalence"]] == list(index.levels)
    listed = {r["id"] for rows in tables["routes"].values() for r in rows}
    extended = {r["id"] for rows in tables["extensions"].values() for r in rows}
    assert listed == {r.id for r in index.routes}
    assert extended == {r.id for r in index.extensions}
    for rows in tables["routes"].values():
        for row in rows:
            assert all(set(c["requirement"]) == {"zh", "en"} for c in row["conditions"])
    assert [e["default"] for e in tables["editions"]].count(True) == 1


def test_input_error_line_names_the_field() -> None:
    err = InputError("age", Text(zh="太小", en="too small"), ["≥ 0"])
    assert err.line("en") == "age: too small" and err.line("zh") == "age: 太小"
    assert err.to_dict() == {
        "error": {"field": "age", "message": {"zh": "太小", "en": "too small"}, "accepted": ["≥ 0"]}
    }


def test_calendar_years_count_backwards_too() -> None:
    from datetime import date

    from calculators.rules.dates import years_between

    assert years_between(date(2024, 3, 1), date(2020, 3, 1)) == -4
    assert years_between(date(2020, 3, 1), date(2024, 3, 1)) == 4


def test_every_part_of_the_text_can_be_cited(index: PolicyIndex) -> None:
    """Typed from the text: （十四） is clause 14, （九）4 the fourth item of clause 9, 一 the
    first section; the closing has no number and is cited as 附则 (it once raised)."""
    number = "黄改委发〔2020〕4号"
    labels = {cid: index.citation_label(cid) for cid in index.clauses}
    assert labels["c14"] == Text(f"{number}（十四）", f"{number}, clause (14)")
    assert labels["c9.4"] == Text(f"{number}（九）4", f"{number}, clause (9) item 4")
    assert labels["s1"] == Text(f"{number}第一部分", f"{number}, part 1")
    assert labels["closing"] == Text(f"{number}附则", f"{number}, final provision")
