"""Sales report sums: aggregate statements over the orders rung up between two UTC moments (the
range's local midnights), read through the order list's (created_at, id) index. Cancelled
orders are left out.

Sums by time, clerk and till read the orders alone: an order's subtotal, discount, tax, total
and item count are the sums of its lines (checkout writes them so; tests hold them to it). Only
the value of goods given back lives on the lines alone: it is summed from the few lines that
have any (a partial index), by the same keys. Sums by product and category join the lines.

Times are grouped by UTC quarter-hour here; the service turns each quarter into the shop's
local day or hour (every time zone's offset is a whole number of quarter-hours), so days and
hours stay right across a change to or from summer time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

Row = tuple[Any, ...]

_IN_RANGE = "o.created_at >= :start AND o.created_at < :end AND o.status != 'cancelled'"
# The range is always read by its date index (a GROUP BY o.till would otherwise tempt the
# planner to walk the till's index over every order ever made), orders before their lines.
_ORDERS = "orders o INDEXED BY ix_orders_created"
_LINES = f"{_ORDERS} CROSS JOIN order_lines l ON l.order_id = o.id"
# Each order of the range looks for its returned lines in their small index: the cost follows
# the range, not the shop's returns of all time.
_RETURNED = (
    f"{_ORDERS} CROSS JOIN order_lines l INDEXED BY ix_order_lines_returned ON l.order_id = o.id "
    "WHERE l.refunded_qty > 0 AND "
)

# Keys by which whole orders are grouped: (columns, GROUP BY).
ORDER_KEYS = {
    # '2026-11-25T14' and the quarter of that UTC hour (0-3).
    "time": ("substr(o.created_at, 1, 13), CAST(substr(o.created_at, 15, 2) AS INTEGER) / 15", "1, 2"),
    "clerk": ("o.clerk_name", "1"),
    "till": ("o.till", "1"),
}
# Keys by which lines are grouped: (columns, FROM, GROUP BY).
LINE_KEYS = {
    "product": ("l.product_id, p.sku, p.name", f"{_LINES} JOIN products p ON p.id = l.product_id", "1"),
    "category": ("p.category", f"{_LINES} JOIN products p ON p.id = l.product_id", "1"),
}
# domain.reports.Figures in its field order, refunds apart (0 here).
_ORDER_FIGURES = (
    "count(*), coalesce(sum(o.item_count), 0), coalesce(sum(o.subtotal), 0), "
    "coalesce(sum(o.discount), 0), 0, coalesce(sum(o.tax), 0), coalesce(sum(o.total), 0)"
)
_LINE_FIGURES = (
    "count(DISTINCT o.id), coalesce(sum(l.qty), 0), coalesce(sum(l.unit_price * l.qty), 0), "
    "coalesce(sum(l.discount), 0), coalesce(sum(l.refunded_amount), 0), coalesce(sum(l.tax), 0), "
    "coalesce(sum(l.total), 0)"
)
_REFUNDS = 4  # where refunds stand among the figures


def _rows(conn: Connection, sql: str, start: str, end: str, **more: Any) -> list[Row]:
    return [tuple(r) for r in conn.execute(text(sql), {"start": start, "end": end, **more})]


def grouped_orders(conn: Connection, start: str, end: str, key: str) -> list[Row]:
    """(key..., orders, quantity, gross, discounts, refunds, tax, total) per group of orders."""
    columns, group_by = ORDER_KEYS[key]
    width = len(group_by.split(","))
    found = _rows(
        conn,
        f"SELECT {columns}, {_ORDER_FIGURES} FROM {_ORDERS} WHERE {_IN_RANGE} GROUP BY {group_by}",
        start,
        end,
    )
    returned = {
        r[:width]: r[width]
        for r in _rows(
            conn,
            f"SELECT {columns}, sum(l.refunded_amount) FROM {_RETURNED}{_IN_RANGE} GROUP BY {group_by}",
            start,
            end,
        )
    }
    at = width + _REFUNDS
    return [(*r[:at], int(returned.get(r[:width], 0)), *r[at + 1 :]) for r in found]


def grouped_lines(conn: Connection, start: str, end: str, key: str, limit: int | None = None) -> list[Row]:
    """(key..., orders, quantity, gross, discounts, refunds, tax, total) per group of lines;
    with `limit`, the groups of the highest net first."""
    columns, source, group_by = LINE_KEYS[key]
    sql = f"SELECT {columns}, {_LINE_FIGURES} FROM {source} WHERE {_IN_RANGE} GROUP BY {group_by}"
    if limit is not None:
        sql += " ORDER BY sum(l.total) - sum(l.refunded_amount) DESC, 1 LIMIT :limit"
    return _rows(conn, sql, start, end, limit=limit)


def by_method(conn: Connection, start: str, end: str) -> list[Row]:
    """(method, orders, taken, given back) per payment method."""
    sql = (
        "SELECT pay.method, count(DISTINCT o.id), "
        "coalesce(sum(CASE WHEN pay.kind = 'payment' THEN pay.amount END), 0), "
        "coalesce(sum(CASE WHEN pay.kind = 'refund' THEN pay.amount END), 0) "
        f"FROM {_ORDERS} CROSS JOIN payments pay ON pay.order_id = o.id WHERE {_IN_RANGE} GROUP BY pay.method"
    )
    return _rows(conn, sql, start, end)


@dataclass(frozen=True)
class RangeSums:
    figures: Row  # orders, quantity, gross, discounts, refunds, tax, total
    taken: int
    awaiting_orders: int
    awaiting: int
    cash_rounding: int
    cancelled_orders: int
    cancelled_value: int


# An order's balance due (domain.payments.balance_due) before and after the goods given back.
_KEPT = "o.paid - o.refunded"
_OWED = f"o.total + o.cash_rounding - ({_KEPT})"
_RETURNED_OF_ORDER = (
    "coalesce((SELECT sum(r.refunded_amount) FROM order_lines r INDEXED BY ix_order_lines_returned "
    "WHERE r.order_id = o.id AND r.refunded_qty > 0), 0)"
)
_DUE = f"CASE WHEN o.status != 'refunded' AND {_OWED} > 0 THEN max(0, {_OWED} - {_RETURNED_OF_ORDER}) END"


def range_totals(conn: Connection, start: str, end: str) -> RangeSums:
    """The whole range: the sales figures, money taken net of money given back, what is still
    owed, and the cancelled orders left out."""
    row = _rows(
        conn,
        f"SELECT {_ORDER_FIGURES}, coalesce(sum({_KEPT}), 0), count(nullif({_DUE}, 0)), "
        f"coalesce(sum({_DUE}), 0), coalesce(sum(o.cash_rounding), 0) FROM {_ORDERS} WHERE {_IN_RANGE}",
        start,
        end,
    )[0]
    returned = _rows(
        conn, f"SELECT coalesce(sum(l.refunded_amount), 0) FROM {_RETURNED}{_IN_RANGE}", start, end
    )
    cancelled = _rows(
        conn,
        f"SELECT count(*), coalesce(sum(o.total), 0) FROM {_ORDERS} "
        "WHERE o.created_at >= :start AND o.created_at < :end AND o.status = 'cancelled'",
        start,
        end,
    )[0]
    figures = (*row[:_REFUNDS], int(returned[0][0]), *row[_REFUNDS + 1 : 7])
    return RangeSums(
        figures=figures,
        taken=int(row[7]),
        awaiting_orders=int(row[8]),
        awaiting=int(row[9]),
        cash_rounding=int(row[10]),
        cancelled_orders=int(cancelled[0]),
        cancelled_value=int(cancelled[1]),
    )
