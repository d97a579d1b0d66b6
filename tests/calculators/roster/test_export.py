"""The template and the exported results: what an HR officer downloads must read back into
the check, and the results must carry the inputs, the answers, the date and the version."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

import pytest

from calculators import api
from calculators.roster.check import check_file, check_table
from calculators.roster.export import results_csv, results_xlsx, template_csv, template_xlsx
from calculators.roster.xlsx import read_first_sheet

AS_OF = date(2026, 11, 30)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("make", [template_xlsx, template_csv])
def test_the_filled_template_is_read_back_and_its_examples_are_answered(make, lang: str) -> None:  # noqa: ANN001
    roster = check_file(make(lang, api.policy_index()), AS_OF)
    assert None not in roster.understood  # every template column is recognised
    # Example 1: 高级工 certified 2021-06-01: 技师 A1's 4 years passed on 2025-06-01.
    # Example 2: 中级工 certified in March 2022 (read as 2022-03-31): 高级工 A1's 5 years end
    # on 2027-03-31, within 12 months of the check.
    assert [(r.status, r.route, r.eligible_from) for r in roster.rows] == [
        ("now", "A1", None),
        ("within_year", "A1", date(2027, 3, 31)),
    ]


def test_the_template_headers_and_drop_downs_in_each_language() -> None:
    index = api.policy_index()
    zh = read_first_sheet(template_xlsx("zh", index)).rows[0]
    en = read_first_sheet(template_xlsx("en", index)).rows[0]
    assert zh[:3] == ["姓名或工号", "现有等级", "取证日期"]
    assert en[:3] == ["Name or staff number", "Current level", "Certificate date"]
    data = template_xlsx("zh", index)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        workbook = archive.read("xl/workbook.xml").decode()
        lists = archive.read("xl/worksheets/sheet2.xml").decode()
    # 现有等级 (column B) offers the five national levels, listed on the hidden sheet's column
    # A; 学历 (G) the seven kinds of schooling (B); 职称 (H) three tiers; 是否聘用 (J) yes or no.
    assert 'sqref="B2:B1000"><formula1>lists!$A$2:$A$6</formula1>' in sheet
    assert 'sqref="G2:G1000"><formula1>lists!$B$2:$B$8</formula1>' in sheet
    assert 'sqref="H2:H1000"><formula1>lists!$C$2:$C$4</formula1>' in sheet
    assert 'sqref="J2:J1000"><formula1>lists!$D$2:$D$3</formula1>' in sheet
    assert 'name="lists" sheetId="2" state="hidden"' in workbook
    for ref, value in (("A2", "初级工"), ("A6", "高级技师"), ("D2", "是"), ("D3", "否")):
        assert f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{value}</t>' in lists


def roster():  # noqa: ANN201
    return check_table(
        [
            ["工号", "现有等级", "取证日期", "累计工作年限", "备注"],
            ["GH001", "高级工", "2021-06-01", 6, '=HYPERLINK("http://x")'],
            ["GH002", "高级工", "去年", 6, ""],
        ],
        AS_OF,
    )


def test_results_csv_opens_in_excel_and_carries_inputs_answers_date_and_version() -> None:
    data = results_csv(roster(), "zh")
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, first, second = rows
    assert header[:5] == ["工号", "现有等级", "取证日期", "累计工作年限", "备注"]
    assert header[5:9] == ["检查结果", "可申报等级", "可申报日期", "依据途径"]
    assert header[-2:] == ["检查日期", "数据版本"]
    assert first[:4] == ["GH001", "高级工", "2021-06-01", "6"]
    assert first[4] == '\'=HYPERLINK("http://x")'  # never a live formula
    assert first[5:9] == ["现在可以申报", "技师（二级）", "", "A1"]
    assert first[-2] == "2026-11-30"
    version = api.policy_index().data_version
    assert first[-1] == f"{version['date']} · {version['digest']}"
    assert second[5] == "无法检查"
    assert second[12].startswith("取证日期：“去年”不是日期")


def test_results_xlsx_has_the_answers_and_a_summary_sheet() -> None:
    data = results_xlsx(roster(), "en")
    results = read_first_sheet(data)
    assert results.name == "Results"
    assert results.rows[0][5:8] == ["Result", "Level to apply for", "May apply from"]
    assert results.rows[1][4] == '=HYPERLINK("http://x")'  # a text cell, not a formula
    assert results.rows[1][5:9] == ["May apply now", "Technician (Level 2)", None, "A1"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        summary = archive.read("xl/worksheets/sheet2.xml").decode()
        workbook = archive.read("xl/workbook.xml").decode()
    assert 'name="Summary"' in workbook
    assert '<t xml:space="preserve">May apply now</t></is></c><c r="B2"><v>1</v>' in summary
    assert '<t xml:space="preserve">Cannot check</t></is></c><c r="B6"><v>1</v>' in summary


def test_a_third_party_reader_opens_both_files_as_written() -> None:
    """openpyxl, not this project's reader: what Excel-compatible programs will see."""
    import openpyxl

    template = openpyxl.load_workbook(io.BytesIO(template_xlsx("zh", api.policy_index())))
    sheet = template.active
    assert sheet.title == "名单" and sheet.freeze_panes == "A2"
    assert template["lists"].sheet_state == "hidden"
    validations = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert validations["B2:B1000"] == "lists!$A$2:$A$6"
    results = openpyxl.load_workbook(io.BytesIO(results_xlsx(roster(), "zh")))
    assert results.sheetnames == ["检查结果", "汇总"]
    row = [cell.value for cell in results["检查结果"][2]]
    assert row[:2] == ["GH001", "高级工"] and row[5] == "现在可以申报"
    assert results["检查结果"]["E2"].data_type == "s"  # the formula-looking remark is text
    summary = {r[0]: r[1] for r in results["汇总"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert summary["现在可以申报"] == 1 and summary["无法检查"] == 1
    assert summary["检查日期"].date() == AS_OF


@pytest.mark.parametrize(
    ("day", "rules"),
    [
        (
            AS_OF,
            "适用2026年11月30日施行的规则：黄改委发〔2020〕4号（自2020年起）、"
            "国家职业技能标准编制技术规程（2018年版）（自2018年起）、"
            "2023年起颁布的国家职业标准（自2023年起）",
        ),
        # Before the 2023 conditions were issued, the 2018 edition alone.
        (
            date(2021, 6, 1),
            "适用2021年6月1日施行的规则：黄改委发〔2020〕4号（自2020年起）、"
            "国家职业技能标准编制技术规程（2018年版）（自2018年起）",
        ),
    ],
    ids=["2026", "2021"],
)
def test_the_summary_sheet_says_whose_rules_applied(day: date, rules: str) -> None:
    import openpyxl

    checked = check_table([["姓名或工号", "现有等级"], ["甲", "高级工"]], day)
    workbook = openpyxl.load_workbook(io.BytesIO(results_xlsx(checked, "zh")))
    summary = {r[0]: r[1] for r in workbook["汇总"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert summary["检查日期"].date() == day
    assert summary["所依据的规则"] == rules
