"""The change log: every change that must travel to other tills, written in the same
transaction as the change itself.

The repositories tell the unit of work's ChangeLog what they wrote; when the transaction is
about to commit, the log turns that into immutable change records in the `changes` table
(own device, next device sequence, hybrid clock stamp). No service writes a record itself, so
none can forget one. Record shapes:

- ("order", id, "placed"): {"order": header, "lines": [...], "rows": {table: [rows]}}
- ("order", id, "changed"): {"set": {column: [before, after]}, "lines": {line_no: [[qty,
  amount] before, after]}, "rows": {table: [rows]}, "user": name, "at": time}
- ("customer" | "product" | "user", id, "upsert"): the row as it now is (caches left out);
  when the transaction changed some columns of a row that was there before, CHANGED names
  them: a replica takes only those from it, so edits of other columns made at other tills
  meanwhile stand (the latest stamp wins column by column, not row by row)
- ("cash_session", id, "upsert"): a cash drawer session as it now is (opened, or closed with
  its Z report)
- ("stock" | "credit" | "cash", first row id, "moved"): {"rows": {table: [rows]}} for
  movements that belong to no order (cash: a drawer's float, pay-ins and pay-outs).

Rows in "rows" (payments, history events, stock and credit movements) are facts with ids
made on the device: every replica holds the union of them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text

from pos_app.domain import hlc
from pos_app.store.ids import new_id, utc_now
from pos_app.store.schema import (
    cash_sessions,
    changes,
    customers,
    order_lines,
    orders,
    products,
    settings,
    sync_state,
    users,
)

Row = dict[str, Any]
# Kept per replica, never sent: caches of ledgers and local log-in counters.
LOCAL_COLUMNS = {
    "customers": frozenset({"credit_balance"}),
    "products": frozenset({"on_hand"}),
    "users": frozenset({"failed_logins", "locked_until"}),
}
ENTITY_TABLES: dict[str, Table] = {
    "customer": customers,
    "product": products,
    "user": users,
    "cash_session": cash_sessions,
}
CHANGED = "_changed"  # in an entity's row record: the columns its transaction changed
# Written in this order in one transaction, so a replica meets a customer before the order
# that names it, a product before its stock movement and a drawer session before its cash.
ENTITY_ORDER = ("setting", "customer", "product", "user", "cash_session")
LOOSE_ENTITY = {"stock_movements": "stock", "credit_movements": "credit", "cash_movements": "cash"}
DEFAULT_DEVICE = "T1"


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def dumps(payload: Any) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class ChangeLog:
    def __init__(self, conn: Connection, clock: Callable[[], int] = wall_ms) -> None:
        self.conn = conn
        self.clock = clock
        self.muted = False  # while applying changes pulled from other tills
        self._reset()

    def _reset(self) -> None:
        self._placed: list[str] = []
        self._order_rows: dict[str, dict[str, list[Row]]] = {}
        self._order_set: dict[str, dict[str, list[Any]]] = {}
        self._order_lines: dict[str, dict[str, list[list[int]]]] = {}
        # entity -> id -> the columns changed, or None for the whole row (a new one)
        self._touched: dict[str, dict[str, frozenset[str] | None]] = {}
        self._loose: dict[str, list[Row]] = {}

    # -- what the repositories report ----------------------------------------------------

    def placed(self, order_id: str) -> None:
        if not self.muted:
            self._placed.append(order_id)

    def rows(self, table: str, rows: Iterable[Row]) -> None:
        """Fact rows written (payments, events, stock or credit movements)."""
        if self.muted:
            return
        for row in rows:
            order_id = row.get("order_id")
            if order_id is None:
                self._loose.setdefault(table, []).append(dict(row))
            else:
                self._order_rows.setdefault(order_id, {}).setdefault(table, []).append(dict(row))

    def order_set(self, order_id: str, before: Row, after: Row) -> None:
        if self.muted:
            return
        values = self._order_set.setdefault(order_id, {})
        for column, new in after.items():
            if column in values:
                values[column][1] = new
            else:
                values[column] = [before.get(column), new]

    def line_refund(self, order_id: str, line_no: int, before: list[int], after: list[int]) -> None:
        if self.muted:
            return
        lines = self._order_lines.setdefault(order_id, {})
        key = str(line_no)
        lines[key] = [lines[key][0] if key in lines else before, after]

    def touched(self, entity: str, ids: Iterable[str], columns: Iterable[str] | None = None) -> None:
        """Rows of `entity` written: new ones (whole rows), or `columns` of existing ones."""
        if self.muted:
            return
        seen = self._touched.setdefault(entity, {})
        changed = None if columns is None else frozenset(columns)
        for entity_id in ids:
            if entity_id not in seen:
                seen[entity_id] = changed
            else:
                before = seen[entity_id]
                seen[entity_id] = None if before is None or changed is None else before | changed

    # -- writing the records -------------------------------------------------------------

    def flush(self) -> int:
        """Write the records for what this transaction did; how many. Called before commit."""
        records = list(self._records())
        self._reset()
        if not records:
            return 0
        write_records(self.conn, records, self.clock)
        return len(records)

    def _records(self) -> Iterable[tuple[str, str, str, Any]]:
        for key in self._touched.get("setting", {}):
            value = self.conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()
            if value is not None:
                yield "setting", key, "upsert", {"key": key, "value": value}
        for entity in ENTITY_ORDER[1:]:
            table = ENTITY_TABLES[entity]
            for entity_id, columns in self._touched.get(entity, {}).items():
                row = entity_row(self.conn, table, entity_id)
                if row is not None:
                    if columns is not None:
                        row[CHANGED] = sorted(columns)
                    yield entity, entity_id, "upsert", row
        for table_name, rows in self._loose.items():
            yield LOOSE_ENTITY[table_name], rows[0]["id"], "moved", {"rows": {table_name: rows}}
        placed = set(self._placed)
        for order_id in dict.fromkeys(
            [*self._placed, *self._order_rows, *self._order_set, *self._order_lines]
        ):
            facts = self._order_rows.get(order_id, {})
            if order_id in placed:
                yield "order", order_id, "placed", placed_payload(self.conn, order_id, facts)
                continue
            values = self._order_set.get(order_id, {})
            user = next((r["user_name"] for r in facts.get("order_events", [])), "")
            at = values.get("updated_at", [None, None])[1] or utc_now()
            yield (
                "order",
                order_id,
                "changed",
                {
                    "set": values,
                    "lines": self._order_lines.get(order_id, {}),
                    "rows": facts,
                    "user": user,
                    "at": at,
                },
            )


def device_code(conn: Connection) -> str:
    value = conn.execute(select(settings.c.value).where(settings.c.key == "till")).scalar()
    return str(value) if value else DEFAULT_DEVICE


def read_state(conn: Connection, key: str, default: str = "") -> str:
    value = conn.execute(select(sync_state.c.value).where(sync_state.c.key == key)).scalar()
    return default if value is None else str(value)


def write_state(conn: Connection, values: dict[str, str]) -> None:
    for key, value in values.items():
        conn.execute(
            text(
                "INSERT INTO sync_state (key, value) VALUES (:k, :v) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            ),
            {"k": key, "v": value},
        )


def write_records(
    conn: Connection,
    records: Iterable[tuple[str, str, str, Any]],
    clock: Callable[[], int] = wall_ms,
    *,
    first_seq: int | None = None,
) -> None:
    """Stamp and store own change records: next device sequence (or from `first_seq`), next
    clock stamp each."""
    device = device_code(conn)
    last_seq = (
        first_seq - 1
        if first_seq is not None
        else conn.execute(
            select(func.coalesce(func.max(changes.c.device_seq), 0)).where(changes.c.device == device)
        ).scalar_one()
    )
    stamp = hlc.parse(read_state(conn, "hlc", hlc.ZERO))
    now = utc_now()
    rows = []
    for entity, entity_id, kind, payload in records:
        stamp = hlc.tick(stamp, clock())
        last_seq += 1
        rows.append(
            {
                "id": new_id(),
                "device": device,
                "device_seq": last_seq,
                "hlc": stamp.text(),
                "entity": entity,
                "entity_id": entity_id,
                "kind": kind,
                "payload": dumps(payload),
                "base_version": None,
                "central_seq": None,
                "created_at": now,
            }
        )
    if rows:
        conn.execute(insert(changes), rows)
        write_state(conn, {"hlc": stamp.text()})


def entity_row(conn: Connection, table: Table, entity_id: str) -> Row | None:
    row = conn.execute(select(table).where(table.c.id == entity_id)).mappings().first()
    if row is None:
        return None
    local = LOCAL_COLUMNS.get(table.name, frozenset())
    return {k: v for k, v in row.items() if k not in local}


def placed_payload(conn: Connection, order_id: str, facts: dict[str, list[Row]]) -> dict[str, Any]:
    """An order as it stands at the end of the transaction that placed it, with its facts."""
    header = dict(conn.execute(select(orders).where(orders.c.id == order_id)).mappings().one())
    header.pop("attention", None)
    lines = [
        dict(r)
        for r in conn.execute(
            select(order_lines).where(order_lines.c.order_id == order_id).order_by(order_lines.c.line_no)
        ).mappings()
    ]
    return {"order": header, "lines": lines, "rows": facts}
