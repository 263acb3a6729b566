"""Roles and the acting user."""

from __future__ import annotations

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
