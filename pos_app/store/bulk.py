"""Bulk inserts of generated history (demo and benchmark databases): plain executemany."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, desc, select

from pos_app.domain.journal import GENESIS
from pos_app.store.schema import journal, order_events, order_lines, orders, payments, till_counters

Rows = list[dict[str, Any]]


def _insert_many(conn: Connection, table: Any, rows: Rows) -> None:
    if not rows:
        return
    columns = list(rows[0])
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    conn.exec_driver_sql(sql, [tuple(r[c] for c in columns) for r in rows])


def insert_history(
    conn: Connection,
    order_rows: Rows,
    line_rows: Rows,
    payment_rows: Rows,
    event_rows: Rows,
    journal_rows: Rows,
) -> None:
    for table, rows in (
        (orders, order_rows),
        (order_lines, line_rows),
        (payments, payment_rows),
        (order_events, event_rows),
        (journal, journal_rows),
    ):
        _insert_many(conn, table, rows)


def last_journal_hash(conn: Connection) -> str:
    value = conn.execute(select(journal.c.hash).order_by(desc(journal.c.seq)).limit(1)).scalar()
    return value or GENESIS


def reserve_numbers(conn: Connection, till: str, count: int) -> int:
    """Take `count` order numbers for `till`; returns the first."""
    current = conn.execute(select(till_counters.c.last_seq).where(till_counters.c.till == till)).scalar()
    if current is None:
        conn.execute(till_counters.insert().values(till=till, last_seq=count))
        return 1
    conn.execute(till_counters.update().where(till_counters.c.till == till).values(last_seq=current + count))
    return int(current) + 1
