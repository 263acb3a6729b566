"""A receipt as lines of a fixed width: 32 columns on a 58 mm roll, 48 on an 80 mm one. The
terminal prints them as they are; ESC/POS prints them with the barcode between the two parts
and the store's name in large letters."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from enum import StrEnum

from pos_app.domain.money import format_amount
from pos_app.domain.receipt import Receipt, ReceiptKind, percent_text, receipt_time, unit_price_text

PAPER_COLUMNS = {58: 32, 80: 48}


class Style(StrEnum):
    PLAIN = ""
    BIG = "big"  # double height: the store's name
    BOLD = "bold"  # the title and the total


@dataclass(frozen=True)
class Row:
    text: str
    style: Style = Style.PLAIN


@dataclass(frozen=True)
class ReceiptLayout:
    head: tuple[Row, ...]  # everything above the barcode
    tail: tuple[Row, ...]  # below it: the footer

    def text(self) -> str:
        """Plain text, the barcode's place marked by the order number it holds."""
        return "\n".join(row.text for row in (*self.head, *self.tail)) + "\n"


def wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, max(width, 1), break_long_words=True, break_on_hyphens=False) or [""]


def pair(left: str, right: str, width: int, indent: int = 0) -> list[str]:
    """`left` wrapped, `right` right-aligned on its first line."""
    room = max(width - len(right) - 1, 8)
    parts = wrap(left, room - indent)
    first = " " * indent + parts[0]
    lines = [first + right.rjust(width - len(first))]
    lines += [" " * indent + part for part in parts[1:]]
    return lines


def centred(text: str, width: int) -> list[str]:
    return [part.center(width).rstrip() for part in wrap(text, width)]


def layout(receipt: Receipt, width: int) -> ReceiptLayout:
    r = receipt
    w = r.words
    head: list[Row] = []
    copy = r.kind is ReceiptKind.COPY
    if copy:
        head += [Row(t, Style.BOLD) for t in centred(w.copy_banner, width)]
    head += [Row(t, Style.BIG) for t in centred(r.store_name, width)]
    for line in r.address:
        head += [Row(t) for t in centred(line, width)]
    head.append(Row(""))
    head += [Row(t, Style.BOLD) for t in centred(r.title, width)]
    for label, value in (
        (w.order, r.number),
        (w.date, receipt_time(r.created_at)),
        (w.till, r.till),
        (w.served_by, r.clerk),
    ):
        if value:
            head += [Row(t) for t in pair(label, value, width)]
    rule = Row("-" * width)
    head.append(rule)
    head += [Row(t) for t in (_gift_lines(r, width) if r.gift else _priced_lines(r, width))]
    head.append(rule)
    if not r.gift:
        head += _totals(r, width)
        head.append(rule)
        head += [Row(t) for t in _tax_table(r, width)]
        if r.customer:
            head += [Row(t) for t in wrap(w.customer.format(name=r.customer), width)]
        if r.delivery:
            head += [Row(t) for t in wrap(r.delivery, width)]
    tail: list[Row] = []
    if r.journal and not r.gift:
        tail += [Row(t) for t in centred(w.journal.format(hash=r.journal), width)]
    for line in r.footer:
        tail += [Row(t) for t in centred(line, width)]
    if copy:
        tail += [Row(t, Style.BOLD) for t in centred(w.copy_banner, width)]
    return ReceiptLayout(tuple(head), tuple(tail))


def receipt_text(receipt: Receipt, width: int) -> str:
    return layout(receipt, width).text()


def _priced_lines(r: Receipt, width: int) -> list[str]:
    out: list[str] = []
    cur = r.currency
    for line in r.lines:
        out += pair(line.name, format_amount(line.listed, cur), width)
        if line.several:
            out.append(f"  {line.quantity}{unit_price_text(line, format_amount(line.unit_price, cur))}")
        if line.discount:
            out += pair(r.words.discount, format_amount(-line.discount, cur), width, indent=2)
        if line.returned:
            out += wrap("  " + r.words.returned.format(qty=line.returned), width)
    return out


def _gift_lines(r: Receipt, width: int) -> list[str]:
    out: list[str] = []
    for line in r.lines:
        out += [
            f"{line.quantity} x {part}" if i == 0 else "    " + part
            for i, part in enumerate(wrap(line.name, width - 4))
        ]
    return out


def _totals(r: Receipt, width: int) -> list[Row]:
    cur, w = r.currency, r.words

    def row(label: str, amount: int, style: Style = Style.PLAIN) -> list[Row]:
        return [Row(t, style) for t in pair(label, format_amount(amount, cur), width)]

    rows = row(w.subtotal, r.subtotal)
    if r.discount:
        rows += row(w.discounts, -r.discount)
    if not r.prices_include_tax:
        rows += row(w.tax, r.tax)
    rows += row(f"{w.total} {cur}", r.total, Style.BOLD)
    if r.prices_include_tax and r.tax:
        rows += row(w.of_which_tax, r.tax)
    if r.cash_rounding:
        rows += row(w.cash_rounding, r.cash_rounding)
    for pay in r.payments:
        rows += row(pay.label, pay.amount)
    if r.change:
        rows += row(w.change, r.change, Style.BOLD)
    for pay in r.refunds:
        rows += row(pay.label, pay.amount)
    if r.balance_due:
        rows += row(w.awaiting_payment, r.balance_due, Style.BOLD)
    return rows


def _tax_table(r: Receipt, width: int) -> list[str]:
    """Taxes by rate: net, tax, gross in columns; one rate to a few lines when they do not fit."""
    cur, w = r.currency, r.words
    heads = (w.net, w.tax, w.gross)
    col = (width - 6) // 3
    rows = [
        (percent_text(t.rate_bp), [format_amount(x, cur) for x in (t.net, t.tax, t.gross)]) for t in r.taxes
    ]
    if all(len(a) < col for _rate, amounts in rows for a in amounts) and all(len(h) < col for h in heads):
        out = [w.tax[:5].ljust(6) + "".join(h.rjust(col) for h in heads)]
        out += [rate.ljust(6) + "".join(a.rjust(col) for a in amounts) for rate, amounts in rows]
        return out
    out = []
    for rate, amounts in rows:
        out.append(w.tax_rate.format(rate=rate))
        for label, amount in zip(heads, amounts, strict=True):
            out += pair(label, amount, width, indent=2)
    return out
