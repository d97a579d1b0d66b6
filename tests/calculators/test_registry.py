"""A calculator is one declaration: registered from here, a test-only one appears in the API,
the CLI (options, --help with what each accepts), the page's form and the tables answer
without any other file knowing it. The README's steps for a new calculator rest on this.

The expected values are typed from the declaration below and from policy/levels.yaml.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from calculators import api, registry
from calculators.interfaces.cli import main
from calculators.interfaces.view import verdict
from calculators.model.index import PolicyIndex
from calculators.plumbing.errors import InputError
from calculators.plumbing.serial import Serializable
from calculators.plumbing.texts import Text
from calculators.plumbing.wording import WORDING, add
from calculators.registry import Calculator, ask, calculators, form
from calculators.rules import names
from calculators.rules.facts import level_options

ROOT = Path(__file__).resolve().parents[2]
KIND = "headcount-test"
OWN_WORDING = {
    "test-headcount": Text(zh="某一等级有多少人（测试用）", en="How many hold a level (a test)"),
    "test-headcount-level": Text(zh="技能等级", en="Skill level"),
    "test-headcount-workers": Text(zh="人数", en="Workers"),
    "test-headcount-audited": Text(zh="已核查", en="Audited"),
    "test-headcount-range": Text(
        zh="人数应在{low}到{high}之间（收到 {found}）",
        en="workers must be between {low} and {high} (found {found})",
    ),
    "test-headcount-text": Text(zh="{level}：{workers}人", en="{level}: {workers} workers"),
}


@dataclass(frozen=True)
class Headcount(Serializable):
    """How many workers of an employer hold one level."""

    level: str | None = ask(label="test-headcount-level", choices=level_options)
    workers: int | None = ask(
        label="test-headcount-workers", low=1, high=500, out_of_range="test-headcount-range"
    )
    audited: bool = ask(False, label="test-headcount-audited")


@dataclass(frozen=True)
class HeadcountAnswer(Serializable):
    level: str
    workers: int
    audited: bool
    kind: str = KIND


@dataclass(frozen=True)
class HeadcountTable(Serializable):
    """What the page would print without JavaScript: the levels that can be counted."""

    headcount_levels: list[str]


def _table(index: PolicyIndex) -> HeadcountTable:
    return HeadcountTable(headcount_levels=list(index.levels))


def _decide(request: Headcount, index: PolicyIndex) -> HeadcountAnswer:
    level = names.level_id(request.level or "", index)
    if level is None:
        raise InputError("level", Text.same("unknown level"), list(index.levels))
    workers = request.workers or 0
    if not 1 <= workers <= 500:
        raise InputError("workers", WORDING["test-headcount-range"], [])
    return HeadcountAnswer(level=level, workers=workers, audited=request.audited)


def _view(answer: dict[str, Any], index: PolicyIndex) -> dict[str, Any]:
    said = WORDING["test-headcount-text"].format(level=answer["level"], workers=answer["workers"])
    return {"data": {"workers": str(answer["workers"])}, "nodes": [verdict(said, True)]}


HEADCOUNT = Calculator(
    kind=KIND,
    request=Headcount,
    result=HeadcountAnswer,
    decide=_decide,
    summary=lambda answer: {"workers": answer.workers},
    table=_table,
    view=_view,
    help="test-headcount",
    submit="test-headcount",
    html_id="hc",
)


@pytest.fixture
def headcount() -> Iterator[Calculator]:
    add(OWN_WORDING)
    registry.register(HEADCOUNT)
    yield HEADCOUNT
    registry.unregister(KIND)
    for key in OWN_WORDING:
        del WORDING[key]


def test_the_api_answers_a_registered_calculator(headcount: Calculator) -> None:
    assert KIND in api.kinds()
    answer = json.loads(api.run(KIND, '{"level": "技师", "workers": 12, "audited": true}'))
    assert {k: answer[k] for k in ("level", "workers", "audited", "kind")} == {
        "level": "technician",
        "workers": 12,
        "audited": True,
        "kind": KIND,
    }
    assert answer["view"]["nodes"][0]["children"] == [
        {"text": {"zh": "technician：12人", "en": "technician: 12 workers"}}
    ]
    summary = json.loads(api.run_batch(KIND, [{"level": "技师", "workers": 3}], detail="summary"))
    assert summary[0]["workers"] == 3 and "data_version" in summary[0]
    unknown = json.loads(api.run(KIND, '{"level": "技师", "head": 1}'))
    assert unknown["error"]["field"] == "head"
    assert unknown["error"]["accepted"] == ["level", "workers", "audited"]


def test_declared_ranges_are_checked_before_the_decision(headcount: Calculator) -> None:
    # `_decide` would also refuse 900, but with no low/high in the message: the declared
    # range (1–500) is what fills it.
    error = json.loads(api.run(KIND, '{"level": "技师", "workers": 900}'))["error"]
    assert error == {
        "field": "workers",
        "message": {
            "zh": "人数应在1到500之间（收到 900）",
            "en": "workers must be between 1 and 500 (found 900)",
        },
        "accepted": ["1–500"],
    }


def test_an_unknown_kind_names_the_registered_ones(headcount: Calculator) -> None:
    error = json.loads(api.run("no-such-kind", "{}"))["error"]
    assert error["accepted"] == ["eligibility", "equivalence", KIND, "tables"]


def test_the_cli_offers_its_options(
    headcount: Calculator, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [KIND, "--level", "高级工", "--workers", "7", "--audited", "--json"]
    assert main(args) == 0
    answer = json.loads(capsys.readouterr().out)
    assert (answer["level"], answer["workers"], answer["audited"]) == ("senior-worker", 7, True)
    assert main([KIND, "--level", "高级工", "--workers", "7", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("senior-worker: 7 workers")
    assert main([KIND, "--workers", "seven", "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("--workers: must be a whole number such as 3")


def test_the_cli_help_says_what_each_option_accepts(
    headcount: Calculator, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([KIND, "--help", "--lang", "en"])
    shown = "".join(capsys.readouterr().out.split())  # argparse wraps lines, at hyphens too
    assert "--workersWORKERSWorkers(awholenumber,1–500)" in shown
    assert "--auditedAudited" in shown
    levels = (
        "junior-worker, intermediate-worker, senior-worker, technician, senior-technician, "
        "special-technician, chief-technician"
    )
    assert f"--levelLEVELSkilllevel(accepted:{levels})".replace(" ", "") in shown
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "某一等级有多少人（测试用）" in capsys.readouterr().out


def test_the_page_form_and_the_tables_come_from_the_declaration(
    headcount: Calculator, index: PolicyIndex
) -> None:
    spec = registry.form(headcount, index)
    (group,) = spec["groups"]
    assert [(f["id"], f["type"], f["label"]) for f in group["fields"]] == [
        ("hc-level", "choice", "test-headcount-level"),
        ("hc-workers", "integer", "test-headcount-workers"),
        ("hc-audited", "flag", "test-headcount-audited"),
    ]
    level = group["fields"][0]["options"][3]
    assert level == {
        "value": "technician",
        "label": {"zh": "二级 · 技师", "en": "Level 2 · Technician"},
    }
    assert (group["fields"][1]["low"], group["fields"][1]["high"]) == (1, 500)
    assert spec["script"][1] == {"name": "workers", "query": "workers", "type": "integer"}
    tables = json.loads(api.run("tables", ""))
    assert tables["headcount_levels"][:2] == ["junior-worker", "intermediate-worker"]
    assert "routes" in tables and "equivalence" in tables  # the others' sections stay


def test_unregistered_it_is_gone(headcount: Calculator) -> None:
    registry.unregister(KIND)
    assert KIND not in api.kinds()
    assert json.loads(api.run(KIND, "{}"))["error"]["field"] == "kind"
    registry.register(HEADCOUNT)  # for the fixture to remove
    with pytest.raises(ValueError, match="already registered"):
        registry.register(HEADCOUNT)


def test_a_module_cannot_reword_the_catalogue() -> None:
    with pytest.raises(ValueError, match="calc-none"):
        add({"calc-none": Text.same("nothing")})


# The declaration's plumbing, called directly: `ask` runs when a request class is defined and
# the `calc_*` modules are looked for once, so no answer shows a fault in them by itself.


def test_ask_keeps_the_default_and_how_the_field_is_asked() -> None:
    declared = registry.ask(3, label="test-headcount-workers", low=1, high=500)
    assert declared.default == 3
    assert declared.metadata["ask"] == registry.Ask(label="test-headcount-workers", low=1, high=500)
    assert registry.ask(label="level").default is None


def test_the_calculators_are_the_calc_modules_of_the_package() -> None:
    assert list(registry._modules()) == ["calc_eligibility", "calc_equivalence"]
    assert list(registry.calculators())[:2] == ["eligibility", "equivalence"]


def test_the_eligibility_form_asks_every_form_field_in_its_groups(index: PolicyIndex) -> None:
    """The fields the form does not ask (dates instead of years) are left out without ending
    the form: the fields after them are still asked; the day of the check comes last, in no
    group."""
    spec = registry.form(registry.calculators()["eligibility"], index)
    assert [(g["legend"], [f["name"] for f in g["fields"]]) for g in spec["groups"]] == [
        ("calc-group-target", ["target", "edition", "extensions"]),
        ("calc-group-certificate",
         ["certificate", "years_since_certificate", "certificate_date", "same_or_related"]),
        ("calc-group-work",
         ["total_years", "working_in_occupation", "apprenticeship_completed", "age"]),
        ("calc-group-education",
         ["education", "final_year_student", "preparatory_technician", "technician_class"]),
        ("calc-group-title", ["title", "years_since_title"]),
        ("calc-group-competition", ["competition_rank"]),
        (None, ["as_of"]),
    ]  # fmt: skip
    assert "work_start_date" not in [f["name"] for f in spec["script"]]
    # Element ids as the page's script finds them: the prefix, then the name with hyphens.
    fields = {f["name"]: f for g in spec["groups"] for f in g["fields"]}
    assert fields["years_since_certificate"]["id"] == "el-years-since-certificate"


def test_every_value_the_build_answers_for(headcount: Calculator, index: PolicyIndex) -> None:
    assert registry.choices(headcount.field("audited"), index) == [True, False]
    assert registry.choices(headcount.field("level"), index)[:2] == [
        "junior-worker", "intermediate-worker",
    ]  # fmt: skip
    with pytest.raises(ValueError, match="^workers: only a choice or a flag can be answered"):
        registry.choices(headcount.field("workers"), index)


def test_the_form_holds_every_part_the_page_template_reads() -> None:
    """calc-macros.j2 lays a calculator's form out from `spec.<key>` (its kind, element id,
    whether it answers as one types, the submit label, the groups, the fields the script reads,
    the answers made at build time): each is in the form, for every calculator."""
    template = (ROOT / "build" / "hgpolicy" / "templates" / "calc-macros.j2").read_text(
        encoding="utf-8"
    )
    read = set(re.findall(r"\bspec\.([a-z_]+)", template))
    assert read >= {"kind", "html_id", "live", "submit", "groups", "script", "provisional"}
    index = api.policy_index()
    for kind, calculator in calculators().items():
        spec = form(calculator, index)
        assert read <= set(spec), (kind, read - set(spec))
        assert (spec["kind"], spec["html_id"], spec["submit"]) == (
            kind,
            calculator.html_id,
            f"calc-submit-{kind}",
        )


def test_the_forms_boxes_start_ticked_where_leaving_them_out_means_yes(
    index: PolicyIndex,
) -> None:
    """Working, in this or a related occupation, and being hired are what a request means
    when it does not say (the command line's `--not-hired` says otherwise); the extensions
    and the facts a person must claim (an apprenticeship, a final year, a class) start
    unticked."""
    ticked = {
        kind: {
            field["name"]: field["checked"]
            for group in registry.form(registry.calculators()[kind], index)["groups"]
            for field in group["fields"]
            if field["type"] == "flag"
        }
        for kind in ("eligibility", "equivalence")
    }
    assert ticked == {
        "eligibility": {
            "extensions": False,
            "same_or_related": True,
            "working_in_occupation": True,
            "apprenticeship_completed": False,
            "final_year_student": False,
            "preparatory_technician": False,
            "technician_class": False,
        },
        "equivalence": {"hired": True},
    }
