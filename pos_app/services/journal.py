"""Writing journal entries beside the change they record, and reading the chain's head.

Checkout, the order use cases and verify share the payload shapes of domain.journal; the
entries are appended in the same transaction as the rows they describe.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pos_app.domain.journal import short_hash, status_payload
from pos_app.domain.records import OrderDetail
from pos_app.store.uow import UnitOfWork


@dataclass(frozen=True)
class JournalHead:
    """The newest entry of the chain: write `short` down (or push `hash`) to anchor the file."""

    seq: int
    hash: str
    at: str  # when its change was made (UTC text)
    number: str  # the order it is about

    @property
    def short(self) -> str:
        return short_hash(self.hash)


def chain_head(uow: UnitOfWork) -> JournalHead | None:
    """The chain's head, or None while the journal is empty.

    This is what anchors the file from outside: the end-of-day report prints it, and sync is to
    push it with each batch so the central store holds every till's head.
    """
    row = uow.orders.journal_head()
    if row is None:
        return None
    try:
        payload: Any = json.loads(row["payload"])
    except (ValueError, TypeError, RecursionError):
        payload = {}
    if not isinstance(payload, dict):
        payload = {}
    at = payload.get("at") or payload.get("created_at") or ""
    return JournalHead(row["seq"], row["hash"], str(at), str(payload.get("number", "")))


def record_status(
    uow: UnitOfWork, order: OrderDetail, target: str, at: str, user: str, approver: str = ""
) -> str:
    """Chain a status change of `order` (from its current status to `target`); the new head."""
    payload = status_payload(order.id, order.number, order.status.value, target, at, user, approver)
    return uow.orders.append_journal("status", order.id, payload)
