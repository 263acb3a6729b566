"""Text for people: local times and amounts with the currency (services speak UTC and cents).
Amounts come from money_text, the one place they are formatted."""

from __future__ import annotations

from datetime import UTC, datetime

from pos_app.viewmodels.money_text import money

__all__ = ["local_time", "money", "percent"]

_UTC_TEXT = "%Y-%m-%dT%H:%M:%S.%fZ"


def local_time(utc_text: str, *, seconds: bool = False) -> str:
    """'2026-01-02T10:00:00.000000Z' -> '2026-01-02 11:00' in this computer's time zone."""
    if not utc_text:
        return ""
    try:
        moment = datetime.strptime(utc_text, _UTC_TEXT).replace(tzinfo=UTC)
    except ValueError:
        return utc_text
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def percent(basis_points: int) -> str:
    whole, rest = divmod(basis_points, 100)
    return f"{whole}%" if rest == 0 else f"{basis_points / 100:g}%"
