"""Writing and reading whole orders: header, lines, payments, events, journal; each write is
reported to the unit of work's change log."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields, replace
from typing import Any, TypeVar

from sqlalchemy import Connection, Result, Select, desc, func, insert, select, update

from pos_app.domain.errors import StaleVersion
from pos_app.domain.journal import GENESIS, canonical, text_hash
from pos_app.domain.orders import Fulfilment, OrderStatus, order_number
from pos_app.domain.records import OrderDetail, OrderEventView, OrderLineView, PaymentView
from pos_app.domain.variable_measure import SoldBy
from pos_app.store.changelog import ChangeLog, device_code
from pos_app.store.ids import new_id, utc_now
from pos_app.store.schema import (
    changes,
    journal,
    order_events,
    order_lines,
    orders,
    payments,
    till_counters,
)

Row = dict[str, Any]
_R = TypeVar("_R", OrderLineView, PaymentView, OrderEventView)


class OrderRepository:
    def __init__(self, conn: Connection, log: ChangeLog) -> None:
        self.conn = conn
        self.log = log

    def next_number(self, till: str) -> tuple[int, str]:
        """The till's next order number, e.g. (123, 'T1-000123'), taken inside this transaction."""
        seq = self.conn.execute(
            update(till_counters)
            .where(till_counters.c.till == till)
            .values(last_seq=till_counters.c.last_seq + 1)
            .returning(till_counters.c.last_seq)
        ).scalar()
        if seq is None:
            seq = 1
            self.conn.execute(insert(till_counters).values(till=till, last_seq=seq))
        return seq, order_number(till, seq)

    def id_for_key(self, checkout_key: str) -> str | None:
        return self.conn.execute(select(orders.c.id).where(orders.c.checkout_key == checkout_key)).scalar()

    def key_owner(self, checkout_key: str) -> tuple[str, str | None] | None:
        """The order made with `checkout_key` and the fingerprint of its request (None before 0003)."""
        row = self.conn.execute(
            select(orders.c.id, orders.c.checkout_fingerprint).where(orders.c.checkout_key == checkout_key)
        ).first()
        return (row[0], row[1]) if row else None

    def resolve(self, ref: str) -> str | None:
        """An order id from its id or its human number."""
        column = orders.c.id if len(ref) == 36 and ref.count("-") == 4 else orders.c.number
        return self.conn.execute(select(orders.c.id).where(column == ref)).scalar()

    def insert(self, header: Row, lines: list[Row], payment_rows: list[Row]) -> None:
        self.conn.execute(insert(orders), header)
        self.conn.execute(insert(order_lines), lines)
        if payment_rows:
            self.conn.execute(insert(payments), payment_rows)
        self.log.placed(header["id"])
        self.log.rows("payments", payment_rows)

    def update(self, order_id: str, expected_version: int, values: Row) -> int:
        """Apply `values` if nobody changed the order since `expected_version`; the new version."""
        now = utc_now()
        after = {**values, "version": expected_version + 1, "updated_at": now}
        before = (
            self.conn.execute(
                select(*(orders.c[name] for name in after)).where(
                    orders.c.id == order_id, orders.c.version == expected_version
                )
            )
            .mappings()
            .first()
        )
        if before is None:
            raise StaleVersion("someone else changed this order meanwhile; reload it and try again")
        self.conn.execute(update(orders).where(orders.c.id == order_id).values(**after))
        self.log.order_set(order_id, dict(before), after)
        return expected_version + 1

    def update_line_refund(
        self, order_id: str, line_no: int, refunded_qty: int, refunded_amount: int
    ) -> None:
        where = (order_lines.c.order_id == order_id, order_lines.c.line_no == line_no)
        before = self.conn.execute(
            select(order_lines.c.refunded_qty, order_lines.c.refunded_amount).where(*where)
        ).one()
        self.conn.execute(
            update(order_lines)
            .where(*where)
            .values(refunded_qty=refunded_qty, refunded_amount=refunded_amount)
        )
        self.log.line_refund(order_id, line_no, [before[0], before[1]], [refunded_qty, refunded_amount])

    def add_payments(self, rows: list[Row]) -> None:
        self.conn.execute(insert(payments), rows)
        self.log.rows("payments", rows)

    def add_event(
        self,
        order_id: str,
        user_name: str,
        action: str,
        *,
        from_status: str = "",
        to_status: str = "",
        detail: str = "",
        approver_name: str = "",
        at: str | None = None,
    ) -> Row:
        """Append an event to the order's history; returns the row written."""
        row = {
            "id": new_id(),
            "order_id": order_id,
            "at": at or utc_now(),
            "user_name": user_name,
            "approver_name": approver_name,
            "action": action,
            "from_status": from_status,
            "to_status": to_status,
            "detail": detail,
        }
        self.conn.execute(insert(order_events), row)
        self.log.rows("order_events", [row])
        return row

    def append_journal(
        self, kind: str, order_id: str | None, payload: dict[str, Any], *, session_id: str | None = None
    ) -> str:
        """Chain `payload` after the newest entry; its hash (the new head). An entry names the
        order it is about, or (a Z report) the cash session."""
        previous = self.conn.execute(select(journal.c.hash).order_by(desc(journal.c.seq)).limit(1)).scalar()
        prev_hash = previous or GENESIS
        text = canonical(payload)
        digest = text_hash(prev_hash, text)
        self.conn.execute(
            insert(journal),
            {
                "kind": kind,
                "order_id": order_id,
                "session_id": session_id,
                "payload": text,
                "prev_hash": prev_hash,
                "hash": digest,
            },
        )
        return digest

    def journal_batch(self, before_seq: int | None, limit: int) -> list[Row]:
        """Journal entries before `before_seq` (None: the newest), newest first; read in batches."""
        query = select(journal).order_by(desc(journal.c.seq)).limit(limit)
        if before_seq is not None:
            query = query.where(journal.c.seq < before_seq)
        return _dicts(self.conn.execute(query))

    def journal_head(self) -> Row | None:
        """The newest journal entry (seq, kind, order_id, payload, prev_hash, hash), if any."""
        row = self.conn.execute(select(journal).order_by(desc(journal.c.seq)).limit(1)).mappings().first()
        return dict(row) if row else None

    def sale_hash(self, order_id: str) -> str:
        """The hash of the order's sale entry ('' if it has none): printed on its receipt."""
        value = self.conn.execute(
            select(journal.c.hash).where(journal.c.order_id == order_id, journal.c.kind == "sale")
        ).scalar()
        return value or ""

    def orders_without_sale(self, limit: int) -> list[str]:
        """Numbers of orders placed here that have no sale entry in the journal."""
        has_sale = select(journal.c.order_id).where(journal.c.kind == "sale")
        rows = self.conn.execute(
            select(orders.c.number)
            .where(orders.c.id.not_in(has_sale), orders.c.id.not_in(self.elsewhere(placed_only=True)))
            .order_by(orders.c.number)
            .limit(limit)
        )
        return [r[0] for r in rows]

    def elsewhere(self, *, placed_only: bool = False) -> Select[tuple[str]]:
        """Ids of orders placed (or, without `placed_only`, also changed) at other tills: this
        till's journal does not hold those changes; the records pulled from the centre do."""
        query = select(changes.c.entity_id).where(
            changes.c.entity == "order", changes.c.device != device_code(self.conn)
        )
        return query.where(changes.c.kind == "placed") if placed_only else query

    def money_totals(self) -> tuple[int, int, int]:
        """Orders placed here; refunded amounts on, and refund payments of, the orders no other
        till changed: verify compares them with the journal."""
        placed_here = orders.c.id.not_in(self.elsewhere(placed_only=True))
        count = self.conn.execute(select(func.count()).select_from(orders).where(placed_here)).scalar_one()
        own = orders.c.id.not_in(self.elsewhere())
        refunded = self.conn.execute(
            select(func.coalesce(func.sum(orders.c.refunded), 0)).where(own)
        ).scalar_one()
        paid_back = self.conn.execute(
            select(func.coalesce(func.sum(payments.c.amount), 0)).where(
                payments.c.kind == "refund", payments.c.order_id.not_in(self.elsewhere())
            )
        ).scalar_one()
        return int(count), int(refunded), int(paid_back)

    def sale_facts(self, order_ids: list[str]) -> dict[str, tuple[Row, list[Row], list[Row]]]:
        """Header, lines and payments (and refunds) of many orders in three queries, for verify."""
        headers = _dicts(self.conn.execute(select(orders).where(orders.c.id.in_(order_ids))))
        facts: dict[str, tuple[Row, list[Row], list[Row]]] = {h["id"]: (h, [], []) for h in headers}
        lines = self.conn.execute(
            select(order_lines)
            .where(order_lines.c.order_id.in_(order_ids))
            .order_by(order_lines.c.order_id, order_lines.c.line_no)
        )
        for line in _dicts(lines):
            if line["order_id"] in facts:
                facts[line["order_id"]][1].append(line)
        pays = self.conn.execute(
            select(payments)
            .where(payments.c.order_id.in_(order_ids))
            .order_by(payments.c.order_id, payments.c.created_at, payments.c.id)
        )
        for pay in _dicts(pays):
            if pay["order_id"] in facts:
                facts[pay["order_id"]][2].append(pay)
        return facts

    def events_of(self, order_ids: list[str]) -> dict[str, list[Row]]:
        """The history of each order, oldest first (verify compares it with the journal)."""
        rows = self.conn.execute(
            select(order_events)
            .where(order_events.c.order_id.in_(order_ids))
            .order_by(order_events.c.order_id, order_events.c.at, order_events.c.id)
        )
        found: dict[str, list[Row]] = {order_id: [] for order_id in order_ids}
        for row in _dicts(rows):
            found[row["order_id"]].append(row)
        return found

    def get(self, order_id: str) -> OrderDetail | None:
        header = self.conn.execute(select(orders).where(orders.c.id == order_id)).mappings().first()
        if header is None:
            return None
        lines = self.conn.execute(
            select(order_lines).where(order_lines.c.order_id == order_id).order_by(order_lines.c.line_no)
        ).mappings()
        pays = self.conn.execute(
            select(payments)
            .where(payments.c.order_id == order_id)
            .order_by(payments.c.created_at, payments.c.id)
        ).mappings()
        events = self.conn.execute(
            select(order_events)
            .where(order_events.c.order_id == order_id)
            .order_by(order_events.c.at, order_events.c.id)
        ).mappings()
        return order_detail(header, lines, pays, events, self.sale_hash(order_id))

    def line_product_ids(self, order_id: str) -> dict[int, str]:
        rows = self.conn.execute(
            select(order_lines.c.line_no, order_lines.c.product_id).where(order_lines.c.order_id == order_id)
        )
        return {r[0]: r[1] for r in rows}


