"""The roster page in Chromium: a workbook LibreOffice wrote is chosen, checked by Python in
the page's worker, shown, and downloaded as .xlsx and .csv, and the file goes nowhere.

Expected values are typed from the policy: under the 2018 conditions (the default edition), a
三级/高级工 may apply for 技师（二级） by route A1 4 years after the certificate, a 四级/中级工
for 高级工（三级） 5 years after; a hired 高级工 is treated as 助理工程师 (clause （十四）). The
fixture (tests/calculators/roster/files/libreoffice.fods, converted to .xlsx by LibreOffice in
the run): row 2, 张三, 高级工 certified on
2021-06-01, so he may apply now; row 4 gives two different dates under its merged 取证日期
header, so it cannot be checked.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request

from tests.browser.conftest import Recorder, new_context, site_url, wait_ready
from tests.browser.test_calculators import fill, shown, submit
from tests.browser.test_csp import _open, _violations, csp_context, csp_server  # noqa: F401

LANGS = ("zh", "en")

EXPECTED = {
    "zh": {
        "now": "现在可以申报",
        "cannot": "无法检查",
        "target": "技师（二级）",
        "title": "助理工程师",
        "problem": "第 4 行，“取证日期”列：与同一内容的另一列不一致",
        "result": "检查结果",
        "stem": "检查结果",
        "summary_sheet": "汇总",
        "xls": "这是旧版 .xls 文件或设置了密码的工作簿，无法读取",
        "header": "没有找到表头行",
        "empty_paste": "请先把表格粘贴到上面的框里",
        "rules": "适用{day}施行的规则：",
        "rules_row": "所依据的规则",
        "explanation": "说明",
        "title_column": "被聘用时对应职称",
    },
    "en": {
        "now": "May apply now",
        "cannot": "Cannot check",
        "target": "Technician (Level 2)",
        "title": "Assistant Engineer",
        "problem": "Row 4, column \u201c取证日期\u201d: disagrees with another column giving the same fact",
        "result": "Result",
        "stem": "Results",
        "summary_sheet": "Summary",
        "xls": "This is an old .xls file or a password-protected workbook, which cannot be read",
        "header": "No header row found",
        "empty_paste": "Paste the cells into the box above first",
        "rules": "Rules in force on {day}: ",
        "rules_row": "Rules applied",
        "explanation": "Explanation",
        "title_column": "Title if hired",
    },
}


@pytest.fixture(scope="module")
def roster(context: BrowserContext, server: str) -> Iterator[Callable[[str], Page]]:
    """`roster(lang)`: the roster page with its runtime loaded and kept offline, opened once per
    language."""
    opened: dict[str, Page] = {}

    def get(lang: str) -> Page:
        if lang not in opened:
            page = context.new_page()
            page.goto(site_url(server, lang, "calculators/roster/"))
            wait_ready(page)
            assert page.get_attribute("[data-calc-status]", "data-state") == "ready"
            # Once the runtime is ready the service worker keeps it for offline use (its own
            # requests for the site's files, caused by the visit, not by any file chosen):
            # wait until that is done, so what is sent after a file is chosen is the file's.
            page.wait_for_selector("html[data-offline=ready]", state="attached")
            opened[lang] = page
        return opened[lang]

    yield get
    for page in opened.values():
        page.close()


class Sent:
    """Every request the context makes while it is attached, with its method and body."""

    def __init__(self, context: BrowserContext) -> None:
        self.context = context
        self.requests: list[Request] = []
        context.on("request", self.note)

    def note(self, request: Request) -> None:
        self.requests.append(request)

    def stop(self) -> list[Request]:
        self.context.remove_listener("request", self.note)
        return self.requests


def _summary(page: Page) -> dict[str, str]:
    items = page.locator(".roster-summary li")
    return {
        items.nth(i).get_attribute("data-status"): items.nth(i)
        .locator(".roster-count")
        .inner_text()
        for i in range(items.count())
    }


def _table(page: Page) -> list[list[str]]:
    page.wait_for_selector("[data-roster-result] tbody[data-complete]", state="attached")
    return page.eval_on_selector_all(
        "[data-roster-result] tbody tr",
        "rows => rows.map(r => [...r.children].map(c => c.textContent))",
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_workbook_is_checked_in_the_page_and_sent_nowhere(
    roster: Callable[[str], Page],
    calculator: Callable[[str, str], Page],
    context: BrowserContext,
    server: str,
    lang: str,
    libreoffice_workbook: Path,
) -> None:
    page = roster(lang)
    words = EXPECTED[lang]
    sent = Sent(context)
    page.set_input_files("#roster-file", libreoffice_workbook)
    page.wait_for_selector(".roster-summary")
    assert _summary(page) == {
        "now": "1", "within_year": "0", "later": "0", "not_yet": "0", "cannot_check": "1",
    }  # fmt: skip
    first, second = _table(page)
    assert first[:4] == ["2", "张三", words["now"], words["target"]]
    assert first[5] == "A1" and first[7] == words["title"]
    assert second[:3] == ["4", "GH007", words["cannot"]]
    assert page.locator(".roster-problems li").all_inner_texts() == [words["problem"]]
    # The day whose rules applied (the visitor's today), as people write it, and the documents.
    day = date.today()
    said = (
        f"{day.year}年{day.month}月{day.day}日"
        if lang == "zh"
        else f"{day.day} {day:%B} {day.year}"
    )
    rules = page.inner_text("[data-roster-rules]")
    assert rules.startswith(words["rules"].format(day=said)) and "黄改委发〔2020〕4号" in rules

    with page.expect_download() as xlsx_download:
        page.click("[data-roster-download=xlsx]")
    with page.expect_download() as csv_download:
        page.click("[data-roster-download=csv]")
    requests = sent.stop()
    # Nothing left the page but the downloads of its own Blob URLs: no request to any host,
    # not even the site's own, and none carrying a body.
    assert all(r.url.startswith("blob:") for r in requests), [r.url for r in requests]
    assert all(r.post_data_buffer is None for r in requests)

    today = date.today().isoformat()
    xlsx_path = Path(xlsx_download.value.path())
    assert xlsx_download.value.suggested_filename == f"{words['stem']}-{today}.xlsx"
    assert csv_download.value.suggested_filename == f"{words['stem']}-{today}.csv"
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_path.read_bytes()))
    results, summary = workbook.worksheets
    header = [cell.value for cell in results[1]]
    # the file's own headers (trimmed), then the answers
    assert header[:7] == ["姓名或工号", "现有等级", "取证日期", "取证日期",
                          "累计工作年限", "是否聘用", words["result"]]  # fmt: skip
    row = [cell.value for cell in results[2]]
    assert row[0] == "张三" and row[6] == words["now"] and row[7] == words["target"]
    assert summary.title == words["summary_sheet"]
    assert [c.value for c in summary[2]] == [words["now"], 1]
    assert [r[1] for r in summary.iter_rows(values_only=True) if r[0] == words["rules_row"]] == [
        rules
    ]

    data = Path(csv_download.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # so that Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][6] == words["result"]
    assert rows[1][:2] == ["张三", "高级工"] and rows[1][6:8] == [words["now"], words["target"]]
    assert rows[2][0] == "GH007" and rows[2][6] == words["cannot"]
    assert rows[1][-2] == today  # the date of the check, on every row

    # The row's answers are the single-person calculators' answers for the same inputs, as
    # their own pages give them: the eligibility page for 张三's level, date and years (the
    # roster names the default edition, as the page's verdict does first), the equivalence
    # page for his level, hired.
    page = calculator("eligibility", lang)
    fill(page, "#el-form", {"certificate": "senior-worker", "total_years": 6})
    page.fill("#el-form [name=certificate_date]", "2021-06-01")
    submit(page, "#el-form", "#el-result")
    assert row[header.index(words["explanation"])] == shown(page, "#el-result")["verdict"]
    page = calculator("equivalence", lang)
    fill(page, "#eq-form", {"level": "senior-worker", "hired": True})
    submit(page, "#eq-form", "#eq-result")
    assert row[header.index(words["title_column"])] in shown(page, "#eq-result")["verdict"]


@pytest.mark.parametrize("lang", LANGS)
def test_pasted_cells_are_checked(roster: Callable[[str], Page], lang: str) -> None:
    page = roster(lang)
    # A 高级工 certified on the first day of the month after next, 4 years ago: 技师 by A1
    # opens on that day, within 12 months. A 中级工 certified 2020-03-15: 高级工 by A1 opened
    # 5 years later, 2025-03-15. A date that is no date: that row cannot be checked.
    today = date.today()
    month = today.month + 2
    opens = date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    certified = opens.replace(year=opens.year - 4)
    pasted = "\n".join(
        [
            "姓名或工号\t现有等级\t取证日期\t是否聘用",
            f"甲\t高级工\t{certified.isoformat()}\t是",
            "乙\t中级工\t2020-03-15\t否",
            "丙\t高级工\t2021-13-45\t是",
        ]
    )
    page.fill("#roster-paste", pasted)
    page.click("[data-roster-paste]")
    page.wait_for_function("document.querySelector('.roster-source')?.textContent.includes('3')")
    assert _summary(page)["within_year"] == "1"
    assert _summary(page)["now"] == "1"
    assert _summary(page)["cannot_check"] == "1"
    rows = {row[1]: row for row in _table(page)}
    assert rows["甲"][4] == opens.isoformat() and rows["甲"][5] == "A1"
    assert rows["乙"][3] == ("高级工（三级）" if lang == "zh" else "Senior Worker (Level 3)")
    problem = page.locator(".roster-problems li").inner_text()
    expected = "“2021-13-45”不是日期" if lang == "zh" else '"2021-13-45" is not a date'
    assert expected in problem and problem.startswith("第 4 行" if lang == "zh" else "Row 4")


@pytest.mark.parametrize("lang", LANGS)
def test_the_table_sorts_and_filters(
    roster: Callable[[str], Page], lang: str, libreoffice_workbook: Path
) -> None:
    page = roster(lang)
    page.set_input_files("#roster-file", libreoffice_workbook)
    page.wait_for_selector(".roster-summary")
    assert [row[0] for row in _table(page)] == ["2", "4"]
    row_header = page.locator("th[data-key=row]")
    assert row_header.get_attribute("aria-sort") == "ascending"
    row_header.locator("button").click()
    assert row_header.get_attribute("aria-sort") == "descending"
    assert [row[0] for row in _table(page)] == ["4", "2"]
    page.select_option("[data-roster-filter=status]", "cannot_check")
    assert [row[0] for row in _table(page)] == ["4"]
    page.select_option("[data-roster-filter=status]", "")
    page.select_option("[data-roster-filter=level]", EXPECTED[lang]["target"])
    assert [row[0] for row in _table(page)] == ["2"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_file_it_cannot_read_gets_a_message_in_the_pages_language(
    roster: Callable[[str], Page], lang: str
) -> None:
    page = roster(lang)
    words = EXPECTED[lang]
    old_xls = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)
    for name, data, expected in (
        ("staff.xls", old_xls, words["xls"]),
        ("staff.csv", "名字,部门\n张三,车间\n".encode("gb18030"), words["header"]),
    ):
        page.set_input_files(
            "#roster-file", files=[{"name": name, "mimeType": "text/csv", "buffer": data}]
        )
        page.wait_for_selector(f"[data-roster-result] .calc-error:has-text('{expected}')")
        assert page.locator(".roster-summary").count() == 0
    page.fill("#roster-paste", "  ")
    page.click("[data-roster-paste]")
    page.wait_for_selector(f"[data-roster-result] .calc-error:has-text('{words['empty_paste']}')")


def test_the_roster_page_works_under_the_content_security_policy(
    csp_context: BrowserContext,  # noqa: F811
    csp_server: str,  # noqa: F811
    libreoffice_workbook: Path,
) -> None:
    page, refused = _open(csp_context, site_url(csp_server, "zh", "calculators/roster/"))
    wait_ready(page)
    page.set_input_files("#roster-file", libreoffice_workbook)
    page.wait_for_selector(".roster-summary")
    with page.expect_download():
        page.click("[data-roster-download=xlsx]")
    assert _violations(page, refused) == []
    page.close()


def test_a_long_roster_shows_500_rows_at_a_time(roster: Callable[[str], Page]) -> None:
    page = roster("en")
    good, bad = "高级工\t2021-06-01", "高级工\tsoon"
    page.fill("#roster-paste", "\n".join(["现有等级\t取证日期", *[good] * 415, *[bad] * 105]))
    page.click("[data-roster-paste]")
    page.wait_for_selector(".roster-summary")
    assert (_summary(page)["now"], _summary(page)["cannot_check"]) == ("415", "105")
    assert len(_table(page)) == 500
    more = page.locator(".roster-more")
    assert more.inner_text() == "Show 20 more rows (20 left; the downloads hold every row)"
    more.click()
    assert len(_table(page)) == 520
    assert more.is_hidden()
    assert page.inner_text(".roster-shown") == "Showing 520 of 520 rows"
    # the first 100 rows that cannot be checked are listed, the others counted
    problems = page.locator(".roster-problems li").all_inner_texts()
    assert len(problems) == 101
    assert (
        problems[0]
        == 'Row 417, column \u201c取证日期\u201d: "soon" is not a date (write 2021-06-01, 2021/6/1, 2021-06 or 2021.6)'
    )
    assert problems[-1].startswith("5 more rows could not be checked")


def test_a_dropped_file_is_checked(
    roster: Callable[[str], Page], libreoffice_workbook: Path
) -> None:
    page = roster("zh")
    transfer = page.evaluate_handle(
        """bytes => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(bytes)], "dropped.xlsx"));
          return transfer;
        }""",
        list(libreoffice_workbook.read_bytes()),
    )
    page.dispatch_event("[data-roster-drop]", "drop", {"dataTransfer": transfer})
    page.wait_for_selector(".roster-source:has-text('dropped.xlsx')")
    assert _summary(page)["now"] == "1" and _summary(page)["cannot_check"] == "1"


def test_the_roster_page_checks_from_a_restored_snapshot(
    browser: Browser, server: str, libreoffice_workbook: Path
) -> None:
    """A snapshot saved by another calculator page holds the roster's Python too (a restored
    runtime has the modules imported before its snapshot, not the wheel's files)."""
    recorder = Recorder()
    context = new_context(browser, recorder)
    first = context.new_page()
    first.goto(site_url(server, "zh", "calculators/equivalence/"))
    first.wait_for_selector("[data-calc-status][data-snapshot]")
    assert first.get_attribute("[data-calc-status]", "data-snapshot") == "saved"
    first.close()
    page = context.new_page()
    page.goto(site_url(server, "en", "calculators/roster/"))
    wait_ready(page)
    assert page.get_attribute("[data-calc-status]", "data-start") == "snapshot"
    page.set_input_files("#roster-file", libreoffice_workbook)
    page.wait_for_selector(".roster-summary")
    assert _summary(page)["now"] == "1" and _summary(page)["cannot_check"] == "1"
    context.close()
    recorder.check_since((0, 0))
