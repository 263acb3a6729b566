"""How the command line prints records: one JSON document with --json, else readable text."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from pos_app.domain.formatting import amount, local_datetime
from pos_app.domain.formatting import money as money_text
from pos_app.domain.records import OrderDetail, OrderSummary, Page, Product, StockLevel, UserRecord
from pos_app.domain.text import escape_controls, escape_json_controls
from pos_app.domain.variable_measure import SoldBy, qty_text


def clip(text: str, limit: int = 80) -> str:
    """Text for one line of a message: control characters escaped, cut at `limit` characters."""
    text = escape_controls(text)
    return text if len(text) <= limit else text[:limit] + "…"


def _t(text: str) -> str:
    """Text from the database on its way to a terminal: never a raw control character."""
    return escape_controls(text)


if TYPE_CHECKING:
    from pos_app.services.credit import CreditAccount


def order_json(order: OrderDetail) -> dict[str, Any]:
    return {
        "id": order.id,
        "number": order.number,
        "status": order.status.value,
        "version": order.version,
        "till": order.till,
        "created_at": order.created_at,
        "updated_at": order.updated_at,
        "customer": order.customer_name or None,
        "clerk": order.clerk_name,
        "fulfilment": order.fulfilment.value,
        "currency": order.currency,
        "subtotal": order.subtotal,
        "discount": order.discount,
        "tax": order.tax,
        "prices_include_tax": order.prices_include_tax,
        "total": order.total,
        "cash_rounding": order.cash_rounding,
        "paid": order.paid,
        "change": order.change_given,
        "refunded": order.refunded,
        "balance_due": order.balance_due,
        "awaiting_payment": order.awaiting_payment,
        "attention": order.attention or None,
        "note": order.note,
        "lines": [
            {
                "line": line.line_no,
                "sku": line.sku,
                "name": line.name,
                "qty": line.qty,
                "unit_price": line.unit_price,
                "discount": line.discount,
                "tax_rate": line.tax_rate_bp / 100,
                "tax": line.tax,
                "total": line.total,
                "refunded_qty": line.refunded_qty,
                "refunded_amount": line.refunded_amount,
                # "weight": qty and refunded_qty are grams and unit_price is per kg
                "measure": line.measure.value,
            }
            for line in order.lines
        ],
        "payments": [
            {
                "kind": p.kind,
                "method": p.method,
                "amount": p.amount,
                "tendered": p.tendered,
                "change": p.change,
                "reference": p.reference,
                "at": p.created_at,
            }
            for p in order.payments
        ],
        "shipping": {"address": order.ship_to, "tracking": order.tracking},
        "events": [
            {
                "at": e.at,
                "user": e.user_name,
                "approved_by": e.approver_name or None,
                "action": e.action,
                "from": e.from_status or None,
                "to": e.to_status or None,
                "detail": e.detail,
            }
            for e in order.events
        ],
    }


def summary_json(row: OrderSummary) -> dict[str, Any]:
    return {
        "id": row.id,
        "number": row.number,
        "created_at": row.created_at,
        "customer": row.customer_name or None,
        "items": row.item_count,
        "total": row.total,
        "currency": row.currency,
        "status": row.status.value,
        "payment": row.payment_summary,
        "till": row.till,
        "version": row.version,
        "attention": row.attention or None,
    }


def emit_json(document: Any) -> None:
    # Readable non-ASCII text, but a control character only ever as its \u escape.
    sys.stdout.write(escape_json_controls(json.dumps(document, indent=2, ensure_ascii=False)))
    sys.stdout.write("\n")


def print_order(order: OrderDetail) -> None:
    cur = order.currency

    def money(value: int) -> str:
        return amount(value, cur)

    print(f"Order {order.number}  ({order.id})  version {order.version}")
    if order.attention:
        print(f"  NEEDS A MANAGER'S ATTENTION: {_t(order.attention)}")
    print(
        f"  {order.status.value}, {order.fulfilment.value.replace('_', ' ')}, till {order.till}, "
        f"clerk {_t(order.clerk_name)}, {local_datetime(order.created_at)}"
    )
    print(f"  customer: {_t(order.customer_name) or '-'}")
    if order.ship_to or order.tracking:
        print(f"  ship to: {_t(order.ship_to) or '-'}   tracking: {_t(order.tracking) or '-'}")
    if order.note:
        print(f"  note: {_t(order.note)}")
    print("  lines:")
    for line in order.lines:
        refunded = f"  (refunded {qty_text(line.refunded_qty, line.measure)})" if line.refunded_qty else ""
        weighed = line.measure is SoldBy.WEIGHT
        qty = f"{qty_text(line.qty, line.measure):>10}" if weighed else f"{line.qty:>8} ×"
        price = f"{money(line.unit_price)}{'/kg' if weighed else ''}"
        print(
            f"    {qty} {_t(line.sku):<12} {_t(line.name[:34]):<34} {price:>12} "
            f"disc {money(line.discount):>7} tax {money(line.tax):>7} = {money(line.total):>9}{refunded}"
        )
    print(
        f"  subtotal {money(order.subtotal)}  discount {money(order.discount)}  "
        f"tax {money(order.tax)}{' (included)' if order.prices_include_tax else ''}  "
        f"total {money_text(order.total, cur)}"
    )
    if order.awaiting_payment:
        print(f"  awaiting payment: {money(order.balance_due)} due")
    print("  payments:")
    for p in order.payments:
        extra = (
            f" tendered {money(p.tendered)} change {money(p.change)}"
            if p.method == "cash" and p.kind == "payment"
            else ""
        )
        ref = f" ref {_t(p.reference)}" if p.reference else ""
        print(f"    {p.kind:<8} {p.method:<12} {money(p.amount):>9}{extra}{ref}")
    print("  history:")
    for e in order.events:
        move = f" {e.from_status or '-'} → {e.to_status}" if e.to_status else ""
        approved = f" (approved by {_t(e.approver_name)})" if e.approver_name else ""
        when = local_datetime(e.at, seconds=True)
        print(f"    {when}  {_t(e.user_name):<10} {_t(e.action)}{move}{approved}  {_t(e.detail)}")


def print_page(page: Page) -> None:
    print(
        f"{'number':<12} {'date':<20} {'customer':<18} {'items':>5} {'total':>10} "
        f"{'status':<11} {'payment':<10} till"
    )
    for row in page.rows:
        print(
            f"{_t(row.number):<12} {local_datetime(row.created_at):<20} "
            f"{_t(row.customer_name[:18]):<18} "
            f"{row.item_count:>5} {money_text(row.total, row.currency):>10} {row.status.value:<11} "
            f"{_t(row.payment_summary):<10} {_t(row.till)}" + ("  needs attention" if row.attention else "")
        )
    if page.next_cursor:
        print(f"more: --after {page.next_cursor}")


def print_product(product: Product, currency: str) -> None:
    weighed = product.sold_by is SoldBy.WEIGHT
    price = money_text(product.price, currency) + (" per kg" if weighed else "")
    print(
        f"{_t(product.sku)}  {_t(product.name)}  {price}  tax {product.tax_rate_bp / 100:g}%  "
        f"sold {'by weight' if weighed else 'each'}  barcode {product.barcode or '-'}  "
        f"on hand {qty_text(product.on_hand, product.sold_by)}{'' if product.active else '  (inactive)'}"
    )


def print_levels(levels: list[StockLevel]) -> None:
    for level in levels:
        flag = "" if level.on_hand == level.ledger_sum else f"  (ledger says {level.ledger_sum})"
        tracked = "" if level.track_stock else "  (not tracked)"
        short = "  (short: more sold than held; count it)" if level.short else ""
        if level.sold_by is SoldBy.WEIGHT:
            flag = flag and f"  (ledger says {qty_text(level.ledger_sum, level.sold_by)})"
        on_hand = qty_text(level.on_hand, level.sold_by)
        print(f"{_t(level.sku):<14} {on_hand:>10}  {_t(level.name)}{tracked}{short}{flag}")


def print_users(users: list[UserRecord]) -> None:
    for user in users:
        state = "locked" if user.locked_until else ("active" if user.active else "inactive")
        print(f"{_t(user.name):<20} {user.role.value:<9} {state}{'  PIN' if user.has_pin else ''}")


def print_credit(account: CreditAccount, currency: str) -> None:
    print(f"{_t(account.customer.name)}: store credit {money_text(account.balance, currency)}")
    for m in account.movements:
        print(
            f"  {local_datetime(m.created_at, seconds=True)}  {money_text(m.amount, currency):>10}  "
            f"{_t(m.reason):<8} {_t(m.user_name):<10} {_t(m.note)}"
        )
