"""Frozen pipeline records <-> JSON text, for the store.

One generic codec driven by the dataclass fields and their type hints, so a
field added to a record (with a default) needs no change here, and a row
written before the field existed still loads. Infinite bounds are kept
(``Infinity`` in the stored JSON); the store is not a public format.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from functools import lru_cache
from typing import Any, TypeVar

from ..errors import StoreError

T = TypeVar("T")


def dumps(record: Any) -> str:
    return json.dumps(_encode(record), ensure_ascii=False, separators=(",", ":"))


def loads(cls: type[T], text: str) -> T:
    """The record stored as ``text``; a damaged row is a one-line `StoreError`, not a crash."""
    try:
        return _decode(cls, json.loads(text))
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise StoreError(f"the store holds a damaged {cls.__name__ if isinstance(cls, type) else 'record'} "
                         f"record ({type(exc).__name__}: {str(exc)[:80]})",
                         hint="restore the store from a backup, or start a new store with --store NEW.db") from None


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in typing.get_type_hints(cls).items() if k in names}


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        return hint(**{k: _decode(hints[k], v) for k, v in value.items() if k in hints})
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        item = args[0] if args else Any
        return tuple(_decode(item, v) for v in value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if hint is float and isinstance(value, int):
        return float(value)
    return value
