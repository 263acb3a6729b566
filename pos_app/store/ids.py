"""Time-ordered UUIDs (version 7) made on the device, and UTC timestamps as sortable text."""

from __future__ import annotations

import os
import threading
import time
from datetime import UTC, datetime

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def _reserve(count: int) -> tuple[int, int]:
    """Take `count` consecutive (ms, counter) slots, thread-safely; returns the first."""
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms, counter = _last_ms, _counter + 1
        else:
            counter = 0
        # The last slot taken: a counter past 0xFFF carries into the milliseconds.
        last = (ms << 12) + counter + count - 1
        _last_ms, _counter = last >> 12, last & 0xFFF
    return ms, counter


def _format(slot: int, rand_hex: str) -> str:
    """UUIDv7 text from a (ms << 12 | counter) slot and 16 random hex digits."""
    head = f"{slot >> 12:012x}"
    variant = _VARIANT[rand_hex[0]]
    return f"{head[:8]}-{head[8:]}-7{slot & 0xFFF:03x}-{variant}{rand_hex[1:4]}-{rand_hex[4:16]}"


# The variant's two top bits are 10: the first random hex digit becomes 8, 9, a or b.
_VARIANT = {d: "89ab"[int(d, 16) & 3] for d in "0123456789abcdef"}


def new_id() -> str:
    """A UUIDv7: 48-bit milliseconds, then a 12-bit counter so ids made in one ms stay ordered."""
    ms, counter = _reserve(1)
    return _format((ms << 12) + counter, os.urandom(8).hex())


def new_ids(count: int) -> list[str]:
    """`count` UUIDv7s in increasing order, as new_id would make them one by one (bulk inserts)."""
    if count <= 0:
        return []
    ms, counter = _reserve(count)
    first = (ms << 12) + counter
    rand = os.urandom(8 * count).hex()
    return [_format(first + i, rand[16 * i : 16 * i + 16]) for i in range(count)]


def utc_now() -> str:
    return to_text(datetime.now(UTC))


def to_text(moment: datetime) -> str:
    """ISO 8601 in UTC with microseconds: sorts as text in time order."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_text(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
