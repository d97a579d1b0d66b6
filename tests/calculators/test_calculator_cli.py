"""`python -m calculators` as other tools and people use it: JSON shape, text, bad input.

Level names and thresholds are taken from the policy data, so these tests follow the YAML.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys

import pytest

from calculators.interfaces.cli import main
from calculators.model.index import PolicyIndex
from calculators.model.records import Route


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m calculators ARGS`, run in this process (`cli.main`, which `__main__` calls):
    a tenth of the time of a new interpreter, and the code under test is the code imported here
    (as mutation testing needs). test_python_dash_m_is_the_same_command runs the real one."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def test_python_dash_m_is_the_same_command() -> None:
    args = ["equivalence", "--level", "技师", "--json"]
    real = subprocess.run(
        [sys.executable, "-m", "calculators", *args],
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    assert (real.returncode, real.stdout, real.stderr) == (0, cli(*args).stdout, "")
    bad = subprocess.run(
        [sys.executable, "-m", "calculators", "eligibility", "--target", "x"],
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    assert bad.returncode == 2 and bad.stdout == ""


def test_without_arguments_main_reads_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m calculators` calls `main()` with nothing: the words after the program's
    name are the command (the subprocess above runs the code as written, not a mutant)."""
    monkeypatch.setattr(sys, "argv", ["calculators", "equivalence", "--level", "技师", "--json"])
    assert main() == 0
    assert json.loads(capsys.readouterr().out)["title"]["zh"] == "工程师"


def _a_waiting_route(index: PolicyIndex) -> tuple[Route, str, int]:
    """A default-edition route made of a certificate and years since it: (route, cert, years)."""
    for route in index.routes_for(index.default_edition):
        kinds = {c.kind: c.parameters() for c in route.conditions}
        if set(kinds) == {"certificate", "years_since_certificate"}:
            return route, kinds["certificate"]["level"], kinds["years_since_certificate"]["years"]
    raise AssertionError("no certificate-plus-years route in the default edition")


# Equivalence -------------------------------------------------------------------------------


def test_equivalence_json_for_every_treatment_row(index: PolicyIndex) -> None:
    for row in index.equivalence.treatment:
        level = index.levels[row.level]
        title = index.titles[row.title]
        result = cli("equivalence", "--level", level.name.zh, "--json")
        assert result.returncode == 0, result.stderr
        answer = json.loads(result.stdout)
        assert answer["equivalent"] == {"id": title.id, "zh": title.name.zh, "en": title.name.en}
        assert row.source in answer["sources"]
        assert isinstance(answer["sources"], list)


def test_equivalence_not_hired_is_null(index: PolicyIndex) -> None:
    row = index.equivalence.treatment[0]
    name = index.levels[row.level].name.en
    answer = json.loads(cli("equivalence", "--level", name, "--not-hired", "--json").stdout)
    assert answer["equivalent"] is None
    assert answer["if_hired"]["id"] == row.title


def test_equivalence_text_in_both_languages(index: PolicyIndex) -> None:
    row = index.equivalence.treatment[-1]
    level, title = index.levels[row.level], index.titles[row.title]
    zh = cli("equivalence", "--level", level.id)
    en = cli("equivalence", "--level", level.id, "--lang", "en")
    assert zh.returncode == en.returncode == 0
    assert title.name.zh in zh.stdout and level.name.zh in zh.stdout
    assert title.name.en in en.stdout and level.name.en in en.stdout
    assert title.name.zh not in en.stdout.split("\n")[1]


# Eligibility ------------------------------------------------------------------------------


