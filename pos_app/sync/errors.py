"""Errors reaching the central store, said in one line that never holds a password."""

from __future__ import annotations

from pos_app.domain.errors import PosError


class CentralUnreachable(PosError):
    """The central store cannot be reached or refused the request (exit 5)."""


def reason_of(exc: BaseException, password: str | None = None) -> str:
    """The first line of the driver's own message, with any password blanked out."""
    line = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    reason = line[0] if line else type(exc).__name__
    if password:
        reason = reason.replace(password, "***")
    return reason
