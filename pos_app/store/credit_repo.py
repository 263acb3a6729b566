"""Store credit accounts (a balance per customer, kept beside its movements) and payment intents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from pos_app.store.changelog import ChangeLog
from pos_app.store.ids import new_id, utc_now
from pos_app.store.schema import credit_movements, customers, payment_intents


@dataclass(frozen=True)
class CreditMovementView:
    amount: int
    reason: str
    order_id: str | None
    note: str
    user_name: str
    created_at: str


class CreditRepository:
    def __init__(self, conn: Connection, log: ChangeLog) -> None:
        self.conn = conn
        self.log = log

    def balance(self, customer_id: str) -> int:
        value = self.conn.execute(
            select(customers.c.credit_balance).where(customers.c.id == customer_id)
        ).scalar()
        return int(value or 0)

    def move(
        self, customer_id: str, amount: int, reason: str, user_name: str, order_id: str | None, note: str = ""
    ) -> bool:
        """Add `amount` (negative: spend) unless the balance would go below zero; False then.

        The check and the change are one conditional UPDATE, so two tills spending the same
        credit at once cannot both succeed."""
        done = self.conn.execute(
            update(customers)
            .where(customers.c.id == customer_id, customers.c.credit_balance + amount >= 0)
            .values(credit_balance=customers.c.credit_balance + amount)
        ).rowcount
        if done != 1:
            return False
        row = {
            "id": new_id(),
            "customer_id": customer_id,
            "amount": amount,
            "reason": reason,
            "order_id": order_id,
            "note": note,
            "user_name": user_name,
            "created_at": utc_now(),
        }
        self.conn.execute(insert(credit_movements), row)
        self.log.rows("credit_movements", [row])
        return True

    def movements(self, customer_id: str, limit: int = 50) -> list[CreditMovementView]:
        rows = self.conn.execute(
            select(credit_movements)
            .where(credit_movements.c.customer_id == customer_id)
            .order_by(credit_movements.c.created_at.desc(), credit_movements.c.id.desc())
            .limit(limit)
        ).mappings()
        return [
            CreditMovementView(
                r["amount"], r["reason"], r["order_id"], r["note"], r["user_name"], r["created_at"]
            )
            for r in rows
        ]


class IntentRepository:
    """Card payments taken outside the write transaction, until their order is written."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, rows: list[dict[str, Any]]) -> None:
        now = utc_now()
        self.conn.execute(
            insert(payment_intents),
            [
                {"id": new_id(), "order_id": None, "detail": "", "created_at": now, "updated_at": now} | r
                for r in rows
            ],
        )

    def set_state(
        self,
        attempt: str,
        state: str,
        *,
        order_id: str | None = None,
        detail: str = "",
        only_from: tuple[str, ...] = ("authorizing", "captured"),
    ) -> int:
        """Move the intents of one checkout attempt (they share `request_json`) to `state`, if
        they are still in `only_from`; how many moved (0: another till resolved them first)."""
        return int(
            self.conn.execute(
                update(payment_intents)
                .where(payment_intents.c.request_json == attempt, payment_intents.c.state.in_(only_from))
                .values(state=state, order_id=order_id, detail=detail, updated_at=utc_now())
            ).rowcount
        )

    def outcome(self, attempt: str) -> tuple[str, str | None]:
        """(state, order id) of a checkout attempt."""
        row = self.conn.execute(
            select(payment_intents.c.state, payment_intents.c.order_id)
            .where(payment_intents.c.request_json == attempt)
            .limit(1)
        ).one()
        return row[0], row[1]

    def set_reference(self, intent_id: str, state: str, reference: str) -> None:
        self.conn.execute(
            update(payment_intents)
            .where(payment_intents.c.id == intent_id)
            .values(state=state, reference=reference, updated_at=utc_now())
        )

    def in_state(self, state: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            select(payment_intents)
            .where(payment_intents.c.state == state)
            .order_by(payment_intents.c.created_at, payment_intents.c.id)
        ).mappings()
        return [dict(r) for r in rows]
