"""Goods sold by weight: grams typed as a clerk types them, the line amount (price per kg ×
grams / 1000, rounded half up, then discounts and tax as any line), refunds in grams, and the
journal's fixing of a weighed line."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.cart import CartLine
from pos_app.domain.errors import InvalidInput
from pos_app.domain.journal import LINE_FIELDS, sale_payload
from pos_app.domain.journal_fold import JournalShapeError, fold
from pos_app.domain.money import round_half_up
from pos_app.domain.pricing import (
    Discount,
    DiscountKind,
    LineInput,
    PricingSettings,
    price_cart,
    refund_amount,
)
from pos_app.domain.records import Product
from pos_app.domain.sold_lines import line_input, stock_qty
from pos_app.domain.variable_measure import (
    MAX_GRAMS,
    LabelLayout,
    SoldBy,
    grams_for_price,
    is_weight,
    kg_text,
    parse_weight,
    qty_text,
    read_grams,
)

EXCLUSIVE = PricingSettings(prices_include_tax=False)
APPLES = Product("p-1", "APPLES", None, "Apples", 400, 2000, True, True, 5000, sold_by=SoldBy.WEIGHT)
MUG = Product("p-2", "MUG", "4006381333931", "Blue Mug", 400, 2000, True, True, 10)


@pytest.mark.parametrize(
    ("typed", "grams"),
    [
        ("0.350", 350),
        ("0.35", 350),
        (".5", 500),
        ("1", 1000),
        ("1.5 kg", 1500),
        ("2KG", 2000),
        ("350g", 350),
        ("350 g", 350),
        (" 0.001 ", 1),
        ("100", MAX_GRAMS),
    ],
)
def test_a_weight_is_kg_unless_it_says_grams(typed: str, grams: int) -> None:
    assert parse_weight(typed) == grams


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("0", "more than 0 kg"),
        ("0g", "more than 0 kg"),
        ("0.0004", "finer than a gram"),
        ("100.001", "more than 100.000 kg"),
        ("1e3", "is not a weight"),
        ("-0.5", "is not a weight"),
        ("0,350", "is not a weight"),
        ("1.5g", "is not a weight"),
        ("١٢", "is not a weight"),
        ("", "is not a weight"),
        ("9" * 30, "is not a weight"),
    ],
)
def test_a_bad_weight_is_refused_with_its_reason(typed: str, said: str) -> None:
    with pytest.raises(InvalidInput, match=said):
        parse_weight(typed)


def test_a_stock_adjustment_may_take_weight_off() -> None:
    assert read_grams("-0.250kg", signed=True) == -250
    assert read_grams("+2", signed=True) == 2000
    with pytest.raises(InvalidInput):
        read_grams("-0.250", signed=False)
    assert is_weight("0.350") and is_weight("350g") and is_weight("1kg") and not is_weight("3")


def test_quantities_are_written_in_kg_for_weighed_goods() -> None:
    assert (kg_text(350), kg_text(12_500), kg_text(-250)) == ("0.350 kg", "12.500 kg", "-0.250 kg")
    assert (qty_text(350, SoldBy.WEIGHT), qty_text(3, SoldBy.EACH), qty_text(3, "each")) == (
        "0.350 kg",
        "3",
        "3",
    )


def test_a_weighed_line_is_price_per_kg_times_grams_rounded_half_up() -> None:
    priced = price_cart([LineInput(250, 450, 0, sold_by=SoldBy.WEIGHT)], EXCLUSIVE)
    assert (priced.lines[0].gross, priced.lines[0].total) == (113, 113)  # 112.5 -> 113
    assert priced.lines[0].sold_by is SoldBy.WEIGHT
    # Discounts and tax apply to the weighed amount as they do to any line.
    ten_off = Discount(DiscountKind.PERCENT, 1000)
    priced = price_cart([LineInput(400, 350, 2000, ten_off, SoldBy.WEIGHT)], EXCLUSIVE)
    line = priced.lines[0]
    assert (line.gross, line.discount, line.tax, line.total) == (140, 14, 25, 151)


@given(
    price=st.integers(0, 10**7),
    grams=st.integers(1, MAX_GRAMS),
    rate=st.sampled_from([0, 500, 2000]),
    inclusive=st.booleans(),
)
def test_the_line_amount_is_exactly_the_rounded_weighed_price(
    price: int, grams: int, rate: int, inclusive: bool
) -> None:
    priced = price_cart([LineInput(price, grams, rate, sold_by=SoldBy.WEIGHT)], PricingSettings(inclusive))
    expected = round_half_up(Decimal(price) * grams / 1000)
    line = priced.lines[0]
    assert line.gross == priced.subtotal == expected
    assert line.total == (expected if inclusive else expected + line.tax)


@given(
    grams=st.integers(1, MAX_GRAMS),
    price=st.integers(1, 10**6),
    parts=st.lists(st.integers(1, 1000), max_size=6),
)
def test_refunds_of_grams_never_give_back_more_than_the_line(
    grams: int, price: int, parts: list[int]
) -> None:
    total = price_cart([LineInput(price, grams, 0, sold_by=SoldBy.WEIGHT)], EXCLUSIVE).total
    refunded_qty = refunded = 0
    for part in parts:
        take = min(part, grams - refunded_qty)
        if take <= 0:
            break
        refunded += refund_amount(total, grams, refunded_qty, refunded, take, SoldBy.WEIGHT)
        refunded_qty += take
        assert 0 <= refunded <= total
    if refunded_qty < grams:
        refunded += refund_amount(total, grams, refunded_qty, refunded, grams - refunded_qty, SoldBy.WEIGHT)
    assert refunded == total  # the last gram takes the exact remainder


def test_refunding_more_grams_than_are_left_says_how_much_is_left_in_kg() -> None:
    with pytest.raises(InvalidInput, match=r"only 0\.150 kg left to refund"):
        refund_amount(140, 350, 200, 80, 200, SoldBy.WEIGHT)


def test_a_line_is_priced_in_the_products_own_unit() -> None:
    layout = LabelLayout(("21",), ("28",), 5)
    assert line_input(CartLine("APPLES", 350, weighed=True), APPLES, layout) == LineInput(
        400, 350, 2000, None, SoldBy.WEIGHT
    )
    with pytest.raises(InvalidInput, match="Apples is sold by weight"):
        line_input(CartLine("APPLES", 3), APPLES, layout)
    with pytest.raises(InvalidInput, match="Blue Mug is sold each"):
        line_input(CartLine("MUG", 350, weighed=True), MUG, layout)


def test_a_price_label_on_a_weighed_product_takes_the_grams_its_price_buys() -> None:
    assert grams_for_price(140, 400) == 350
    assert grams_for_price(100, 300) == 333  # 333.33 -> 333
    assert stock_qty(APPLES, SoldBy.EACH, 1, 140) == 350  # a price-labelled pack of apples
    assert stock_qty(APPLES, SoldBy.WEIGHT, 350, 400) == 350
    assert stock_qty(MUG, SoldBy.EACH, 2, 400) == 2


def _sale(measure: str) -> tuple[dict[str, object], list[dict[str, object]]]:
    header: dict[str, object] = {
        "id": "o-1",
        "number": "T1-000001",
        "till": "T1",
        "created_at": "2026-01-01T00:00:00.000000Z",
        "customer_id": None,
        "customer_name": "",
        "clerk_name": "clerk",
        "fulfilment": "in_store",
        "currency": "GBP",
        "subtotal": 140,
        "discount": 0,
        "tax": 0,
        "total": 140,
        "prices_include_tax": True,
        "cash_rounding": 0,
        "paid": 140,
        "change_given": 0,
        "status": "completed",
    }
    line: dict[str, object] = {
        "line_no": 1,
        "sku": "APPLES",
        "name": "Apples",
        "unit_price": 400,
        "qty": 350,
        "discount": 0,
        "tax_rate_bp": 0,
        "tax": 0,
        "total": 140,
        "measure": measure,
    }
    return header, [line]


def test_the_journal_fixes_a_weighed_lines_measure_and_leaves_other_lines_as_they_were() -> None:
    header, lines = _sale("weight")
    payload = sale_payload(header, lines, [])
    assert payload["lines"] == [[*(lines[0][f] for f in LINE_FIELDS), "weight"]]
    assert fold([(1, "sale", payload)]).lines[1]["measure"] == "weight"
    header, lines = _sale("each")
    payload = sale_payload(header, lines, [])
    assert len(payload["lines"][0]) == len(LINE_FIELDS)  # as every entry before weighed goods
    assert fold([(1, "sale", payload)]).lines[1]["measure"] == "each"
    bad = dict(payload, lines=[[*payload["lines"][0], "litres"]])
    with pytest.raises(JournalShapeError, match="measure"):
        fold([(1, "sale", bad)])
