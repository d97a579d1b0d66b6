"""What the roster check says, in both languages: the roster's own entries of the one
catalogue of wording (`calculators.plumbing.wording`), added to it under `roster-…` keys, so the
page's templates and script read them as they read every other text."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from calculators.plumbing import wording
from calculators.plumbing.texts import Text

NO_HEADER = Text(
    zh="没有找到表头行：请使用模板，或让表头包含“现有等级”“取证日期”等列名",
    en="No header row found: use the template, or give the columns names such as "
    '"Current level" and "Certificate date"',
)
EMPTY = Text(zh="文件是空的：没有可以检查的内容", en="The file is empty: there is nothing to check")
OLD_OR_LOCKED = Text(
    zh="这是旧版 .xls 文件或设置了密码的工作簿，无法读取：请在 Excel 或 WPS 中“另存为”不设密码的 .xlsx 文件后再选择",
    en="This is an old .xls file or a password-protected workbook, which cannot be read: in "
    "Excel or WPS, use Save As to save it as an .xlsx file without a password, then choose that",
)
TOO_BIG = Text(
    zh="文件超过 {mb} MB，无法在浏览器中检查：请分成几个文件",
    en="The file is larger than {mb} MB and cannot be checked in the browser: split it into "
    "several files",
)
WORKBOOK_REASONS = {
    "not_a_workbook": Text(
        zh="无法读取此文件：请选择 .xlsx 或 .csv 文件，或直接粘贴表格",
        en="This file cannot be read: choose an .xlsx or .csv file, or paste the cells",
    ),
    "too_big": Text(
        zh="文件过大，无法在浏览器中读取", en="The file is too large to read in the browser"
    ),
    "too_many_rows": Text(
        zh="行数过多：一次最多检查20000行", en="Too many rows: at most 20,000 rows at a time"
    ),
    "no_sheet": Text(zh="工作簿中没有工作表", en="The workbook has no sheet"),
    "damaged": Text(zh="文件已损坏，无法读取", en="The file is damaged and cannot be read"),
}
CELL_EXPECTED = {
    "date": Text(
        zh="“{found}”不是日期（可写 2021-06-01、2021/6/1、2021年6月 或 2021.6）",
        en='"{found}" is not a date (write 2021-06-01, 2021/6/1, 2021-06 or 2021.6)',
    ),
    "number": Text(zh="“{found}”不是数字", en='"{found}" is not a number'),
    "whole_number": Text(zh="“{found}”不是整数", en='"{found}" is not a whole number'),
    "yes_no": Text(zh="“{found}”应为“是”或“否”", en='"{found}" should be yes or no'),
}
UNSAVED_FORMULA = Text(
    zh="“{found}”是公式，文件中没有保存它的计算结果：请用 Excel 或 WPS 打开并保存后再检查",
    en='"{found}" is a formula saved without its result: open the file in Excel or WPS,'
    " save it, and check it again",
)
MONTH_ONLY = Text(
    zh="“{column}”只写了年月，按当月最后一天（{day}）计算",
    en='"{column}" gives a month only: counted from its last day ({day})',
)
TWO_VALUES = Text(
    zh="与同一内容的另一列不一致", en="disagrees with another column giving the same fact"
)
NOT_HIRED_MARK = Text(zh="{title}（须被聘用）", en="{title} (once hired)")

YES = Text(zh="是", en="yes")
NO = Text(zh="否", en="no")
EXAMPLE_NAME = Text(zh="示例{n}（请删除）", en="Example {n} (delete me)")
EXAMPLE_MONTH = Text(zh="2022年3月", en="2022-03")
ROSTER_SHEET = Text(zh="名单", en="Roster")
RESULTS_SHEET = Text(zh="检查结果", en="Results")
SUMMARY_SHEET = Text(zh="汇总", en="Summary")
SUMMARY_HEADER = (Text(zh="项目", en="Item"), Text(zh="人数或内容", en="Count or value"))
STATUS = {
    "now": Text(zh="现在可以申报", en="May apply now"),
    "within_year": Text(zh="12个月内可以申报", en="May apply within 12 months"),
    "later": Text(zh="12个月以后可以申报", en="May apply in more than 12 months"),
    "not_yet": Text(zh="暂不符合条件", en="Not yet eligible"),
    "cannot_check": Text(zh="无法检查", en="Cannot check"),
}
ANSWER_COLUMNS = (
    Text(zh="检查结果", en="Result"),
    Text(zh="可申报等级", en="Level to apply for"),
    Text(zh="可申报日期", en="May apply from"),
    Text(zh="依据途径", en="Route"),
    Text(zh="尚需条件", en="Still needed"),
    Text(zh="被聘用时对应职称", en="Title if hired"),
    Text(zh="说明", en="Explanation"),
    Text(zh="无法检查的原因", en="Why it cannot be checked"),
)
PROBLEM = Text(zh="{column}：{message}", en="{column}: {message}")
CHECKED_ON = Text(zh="检查日期", en="Checked on")
DATA_VERSION = Text(zh="数据版本", en="Data version")
RULES_APPLIED = Text(zh="所依据的规则", en="Rules applied")
DISCLAIMER = Text(
    zh="每一行按本站单人计算器的同一规则检查，仅供参考；申报条件以所申报职业（工种）的国家职业技能标准和评价机构的规定为准。",
    en="Each row is checked by the same rules as this site's single-person calculators, for "
    "reference only; the national skill standard of the occupation and the evaluating body's "
    "rules govern.",
)
CLI_HELP = Text(
    zh="检查整份名单（.xlsx、.csv 或制表符分隔的文本）",
    en="check a whole roster (.xlsx, .csv or tab-separated text)",
)
CLI_FILE = Text(zh="名单文件", en="the roster file")
CLI_OUTPUT = Text(
    zh="把检查结果写入此文件（.xlsx 或 .csv，按扩展名）",
    en="write the checked roster to this file (.xlsx or .csv, by its extension)",
)
CLI_OUTPUT_KIND = Text(
    zh="{found}：结果文件须以 .xlsx 或 .csv 结尾",
    en="{found}: the output must end in .xlsx or .csv",
)
CLI_ROW = Text(zh="第{row}行：{problem}", en="row {row}: {problem}")

# The words the roster page's script (roster.js) uses, given to it in the page's language;
# its answers come with their words from Python (page.py).
SCRIPT_WORDING = (
    "list-sep",
    "calc-runtime-loading",
    "calc-runtime-ready",
    "calc-runtime-failed",
    "calc-runtime-checksum",
    "roster-too-big",
    "roster-page-reading",
    "roster-page-progress",
    "roster-page-file",
    "roster-page-pasted",
    "roster-page-paste-empty",
    "roster-page-count",
    "roster-page-filter-status",
    "roster-page-filter-level",
    "roster-page-all",
    "roster-page-shown",
    "roster-page-more",
    "roster-page-row",
    "roster-page-sort",
    "roster-page-problems",
    "roster-page-problem",
    "roster-page-problems-more",
    "roster-page-downloads",
    "roster-page-download-xlsx",
    "roster-page-download-csv",
    "roster-page-none",
    "roster-page-failed",
    "roster-column-name",
    *(f"roster-answer-column-{n}" for n in range(1, 7)),
)


def _entries(prefix: str, value: object) -> Iterator[tuple[str, Text]]:
    """`value`'s texts under catalogue keys: `prefix`, `prefix-<key>`, `prefix-<n>`."""
    if isinstance(value, Text):
        yield prefix, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _entries(f"{prefix}-{key.replace('_', '-')}", item)
    elif isinstance(value, tuple):
        for n, item in enumerate(value, start=1):
            yield from _entries(f"{prefix}-{n}", item)


