"""The CLI's help and its first reading of the language, as a person at a terminal sees them:
the program's name and what it is, each command's and option's help in the language asked
for (Chinese by default), what each option accepts, and the errors that come before parsing.
The wording is typed from the catalogue's entries (`cli-*`, the form's labels)."""

from __future__ import annotations

import pytest

from calculators.interfaces.cli import main


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as stop:
        main([*argv, "--help"])
    assert stop.value.code == 0
    return "".join(capsys.readouterr().out.split())  # argparse wraps lines, at hyphens too


def test_the_program_says_its_name_what_it_is_and_its_commands_in_chinese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    shown = _help(capsys)
    assert shown.startswith("usage:python-mcalculators[-h]{eligibility,equivalence,tables,roster}")
    assert "thecalculatorsinaterminal.Formaintainers,employersandtests." in shown
    assert "tables全部对应关系和申报途径" in shown


def test_a_commands_options_in_chinese_by_default_and_in_english_when_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    zh = _help(capsys, "eligibility")
    assert "--json输出JSON格式的回答" in zh
    assert "--langLANG文字和错误信息的语言：zh（默认）或en" in zh
    assert "--ageAGE年龄（整数，0–120）" in zh
    assert (
        "--certificate-dateCERTIFICATE_DATE取得证书的日期（可代替年限）（YYYY-MM-DD|YYYY-MM）" in zh
    )
    assert "--competition-rankCOMPETITION_RANK经备案竞赛中的名次（整数，≥1）" in zh
    assert "--total-yearsTOTAL_YEARS累计从事本职业或相关职业工作的年限（数字，0–100）" in zh
    en = _help(capsys, "tables", "--lang=en")
    assert "--jsonprinttheJSONresponseobject" in en
    assert "--langLANGzh(default)oren,fortextanderrors" in en


def test_the_roster_commands_help_in_each_language(capsys: pytest.CaptureFixture[str]) -> None:
    zh = _help(capsys, "roster")
    assert "usage:python-mcalculatorsroster" in zh
    assert "file名单文件" in zh
    assert "-o,--outputOUTPUT把检查结果写入此文件（.xlsx或.csv，按扩展名）" in zh
    assert "--as-ofAS_OF按哪一天计算（默认今天）" in zh
    assert "roster检查整份名单（.xlsx、.csv或制表符分隔的文本）" in _help(capsys)
    en = _help(capsys, "roster", "--lang", "en")
    assert "filetherosterfile" in en
    assert "--outputOUTPUTwritethecheckedrostertothisfile(.xlsxor.csv,byitsextension)" in en
    assert "--as-ofAS_OFThedaytocheckon(default:today)" in en
    assert "rostercheckawholeroster(.xlsx,.csvortab-separatedtext)" in _help(capsys, "--lang=en")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        # The language is read before parsing, so that the errors of parsing use it too.
        (["eligibility", "--age", "x", "--lang=en"], "--age: must be a whole number such as 3"),
        (["eligibility", "--age", "x", "--lang", "en"], "--age: must be a whole number such as 3"),
        (["eligibility", "--age", "x", "--lang=fr"], "--lang: 可选：zh, en"),
        (["eligibility", "--age", "x", "--lang"], "命令行有误：argument --lang: expected one argument"),
        ([], "命令行有误：the following arguments are required: kind"),
        (["tables", "--lang", "en", "--lang", "zh"], "--lang: may be given only once (found en, zh)"),
        # A value that only contains a language is none: its error is in the default one.
        (["tables", "--lang=en=x"], "--lang: 可选：zh, en"),
        (["tables", "--lang=x=en"], "--lang: 可选：zh, en"),
    ],
)  # fmt: skip
def test_errors_before_any_answer(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        status = main(argv)
    except SystemExit as stop:
        status = stop.code
    assert status == 2
    assert capsys.readouterr().err.startswith(said)


def test_an_option_that_turns_a_field_off_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    """`--unrelated` sets "the certificate is in this or a related occupation" to no: its help
    says the certificate is in neither, not the form's label (which says the opposite)."""
    zh = _help(capsys, "eligibility")
    assert "--unrelated证书不属于本职业，也不属于相关职业" in zh
    assert "--not-working既未从事、也不准备从事本职业" in zh
    en = _help(capsys, "equivalence", "--lang=en")
    assert "--not-hiredNothired(notemployedinapostatthislevel)" in en
    assert "--extensions" in _help(capsys, "eligibility", "--lang=en")
