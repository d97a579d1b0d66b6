"""`python -m calculators equivalence|eligibility|tables …`: the calculators in a terminal.

For maintainers, employers and tests. `--json` prints the same object the browser gets;
without it the answer is explained in Chinese (or English with `--lang en`). Bad input ends
with exit status 2 and one line naming the option and what it accepts, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from . import api, messages, render
from .errors import InputError
from .texts import Text

BAD_COMMAND_LINE = Text(
    zh="命令行有误：{message}（用 --help 查看可用选项）",
    en="bad command line: {message} (see --help for the accepted options)",
)
NOT_A_NUMBER = Text(
    zh="应为数字，如 4 或 2.5（收到 {found}）",
    en="must be a number such as 4 or 2.5 (found {found})",
)
NOT_A_WHOLE_NUMBER = Text(
    zh="应为整数，如 3（收到 {found}）", en="must be a whole number such as 3 (found {found})"
)
GIVEN_TWICE = Text(zh="只能给出一次（收到 {values}）", en="may be given only once (found {values})")
YEARS_OR_DATE = Text(
    zh="与 {other} 只能给出其一：年限或日期",
    en="give either this or {other}: the years or the date",
)
LANGS = ("zh", "en")
# Numbers as people write them, and nothing else Python would also read (1_0, ١٠, " 4", 1e3).
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,15}")

# (option, request field, how to read it); flags are handled separately.
_ELIGIBILITY_VALUES: list[tuple[str, str, str]] = [
    ("--target", "target", "str"),
    ("--certificate", "certificate", "str"),
    ("--years-since-certificate", "years_since_certificate", "number"),
    ("--certificate-date", "certificate_date", "str"),
    ("--total-years", "total_years", "number"),
    ("--work-start-date", "work_start_date", "str"),
    ("--education", "education", "str"),
    ("--competition-rank", "competition_rank", "int"),
    ("--title", "title", "str"),
    ("--years-since-title", "years_since_title", "number"),
    ("--title-date", "title_date", "str"),
    ("--age", "age", "int"),
    ("--edition", "edition", "str"),
    ("--as-of", "as_of", "str"),
]
# A years figure and the date it counts from: give one (the date, for "met from" days).
_YEARS_OR_DATE: list[tuple[str, str]] = [
    ("years_since_certificate", "certificate_date"),
    ("total_years", "work_start_date"),
    ("years_since_title", "title_date"),
]
# (option, request field, value the flag sets)
_ELIGIBILITY_FLAGS: list[tuple[str, str, bool]] = [
    ("--apprenticeship-completed", "apprenticeship_completed", True),
    ("--preparatory-technician", "preparatory_technician", True),
    ("--technician-class", "technician_class", True),
    ("--final-year-student", "final_year_student", True),
    ("--unrelated", "same_or_related", False),
    ("--not-working", "working_in_occupation", False),
    ("--extensions", "extensions", True),
]


class _Once(argparse.Action):
    """Store an option's value, refusing a second one: argparse would keep the last silently,
    and `--age 30 … --age 40` is more likely a mistake than a correction."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        given: dict[str, Any] = namespace.__dict__.setdefault("_given", {})
        if self.dest in given:
            shown = ", ".join(str(v) for v in (given[self.dest], values))
            raise InputError(self.dest, GIVEN_TWICE.format(values=shown), [])
        given[self.dest] = values
        setattr(namespace, self.dest, values)


class _Parser(argparse.ArgumentParser):
    """argparse that fails with one line in the user's language and exit status 2."""

    lang = "zh"

    def error(self, message: str) -> NoReturn:
        print(BAD_COMMAND_LINE.format(message=message).get(self.lang), file=sys.stderr)
        raise SystemExit(2)


def _parser(lang: str) -> _Parser:
    _Parser.lang = lang
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true", help="print the JSON response object")
    common.add_argument(
        "--lang", default=lang, action=_Once, help="zh (default) or en, for text and errors"
    )

    parser = _Parser(prog="python -m calculators", description=__doc__)
    sub = parser.add_subparsers(dest="kind", required=True)

    eq = sub.add_parser("equivalence", parents=[common], help="level ↔ title under clause (14)")
    eq.add_argument("--level", action=_Once, help="a skill level: id, name or grade, in zh or en")
    eq.add_argument("--title", action=_Once, help="an engineering title, for the reverse lookup")
    eq.add_argument("--not-hired", action="store_true", help="the holder is not hired in the post")

    el = sub.add_parser("eligibility", parents=[common], help="may this person apply?")
    for option, field, kind in _ELIGIBILITY_VALUES:
        el.add_argument(option, dest=field, action=_Once, help=f"{field} ({kind})")
    for option, field, value in _ELIGIBILITY_FLAGS:
        el.add_argument(option, dest=field, action="store_const", const=value, help=field)

    sub.add_parser("tables", parents=[common], help="every route and equivalence")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0 answered, 2 bad input)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from(args_list)
    try:
        args = _parser(lang).parse_args(args_list)
        lang = args.lang if args.lang in LANGS else lang
        request = _request(args)
        response = api.answer(args.kind, request)
    except InputError as err:
        print(f"--{err.field.replace('_', '-')}: {err.message.get(lang)}", file=sys.stderr)
        return 2
    if args.json:
        text = json.dumps(response, ensure_ascii=False, indent=2)
    else:
        text = _RENDER[args.kind](response, lang)
    try:
        print(text, flush=True)
    except BrokenPipeError:  # `… | head`: the reader left; stop quietly, no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _lang_from(argv: list[str]) -> str:
    """The language asked for, found before parsing so that parse errors use it too."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGS:
            return arg.split("=", 1)[1]
    return "zh"


def _request(args: argparse.Namespace) -> dict[str, Any]:
    if args.lang not in LANGS:
        raise InputError(
            "lang", Text(zh=f"可选：{', '.join(LANGS)}", en=f"accepted: {', '.join(LANGS)}"), LANGS
        )
    if args.kind == "equivalence":
        request: dict[str, Any] = {"hired": not args.not_hired}
        if args.level is not None:
            request["level"] = args.level
        if args.title is not None:
            request["title"] = args.title
        return request
    if args.kind == "eligibility":
        request = {}
        for _, field, kind in _ELIGIBILITY_VALUES:
            value = getattr(args, field)
            if value is not None:
                request[field] = _READ[kind](field, value)
        for _, field, _value in _ELIGIBILITY_FLAGS:
            flag = getattr(args, field)
            if flag is not None:
                request[field] = flag
        for years, since in _YEARS_OR_DATE:
            if years in request and since in request:
                other = "--" + years.replace("_", "-")
                raise InputError(since, YEARS_OR_DATE.format(other=other), [years, since])
        return request
    return {}


def _number(field: str, value: str) -> float | int:
    number = float(value) if _NUMBER.fullmatch(value) else float("nan")
    if number != number or number in (float("inf"), float("-inf")):
        raise InputError(field, NOT_A_NUMBER.format(found=messages.shown(value)), [])
    return int(number) if number.is_integer() else number


def _int(field: str, value: str) -> int:
    if not _WHOLE_NUMBER.fullmatch(value):
        raise InputError(field, NOT_A_WHOLE_NUMBER.format(found=messages.shown(value)), [])
    return int(value)


_READ: dict[str, Callable[[str, str], Any]] = {
    "str": lambda _field, value: value,
    "number": _number,
    "int": _int,
}
_RENDER: dict[str, Callable[[dict[str, Any], str], str]] = {
    "equivalence": render.equivalence_text,
    "eligibility": render.decision_text,
    "tables": render.tables_text,
}
