"""Cash drawer sessions and their movements: writing them (each write reported to the change
log, so they travel) and summing a session up for its X and Z reports in a few queries."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, and_, func, insert, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pos_app.domain.drawer import CashSession, MovementKind, SessionState, session_label
from pos_app.domain.drawer_report import (
    CashEntry,
    KindTotal,
    LateSale,
    MethodTotal,
    SessionFacts,
    TaxTotal,
    VoidTotal,
)
from pos_app.domain.errors import StaleVersion
from pos_app.store.changelog import ChangeLog
from pos_app.store.ids import utc_now
from pos_app.store.schema import (
    cash_movements,
    cash_sessions,
    changes,
    late_sales,
    order_lines,
    orders,
    payments,
    voided_lines,
)

Row = dict[str, Any]
_KIND_ORDER = {kind: n for n, kind in enumerate(MovementKind)}


def session_record(row: Mapping[Any, Any]) -> CashSession:
    return CashSession(
        id=row["id"],
        till=row["till"],
        seq=row["seq"],
        state=SessionState(row["state"]),
        opened_by=row["opened_by"],
        opened_at=row["opened_at"],
        float_amount=row["float"],
        closed_by=row["closed_by"] or "",
        closed_at=row["closed_at"] or "",
        counted=row["counted"],
        expected=row["expected"],
        approved_by=row["approver_name"] or "",
        z_hash=row["z_hash"] or "",
    )


class DrawerRepository:
    def __init__(self, conn: Connection, log: ChangeLog) -> None:
        self.conn = conn
        self.log = log

    # -- reading sessions ----------------------------------------------------------------

    def _one(self, *where: Any) -> CashSession | None:
        row = self.conn.execute(select(cash_sessions).where(*where)).mappings().first()
        return session_record(row) if row else None

    def open_session(self, till: str) -> CashSession | None:
        return self._one(cash_sessions.c.till == till, cash_sessions.c.state == SessionState.OPEN.value)

    def get(self, session_id: str) -> CashSession | None:
        return self._one(cash_sessions.c.id == session_id)

    def find(self, ref: str, till: str) -> CashSession | None:
        """A session by its id, its label ('T1-S0007') or, for this till, its number ('7')."""
        ref = ref.strip()
        if ref.isascii() and ref.isdigit() and len(ref) <= 9:
            return self._one(cash_sessions.c.till == till, cash_sessions.c.seq == int(ref))
        head, sep, number = ref.rpartition("-")
        digits = number[1:]
        if sep and number[:1] in ("S", "s") and digits.isascii() and digits.isdigit() and len(digits) <= 9:
            found = self._one(
                func.upper(cash_sessions.c.till) == head.upper(), cash_sessions.c.seq == int(digits)
            )
            if found is not None:
                return found
        return self.get(ref) if len(ref) == 36 else None

    def last_closed(self, till: str) -> CashSession | None:
        row = (
            self.conn.execute(
                select(cash_sessions)
                .where(cash_sessions.c.till == till, cash_sessions.c.state == SessionState.CLOSED.value)
                .order_by(cash_sessions.c.seq.desc())
                .limit(1)
            )
            .mappings()
            .first()
        )
        return session_record(row) if row else None

    def recent(self, till: str, limit: int) -> list[CashSession]:
        rows = self.conn.execute(
            select(cash_sessions)
            .where(cash_sessions.c.till == till)
            .order_by(cash_sessions.c.seq.desc())
            .limit(limit)
        ).mappings()
        return [session_record(r) for r in rows]

    def opening_count(self, session_id: str) -> list[list[int]]:
        value = self.conn.execute(
            select(cash_sessions.c.opening_count).where(cash_sessions.c.id == session_id)
        ).scalar()
        return json.loads(value) if value else []

    def z_report(self, session_id: str) -> str | None:
        """The stored Z report (the journal entry's payload text), None while open."""
        value = self.conn.execute(
            select(cash_sessions.c.z_report).where(cash_sessions.c.id == session_id)
        ).scalar()
        return str(value) if value is not None else None

    # -- writing -------------------------------------------------------------------------

    def next_seq(self, till: str) -> int:
        top = self.conn.execute(
            select(func.coalesce(func.max(cash_sessions.c.seq), 0)).where(cash_sessions.c.till == till)
        ).scalar_one()
        return int(top) + 1

    def insert(self, row: Row) -> None:
        """A newly opened session; sales that reached its till's closed sessions late since the
        last report are listed on this one's."""
        self.conn.execute(insert(cash_sessions), row)
        self.log.touched("cash_session", [row["id"]])
        claim_late_sales(self.conn, row["till"], row["id"])

    def add_movements(self, rows: list[Row]) -> None:
        if rows:
            self.conn.execute(insert(cash_movements), rows)
            self.log.rows("cash_movements", rows)

    def add_voids(self, rows: list[Row]) -> None:
        """Lines taken off sales before payment. Not in the change log: they stay on this till
        (the Z report that sums them travels with its session)."""
        if rows:
            self.conn.execute(insert(voided_lines), rows)

    def close(self, session_id: str, values: Row) -> None:
        """Close an open session with `values` (count, Z report, ...); refused when it is not open
        any more (closed meanwhile by another window on this till)."""
        done = self.conn.execute(
            update(cash_sessions)
            .where(cash_sessions.c.id == session_id, cash_sessions.c.state == SessionState.OPEN.value)
            .values(
                **values,
                state=SessionState.CLOSED.value,
                updated_at=utc_now(),
                version=cash_sessions.c.version + 1,
            )
        ).rowcount
        if done != 1:
            raise StaleVersion("this cash session was closed meanwhile; look at its Z report")
        self.log.touched("cash_session", [session_id])

    def rename_till(self, old: str, new: str) -> None:
        """The till took a new code (linked to a central store): its open session follows it, so
        the drawer can still be closed here; closed sessions keep the code they had."""
        if old == new:
            return
        session = self.open_session(old)
        if session is not None:
            self.conn.execute(
                update(cash_sessions)
                .where(cash_sessions.c.id == session.id)
                .values(
                    till=new,
                    seq=self.next_seq(new),
                    updated_at=utc_now(),
                    version=cash_sessions.c.version + 1,
                )
            )
            self.log.touched("cash_session", [session.id])
        self.conn.execute(
            update(late_sales)
            .where(late_sales.c.till == old, late_sales.c.noted_in.is_(None))
            .values(till=new)
        )

    def note_late(self, order_id: str, session: CashSession) -> None:
        note_late_sale(self.conn, order_id, session.id, session.till)

    # -- summing up ----------------------------------------------------------------------

    def facts(self, session_id: str) -> SessionFacts:
        """Everything a report of the session says, in a handful of indexed queries."""
        conn = self.conn
        sales, gross, discounts, total = conn.execute(
            select(
                func.count(),
                func.coalesce(func.sum(orders.c.subtotal), 0),
                func.coalesce(func.sum(orders.c.discount), 0),
                func.coalesce(func.sum(orders.c.total), 0),
            ).where(orders.c.session_id == session_id)
        ).one()
        first = last = ""
        if sales:
            numbers = select(orders.c.number).where(orders.c.session_id == session_id).limit(1)
            first = conn.execute(numbers.order_by(orders.c.seq)).scalar_one()
            last = conn.execute(numbers.order_by(orders.c.seq.desc())).scalar_one()
        taxes = conn.execute(
            select(order_lines.c.tax_rate_bp, func.sum(order_lines.c.total), func.sum(order_lines.c.tax))
            .select_from(orders.join(order_lines, order_lines.c.order_id == orders.c.id))
            .where(orders.c.session_id == session_id)
            .group_by(order_lines.c.tax_rate_bp)
            .order_by(order_lines.c.tax_rate_bp.desc())
        ).all()
        money = conn.execute(
            select(payments.c.kind, payments.c.method, func.count(), func.sum(payments.c.amount))
            .where(payments.c.session_id == session_id)
            .group_by(payments.c.kind, payments.c.method)
            .order_by(payments.c.method)
        ).all()
        refunded_orders = conn.execute(
            select(func.count(func.distinct(payments.c.order_id))).where(
                payments.c.session_id == session_id, payments.c.kind == "refund"
            )
        ).scalar_one()
        cash = conn.execute(
            select(cash_movements.c.kind, func.count(), func.sum(cash_movements.c.amount))
            .where(cash_movements.c.session_id == session_id)
            .group_by(cash_movements.c.kind)
        ).all()
        entries = conn.execute(
            select(
                cash_movements.c.kind,
                cash_movements.c.amount,
                cash_movements.c.reason,
                cash_movements.c.user_name,
                cash_movements.c.approver_name,
                cash_movements.c.created_at,
            )
            .where(
                cash_movements.c.session_id == session_id,
                cash_movements.c.kind.in_([MovementKind.PAY_IN.value, MovementKind.PAY_OUT.value]),
            )
            .order_by(cash_movements.c.created_at, cash_movements.c.id)
        ).all()
        return SessionFacts(
            sales=int(sales),
            first_number=first,
            last_number=last,
            gross=int(gross),
            discounts=int(discounts),
            total=int(total),
            taxes=tuple(TaxTotal(int(r), int(g) - int(t), int(t), int(g)) for r, g, t in taxes),
            payments=tuple(MethodTotal(m, int(n), int(a)) for k, m, n, a in money if k == "payment"),
            refunds=tuple(MethodTotal(m, int(n), int(a)) for k, m, n, a in money if k == "refund"),
            refunded_orders=int(refunded_orders),
            cash=tuple(
                sorted(
                    (KindTotal(MovementKind(k), int(n), int(a)) for k, n, a in cash),
                    key=lambda t: _KIND_ORDER[t.kind],
                )
            ),
            cash_entries=tuple(CashEntry(MovementKind(k), a, r, u, ap, at) for k, a, r, u, ap, at in entries),
            late=self._late(session_id),
            voids=self._voids(session_id),
        )

    def _voids(self, session_id: str) -> tuple[VoidTotal, ...]:
        rows = self.conn.execute(
            select(voided_lines.c.user_name, func.count(), func.sum(voided_lines.c.amount))
            .where(voided_lines.c.session_id == session_id)
            .group_by(voided_lines.c.user_name)
            .order_by(voided_lines.c.user_name)
        ).all()
        return tuple(VoidTotal(u, int(n), int(a)) for u, n, a in rows)

    def _late(self, session_id: str) -> tuple[LateSale, ...]:
        cash = (
            select(func.coalesce(func.sum(cash_movements.c.amount), 0))
            .where(
                cash_movements.c.order_id == late_sales.c.order_id,
                cash_movements.c.session_id == late_sales.c.session_id,
            )
            .scalar_subquery()
        )
        rows = self.conn.execute(
            select(
                orders.c.number,
                cash_sessions.c.till,
                cash_sessions.c.seq,
                orders.c.created_at,
                orders.c.total,
                cash,
            )
            .select_from(
                late_sales.join(orders, orders.c.id == late_sales.c.order_id).join(
                    cash_sessions, cash_sessions.c.id == late_sales.c.session_id
                )
            )
            .where(late_sales.c.noted_in == session_id)
            .order_by(orders.c.created_at, orders.c.id)
        ).all()
        return tuple(
            LateSale(n, session_label(t, s), at, int(total), int(c)) for n, t, s, at, total, c in rows
        )

    # -- for verify ----------------------------------------------------------------------

    def closed_rows(self, session_ids: list[str]) -> dict[str, Row]:
        rows = self.conn.execute(select(cash_sessions).where(cash_sessions.c.id.in_(session_ids))).mappings()
        return {r["id"]: dict(r) for r in rows}

    def closed_here(self, device: str) -> list[Row]:
        """Closed sessions this till closed (not those pulled from other tills)."""
        elsewhere = select(changes.c.entity_id).where(
            changes.c.entity == "cash_session", changes.c.device != device
        )
        rows = self.conn.execute(
            select(cash_sessions.c.id, cash_sessions.c.till, cash_sessions.c.seq).where(
                cash_sessions.c.state == SessionState.CLOSED.value, cash_sessions.c.id.not_in(elsewhere)
            )
        ).all()
        return [{"id": r[0], "label": session_label(r[1], r[2])} for r in rows]


def note_late_sale(conn: Connection, order_id: str, session_id: str, till: str) -> None:
    """Record that `order_id`, booked to the closed session `session_id`, arrived late: the till's
    open session lists it, or the next one opened."""
    noted_in = conn.execute(
        select(cash_sessions.c.id).where(
            and_(cash_sessions.c.till == till, cash_sessions.c.state == SessionState.OPEN.value)
        )
    ).scalar()
    conn.execute(
        sqlite_insert(late_sales)
        .values(order_id=order_id, session_id=session_id, till=till, noted_in=noted_in, arrived_at=utc_now())
        .on_conflict_do_nothing()
    )


def claim_late_sales(conn: Connection, till: str, session_id: str) -> None:
    conn.execute(
        text("UPDATE late_sales SET noted_in = :s WHERE noted_in IS NULL AND till = :t"),
        {"s": session_id, "t": till},
    )


def is_closed(conn: Connection, session_id: str) -> bool:
    state = conn.execute(select(cash_sessions.c.state).where(cash_sessions.c.id == session_id)).scalar()
    return state == SessionState.CLOSED.value
