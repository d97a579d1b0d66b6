"""The roster's columns: which header means which fact, and how its cells are read.

A header is matched by name in either language, in any order, ignoring case, spaces,
full-width forms, a trailing "(选填)"-style remark and a leading "*" (templates mark
required columns so). Each column fills one field of the single-person eligibility request
(or, for `hired`, the equivalence request), so a row is answered exactly as the calculators
answer one person.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from calculators.plumbing import wording
from calculators.plumbing.texts import Text


@dataclass(frozen=True)
class Column:
    """One column of the template.

    `field` is the request field it fills (`name` and `hired` are the roster's own);
    `reads` says what its cells hold: `text` (names of levels, titles, schooling and
    editions are passed on as written and read by the calculators as they read a form),
    `date`, `number` or `yes_no`. `choices` says where a drop-down's values come from.
    """

    field: str
    header: Text
    reads: str = "text"
    aliases: Sequence[str] = ()
    choices: str | None = None


COLUMNS: tuple[Column, ...] = (
    Column("name", Text("姓名或工号", "Name or staff number"),
           aliases=("姓名", "工号", "员工编号", "职工编号", "name", "staff number", "id")),
    Column("certificate", Text("现有等级", "Current level"),
           aliases=("现有证书等级", "证书等级", "技能等级", "职业技能等级", "level",
                    "certificate", "certificate held"), choices="levels"),
    Column("certificate_date", Text("取证日期", "Certificate date"), "date",
           aliases=("取得证书日期", "发证日期", "取证时间", "date of certificate")),
    Column("years_since_certificate", Text("取证后工作年限", "Years since certificate"),
           "number", aliases=("取证后年限", "years since the certificate")),
    Column("work_start_date", Text("参加工作日期", "Started work on"), "date",
           aliases=("参加工作时间", "开始工作日期", "work start date")),
    Column("total_years", Text("累计工作年限", "Total years of work"), "number",
           aliases=("工作年限", "累计年限", "total years")),
    Column("education", Text("学历", "Schooling"),
           aliases=("最高学历", "education"), choices="education"),
    Column("title", Text("职称", "Title"),
           aliases=("职称层级", "专业技术职称", "title tier", "professional title"),
           choices="tiers"),
    Column("title_date", Text("取得职称日期", "Title date"), "date",
           aliases=("职称取得日期", "职称日期", "date of title")),
    Column("hired", Text("是否聘用", "Hired"), "yes_no",
           aliases=("聘用", "已聘用", "是否已聘用", "hired in post"), choices="yes_no"),
    Column("competition_rank", Text("竞赛名次", "Competition placing"), "number",
           aliases=("名次", "placing", "competition rank")),
    Column("target", Text("申报等级", "Level applied for"),
           aliases=("拟申报等级", "target", "apply for"), choices="levels"),
    Column("edition", Text("申报条件版本", "Edition of the conditions"),
           aliases=("版本", "edition"), choices="editions"),
)  # fmt: skip

# The headers are interface words: in the one catalogue, as `roster-column-<field>`.
wording.add({f"roster-column-{c.field.replace('_', '-')}": c.header for c in COLUMNS})

_REMARK = re.compile(r"[(（][^()（）]*[)）]$")
_NOISE = re.compile(r"[\s*＊:：_\-]+")


def header_key(text: object) -> str:
    """A header as it is compared: `* 取证日期（选填）` and `取证日期` are the same."""
    plain = unicodedata.normalize("NFKC", str(text or "")).strip()
    plain = _REMARK.sub("", plain)
    return _NOISE.sub("", plain).lower()


_BY_KEY: dict[str, Column] = {
    header_key(name): column
    for column in COLUMNS
    for name in (column.header.zh, column.header.en, column.field, *column.aliases)
}


def column_for(header: object) -> Column | None:
    """The column a header names, or None (the column is then passed through untouched)."""
    return _BY_KEY.get(header_key(header)) if header_key(header) else None


def is_header_row(cells: Sequence[object]) -> bool:
    """A row naming at least two known columns: the header, not a title row above it."""
    return sum(column_for(cell) is not None for cell in cells) >= 2
