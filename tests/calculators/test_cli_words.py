"""The command line's words in each language: the headings of an equivalence and of a decision
in Chinese, a bad command line and an unknown value told in the language asked for, and numbers
sent as they were typed.

tests/calculators/test_cli_text.py reads an English equivalence line by line; English is also
what the text falls back to, so a heading looked up in no language at all still read right
there. Here the Chinese headings are pinned too, and the error lines whole. Names come from
policy/titles.yaml and the sources from policy/equivalence.yaml (clause （十四）, 人社部发〔2018〕74号
with Shandong's 鲁人社发〔2020〕16号 as its example, 人社部发〔2020〕96号 in the notes).
"""

from __future__ import annotations

import json
import re

import pytest

from calculators.interfaces.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    """(exit status, stdout lines, stderr) of `python -m calculators <args>`, in this process."""
    try:
        status = main(list(args))
    except SystemExit as exit_:
        status = exit_.code
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def test_an_equivalence_in_chinese_heads_every_part(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, _ = _run(capsys, "equivalence", "--level", "技师")
    assert status == 0
    # The answer first, as the page shows it (one renderer, calculators/interfaces/view.py).
    assert lines[0] == "同等待遇：工程师"
    assert lines[1] == "被聘用的技师比照工程师享受同等待遇（黄改委发〔2020〕4号（十四））。"
    assert lines[2].startswith("适用范围：第（十四）条的这句话")
    assert lines[3].startswith("可申报：取得技师后从事技术技能工作满3年，可申报工程师。")
    assert "说明（5）：" in lines
    # The clause it rests on, quoted as the source file has it; no English on a Chinese answer.
    assert lines[-5:-1] == [
        # Each source as cited, after the sentence with no space (Chinese sets none).
        "依据：黄改委发〔2020〕4号（十四） · 人社部发〔2018〕74号"
        " · 鲁人社发〔2020〕16号（山东省文件，不适用于湖北，仅作示例） · 人社部发〔2020〕96号",
        "所依据的条文原文（1）：",
        "  - 黄改委发〔2020〕4号（十四）",
        "      推动人才评价与使用激励紧密结合，鼓励用人单位将评价结果与薪酬工资、福利待遇挂钩，"
        "提高技能人才待遇水平和社会地位。打通工程领域高技能人才与专业技术人才双向职业发展通道，"
        "对被聘用的高级工、技师、高级技师比照助理工程师、工程师、高级工程师享受同等待遇。"
        "各行业部门要运用好评价结果，最大限度激发和释放技能人才活力，营造更加有利于技能人才"
        "成长和发挥作用的社会氛围。",
    ]
    assert lines[-1].startswith("数据版本：")


def test_a_title_in_chinese_is_headed_as_a_title(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, _ = _run(capsys, "equivalence", "--title", "工程师")
    assert status == 0
    assert lines[0] == "同等待遇：技师"
    assert lines[1].startswith("工程师对应被聘用的技师")


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh", "命令行有误：unrecognized arguments: --bogus 1（用 --help 查看可用选项）"),
        (
            "en",
            "bad command line: unrecognized arguments: --bogus 1 (see --help for the accepted options)",
        ),
    ],
)
def test_a_bad_command_line_is_told_in_the_language_asked(
    capsys: pytest.CaptureFixture[str], lang: str, line: str
) -> None:
    status, lines, err = _run(capsys, "eligibility", "--bogus", "1", "--lang", lang)
    assert (status, lines, err) == (2, [], line + "\n")


def test_an_unknown_title_lists_each_tier_with_its_name(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "eligibility", "--title", "bogus", "--lang", "en")
    assert status == 2
    assert err == (
        "--title: unknown value 'bogus'; accepted: junior (junior professional title), "
        "intermediate (intermediate professional title), senior (senior professional title)\n"
    )
    status, _, err = _run(capsys, "eligibility", "--title", "bogus")
    assert status == 2
    assert "可选：junior（初级职称）、intermediate（中级职称）、senior（高级职称）" in err


