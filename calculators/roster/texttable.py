"""Reading a roster given as text: a .csv file or cells pasted from Excel or WPS.

HR files come in the encoding their program chose, and nobody should have to know which:
UTF-8 (with or without the byte-order mark Excel adds), UTF-16 (Excel's "Unicode text"),
and GB18030 (what Chinese Excel writes for "CSV" by default; a superset of GBK and GB2312).
The separator is a tab (pasted cells, Unicode text), a comma, or a semicolon (Excel in
locales that write decimal commas), told apart by the header line.
"""

from __future__ import annotations

import csv
import io

# The byte-order marks that settle the encoding before any guessing.
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
SEPARATORS = ("\t", ",", ";")


def decode(data: bytes) -> tuple[str, str]:
    """The text in `data` and the encoding it was read with.

    Without a byte-order mark, valid UTF-8 is UTF-8 (GB18030 text of any length is almost
    never valid UTF-8); anything else is GB18030, which maps every byte sequence Chinese
    Windows produces. A byte GB18030 cannot read either becomes U+FFFD: the row holding it
    then cannot be checked, and says so, instead of the whole file being refused.
    """
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace"), "gb18030"


def separator(text: str) -> str:
    """The separator the first non-blank line uses most (a tab when it has one)."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    counts = {sep: line.count(sep) for sep in SEPARATORS}
    if counts["\t"]:
        return "\t"
    return max(SEPARATORS[1:], key=lambda sep: counts[sep])


def read_text_table(text: str) -> list[list[str]]:
    """The rows of a delimited text, quotes and line breaks inside quotes as Excel writes
    them; a final empty line is not a row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator(text))
    return [row for row in reader]
