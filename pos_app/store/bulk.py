"""Bulk inserts of generated history (demo and benchmark databases): plain executemany of tuples."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, desc, select

from pos_app.domain.journal import GENESIS
from pos_app.store.schema import journal, order_events, order_lines, orders, payments, till_counters
from pos_app.store.uow import Database, UnitOfWork

# Column order of the tuples insert_history takes, one tuple per row.
ORDER_COLUMNS = (
    "id",
    "number",
    "till",
    "seq",
    "status",
    "fulfilment",
    "customer_id",
    "customer_name",
    "clerk_name",
    "currency",
    "subtotal",
    "discount",
    "tax",
    "total",
    "prices_include_tax",
    "cash_rounding",
    "paid",
    "change_given",
    "refunded",
    "item_count",
    "payment_summary",
    "ship_to",
    "tracking",
    "note",
    "checkout_key",
    "created_at",
    "updated_at",
    "version",
)
LINE_COLUMNS = (
    "id",
    "order_id",
    "line_no",
    "product_id",
    "sku",
    "name",
    "unit_price",
    "qty",
    "discount",
    "tax_rate_bp",
    "tax",
    "total",
    "refunded_qty",
    "refunded_amount",
)
PAYMENT_COLUMNS = (
    "id",
    "order_id",
    "kind",
    "method",
    "amount",
    "tendered",
    "change",
    "reference",
    "created_at",
)
EVENT_COLUMNS = (
    "id",
    "order_id",
    "at",
    "user_name",
    "approver_name",
    "action",
    "from_status",
    "to_status",
    "detail",
)
JOURNAL_COLUMNS = ("kind", "order_id", "payload", "prev_hash", "hash")

Rows = Sequence[tuple[Any, ...]]

# Page cache while building: the order indexes of a million-order file stay hot (KiB, negative).
BULK_CACHE_KIB = 64 * 1024


def _insert_sql(table: Any, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


_SQL = {
    "orders": _insert_sql(orders, ORDER_COLUMNS),
    "lines": _insert_sql(order_lines, LINE_COLUMNS),
    "payments": _insert_sql(payments, PAYMENT_COLUMNS),
    "events": _insert_sql(order_events, EVENT_COLUMNS),
    "journal": _insert_sql(journal, JOURNAL_COLUMNS),
}


@contextmanager
def bulk_session(db: Database) -> Iterator[Connection]:
    """One connection for a long build, with a large page cache; reset before it goes back.

    Durability is unchanged (synchronous stays FULL): the build commits in large chunks, so the
    fsyncs are few and cost little.
    """
    with db.engine.connect() as conn:
        # On the driver connection: through SQLAlchemy the pragma would open a transaction.
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
        try:
            yield conn
        finally:
            raw.execute("PRAGMA cache_size=-2000")


@contextmanager
def chunk(conn: Connection) -> Iterator[UnitOfWork]:
    """One write transaction on the bulk connection."""
    with conn.execution_options(sqlite_begin="IMMEDIATE").begin():
        uow = UnitOfWork(conn)
        yield uow
        uow.log.flush()


def insert_history(
    conn: Connection,
    order_rows: Rows,
    line_rows: Rows,
    payment_rows: Rows,
    event_rows: Rows,
    journal_rows: Rows,
) -> None:
    """Insert tuples in the *_COLUMNS orders above, straight through the driver."""
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for key, rows in (
            ("orders", order_rows),
            ("lines", line_rows),
            ("payments", payment_rows),
            ("events", event_rows),
            ("journal", journal_rows),
        ):
            if rows:
                cursor.executemany(_SQL[key], rows)
    finally:
        cursor.close()


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
