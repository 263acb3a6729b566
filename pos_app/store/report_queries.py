"""Sales report sums: one aggregate statement per question over the orders rung up between two
UTC moments (the range's local midnights), read by the order list's (created_at, id) index and
joined to their lines, products and payments by key. Cancelled orders are left out.

Times are grouped by UTC quarter-hour here; the service turns each quarter into the shop's
local day or hour (every time zone's offset is a whole number of quarter-hours), so days and
hours stay right across a change to or from summer time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

# The figures of domain.reports.Figures, in its field order, summed over order lines `l` of
# orders `o`.
_FIGURES = (
    "count(DISTINCT o.id), coalesce(sum(l.qty), 0), coalesce(sum(l.unit_price * l.qty), 0), "
    "coalesce(sum(l.discount), 0), coalesce(sum(l.refunded_amount), 0), coalesce(sum(l.tax), 0), "
    "coalesce(sum(l.total), 0)"
)
_IN_RANGE = "o.created_at >= :start AND o.created_at < :end AND o.status != 'cancelled'"
_LINES = "orders o JOIN order_lines l ON l.order_id = o.id"
_WITH_PRODUCTS = f"{_LINES} JOIN products p ON p.id = l.product_id"

# What a row is grouped by: (key columns, FROM, GROUP BY). Keys come first in each result row.
_GROUPS = {
    # '2026-11-25T14' and the quarter of that UTC hour (0-3).
    "time": (
        "substr(o.created_at, 1, 13), CAST(substr(o.created_at, 15, 2) AS INTEGER) / 15",
        _LINES,
        "1, 2",
    ),
    "product": ("l.product_id, p.sku, p.name", _WITH_PRODUCTS, "l.product_id"),
    "category": ("p.category", _WITH_PRODUCTS, "p.category"),
    "clerk": ("o.clerk_name", _LINES, "o.clerk_name"),
    "till": ("o.till", _LINES, "o.till"),
}

Row = tuple[Any, ...]


def grouped_sales(conn: Connection, start: str, end: str, group: str, limit: int | None = None) -> list[Row]:
    """(key..., orders, quantity, gross, discounts, refunds, tax, total) per group; with `limit`,
    the groups of the highest net first."""
    keys, source, group_by = _GROUPS[group]
    sql = f"SELECT {keys}, {_FIGURES} FROM {source} WHERE {_IN_RANGE} GROUP BY {group_by}"
    if limit is not None:
        sql += " ORDER BY sum(l.total) - sum(l.refunded_amount) DESC, 1 LIMIT :limit"
    return [tuple(r) for r in conn.execute(text(sql), {"start": start, "end": end, "limit": limit})]


def by_method(conn: Connection, start: str, end: str) -> list[Row]:
    """(method, orders, taken, given back) per payment method."""
    sql = (
        "SELECT pay.method, count(DISTINCT o.id), "
        "coalesce(sum(CASE WHEN pay.kind = 'payment' THEN pay.amount END), 0), "
        "coalesce(sum(CASE WHEN pay.kind = 'refund' THEN pay.amount END), 0) "
        f"FROM orders o JOIN payments pay ON pay.order_id = o.id WHERE {_IN_RANGE} GROUP BY pay.method"
    )
    return [tuple(r) for r in conn.execute(text(sql), {"start": start, "end": end})]


@dataclass(frozen=True)
class RangeSums:
    figures: Row  # orders, quantity, gross, discounts, refunds, tax, total
    taken: int
    awaiting_orders: int
    awaiting: int
    cash_rounding: int
    cancelled_orders: int
    cancelled_value: int


def range_totals(conn: Connection, start: str, end: str) -> RangeSums:
    """The whole range: the sales figures, money taken net of money given back, what is still
    owed (as an order's balance due: its total and cash rounding less the goods given back,
    against what was paid and not given back), and the cancelled orders left out."""
    per_order = (
        "SELECT o.status, o.cash_rounding, o.paid - o.refunded AS kept, count(*) AS lines, "
        "sum(l.qty) AS qty, sum(l.unit_price * l.qty) AS gross, sum(l.discount) AS discounts, "
        "sum(l.refunded_amount) AS refunds, sum(l.tax) AS tax, sum(l.total) AS total "
        f"FROM {_LINES} WHERE {_IN_RANGE} GROUP BY o.id"
    )
    owed = "total + cash_rounding - refunds - kept"
    sql = (
        "SELECT count(*), coalesce(sum(qty), 0), coalesce(sum(gross), 0), coalesce(sum(discounts), 0), "
        "coalesce(sum(refunds), 0), coalesce(sum(tax), 0), coalesce(sum(total), 0), "
        "coalesce(sum(kept), 0), "
        f"count(CASE WHEN status != 'refunded' AND {owed} > 0 THEN 1 END), "
        f"coalesce(sum(CASE WHEN status != 'refunded' AND {owed} > 0 THEN {owed} END), 0), "
        f"coalesce(sum(cash_rounding), 0) FROM ({per_order})"
    )
    row = conn.execute(text(sql), {"start": start, "end": end}).one()
    cancelled = conn.execute(
        text(
            "SELECT count(*), coalesce(sum(total), 0) FROM orders "
            "WHERE created_at >= :start AND created_at < :end AND status = 'cancelled'"
        ),
        {"start": start, "end": end},
    ).one()
    return RangeSums(
        figures=tuple(row[:7]),
        taken=int(row[7]),
        awaiting_orders=int(row[8]),
        awaiting=int(row[9]),
        cash_rounding=int(row[10]),
        cancelled_orders=int(cancelled[0]),
        cancelled_value=int(cancelled[1]),
    )
