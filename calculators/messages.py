"""Every sentence the calculators write, in Chinese and English, as templates.

Only wording lives here: level names, years and clause text come from the policy data and are
filled in. Keeping the templates in one place lets a translator review both languages side
by side.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from .texts import Text, number

# Names and lists ----------------------------------------------------------------------------

NAME_WITH_GRADE = Text(zh="{name}（{grade}）", en="{name} ({grade})")
SOURCE_NUMBER = Text(zh="{number}", en="{english} ({number})")
SOURCE_WITH_SCOPE = Text(zh="{number}（{scope}）", en="{number} ({scope})")
ID_WITH_NAME = Text(zh="{id}（{name}）", en="{id} ({name})")


def accepted_list(items: list[Text]) -> Text:
    """ "甲、乙、丙" / "A, B, C"."""
    return Text(zh="、".join(i.zh for i in items), en=", ".join(i.en for i in items))


def or_list(items: list[Text]) -> Text:
    """ "甲或乙" / "A or B"."""
    return Text(zh="或".join(i.zh for i in items), en=" or ".join(i.en for i in items))


def more_years(value: float) -> Text:
    """ "N年" / "N more year(s)": how much longer a waiting period runs, rounded up so that
    a shortfall never reads as 0."""
    shown = number(math.ceil(value * 100 - 1e-9) / 100)
    return Text(zh=f"{shown}年", en=f"{shown} more year" + ("" if shown == "1" else "s"))


def with_article(name: Text) -> Text:
    """The English name with "a" or "an" ("an Intermediate Worker …"); Chinese unchanged."""
    article = "an" if name.en[:1].lower() in "aeiou" else "a"
    return Text(zh=name.zh, en=f"{article} {name.en}")


def clause_label(number_zh: str, ident: str, numeral: str | None, parent: str | None) -> Text:
    """How a part of the Huangshi opinion is cited: "黄改委发〔2020〕4号（十四）" / "…, clause (14)"."""
    digits = re.findall(r"\d+", ident)
    if ident.startswith("c") and parent is not None:
        return Text(
            zh=f"{number_zh}（{parent}）{numeral}",
            en=f"{number_zh}, clause ({digits[0]}) item {digits[1]}",
        )
    if ident.startswith("c"):
        return Text(zh=f"{number_zh}（{numeral}）", en=f"{number_zh}, clause ({digits[0]})")
    if ident.startswith("s"):
        return Text(zh=f"{number_zh}第{numeral}部分", en=f"{number_zh}, part {digits[0]}")
    return Text(zh=f"{number_zh}（{ident}）", en=f"{number_zh} ({ident})")


# Input errors ------------------------------------------------------------------------------

SHOWN_LIMIT = 60


def shown(value: Any, quote: bool = False) -> str:
    """A value as an error message repeats it: at most SHOWN_LIMIT characters, so a request of
    a megabyte is not echoed back whole, and never failing (CPython refuses to write an int of
    more than 4,300 digits as text). `quote`: strings in quotes, as `repr` shows them."""
    try:
        text = repr(value) if quote or not isinstance(value, str) else value
    except ValueError:
        text = f"{'-' if value < 0 else ''}≈2**{abs(value).bit_length()}"
    return text if len(text) <= SHOWN_LIMIT else text[: SHOWN_LIMIT - 1] + "…"


TYPE_LIST = Text(zh="应为列表（收到 {found}）", en="must be a list (found {found})")
TYPE_OBJECT = Text(zh="应为对象（收到 {found}）", en="must be an object (found {found})")
TYPE_BOOL = Text(
    zh="应为 true 或 false（收到 {found}）", en="must be true or false (found {found})"
)
TYPE_INT = Text(zh="应为整数（收到 {found}）", en="must be a whole number (found {found})")
TYPE_NUMBER = Text(zh="应为数字（收到 {found}）", en="must be a number (found {found})")
TYPE_STRING = Text(zh="应为文字（收到 {found}）", en="must be text (found {found})")
TYPE_DATE = Text(
    zh="应为 YYYY-MM-DD 格式的日期（收到 {found}）",
    en="must be a date as YYYY-MM-DD (found {found})",
)
UNKNOWN_FIELD = Text(
    zh="未知字段“{name}”；可用字段：{accepted}", en="unknown field '{name}'; accepted: {accepted}"
)
REQUIRED_FIELD = Text(zh="必须填写", en="is required")
NEEDS_FIELD = Text(zh="需要同时给出 {other}", en="needs {other} as well")
LEVEL_OR_TITLE = Text(
    zh="请给出等级（level）或职称（title）其中之一",
    en="give either a level or a title (one of the two)",
)
UNKNOWN_VALUE = Text(
    zh="无法识别“{found}”；可选：{accepted}", en="unknown value '{found}'; accepted: {accepted}"
)
NO_ROUTES = Text(
    zh="“{found}”没有国家申报条件；可选：{accepted}",
    en="'{found}' has no national application conditions; accepted: {accepted}",
)
NO_LEVEL_ABOVE = Text(
    zh="{level}之上没有可以按国家条件申报的等级",
    en="there is no level above {level} to apply for under the national conditions",
)
NO_TARGETS = Text(zh="此版本没有可申报的等级", en="this edition has no level to apply for")
TARGET_NOT_ABOVE = Text(
    zh="申报等级{target}不高于现有证书{level}；可选：{accepted}",
    en="the target {target} is not above the certificate held ({level}); accepted: {accepted}",
)
YEARS_RANGE = Text(
    zh="年限应在0到100之间（收到 {found}）", en="years must be between 0 and 100 (found {found})"
)
AGE_RANGE = Text(
    zh="年龄应在0到120之间（收到 {found}）", en="age must be between 0 and 120 (found {found})"
)
RANK_RANGE = Text(
    zh="名次应为不小于1的整数（收到 {found}）", en="the place must be 1 or more (found {found})"
)
DATE_RANGE = Text(
    zh="日期应在 {first} 至 {last} 之间（收到 {found}）",
    en="the date must be between {first} and {last} (found {found})",
)
DATE_AFTER = Text(
    zh="日期 {found} 晚于计算日期 {as_of}", en="the date {found} is after the as-of date {as_of}"
)
UNKNOWN_KIND = Text(
    zh="未知的计算类型“{found}”；可选：{accepted}",
    en="unknown kind '{found}'; accepted: {accepted}",
)
BAD_JSON = Text(zh="请求不是有效的 JSON（{found}）", en="the request is not valid JSON ({found})")
JSON_TOO_DEEP = Text(zh="嵌套层数过多", en="nested too deeply")
JSON_TOO_MANY_DIGITS = Text(zh="数字位数过多", en="a number has too many digits")

# Conditions: what is required ---------------------------------------------------------------

RELATED_OCCUPATION = Text(zh="本职业或相关职业", en=" in this or a related occupation")
RELATED_SPECIALTY = Text(zh="本专业或相关专业的", en=" in the specialty or a related one")
REQ_CERTIFICATE = Text(
    zh="持有{related}{level}或以上等级证书", en="{a_level} certificate or higher{related}"
)
REQ_YEARS_AFTER_CERT = Text(
    zh="取得{level}证书后累计从事本职业或相关职业工作{years}以上",
    en="at least {years} of work in this or a related occupation after obtaining {level}",
)
REQ_YEARS_HOLDING_CERT = Text(
    zh="持有{level}证书满{years}", en="the {level} certificate held for at least {years}"
)
REQ_TOTAL_YEARS = Text(
    zh="累计从事本职业或相关职业工作{years}以上",
    en="at least {years} of cumulative work in this or a related occupation",
)
REQ_APPRENTICESHIP = Text(zh="{related}学徒期满", en="an apprenticeship completed{related}")
RELATED_DIPLOMA = Text(zh="（本专业或相关专业）", en=" in the specialty or a related one")
REQ_EDUCATION = Text(
    zh="学历为以下之一{related}：{options}{final}",
    en="one of these diplomas{related}: {options}{final}",
)
FINAL_YEAR_COUNTS = Text(zh="（含在校应届毕业生）", en=" (final-year students included)")
FINAL_YEAR_EXCLUDED = Text(zh="（须已毕业）", en=" (graduated; final-year students do not count)")
REQ_PREPARATORY = Text(
    zh="持有{related}预备技师证书", en="a preparatory-technician certificate{related}"
)
REQ_TECHNICIAN_CLASS = Text(
    zh="技师学院预备技师班或技师班的学生（或毕业生）",
    en="a student (or graduate) of a preparatory-technician or technician class of a technician college",
)
REQ_TITLE = Text(zh="具有{related}{tier}或以上", en="{a_tier} or higher{related}")
REQ_YEARS_AFTER_TITLE = Text(
    zh="取得{tier}后累计从事本职业或相关职业工作{years}以上",
    en="at least {years} of work in this or a related occupation after obtaining the {tier}",
)
REQ_AGE = Text(zh="年满{min}周岁", en="aged {min} or over")
REQ_WORKING = Text(
    zh="从事或准备从事本职业或相关职业工作",
    en="working, or intending to work, in this or a related occupation",
)

# Conditions: what is missing ----------------------------------------------------------------

MISS_CERTIFICATE = Text(zh="需取得{level}证书", en="needs {a_level} certificate")
MISS_CERTIFICATE_RELATED = Text(
    zh="证书须属本职业或相关职业", en="the certificate must be in this or a related occupation"
)
MISS_YEARS_AFTER_CERT = Text(
    zh="还需在取得{level}后再工作{more}", en="{more} of work after obtaining {level}"
)
MISS_YEARS_HOLDING_CERT = Text(
    zh="还需再持有{level}证书{more}", en="{more} holding the {level} certificate"
)
MISS_CERT_THEN_YEARS = Text(
    zh="需取得{level}证书，并在其后工作{years}", en="needs {level}, then {years} of work after it"
)
MISS_CERT_THEN_HOLD = Text(
    zh="需取得{level}证书并持有满{years}", en="needs {level}, held for {years}"
)
MISS_YEARS_CERT_UNKNOWN = Text(
    zh="未提供取得{level}后的工作年限", en="years of work since obtaining {level} not given"
)
MISS_TOTAL_YEARS = Text(zh="还需再累计工作{more}", en="{more} of cumulative work")
MISS_TOTAL_UNKNOWN = Text(zh="未提供累计工作年限", en="total years of work not given")
MISS_APPRENTICESHIP = Text(zh="需{related}学徒期满", en="needs a completed apprenticeship{related}")
MISS_EDUCATION = Text(zh="学历需为以下之一：{options}", en="needs one of these diplomas: {options}")
MISS_EDUCATION_RELATED = Text(
    zh="毕业证书须为本专业或相关专业", en="the diploma must be in the specialty or a related one"
)
MISS_EDUCATION_GRADUATED = Text(
    zh="此途径不接受在校应届毕业生，须已毕业",
    en="final-year students do not count here: the diploma itself is needed",
)
MISS_PREPARATORY = Text(
    zh="需持有{related}预备技师证书", en="needs a preparatory-technician certificate{related}"
)
MISS_TECHNICIAN_CLASS = Text(
    zh="需为技师学院预备技师班或技师班的学生",
    en="needs to be in a preparatory-technician or technician class of a technician college",
)
MISS_TITLE = Text(zh="需取得{related}{tier}或以上", en="needs {a_tier} or higher{related}")
MISS_TITLE_RELATED = Text(
    zh="职称须为本专业或相关专业", en="the title must be in the specialty or a related one"
)
MISS_YEARS_AFTER_TITLE = Text(
    zh="还需在取得{tier}后再工作{more}", en="{more} of work after obtaining the {tier}"
)
MISS_TITLE_THEN_YEARS = Text(
    zh="需取得{tier}，并在其后工作{years}", en="needs {a_tier}, then {years} of work after it"
)
MISS_YEARS_TITLE_UNKNOWN = Text(
    zh="未提供取得{tier}后的工作年限", en="years of work since obtaining the {tier} not given"
)
MISS_AGE = Text(zh="需年满{min}周岁（还差{more}）", en="must be aged {min} or over ({more})")
MISS_AGE_UNKNOWN = Text(zh="未提供年龄", en="age not given")
MISS_WORKING = Text(
    zh="需从事或准备从事本职业或相关职业工作",
    en="needs to work, or intend to work, in this or a related occupation",
)
MET_FROM = Text(zh="（{date}起满足）", en=" (met from {date})")
MISS_AFTER_CERT_UNTIL = Text(
    zh="需在取得{level}后工作至{date}", en="work after obtaining {level} until {date}"
)
MISS_HOLDING_CERT_UNTIL = Text(
    zh="需持有{level}证书至{date}", en="the {level} certificate held until {date}"
)
MISS_TOTAL_UNTIL = Text(zh="需累计工作至{date}", en="cumulative work until {date}")
MISS_AFTER_TITLE_UNTIL = Text(
    zh="需在取得{tier}后工作至{date}", en="work after obtaining the {tier} until {date}"
)

# Routes and decisions -----------------------------------------------------------------------

ROUTE_MET = Text(zh="满足途径{label}：{conditions}。", en="Route {label} is met: {conditions}.")
ROUTE_UNMET = Text(zh="不满足途径{label}：{missing}。", en="Route {label} is not met: {missing}.")
ELIGIBLE = Text(
    zh="可以申报{target}：满足{edition}的途径{labels}。",
    en="Eligible to apply for {target}: route {labels} of the {edition} is met.",
)
NOT_ELIGIBLE = Text(
    zh="暂不符合按{edition}申报{target}的条件。",
    en="Not yet eligible to apply for {target} under the {edition}.",
)
ELIGIBLE_FROM = Text(
    zh="按所给日期，最早可于{date}起申报（途径{label}）。",
    en="On the dates given, eligible from {date} (route {label}).",
)
HEADLINE_ELIGIBLE = Text(
    zh="可以申报{target}，依据途径{labels}。", en="You may apply for {target}, by route {labels}."
)
HEADLINE_FROM = Text(
    zh="{date}起可以申报{target}，依据途径{label}。",
    en="You may apply for {target} from {date}, by route {label}.",
)
HEADLINE_NOT_YET = Text(
    zh="暂不能申报{target}。最接近的是途径{label}：{missing}。",
    en="You may not apply for {target} yet. The closest route is {label}: {missing}.",
)
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def human_date(day: date) -> Text:
    """A date as people write it: "2027年6月1日" / "1 June 2027"."""
    return Text(
        zh=f"{day.year}年{day.month}月{day.day}日",
        en=f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}",
    )


STANDARD_GOVERNS = Text(
    zh="申报条件以所申报职业（工种）的国家职业技能标准为准；本结果依据{edition}，仅供参考。",
    en="The national vocational skill standard of the applicant's occupation governs; this "
    "answer applies the {edition} and is a guide only.",
)
EXTENSIONS_ON = Text(
    zh="已计入仅见于部分职业标准的扩展途径（E…）：只有所申报职业的标准含有这些途径时才适用。",
    en="Occupation-specific extension routes (E…) are included: they apply only where the "
    "applicant's own occupation standard contains them.",
)
YEARS_DISAGREE = Text(
    zh="所给的{field}（{given}）与日期推算的年限（{dated}）不一致：是否满足按所给年限判断，满足日期按日期推算。",
    en="The {field} given ({given}) disagrees with the dates ({dated}): whether a condition "
    "is met follows the figure given, the day it is met follows the dates.",
)
CALENDAR_YEARS = Text(
    zh="年限按公历年计算：N年期满之日为N年后的同月同日；2月29日起算的，平年以2月28日为期满日。",
    en="Years are calendar years: N years end on the same month and day N years later; from "
    "29 February they end on 28 February in a common year.",
)

# Special routes -----------------------------------------------------------------------------

SPECIAL_OPEN = Text(
    zh="{name}（{source}）：此途径存在，原文未规定年限、名次等数量条件。由谁决定：{decided_by}",
    en="{name} ({source}): the route exists; the text sets no years, ranking or other numeric "
    "condition. Who decides: {decided_by}",
)
SPECIAL_COMPETITION_POSSIBLE = Text(
    zh="{name}（{source}）：第{rank}名在前{max}名之内。若该竞赛经{registered_with}备案，可按规定直接认定相应等级。{level_note}",
    en="{name} ({source}): place {rank} is within the first {max}. If the competition is "
    "registered with {registered_with}, direct recognition of the corresponding level is "
    "possible, in accordance with regulations. {level_note}",
)
SPECIAL_COMPETITION_NOT_MET = Text(
    zh="{name}（{source}）：第{rank}名不在前{max}名之内，此途径不适用。",
    en="{name} ({source}): place {rank} is not within the first {max}; the route does not apply.",
)
SPECIAL_COMPETITION_NOT_STATED = Text(
    zh="{name}（{source}）：未提供竞赛名次。在经{registered_with}备案的竞赛中取得前{max}名的，可按规定直接认定相应等级。{level_note}",
    en="{name} ({source}): no competition place given. The first {max} in a competition "
    "registered with {registered_with} may be granted direct recognition of the corresponding "
    "level, in accordance with regulations. {level_note}",
)

# Equivalence --------------------------------------------------------------------------------

EQ_HIRED = Text(
    zh="被聘用的{level}比照{title}享受同等待遇（{source}）。",
    en="A hired {level} enjoys the same treatment as holders of the title {title} ({source}).",
)
EQ_NOT_HIRED = Text(
    zh="{source}只适用于被聘用者：被聘用的{level}比照{title}享受同等待遇；未被聘用的不适用。",
    en="{source} covers only hired holders: a hired {level} is treated like holders of the "
    "title {title}; a holder who is not hired is not covered.",
)
EQ_SCOPE = Text(zh="{text}（{source}）", en="{text} ({source})")
EQ_NOT_COVERED = Text(zh="{level}：{note}", en="{level}: {note}")
EQ_ENTERPRISE_NONE = Text(zh="{level}：{statement}", en="{level}: {statement}")
EQ_NO_STATEMENT = Text(
    zh="本项目掌握的来源没有规定{level}的对应职称。",
    en="No source the project holds states a title equivalent for {level}.",
)
EQ_REVERSE = Text(
    zh="{title}对应被聘用的{level}：后者比照前者享受同等待遇（{source}）。",
    en="{title} corresponds to a hired {level}, who enjoys the same treatment ({source}).",
)
EQ_REVERSE_NONE = Text(
    zh="没有来源规定与{title}对应的技能等级。",
    en="No source states a skill level that corresponds to {title}.",
)
