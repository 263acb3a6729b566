"""The receipt: one model built from a placed order and the shop's settings, which the plain
text layout (thermal rolls), the Qt page (screen, PDF, system printer) and ESC/POS all render.

Every amount is the order's own as stored; nothing here prices a line again."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos_app.domain.formatting import local_datetime, percent
from pos_app.domain.journal import short_hash
from pos_app.domain.orders import Fulfilment
from pos_app.domain.receipt_words import ENGLISH, ReceiptWords, receipt_words
from pos_app.domain.records import OrderDetail, OrderLineView
from pos_app.domain.settings import StoreSettings
from pos_app.domain.text import escape_controls
from pos_app.domain.variable_measure import SoldBy, qty_text


class ReceiptKind(StrEnum):
    SALE = "sale"
    COPY = "copy"  # a reprint: says COPY at the top and the bottom
    GIFT = "gift"  # no prices, no totals, no payments


@dataclass(frozen=True)
class ReceiptLine:
    name: str
    quantity: str  # as people read it, from quantity_text()
    several: bool  # more than one unit, or a weight: the "2 x 4.00" / "0.350 kg @ 4.00/kg" line is shown
    weighed: bool  # quantity in kg at a price per kg
    unit_price: int
    listed: int  # the line's amount before its discount (as stored: amount + discount)
    discount: int  # line discount plus its share of the sale's discount
    amount: int  # what the line comes to (before tax when prices exclude tax)
    tax_rate_bp: int
    returned: str  # units (or kg) refunded since, as people read it; "" when none


@dataclass(frozen=True)
class TaxRow:
    rate_bp: int
    net: int
    tax: int
    gross: int


@dataclass(frozen=True)
class ReceiptPayment:
    label: str
    amount: int  # cash: what was handed over; a refund is negative


@dataclass(frozen=True)
class Receipt:
    kind: ReceiptKind
    store_name: str
    address: tuple[str, ...]
    number: str  # also the barcode's content: the till's scan field opens it for a return
    created_at: str  # UTC text, as the order holds it
    till: str
    clerk: str
    currency: str
    lines: tuple[ReceiptLine, ...]
    subtotal: int
    discount: int
    tax: int
    total: int
    prices_include_tax: bool
    cash_rounding: int
    taxes: tuple[TaxRow, ...]
    payments: tuple[ReceiptPayment, ...]
    refunds: tuple[ReceiptPayment, ...]  # given back since the sale (on a copy printed later)
    change: int
    balance_due: int
    customer: str
    delivery: str  # "Delivery to ..." / "Collect in store" / ""
    journal: str  # the sale's place in the hash chain, short
    footer: tuple[str, ...]
    words: ReceiptWords = ENGLISH  # the shop's language: every word the receipt prints

    @property
    def gift(self) -> bool:
        return self.kind is ReceiptKind.GIFT

    @property
    def title(self) -> str:
        titles = {
            ReceiptKind.SALE: self.words.receipt,
            ReceiptKind.COPY: self.words.receipt_copy,
            ReceiptKind.GIFT: self.words.gift_receipt,
        }
        return titles[self.kind]

    @property
    def barcode(self) -> str:
        return self.number


def quantity_text(line: OrderLineView) -> str:
    """How a line's quantity reads on a receipt: '3', or '0.350 kg' for goods sold by weight."""
    return qty_text(line.qty, line.measure)


def unit_price_text(line: ReceiptLine, price: str) -> str:
    """What follows a line's quantity: ' x 4.00', or ' @ 4.00/kg' after a weight."""
    return f" @ {price}/kg" if line.weighed else f" x {price}"


def receipt_time(utc_text: str) -> str:
    """'2026-01-02T10:00:00.000000Z' -> '02/01/2026 11:00' in the shop's date format and this
    computer's time zone."""
    return local_datetime(utc_text)


def _clean(text: str) -> str:
    return escape_controls(text.strip())


def _lines_of(text: str, *, commas: bool = False) -> tuple[str, ...]:
    """A footer's lines; an address's lines, or its comma-separated parts when on one line."""
    parts = text.split(",") if commas and "\n" not in text else text.splitlines()
    return tuple(_clean(p) for p in parts if p.strip())


def _line(line: OrderLineView, inclusive: bool) -> ReceiptLine:
    amount = line.total if inclusive else line.total - line.tax
    return ReceiptLine(
        name=_clean(line.name),
        quantity=quantity_text(line),
        several=line.qty != 1 or line.measure is SoldBy.WEIGHT,
        weighed=line.measure is SoldBy.WEIGHT,
        unit_price=line.unit_price,
        listed=amount + line.discount,
        discount=line.discount,
        amount=amount,
        tax_rate_bp=line.tax_rate_bp,
        returned=qty_text(line.refunded_qty, line.measure) if line.refunded_qty else "",
    )


def _taxes(order: OrderDetail) -> tuple[TaxRow, ...]:
    """Per rate, highest first: gross is what the lines come to with tax, net without."""
    rows: dict[int, list[int]] = {}
    for line in order.lines:
        row = rows.setdefault(line.tax_rate_bp, [0, 0])
        row[0] += line.total
        row[1] += line.tax
    return tuple(
        TaxRow(rate, gross - tax, tax, gross) for rate, (gross, tax) in sorted(rows.items(), reverse=True)
    )


def _payments(order: OrderDetail, kind: str, words: ReceiptWords) -> tuple[ReceiptPayment, ...]:
    """Money taken (cash as handed over), or given back (negative)."""
    shown = []
    for pay in order.payments:
        if pay.kind != kind:
            continue
        name = _clean(words.method(pay.method))
        if pay.reference:
            name += f" ({_clean(pay.reference)})"
        if kind == "refund":
            shown.append(ReceiptPayment(words.refund.format(method=name), -pay.amount))
        else:
            shown.append(ReceiptPayment(name, pay.tendered if pay.method == "cash" else pay.amount))
    return tuple(shown)


def _delivery(order: OrderDetail, words: ReceiptWords) -> str:
    if order.fulfilment is Fulfilment.DELIVERY:
        return words.delivery_to.format(address=_clean(order.ship_to)).strip()
    if order.fulfilment is Fulfilment.IN_STORE:
        return ""
    return words.collect_in_store


def build_receipt(
    order: OrderDetail, settings: StoreSettings, kind: ReceiptKind = ReceiptKind.SALE
) -> Receipt:
    inclusive = order.prices_include_tax
    words = receipt_words(settings.locale)
    return Receipt(
        kind=kind,
        store_name=_clean(settings.store_name),
        address=_lines_of(settings.store_address, commas=True),
        number=order.number,
        created_at=order.created_at,
        till=_clean(order.till),
        clerk=_clean(order.clerk_name),
        currency=order.currency,
        lines=tuple(_line(line, inclusive) for line in order.lines),
        subtotal=order.subtotal,
        discount=order.discount,
        tax=order.tax,
        total=order.total,
        prices_include_tax=inclusive,
        cash_rounding=order.cash_rounding,
        taxes=_taxes(order),
        payments=_payments(order, "payment", words),
        refunds=_payments(order, "refund", words),
        change=order.change_given,
        balance_due=order.balance_due,
        customer=_clean(order.customer_name),
        delivery=_delivery(order, words),
        journal=short_hash(order.journal_hash) if order.journal_hash else "",
        footer=_lines_of(settings.receipt_footer),
        words=words,
    )


def percent_text(rate_bp: int) -> str:
    """A tax rate as the shop writes it: '20%' (en_GB), '19 %' (de_DE), '12.5%'."""
    return percent(rate_bp)
