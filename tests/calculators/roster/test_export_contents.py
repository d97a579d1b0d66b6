"""What the downloads hold, cell by cell: the template's headers, examples and drop-down lists
in each language, and a checked roster's answers as CSV, typed from the policy (technician
A1: a 高级工 certificate, then 4 years; senior worker A1: a 中级工 certificate, then 5 years;
clause （十四）: a hired 高级工 is treated as 助理工程师, a hired 技师 as 工程师) and from the
roster's wording; and the column widths the results are laid out in."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest

from calculators import api
from calculators.roster.check import Roster, check_table
from calculators.roster.export import results_csv, results_xlsx, template_csv, template_xlsx

AS_OF = date(2026, 11, 30)


def test_the_template_as_csv_in_each_language() -> None:
    index = api.policy_index()
    assert template_csv("zh", index).decode("utf-8") == (
        "\ufeff姓名或工号,现有等级,取证日期,取证后工作年限,参加工作日期,累计工作年限,学历,职称,"
        "取得职称日期,是否聘用,竞赛名次,申报等级,申报条件版本\r\n"
        "示例1（请删除）,高级工,2021-06-01,,2015-09-01,,,,,是,,,\r\n"
        "示例2（请删除）,中级工,2022年3月,,,6,,,,否,,,\r\n"
    )
    assert template_csv("en", index).decode("utf-8") == (
        "\ufeffName or staff number,Current level,Certificate date,Years since certificate,"
        "Started work on,Total years of work,Schooling,Title,Title date,Hired,"
        "Competition placing,Level applied for,Edition of the conditions\r\n"
        "Example 1 (delete me),Senior Worker,2021-06-01,,2015-09-01,,,,,yes,,,\r\n"
        "Example 2 (delete me),Intermediate Worker,2022-03,,,6,,,,no,,,\r\n"
    )


LEVELS_ZH = ["初级工", "中级工", "高级工", "技师", "高级技师"]


def test_the_templates_lists_in_chinese_and_its_column_widths() -> None:
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx("zh", api.policy_index())))
    sheet = book["名单"]
    assert [sheet.column_dimensions[c].width for c in "ABCDEFGHIJKLM"] == [16] * 13
    assert sheet["A2"].value == "示例1（请删除）" and sheet["B2"].value == "高级工"
    columns = [
        [c.value for c in column if c.value is not None] for column in book["lists"].iter_cols()
    ]
    assert columns == [
        LEVELS_ZH,  # 现有等级
        ["技工学校或中等职业学校毕业", "高级技工学校或技师学院毕业", "经评估的高等职业学校毕业",
         "大专（专科）", "本科", "硕士研究生", "博士研究生"],  # 学历
        ["初级职称", "中级职称", "高级职称"],  # 职称
        ["是", "否"],  # 是否聘用
        LEVELS_ZH,  # 申报等级
        ["2018", "2023"],  # 申报条件版本
    ]  # fmt: skip
    validations = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert validations["M2:M1000"] == "lists!$F$2:$F$3"


def roster() -> Roster:
    return check_table(
        [
            ["工号", "现有等级", "取证日期", "参加工作日期", "累计工作年限", "是否聘用"],
            ["GH001", "高级工", "2022年11月", "2015年9月", None, "否"],
            ["GH002", "技师", None, None, None, "是"],
            ["GH003", "高级工", "去年", None, 6.5, "也许"],
            ["GH004", "中级工", "2024-03-15", None, 3],
        ],
        AS_OF,
    )


def test_the_results_as_csv_cell_by_cell() -> None:
    version = api.policy_index().data_version
    stamp = f"2026-11-30,{version['date']} · {version['digest']}"
    assert results_csv(roster(), "zh").decode("utf-8").split("\r\n") == [
        "\ufeff工号,现有等级,取证日期,参加工作日期,累计工作年限,是否聘用,检查结果,可申报等级,"
        "可申报日期,依据途径,尚需条件,被聘用时对应职称,说明,无法检查的原因,检查日期,数据版本",
        # 2022年11月 is read as 2022-11-30: A1's 4 years are complete on the day of the check.
        "GH001,高级工,2022年11月,2015年9月,,否,现在可以申报,技师（二级）,,A1,,"
        "助理工程师（须被聘用）,可以申报技师（二级），依据途径A1。"
        " “取证日期”只写了年月，按当月最后一天（2022年11月30日）计算"
        " “参加工作日期”只写了年月，按当月最后一天（2015年9月30日）计算,," + stamp,
        "GH002,技师,,,,是,暂不符合条件,高级技师（一级）,,A1,未提供取得技师（二级）后的工作年限,"
        "工程师,暂不能申报高级技师（一级）。最接近的是途径A1：未提供取得技师（二级）后的工作年限。"
        ",," + stamp,
        "GH003,高级工,去年,,6.5,也许,无法检查,,,,,,,"
        "取证日期：“去年”不是日期（可写 2021-06-01、2021/6/1、2021年6月 或 2021.6）；"
        "是否聘用：“也许”应为“是”或“否”," + stamp,
        # 2024-03-15 + 5 years: 2029-03-15, more than 12 months after the check; 中级工 has no
        # title under clause （十四）.
        "GH004,中级工,2024-03-15,,3,,12个月以后可以申报,高级工（三级）,2029-03-15,A1,"
        "需在取得中级工（四级）后工作至2029年3月15日,,2029年3月15日起可以申报高级工（三级），"
        "依据途径A1。,," + stamp,
        "",
    ]


@pytest.mark.parametrize(
    ("cell", "written"),
    [(6.0, "6"), (6.5, "6.5"), (-1, "-1"), ("-1", "-1"), ("-x", "'-x"), ("@a", "'@a"),
     ("+1", "+1"), ("=1+1", "'=1+1"), (date(2021, 6, 1), "2021-06-01"), (None, "")],
)  # fmt: skip
def test_cells_written_to_csv(cell: object, written: str) -> None:
    from calculators.roster.export import _csv

    assert _csv([[cell, "x"]]).decode("utf-8") == f"\ufeff{written},x\r\n"


def test_the_results_workbook_in_chinese_and_its_column_widths() -> None:
    book = openpyxl.load_workbook(io.BytesIO(results_xlsx(roster(), "zh")))
    results, summary = book["检查结果"], book["汇总"]
    assert [c.value for c in results[1]][6:] == [
        "检查结果", "可申报等级", "可申报日期", "依据途径", "尚需条件", "被聘用时对应职称", "说明",
        "无法检查的原因",
    ]  # fmt: skip
    # The six input columns, then the answers: the explanation and the reasons widest.
    widths = [results.column_dimensions[c].width for c in "ABCDEFGHIJKLMN"]
    assert widths == [14] * 6 + [14, 16, 14, 10, 36, 16, 48, 40]
    assert [summary.column_dimensions[c].width for c in "AB"] == [24, 40]
    rows = [[c.value for c in row] for row in summary.iter_rows()]
    assert rows[0] == ["项目", "人数或内容"]
    assert rows[1:6] == [["现在可以申报", 1], ["12个月内可以申报", 0], ["12个月以后可以申报", 1],
                         ["暂不符合条件", 1], ["无法检查", 1]]  # fmt: skip
    assert rows[8][0] == "所依据的规则" and rows[8][1].startswith("适用")  # test_export.py
    version = api.policy_index().data_version
    assert rows[9] == ["数据版本", f"{version['date']} · {version['digest']}"]
    assert rows[10][0].startswith("每一行按本站单人计算器的同一规则检查")
