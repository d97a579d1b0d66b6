"""`python -m calculators equivalence|eligibility|tables|roster …`: the calculators in a terminal.

For maintainers, employers and tests. `--json` prints the same object the browser gets;
without it the answer is explained in Chinese (or English with `--lang en`). Bad input ends
with exit status 2 and one line naming the option and what it accepts, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from calculators import api
from calculators.interfaces import render, view
from calculators.interfaces.stdout import say
from calculators.plumbing import messages
from calculators.plumbing.errors import InputError
from calculators.plumbing.serial import DATE_FORMS
from calculators.plumbing.texts import Text
from calculators.plumbing.wording import WORDING
from calculators.registry import Field, calculators
from calculators.roster import command as roster_command

LANGS = ("zh", "en")
# Numbers as people write them, and nothing else Python would also read (1_0, ١٠, " 4", 1e3).
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,15}")


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
            raise InputError(self.dest, messages.GIVEN_TWICE.format(values=shown), [])
        given[self.dest] = values
        setattr(namespace, self.dest, values)


class _Parser(argparse.ArgumentParser):
    """argparse that fails with one line in the user's language and exit status 2."""

    lang = "zh"

    def error(self, message: str) -> NoReturn:
        print(messages.BAD_COMMAND_LINE.format(message=message).get(self.lang), file=sys.stderr)
        raise SystemExit(2)


def _parser(lang: str) -> _Parser:
    """Options and help for every registered calculator, in `lang`, from its request fields."""
    _Parser.lang = lang
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true", help=WORDING["cli-json"].get(lang))
    common.add_argument("--lang", default=lang, action=_Once, help=WORDING["cli-lang"].get(lang))

    parser = _Parser(prog="python -m calculators", description=__doc__)
    sub = parser.add_subparsers(dest="kind", required=True)
    for calculator in calculators().values():
        command = sub.add_parser(
            calculator.kind, parents=[common], help=WORDING[calculator.help].get(lang)
        )
        for field in calculator.fields():
            _add_option(command, field, lang)
    sub.add_parser(api.TABLES, parents=[common], help=WORDING["cli-tables"].get(lang))
    roster_command.add_command(sub, common, lang)
    return parser


def _add_option(command: argparse.ArgumentParser, field: Field, lang: str) -> None:
    """`--years-since-certificate N`, or a flag that sets its field the other way round from
    its default (`--extensions`, `--unrelated`); help: the form's label and what it accepts,
    or for an option that turns a field off, the label's opposite (its `-off` entry)."""
    label = WORDING[field.ask.label]
    if field.type == "flag":
        shown = WORDING[f"{field.ask.label}-off"] if field.default else label
        command.add_argument(
            field.option,
            dest=field.name,
            action="store_const",
            const=not field.default,
            help=shown.get(lang),
        )
        return
    shown = WORDING["cli-field"].format(label=label, accepted=_accepted(field))
    command.add_argument(field.option, dest=field.name, action=_Once, help=shown.get(lang))


def _accepted(field: Field) -> Text:
    """What an option accepts, for --help: the ids of its choices, a range, a date's shape."""
    if field.ask.choices is not None:
        ids = [ident for ident, _ in field.ask.choices(api.policy_index())]
        return WORDING["cli-accepted"].format(accepted=", ".join(ids))
    if field.type == "date":
        return Text.same(" | ".join(DATE_FORMS))
    kind = WORDING["cli-whole-number" if field.type == "integer" else "cli-number"]
    low, high = field.ask.low, field.ask.high
    if low is None:
        return kind
    span = f"{low}–{high}" if high is not None else f"≥ {low}"
    return WORDING["cli-range"].format(kind=kind, span=span)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0 answered, 2 bad input)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from(args_list)
    try:
        args = _parser(lang).parse_args(args_list)
        lang = args.lang if args.lang in LANGS else lang
        if args.kind == roster_command.KIND:
            return roster_command.run(args, lang)
        request = _request(args)
        response = api.answer(args.kind, request)
    except InputError as err:
        print(f"--{err.field.replace('_', '-')}: {err.message.get(lang)}", file=sys.stderr)
        return 2
    if args.json:
        text = json.dumps(response, ensure_ascii=False, indent=2)
    else:
        text = _text(args.kind)(response, lang)
    say(text)
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
            "lang", messages.CLI_ACCEPTED.format(accepted=", ".join(LANGS)), list(LANGS)
        )
    found = calculators().get(args.kind)
    if found is None:  # tables
        return {}
    request: dict[str, Any] = {}
    fields = found.fields()
    for field in fields:
        value = getattr(args, field.name)
        if value is not None:
            request[field.name] = value if field.type == "flag" else _READ[field.type](field, value)
    for field in fields:
        years = field.ask.instead_of
        if years is not None and years in request and field.name in request:
            other = found.field(years).option
            raise InputError(
                field.name, messages.YEARS_OR_DATE.format(other=other), [years, field.name]
            )
    return request


def _number(field: Field, value: str) -> float | int:
    # A figure of thousands of digits reads as infinity: no number either.
    number = float(value) if _NUMBER.fullmatch(value) else math.nan
    if not math.isfinite(number):
        raise InputError(field.name, messages.NOT_A_NUMBER.format(found=messages.shown(value)))
    return int(number) if number.is_integer() else number


def _int(field: Field, value: str) -> int:
    if not _WHOLE_NUMBER.fullmatch(value):
        raise InputError(
            field.name, messages.NOT_A_WHOLE_NUMBER.format(found=messages.shown(value))
        )
    return int(value)


_READ: dict[str, Callable[[Field, str], Any]] = {
    "text": lambda _field, value: value,
    "date": lambda _field, value: value,
    "number": _number,
    "integer": _int,
}


def _text(kind: str) -> Callable[[dict[str, Any], str], str]:
    """How the answer of `kind` reads in a terminal: its view as lines (what the page shows),
    or the tables'."""
    if kind in calculators():
        return lambda response, lang: view.text(response["view"], lang)
    return render.tables_text
