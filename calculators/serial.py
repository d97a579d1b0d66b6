"""Dataclasses to JSON-ready dicts and back, checked against the type hints.

Requests arrive as JSON from the browser and the CLI, and results go back the same way; one
generic converter keeps every input and result type round-trippable without a hand-written
pair of methods per class, and reports a bad request field by name (an `InputError`).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from typing import Any

from . import messages
from .errors import InputError
from .texts import Text


def to_dict(value: Any) -> Any:
    """`value` as plain JSON data: dataclasses become dicts, dates ISO strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_dict(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_dict(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_dict(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_dict[T](cls: type[T], data: Any, where: str = "") -> T:
    """Build `cls` from JSON data; an InputError names the first field that does not fit."""
    return _convert(cls, data, where)


class Serializable:
    """Mixin: `to_dict()` and `from_dict()` for a dataclass."""

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: Any) -> typing.Self:
        return from_dict(cls, data)


def _convert(tp: Any, data: Any, where: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(tp)
        if data is None and type(None) in options:
            return None
        inner = [o for o in options if o is not type(None)]
        if len(inner) == 1:
            return _convert(inner[0], data, where)
        raise TypeError(f"unsupported union {tp}")  # a programming error, not bad input
    if origin is list:
        (item,) = typing.get_args(tp)
        if not isinstance(data, list):
            raise _type_error(where, data, messages.TYPE_LIST)
        return [_convert(item, v, f"{where}[{i}]") for i, v in enumerate(data)]
    if origin is dict:
        _, item = typing.get_args(tp)
        if not isinstance(data, dict):
            raise _type_error(where, data, messages.TYPE_OBJECT)
        return {k: _convert(item, v, _join(where, k)) for k, v in data.items()}
    if dataclasses.is_dataclass(tp):
        return _dataclass(tp, data, where)
    return _scalar(tp, data, where)


def _dataclass(cls: Any, data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise _type_error(where, data, messages.TYPE_OBJECT)
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    for key in data:
        if key not in fields:
            raise InputError(
                _join(where, key),
                messages.UNKNOWN_FIELD.format(name=key, accepted=", ".join(fields)),
                list(fields),
            )
    values: dict[str, Any] = {}
    for name, f in fields.items():
        if name in data:
            values[name] = _convert(hints[name], data[name], _join(where, name))
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise InputError(_join(where, name), messages.REQUIRED_FIELD, [])
    return cls(**values)


def _scalar(tp: Any, data: Any, where: str) -> Any:
    if tp is Any:
        return data
    if tp is bool:
        if isinstance(data, bool):
            return data
        raise _type_error(where, data, messages.TYPE_BOOL, ["true", "false"])
    if tp is int:
        if isinstance(data, int) and not isinstance(data, bool):
            return data
        raise _type_error(where, data, messages.TYPE_INT)
    if tp is float:
        if isinstance(data, int | float) and not isinstance(data, bool) and data == data:
            return data
        raise _type_error(where, data, messages.TYPE_NUMBER)
    if tp is str:
        if isinstance(data, str):
            return data
        raise _type_error(where, data, messages.TYPE_STRING)
    if tp is date:
        if isinstance(data, date):
            return data
        if isinstance(data, str):
            try:
                return date.fromisoformat(data)
            except ValueError:
                pass
        raise _type_error(where, data, messages.TYPE_DATE, ["YYYY-MM-DD"])
    raise TypeError(f"unsupported field type {tp}")  # a programming error, not bad input


def _type_error(
    where: str, data: Any, expected: Text, accepted: list[str] | None = None
) -> InputError:
    return InputError(where or "request", expected.format(found=repr(data)), accepted or [])


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
