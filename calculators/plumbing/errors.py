"""The one error a caller sees for bad input: which field, why, and what would be accepted.

The browser shows it beside the field and the CLI prints it on one line, so it carries a
field name, a bilingual message and the accepted values rather than a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from calculators.plumbing.texts import Text


class InputError(ValueError):
    """A request the calculators cannot answer as asked."""

    def __init__(self, field: str, message: Text, accepted: Sequence[str] = ()) -> None:
        self.field: str = field
        self.message: Text = message
        self.accepted: list[str] = list(accepted)
        super().__init__(f"{field}: {message.en}")

    def to_dict(self) -> dict[str, Any]:
        """The JSON error object of `api.run`."""
        return {
            "error": {
                "field": self.field,
                "message": self.message.to_dict(),
                "accepted": self.accepted,
            }
        }

    def line(self, lang: str) -> str:
        """One line for a terminal: the field, the reason and the accepted values."""
        return f"{self.field}: {self.message.get(lang)}"
