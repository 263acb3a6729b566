"""The order list: keyset paging over (created_at, id), one index per filter."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, or_, select, text

from pos_app.domain.errors import InvalidInput
from pos_app.domain.orders import OrderStatus
from pos_app.domain.records import OrderFilter, OrderSummary, Page
from pos_app.store.schema import orders

_COLUMNS = (
    orders.c.id,
    orders.c.number,
    orders.c.created_at,
    orders.c.customer_name,
    orders.c.item_count,
    orders.c.total,
    orders.c.currency,
    orders.c.status,
    orders.c.payment_summary,
    orders.c.till,
    orders.c.version,
    orders.c.attention,
)
CURSOR_SEPARATOR = "~"
# Written as the partial index ix_orders_attention's own condition (a literal, not a bound
# parameter), so that SQLite pages the flagged orders through that index.
_FLAGGED = text("orders.attention != ''")


def encode_cursor(row: OrderSummary) -> str:
    return f"{row.created_at}{CURSOR_SEPARATOR}{row.id}"


def decode_cursor(cursor: str) -> tuple[str, str]:
    created_at, sep, order_id = cursor.partition(CURSOR_SEPARATOR)
    if not sep or len(created_at) != 27 or len(order_id) != 36:
        raise InvalidInput(f"'{cursor}' is not a page cursor from this list")
    return created_at, order_id


def _filtered(query: Select[Any], flt: OrderFilter) -> Select[Any]:
    if flt.status is not None:
        query = query.where(orders.c.status == flt.status.value)
    if flt.customer_id is not None:
        query = query.where(orders.c.customer_id == flt.customer_id)
    if flt.customer_ids is not None:
        query = query.where(orders.c.customer_id.in_(flt.customer_ids))
    if flt.till is not None:
        query = query.where(orders.c.till == flt.till)
    if flt.since is not None:
        query = query.where(orders.c.created_at >= flt.since)
    if flt.until is not None:
        query = query.where(orders.c.created_at < flt.until)
    if flt.number is not None:
        query = query.where(orders.c.number == flt.number)
    if flt.seq is not None:
        query = query.where(orders.c.seq == flt.seq)
    if flt.attention:
        query = query.where(_FLAGGED)
    if flt.ids is not None:
        query = query.where(orders.c.id.in_(flt.ids))
    return query


def list_orders(
    conn: Connection, flt: OrderFilter, *, limit: int, after: str | None, newest_first: bool
) -> Page:
    query: Select[Any] = _filtered(select(*_COLUMNS), flt)
    if after is not None:
        created_at, order_id = decode_cursor(after)
        # The bound on created_at alone gives SQLite an index range to start from; without it,
        # the OR makes it scan the index from the top (page 10,000 of a million: ~40 ms, not ~0.1).
        if newest_first:
            query = query.where(
                orders.c.created_at <= created_at,
                or_(orders.c.created_at < created_at, orders.c.id < order_id),
            )
        else:
            query = query.where(
                orders.c.created_at >= created_at,
                or_(orders.c.created_at > created_at, orders.c.id > order_id),
            )
    if newest_first:
        query = query.order_by(orders.c.created_at.desc(), orders.c.id.desc())
    else:
        query = query.order_by(orders.c.created_at.asc(), orders.c.id.asc())
    rows = conn.execute(query.limit(limit + 1)).all()
    summaries = tuple(
        OrderSummary(
            id=r[0],
            number=r[1],
            created_at=r[2],
            customer_name=r[3],
            item_count=r[4],
            total=r[5],
            currency=r[6],
            status=OrderStatus(r[7]),
            payment_summary=r[8],
            till=r[9],
            version=r[10],
            attention=r[11],
        )
        for r in rows[:limit]
    )
    more = len(rows) > limit
    return Page(summaries, encode_cursor(summaries[-1]) if more and summaries else None)
