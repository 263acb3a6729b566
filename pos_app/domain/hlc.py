"""Hybrid logical clocks: stamps that follow wall time but never go backwards on a device and
always sort after every stamp the device has seen, so hours of clock skew between tills reorder
nothing that one till did (Kulkarni et al., 2014).

A stamp is text that sorts in clock order: 15 digits of milliseconds, a dot, 6 digits of counter.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos_app.domain.errors import InvalidInput

ZERO = "000000000000000.000000"
_MAX_COUNTER = 999_999


@dataclass(frozen=True, order=True)
class Stamp:
    ms: int
    counter: int

    def text(self) -> str:
        return f"{self.ms:015d}.{self.counter:06d}"


def parse(text: str) -> Stamp:
    head, dot, tail = text.partition(".")
    if not dot or len(head) != 15 or len(tail) != 6 or not (head.isdigit() and tail.isdigit()):
        raise InvalidInput(f"'{text[:40]}' is not a clock stamp")
    return Stamp(int(head), int(tail))


def tick(last: Stamp, now_ms: int) -> Stamp:
    """The stamp of a local change: wall time, or one step after the last stamp if the wall
    clock is behind it."""
    if now_ms > last.ms:
        return Stamp(now_ms, 0)
    return _next(last)


def receive(last: Stamp, remote: Stamp, now_ms: int) -> Stamp:
    """The clock after seeing a remote stamp: never behind it, so later local changes sort after."""
    top = max(last, remote)
    if now_ms > top.ms:
        return Stamp(now_ms, 0)
    return top


def _next(stamp: Stamp) -> Stamp:
    if stamp.counter >= _MAX_COUNTER:
        return Stamp(stamp.ms + 1, 0)
    return Stamp(stamp.ms, stamp.counter + 1)