def test_a_decision_in_chinese_names_what_each_route_still_needs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """高级工 held 3 years, for 技师: 2018 A1 wants 4 years after the certificate, so 1 more."""
    status, lines, _ = _run(
        capsys, "eligibility", "--target", "技师", "--certificate", "高级工",
        "--years-since-certificate", "3",
    )  # fmt: skip
    assert status == 0
    assert (
        lines[0]
        == "暂不能申报技师（二级）。最接近的是途径A1：还需在取得高级工（三级）后再工作1年。"
    )
    a1 = lines.index(
        "  ✘ A1 不满足 — 要点：取得本职业或相关职业三级/高级工证书后，累计从事本职业或相关职业工作4年（含）以上。"
    )
    assert lines[a1 + 1] == "      此途径未满足的条件：还需在取得高级工（三级）后再工作1年"
    assert lines[-1].startswith("数据版本：")


def test_a_whole_number_is_sent_as_a_whole_number(capsys: pytest.CaptureFixture[str]) -> None:
    """`--years-since-certificate 4` reaches the request as the integer 4, as typed (the JSON
    answer echoes the facts), not as 4.0; `2.5` stays a decimal."""
    status, lines, _ = _run(
        capsys, "eligibility", "--certificate", "高级工", "--years-since-certificate", "4",
        "--total-years", "2.5", "--json",
    )  # fmt: skip
    assert status == 0
    facts = json.loads("\n".join(lines))["facts"]
    assert repr(facts["years_since_certificate"]) == "4"
    assert repr(facts["total_years"]) == "2.5"


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["--lang", "fr"], "--lang: 可选：zh, en"),
        (["--lang", "fr", "--json"], "--lang: 可选：zh, en"),
        (["--level", "高级工"], "--level: 只能给出一次（收到 技师, 高级工）"),
    ],
)
def test_a_language_not_offered_or_an_option_given_twice_is_named(
    capsys: pytest.CaptureFixture[str], args: list[str], line: str
) -> None:
    status, lines, err = _run(capsys, "equivalence", "--level", "技师", *args)
    assert (status, lines, err) == (2, [], line + "\n")


def test_a_day_and_no_certificate_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    """A certificate of 2020-03-01 completes 2018 A1's 4 years on 2024-03-01, written the
    Chinese way; with no certificate the text says 无, and the data version names its day and
    the 12-digit digest of the compiled policy."""
    status, lines, _ = _run(
        capsys, "eligibility", "--target", "技师", "--certificate", "高级工",
        "--certificate-date", "2020-03-01", "--as-of", "2023-06-30",
    )  # fmt: skip
    assert status == 0
    assert lines[0] == "2024年3月1日起可以申报技师（二级），依据途径A1。"
    assert re.fullmatch(r"数据版本：\d{4}-\d{2}-\d{2}（[0-9a-f]{12}）", lines[-1]), lines[-1]
    # No certificate: the lowest level, 五级's A1 (1 year in total), 0.5 year still to go.
    status, lines, _ = _run(capsys, "eligibility", "--total-years", "0.5")
    assert lines[0] == "暂不能申报初级工（五级）。最接近的是途径A1：还需再累计工作0.5年。"


def test_a_note_s_source_and_mark_are_bracketed_the_chinese_way(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The competition route's note (（九）4) rests on reported practice, not a document: where
    it was seen (policy/special-routes.yaml's source_note) and its mark close the line, each in
    full-width brackets; without the first, the mark would not say what it rests on."""
    _, lines, _ = _run(capsys, "eligibility", "--target", "技师")
    (note,) = [line for line in lines if line.lstrip(" -·").startswith("湖北省级竞赛中")]
    assert note.endswith(
        "具体以每个竞赛的通知为准。"
        "（见于湖北省职业技能竞赛通知的做法（二手报道）；本项目未收录这些通知的原文。）（见于报道）"
    )
    _, lines, _ = _run(capsys, "eligibility", "--target", "technician", "--lang", "en")
    (note,) = [line for line in lines if "In Hubei provincial competitions" in line]
    assert note.endswith(
        "(Practice seen in notices of Hubei provincial skills competitions (secondary reports); "
        "the project holds no copy of those notices.) (reported)"
    )
