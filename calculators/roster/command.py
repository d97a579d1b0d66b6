"""`python -m calculators roster staff.xlsx -o checked.xlsx [--lang en] [--as-of DATE]`.

The page's check in a terminal, for an HR officer or a maintainer with the file at hand: the
roster is read as the page reads it (.xlsx, .csv in any encoding, tab-separated text), the
summary printed, and with `-o` the checked roster written as .xlsx or .csv by the output's
extension. A file that cannot be used ends with exit status 2 and one line saying why.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from calculators.interfaces.stdout import say
from calculators.plumbing import messages
from calculators.plumbing.errors import InputError
from calculators.plumbing.wording import WORDING
from calculators.plumbing.written import read_written_day
from calculators.roster import wording
from calculators.roster.check import STATUSES, RosterError, check_file
from calculators.roster.export import results_csv, results_xlsx, rules_applied
from calculators.roster.page import layout

KIND = "roster"
WRITERS = {".xlsx": results_xlsx, ".csv": results_csv}


def add_command(
    sub: argparse._SubParsersAction, common: argparse.ArgumentParser, lang: str
) -> None:
    """The `roster` command and its options, with help in `lang`."""
    command = sub.add_parser(KIND, parents=[common], help=wording.CLI_HELP.get(lang))
    command.add_argument("file", help=wording.CLI_FILE.get(lang))
    command.add_argument("-o", "--output", help=wording.CLI_OUTPUT.get(lang))
    command.add_argument("--as-of", help=WORDING["calc-field-as_of"].get(lang))


def run(args: argparse.Namespace, lang: str) -> int:
    """Check the file, print the summary, write the output; 0 done, 2 a file not usable."""
    try:
        as_of = _day(args.as_of) if args.as_of else date.today()
        output = Path(args.output) if args.output else None
        if output is not None and output.suffix.lower() not in WRITERS:
            raise InputError("output", wording.CLI_OUTPUT_KIND.format(found=output.name), [])
        data = Path(args.file).read_bytes()
        roster = check_file(data, as_of)
    except OSError as err:
        print(f"{args.file}: {err.strerror}", file=sys.stderr)
        return 2
    except RosterError as err:
        print(f"{args.file}: {err.message.get(lang)}", file=sys.stderr)
        return 2
    except InputError as err:
        print(f"--{err.field.replace('_', '-')}: {err.message.get(lang)}", file=sys.stderr)
        return 2
    if output is not None:
        output.write_bytes(WRITERS[output.suffix.lower()](roster, lang))
    # The day whose rules applied, and their documents, then the count per status.
    lines = [rules_applied(roster).get(lang)]
    lines += [f"{wording.STATUS[s].get(lang)}: {roster.summary[s]}" for s in STATUSES]
    for row in roster.rows:
        for problem in row.problems:
            line = wording.PROBLEM.format(column=problem.column, message=problem.message)
            lines.append(wording.CLI_ROW.format(row=row.row, problem=line).get(lang))
    if args.json:
        lines = [json.dumps(layout(roster, lang), ensure_ascii=False, indent=2)]
    say("\n".join(lines))
    return 0


def _day(text: str) -> date:
    """The day of the check, written as the other commands and the forms take it (written.py):
    2026-11-30, 2026/11/30, 2026年11月30日, or a month alone, read as its last day."""
    written = read_written_day(text)
    if written is None:
        found = messages.shown(text, quote=True)
        raise InputError("as_of", messages.TYPE_DATE.format(found=found))
    return written.day
