"""Store settings (key/value) and held sales."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from pos_app.domain.records import HeldSale
from pos_app.store.changelog import ChangeLog
from pos_app.store.ids import new_id, utc_now
from pos_app.store.schema import held_sales, settings

# Settings each till keeps for itself; the rest (shop name, currency, taxes, ...) are the shop's.
# Each till's own: its code, where it shows the customer display, how it takes cash (a
# self-service till may be card-only beside a staffed one), the receipt printer on its counter,
# and the language of its screens (the clerk at it reads them; money and dates follow the shop's
# `locale`, the same on every till).
TILL_OWN_SETTINGS = frozenset(
    {"till", "customer_display", "cash_drawer", "receipt_printer", "receipt_paper", "language"}
)


class SettingsRepository:
    """One per transaction (a UnitOfWork's): the rows are read once and kept until put()."""

    def __init__(self, conn: Connection, log: ChangeLog | None = None) -> None:
        self.conn = conn
        self.log = log
        self._read: dict[str, str] | None = None

    def all(self) -> dict[str, str]:
        # A checkout asks up to five times in one transaction; nothing else can change them meanwhile.
        if self._read is None:
            self._read = {r[0]: r[1] for r in self.conn.execute(select(settings.c.key, settings.c.value))}
        return dict(self._read)

    def put(self, values: dict[str, str]) -> None:
        self._read = None
        for key, value in values.items():
            self.conn.execute(delete(settings).where(settings.c.key == key))
            self.conn.execute(insert(settings).values(key=key, value=value))
        if self.log is not None:
            self.log.touched("setting", [k for k in values if k not in TILL_OWN_SETTINGS])


class HeldSaleRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, label: str, till: str, cart: dict[str, Any], created_by: str) -> str:
        sale_id = new_id()
        self.conn.execute(
            insert(held_sales),
            {
                "id": sale_id,
                "label": label,
                "till": till,
                "cart_json": json.dumps(cart),
                "created_by": created_by,
                "created_at": utc_now(),
            },
        )
        return sale_id

    def all(self) -> list[HeldSale]:
        rows = self.conn.execute(select(held_sales).order_by(held_sales.c.created_at)).mappings()
        return [self._record(r) for r in rows]

    def get(self, sale_id: str) -> HeldSale | None:
        row = self.conn.execute(select(held_sales).where(held_sales.c.id == sale_id)).mappings().first()
        return self._record(row) if row else None

    def remove(self, sale_id: str) -> bool:
        return self.conn.execute(delete(held_sales).where(held_sales.c.id == sale_id)).rowcount == 1

    @staticmethod
    def _record(row: Any) -> HeldSale:
        return HeldSale(
            id=row["id"],
            label=row["label"],
            till=row["till"],
            created_by=row["created_by"],
            created_at=row["created_at"],
            cart=json.loads(row["cart_json"]),
        )