def order_detail(
    header: Mapping[Any, Any],
    lines: Iterable[Mapping[Any, Any]],
    pays: Iterable[Mapping[Any, Any]],
    events: Iterable[Mapping[Any, Any]],
    journal_hash: str | None = None,
) -> OrderDetail:
    """An order as the services hand it out, from its rows (lines, payments, events in order)."""
    return OrderDetail(
        id=header["id"],
        number=header["number"],
        till=header["till"],
        status=OrderStatus(header["status"]),
        fulfilment=Fulfilment(header["fulfilment"]),
        customer_id=header["customer_id"],
        customer_name=header["customer_name"],
        clerk_name=header["clerk_name"],
        currency=header["currency"],
        subtotal=header["subtotal"],
        discount=header["discount"],
        tax=header["tax"],
        total=header["total"],
        prices_include_tax=bool(header["prices_include_tax"]),
        cash_rounding=header["cash_rounding"],
        paid=header["paid"],
        change_given=header["change_given"],
        refunded=header["refunded"],
        ship_to=header["ship_to"],
        tracking=header["tracking"],
        note=header["note"],
        created_at=header["created_at"],
        updated_at=header["updated_at"],
        version=header["version"],
        attention=header.get("attention") or "",
        lines=tuple(_line_view(r) for r in lines),
        payments=tuple(_record(PaymentView, r) for r in pays),
        events=tuple(_record(OrderEventView, r) for r in events),
        journal_hash=header.get("journal_hash", "") if journal_hash is None else journal_hash,
    )


def _dicts(result: Result[Any]) -> list[Row]:
    """Rows as dicts, the column names looked up once (verify reads a million orders)."""
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result.fetchall()]


def _line_view(row: Mapping[str, Any]) -> OrderLineView:
    return replace(_record(OrderLineView, row), measure=SoldBy(row.get("measure") or "each"))


def _record(cls: type[_R], row: Mapping[str, Any]) -> _R:
    """A record whose fields are named as the row's columns."""
    return cls(**{f.name: row[f.name] for f in fields(cls) if f.name in row})
