"""What the roster check says, in both languages (the single-person calculators' own words
come from `messages`; these are the roster's)."""

from __future__ import annotations

from ..texts import Text

NO_HEADER = Text(
    zh="没有找到表头行：请使用模板，或让表头包含“现有等级”“取证日期”等列名",
    en="No header row found: use the template, or give the columns names such as "
    '"Current level" and "Certificate date"',
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
MONTH_ONLY = Text(
    zh="“{column}”只写了年月，按当月最后一天（{day}）计算",
    en='"{column}" gives a month only: counted from its last day ({day})',
)
TWO_VALUES = Text(
    zh="与同一内容的另一列不一致", en="disagrees with another column giving the same fact"
)
NOT_HIRED_MARK = Text(zh="{title}（须被聘用）", en="{title} (once hired)")