def test_eligibility_json_shape_at_and_below_the_threshold(index: PolicyIndex) -> None:
    route, cert, years = _a_waiting_route(index)
    target = index.levels[route.target].name.zh
    certificate = index.levels[cert].name.zh
    base = ["eligibility", "--target", target, "--certificate", certificate, "--json"]
    at = json.loads(cli(*base, "--years-since-certificate", str(years)).stdout)
    below = json.loads(cli(*base, "--years-since-certificate", str(years - 1)).stdout)
    assert at["eligible"] is True and below["eligible"] is False
    for answer in (at, below):
        assert answer["routes"], "every route of the target is listed"
        for r in answer["routes"]:
            assert {"id", "met", "source", "explanation", "missing", "confidence"} <= set(r)
            assert set(r["explanation"]) == {"zh", "en"}
    tried = {r["id"]: r for r in below["routes"]}[route.id]
    assert tried["met"] is False
    assert tried["missing"][0]["zh"].startswith("还需")
    assert "1 more year" in tried["missing"][0]["en"]


def test_eligibility_text_in_chinese_and_english(index: PolicyIndex) -> None:
    route, cert, years = _a_waiting_route(index)
    target, certificate = index.levels[route.target], index.levels[cert]
    args = ["eligibility", "--target", target.name.zh, "--certificate", certificate.name.en]
    args += ["--years-since-certificate", str(years)]
    zh, en = cli(*args), cli(*args, "--lang", "en")
    assert zh.returncode == en.returncode == 0
    assert target.name.zh in zh.stdout and route.label in zh.stdout
    assert target.name.en in en.stdout and "You may apply for" in en.stdout
    assert "You may apply for" not in zh.stdout and "可以申报" in zh.stdout
    assert not zh.stdout.lstrip().startswith("{")


def test_eligibility_accepts_every_documented_option(index: PolicyIndex) -> None:
    route, cert, years = _a_waiting_route(index)
    education = sorted(index.education)[0]
    tier = next(iter(index.tiers))
    common = [
        "eligibility", "--target", route.target, "--certificate", cert,
        "--education", education, "--preparatory-technician", "--apprenticeship-completed",
        "--competition-rank", "2", "--title", tier, "--age", "30",
        "--as-of", "2025-01-01", "--edition", "2023", "--json",
    ]  # fmt: skip
    # Each years figure, or the date it counts from (one or the other, never both).
    figures = ["--years-since-certificate", str(years), "--total-years", str(years + 1)]
    figures += ["--years-since-title", "1"]
    dates = ["--certificate-date", "2015-02-28", "--work-start-date", "2010-09-01"]
    dates += ["--title-date", "2020-07-01"]
    for given in (figures, dates):
        result = cli(*common, *given)
        assert result.returncode == 0, (given, result.stderr)
        assert json.loads(result.stdout)["edition"]["id"] == "2023"


# Bad input --------------------------------------------------------------------------------