wording.add(
    dict(
        _entries(
            "roster",
            {
                "no-header": NO_HEADER,
                "empty": EMPTY,
                "old-or-locked": OLD_OR_LOCKED,
                "too-big": TOO_BIG,
                "workbook": WORKBOOK_REASONS,
                "cell": CELL_EXPECTED,
                "unsaved-formula": UNSAVED_FORMULA,
                "month-only": MONTH_ONLY,
                "two-values": TWO_VALUES,
                "not-hired-mark": NOT_HIRED_MARK,
                "yes": YES,
                "no": NO,
                "example-name": EXAMPLE_NAME,
                "example-month": EXAMPLE_MONTH,
                "sheet-roster": ROSTER_SHEET,
                "sheet-results": RESULTS_SHEET,
                "sheet-summary": SUMMARY_SHEET,
                "summary-header": SUMMARY_HEADER,
                "status": STATUS,
                "answer-column": ANSWER_COLUMNS,
                "problem": PROBLEM,
                "checked-on": CHECKED_ON,
                "data-version": DATA_VERSION,
                "rules-applied": RULES_APPLIED,
                "disclaimer": DISCLAIMER,
                "cli-help": CLI_HELP,
                "cli-file": CLI_FILE,
                "cli-output": CLI_OUTPUT,
                "cli-output-kind": CLI_OUTPUT_KIND,
                "cli-row": CLI_ROW,
            },
        )
    )
)
