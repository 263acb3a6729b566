"""Text for people: local times and amounts with the currency (services speak UTC and cents),
all from domain.formatting in the shop's locale."""

from __future__ import annotations

from pos_app.domain.formatting import local_datetime, percent, weight
from pos_app.viewmodels.money_text import money

__all__ = ["local_time", "money", "percent", "weight"]


def local_time(utc_text: str, *, seconds: bool = False) -> str:
    """'2026-01-02T10:00:00.000000Z' -> '02/01/2026 11:00' (en_GB) in this computer's time zone."""
    return local_datetime(utc_text, seconds=seconds)
