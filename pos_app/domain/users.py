"""Roles and the acting user."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    CUSTOMER = "customer"
    CLERK = "clerk"
    MANAGER = "manager"


@dataclass(frozen=True)
class Actor:
    """Who is asking: every service call carries one."""

    user_id: str
    name: str
    role: Role
    customer_id: str | None = None  # set for customers: the orders they own


def name_key(name: str) -> str:
    """A user name as it is compared: NFKC-normalized and case-folded, so `CLERK` is `clerk`."""
    return unicodedata.normalize("NFKC", name).casefold()[:80]
