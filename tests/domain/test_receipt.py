"""The receipt model and its plain text at both roll widths: long names wrap, amounts stand
right-aligned, the lines and totals add up to the order as stored, COPY and gift variants."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.receipt import ReceiptKind, build_receipt, quantity_text
from pos_app.domain.receipt_text import PAPER_COLUMNS, layout, receipt_text
from pos_app.domain.records import OrderDetail, OrderLineView, PaymentView
from pos_app.domain.settings import StoreSettings

SETTINGS = StoreSettings(
    store_name="Corner Shop", store_address="1 High St, Leeds", receipt_footer="Thank you\nCome again"
)
LONG = "Extra large hand-thrown stoneware mug with a glaze of midnight blue"


def _line(no: int, name: str, price: int, qty: int, discount: int, rate: int, tax: int) -> OrderLineView:
    total = price * qty - discount
    return OrderLineView(no, f"SKU{no}", name, price, qty, discount, rate, tax, total, 0, 0)


def order(*, inclusive: bool = True) -> OrderDetail:
    lines = (
        _line(1, LONG, 400, 2, 80, 2000, 120),
        _line(2, "Tea", 255, 1, 0, 2000, 43),
        _line(3, "Birthday Card", 199, 1, 0, 0, 0),
    )
    if not inclusive:  # net prices: the stored total carries the tax on top
        lines = tuple(replace(x, total=x.total + x.tax) for x in lines)
    total = sum(x.total for x in lines)
    return OrderDetail(
        id="o1",
        number="T1-000042",
        till="T1",
        status=OrderStatus.COMPLETED,
        fulfilment=Fulfilment.IN_STORE,
        customer_id=None,
        customer_name="Alice Doe",
        clerk_name="clerk",
        currency="GBP",
        subtotal=800 + 255 + 199,
        discount=80,
        tax=163,
        total=total,
        prices_include_tax=inclusive,
        cash_rounding=0,
        paid=total,
        change_given=2000 - total,
        refunded=0,
        ship_to="",
        tracking="",
        note="",
        created_at="2026-11-25T10:00:00.000000Z",
        updated_at="2026-11-25T10:00:00.000000Z",
        version=1,
        lines=lines,
        payments=(PaymentView("payment", "cash", total, 2000, 2000 - total, "", ""),),
        journal_hash="ab" * 32,
    )


def amount(text: str) -> int:
    return round(float(text.replace(",", "")) * 100)


@pytest.mark.parametrize("paper", [58, 80])
def test_every_line_fits_the_roll_and_amounts_are_right_aligned(paper: int) -> None:
    width = PAPER_COLUMNS[paper]
    text = receipt_text(build_receipt(order(), SETTINGS), width)
    rows = text.splitlines()
    assert all(len(row) <= width for row in rows)
    total_row = next(r for r in rows if r.startswith("TOTAL GBP"))
    assert len(total_row) == width and total_row.endswith("11.74")
    # The long name wraps onto more lines; its amount ends the first of them at the edge.
    first = next(r for r in rows if r.startswith("Extra large"))
    assert first.endswith("8.00") and len(first) == width
    assert any(r.startswith("midnight blue") or r.endswith("midnight blue") for r in rows)
    assert "  2 x 4.00" in rows


@pytest.mark.parametrize("inclusive", [True, False])
@pytest.mark.parametrize("paper", [58, 80])
def test_lines_and_totals_reconcile_with_the_order(inclusive: bool, paper: int) -> None:
    placed = order(inclusive=inclusive)
    receipt = build_receipt(placed, SETTINGS)
    assert sum(x.amount for x in receipt.lines) + (0 if inclusive else placed.tax) == placed.total
    assert sum(t.gross for t in receipt.taxes) == placed.total
    assert sum(t.tax for t in receipt.taxes) == placed.tax
    rows = receipt_text(receipt, PAPER_COLUMNS[paper]).splitlines()
    labels = ("Subtotal", "Discounts", "Tax", "Change")
    right = {r.split()[0]: amount(r.split()[-1]) for r in rows if r.split() and r.split()[0] in labels[:2]}
    right |= {
        r.split()[0]: amount(r.split()[-1]) for r in rows if len(r.split()) == 2 and r.split()[0] in labels
    }
    assert right["Subtotal"] - 80 + (0 if inclusive else placed.tax) == placed.total
    assert right["Discounts"] == -80 and right["Change"] == placed.change_given
    if not inclusive:
        assert right["Tax"] == placed.tax


def test_the_receipt_shows_the_shop_the_sale_and_the_taxes_by_rate() -> None:
    text = receipt_text(build_receipt(order(), SETTINGS), 48)
    for expected in ("Corner Shop", "1 High St", "Leeds", "T1-000042", "Served by", "clerk", "Cash", "20.00"):
        assert expected in text
    assert "Customer: Alice Doe" in text and "Journal abab abab abab abab" in text
    assert "Thank you" in text and "Come again" in text
    tax_rows = [r for r in text.splitlines() if r.startswith(("20%", "0%"))]
    assert [r.split() for r in tax_rows] == [["20%", "8.12", "1.63", "9.75"], ["0%", "1.99", "0.00", "1.99"]]
    assert "COPY" not in text


def test_a_reprint_says_copy_at_the_top_and_the_bottom() -> None:
    rows = receipt_text(build_receipt(order(), SETTINGS, ReceiptKind.COPY), 32).splitlines()
    assert "COPY" in rows[0] and "COPY" in rows[-1]


def test_a_gift_receipt_has_no_prices_totals_or_payments() -> None:
    receipt = build_receipt(order(), SETTINGS, ReceiptKind.GIFT)
    text = receipt_text(receipt, 32)
    assert "GIFT RECEIPT" in text and "2 x Extra large" in text and "T1-000042" in text
    for priced in ("4.00", "8.00", "11.74", "TOTAL", "Cash", "Change", "Tax", "Journal", "Alice"):
        assert priced not in text
    assert layout(receipt, 32).tail  # the footer still follows the barcode


def test_a_lines_quantity_reads_through_one_function() -> None:
    line = order().lines[0]
    assert quantity_text(line) == "2"
    assert build_receipt(order(), SETTINGS).lines[0].quantity == "2"


def test_stored_text_with_control_characters_is_printed_escaped() -> None:
    placed = replace(order(), lines=(replace(order().lines[1], name="Tea\x1b[2J"),))
    text = receipt_text(build_receipt(placed, SETTINGS), 32)
    assert "\x1b" not in text and "Tea\\x1b[2J" in text


def test_a_later_copy_shows_what_was_given_back_after_the_change() -> None:
    refund = PaymentView("refund", "cash", 255, 0, 0, "", "")
    placed = replace(order(), payments=(*order().payments, refund))
    rows = receipt_text(build_receipt(placed, SETTINGS, ReceiptKind.COPY), 32).splitlines()
    labels = [r.split()[0] for r in rows if r.split() and r.split()[0] in ("Cash", "Change", "Refund:")]
    assert labels == ["Cash", "Change", "Refund:"]
    assert next(r for r in rows if r.startswith("Refund: Cash")).endswith("-2.55")