def _bad_cases(index: PolicyIndex, lang: str) -> list[tuple[list[str], str, list[str]]]:
    """(arguments, option named in the message, words the message must contain)."""
    national = index.national_levels()
    low, high = national[1], national[2]
    return [
        (["--target", "no-such-level"], "--target", [lv.name.get(lang) for lv in national]),
        (["--certificate", low.id, "--years-since-certificate", "-1"], "--years-since-certificate", []),
        (["--target", low.name.zh, "--certificate", high.name.zh], "--target", []),
        (["--target", low.name.zh, "--certificate", low.name.zh], "--target", []),
        (["--education", "no-such-school"], "--education", sorted(index.education)),
        (["--edition", "1999"], "--edition", sorted(index.editions)),
        (["--certificate", low.id, "--years-since-certificate", "four"], "--years-since-certificate", []),
        (["--certificate", low.id, "--certificate-date", "2020-02-30"], "--certificate-date", ["YYYY-MM-DD"]),
        (["--no-such-option"], "--help", []),
        # Documented as numbers and YYYY-MM-DD: nothing else Python would also read.
        (["--certificate", low.id, "--years-since-certificate", "1_0"], "--years-since-certificate", ["1_0"]),
        (["--certificate", low.id, "--years-since-certificate", "１０"], "--years-since-certificate", []),
        (["--age", "3e1"], "--age", ["3e1"]),
        (["--age", "9" * 5000], "--age", []),
        (["--certificate", low.id, "--certificate-date", "20230228"], "--certificate-date", ["YYYY-MM-DD"]),
        (["--certificate", low.id, "--certificate-date", "2023-W09-2"], "--certificate-date", ["YYYY-MM-DD"]),
        (["--certificate", low.id, "--certificate-date", "2020-01-01", "--as-of", "9999-12-31"], "--as-of", ["9999"]),
        # A years figure and its date: which one counts would be a guess.
        (["--certificate", low.id, "--years-since-certificate", "1", "--certificate-date", "2023-02-28"], "--certificate-date", ["--years-since-certificate"]),
        (["--total-years", "3", "--work-start-date", "2020-01-01"], "--work-start-date", ["--total-years"]),
        # The same option twice: argparse would keep the last without a word.
        (["--age", "30", "--age", "40"], "--age", ["30", "40"]),
        (["--target", low.id, "--target", high.id], "--target", [low.id, high.id]),
    ]  # fmt: skip


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_input_exits_2_with_one_line(index: PolicyIndex, lang: str) -> None:
    for args, option, words in _bad_cases(index, lang):
        result = cli("eligibility", *args, "--lang", lang)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, (args, result.stderr)
        assert "Traceback" not in result.stderr and result.stdout == ""
        assert option in lines[0], (args, lines[0])
        for word in words:
            assert word in lines[0], (args, word, lines[0])
        if lang == "en":
            assert not re.search(r"[\u4e00-\u9fff]", lines[0].split(":", 1)[1]), lines[0]
    zh = cli("eligibility", "--target", "no-such-level").stderr
    en = cli("eligibility", "--target", "no-such-level", "--lang", "en").stderr
    assert "无法识别" in zh and "unknown value" in en
    twice = cli("eligibility", "--age", "30", "--age", "40").stderr
    assert re.search(r"[\u4e00-\u9fff]", twice), twice


def test_bad_equivalence_input_exits_2(index: PolicyIndex) -> None:
    result = cli("equivalence", "--level", "no-such-level", "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("--level:")
    for level in index.levels.values():
        assert level.name.en in result.stderr
    neither = cli("equivalence", "--json")
    assert neither.returncode == 2 and "Traceback" not in neither.stderr


def test_tables_json_lists_both_editions(index: PolicyIndex) -> None:
    result = cli("tables", "--json")
    assert result.returncode == 0
    tables = json.loads(result.stdout)
    assert set(tables["routes"]) == set(index.editions)
    assert sum(len(rows) for rows in tables["routes"].values()) == len(index.routes)


def test_the_edition_line_cites_with_the_spacing_of_each_language() -> None:
    """A citation mark follows a Chinese name directly and an English one after a space."""
    request = ("eligibility", "--target", "junior-worker", "--total-years", "2")
    zh = cli(*request).stdout.splitlines()[1]
    en = cli(*request, "--lang", "en").stdout.splitlines()[1]
    assert zh == "所依据的申报条件：国家职业技能标准编制技术规程（2018年版）（已见原文）"
    assert en == (
        "Conditions applied: Technical Rules for Drafting National Occupational Skill "
        "Standards (2018 edition) (seen)"
    )


def test_before_the_huangshi_text_there_are_no_special_routes_to_list() -> None:
    """黄改委发〔2020〕4号 applies from 2020 (policy/document.yaml): asked about a day in 2019,
    the answer lists no special routes, not an empty list of them."""
    request = ("eligibility", "--target", "junior-worker", "--total-years", "2")
    assert "黄石《意见》的特别途径" in cli(*request).stdout
    earlier = cli(*request, "--as-of", "2019-06-01")
    assert earlier.returncode == 0
    assert "特别途径" not in earlier.stdout
