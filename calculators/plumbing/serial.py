"""Dataclasses to JSON-ready dicts and back, checked against the type hints.

Requests arrive as JSON from the browser and the CLI, and results go back the same way; one
generic converter keeps every input and result type round-trippable without a hand-written
pair of methods per class, and reports a bad request field by name (an `InputError`).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from datetime import date
from typing import Any

from calculators.plumbing import messages
from calculators.plumbing.errors import InputError
from calculators.plumbing.texts import Text
from calculators.plumbing.written import read_written_day


def to_dict(value: Any) -> Any:
    """`value` as plain JSON data: dataclasses become dicts, dates ISO strings."""
    encode = _ENCODERS.get(type(value))
    if encode is None:
        encode = _encoder(type(value))
    return encode(value)


def from_dict[T](cls: type[T], data: Any, where: str = "") -> T:
    """Build `cls` from JSON data; an InputError names the first field that does not fit."""
    return _converter(cls)(data, where)


class Serializable:
    """Mixin: `to_dict()` and `from_dict()` for a dataclass."""

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: Any) -> typing.Self:
        return from_dict(cls, data)


# Encoding: one function per concrete type, worked out on first sight of the type and kept, so
# a response is serialised without asking `dataclasses` and `isinstance` about every value.

type _Encoder = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _encode_list(value: Any) -> list[Any]:
    return [to_dict(v) for v in value]


def _encode_dict(value: Any) -> dict[str, Any]:
    return {str(k): to_dict(v) for k, v in value.items()}


def _encode_date(value: Any) -> str:
    return value.isoformat()


_ENCODERS: dict[type, _Encoder] = {
    str: _identity,
    int: _identity,
    float: _identity,
    bool: _identity,
    type(None): _identity,
    list: _encode_list,
    tuple: _encode_list,
    dict: _encode_dict,
    date: _encode_date,
}


def _encoder(cls: type) -> _Encoder:
    """How to encode values of exactly `cls` (the checks of the original, in its order)."""
    encode: _Encoder
    if dataclasses.is_dataclass(cls):
        encode = _dataclass_encoder(cls)
    elif issubclass(cls, list | tuple):
        encode = _encode_list
    elif issubclass(cls, dict):
        encode = _encode_dict
    elif issubclass(cls, date):
        encode = _encode_date
    else:
        encode = _identity
    _ENCODERS[cls] = encode
    return encode


def _dataclass_encoder(cls: type[Any]) -> _Encoder:
    """A function written for `cls`: its fields read in order, plain values (str, int, float,
    bool, None) taken as they are and anything else encoded by `to_dict`, without a call
    per field. The result is the same dict the generic loop over the fields would make."""
    names = [f.name for f in dataclasses.fields(cls)]
    if not all(name.isidentifier() for name in names):  # never for a dataclass, but be sure
        return lambda value: {name: to_dict(getattr(value, name)) for name in names}
    items = ", ".join(
        f"{name!r}: x if (x := value.{name}).__class__ in _PLAIN else _to_dict(x)" for name in names
    )
    namespace: dict[str, Any] = {"_PLAIN": _PLAIN, "_to_dict": to_dict}
    exec(f"def encode(value):\n    return {{{items}}}\n", namespace)  # noqa: S102
    return namespace["encode"]


_PLAIN = frozenset({str, int, float, bool, type(None)})


# Decoding: one converter per type hint, built once (type hints resolved once per dataclass).

type _Converter = Callable[[Any, str], Any]


@functools.cache
def _converter(tp: Any) -> _Converter:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(tp)
        inner = [o for o in options if o is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"unsupported union {tp}")  # a programming error, not bad input
        convert = _converter(inner[0])
        if type(None) not in options:
            return convert

        def optional(data: Any, where: str) -> Any:
            return None if data is None else convert(data, where)

        return optional
    if origin is list:
        (item,) = typing.get_args(tp)
        convert_item = _converter(item)

        def to_list(data: Any, where: str) -> list[Any]:
            if not isinstance(data, list):
                raise _type_error(where, data, messages.TYPE_LIST)
            return [convert_item(v, f"{where}[{i}]") for i, v in enumerate(data)]

        return to_list
    if origin is dict:
        _, value = typing.get_args(tp)
        convert_value = _converter(value)

        def to_dict_of(data: Any, where: str) -> dict[str, Any]:
            if not isinstance(data, dict):
                raise _type_error(where, data, messages.TYPE_OBJECT)
            return {k: convert_value(v, _join(where, k)) for k, v in data.items()}

        return to_dict_of
    if dataclasses.is_dataclass(tp):
        return _dataclass(tp)
    return _scalar(tp)


def _dataclass(cls: Any) -> _Converter:
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    accepted = ", ".join(fields)
    required = {
        name
        for name, f in fields.items()
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    # Converters are looked up when first used, so a dataclass may refer to itself.
    converters: dict[str, _Converter] = {}

    def convert(data: Any, where: str) -> Any:
        if not isinstance(data, dict):
            raise _type_error(where, data, messages.TYPE_OBJECT)
        for key in data:
            if key not in fields:
                raise InputError(
                    _join(where, key),
                    messages.UNKNOWN_FIELD.format(name=key, accepted=accepted),
                    list(fields),
                )
        values: dict[str, Any] = {}
        for name in fields:
            if name in data:
                convert_field = converters.get(name)
                if convert_field is None:
                    convert_field = converters[name] = _converter(hints[name])
                values[name] = convert_field(data[name], _join(where, name))
            elif name in required:
                raise InputError(_join(where, name), messages.REQUIRED_FIELD, [])
        return cls(**values)

    return convert


def _scalar(tp: Any) -> _Converter:
    if tp is Any:
        return _keep
    if tp is bool:
        return _bool
    if tp is int:
        return _int
    if tp is float:
        return _float
    if tp is str:
        return _str
    if tp is date:
        return _date

    def unsupported(data: Any, where: str) -> Any:
        raise TypeError(f"unsupported field type {tp}")  # a programming error, not bad input

    return unsupported


def _keep(data: Any, where: str) -> Any:
    return data


def _bool(data: Any, where: str) -> bool:
    if isinstance(data, bool):
        return data
    raise _type_error(where, data, messages.TYPE_BOOL, ["true", "false"])


# The largest whole number a JavaScript number (the page's) holds exactly. Larger ones cannot
# be meant, and one of thousands of digits cannot even be written back out as JSON.
_SAFE_INT = 2**53


def _int(data: Any, where: str) -> int:
    if isinstance(data, int) and not isinstance(data, bool) and abs(data) <= _SAFE_INT:
        return data
    raise _type_error(where, data, messages.TYPE_INT)


def _float(data: Any, where: str) -> float:
    if isinstance(data, float) and data == data:
        return data
    if isinstance(data, int) and not isinstance(data, bool) and abs(data) <= _SAFE_INT:
        return data
    raise _type_error(where, data, messages.TYPE_NUMBER)


def _str(data: Any, where: str) -> str:
    if isinstance(data, str):
        return data
    raise _type_error(where, data, messages.TYPE_STRING)


# Dates as people write them (written.py): with a day or a month only, with separators, as
# documented. Not `date.fromisoformat`'s other forms (20230228, 2023-W09-2), which a person
# who typed them did not mean as that day.
DATE_FORMS = ["YYYY-MM-DD", "YYYY-MM"]


def _date(data: Any, where: str) -> date:
    if isinstance(data, date):
        return data
    written = read_written_day(data) if isinstance(data, str) else None
    if written is not None:
        return written.day
    raise _type_error(where, data, messages.TYPE_DATE, DATE_FORMS)


def _type_error(
    where: str, data: Any, expected: Text, accepted: list[str] | None = None
) -> InputError:
    return InputError(
        where or "request", expected.format(found=messages.shown(data, quote=True)), accepted or []
    )


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
