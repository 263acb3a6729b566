"""Money, tax and discounts: the total shown is the sum of the lines shown, and it can be paid."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.domain.errors import InvalidInput
from pos_app.domain.money import allocate, format_amount, parse_amount
from pos_app.domain.payments import PaymentMethod, Tender, cash_due, settle
from pos_app.domain.pricing import (
    Discount,
    DiscountKind,
    LineInput,
    PricingSettings,
    TaxRounding,
    price_cart,
    refund_amount,
)

discounts = st.one_of(
    st.none(),
    st.builds(Discount, st.just(DiscountKind.PERCENT), st.integers(0, 10_000)),
    st.builds(Discount, st.just(DiscountKind.AMOUNT), st.integers(0, 50_000)),
)
lines = st.lists(
    st.builds(
        LineInput,
        unit_price=st.integers(0, 100_000),
        qty=st.integers(1, 50),
        tax_rate_bp=st.sampled_from([0, 500, 1250, 2000, 2100, 825]),
        discount=discounts,
    ),
    min_size=1,
    max_size=12,
)
pricing = st.builds(
    PricingSettings,
    prices_include_tax=st.booleans(),
    tax_rounding=st.sampled_from(list(TaxRounding)),
    cash_increment=st.sampled_from([1, 5, 10, 50]),
)


@settings(max_examples=300)
@given(lines, pricing, discounts)
def test_total_is_exactly_the_sum_of_the_lines(
    items: list[LineInput], cfg: PricingSettings, order_off: Discount | None
) -> None:
    cart = price_cart(items, cfg, order_off)
    assert cart.total == sum(line.total for line in cart.lines)
    assert cart.tax == sum(line.tax for line in cart.lines)
    assert cart.discount == sum(line.discount for line in cart.lines)
    assert all(line.total >= 0 and line.tax >= 0 for line in cart.lines)
    if cfg.prices_include_tax:
        assert cart.total == cart.subtotal - cart.discount
    else:
        assert cart.total == cart.subtotal - cart.discount + cart.tax


@settings(max_examples=300)
@given(lines, pricing, discounts)
def test_tender_equal_to_the_displayed_total_is_always_accepted(
    items: list[LineInput], cfg: PricingSettings, order_off: Discount | None
) -> None:
    cart = price_cart(items, cfg, order_off)
    due = cash_due(cart.total, cfg.cash_increment)
    cash = settle(cart.total, [Tender(PaymentMethod.CASH, due)], cfg.cash_increment, "GBP")
    assert cash.change == 0
    assert cash.paid == cart.total + cash.cash_rounding
    if cart.total > 0:
        card = settle(cart.total, [Tender(PaymentMethod.CARD, cart.total, "REF1")], cfg.cash_increment, "GBP")
        assert card.paid == cart.total


@given(st.integers(1, 10**8), st.integers(0, 10**8), st.sampled_from([1, 5, 10]))
def test_split_tender_card_then_cash_covers_the_total(total: int, card_part: int, increment: int) -> None:
    card_part = min(card_part, total)
    tenders = [Tender(PaymentMethod.CARD, card_part, "R")] if card_part else []
    remaining = total - card_part
    if remaining:
        tenders.append(Tender(PaymentMethod.CASH, cash_due(remaining, increment)))
    result = settle(total, tenders, increment, "GBP")
    assert result.change == 0
    assert result.paid == total + result.cash_rounding
    assert abs(result.cash_rounding) <= increment // 2


def test_inclusive_tax_is_extracted_from_the_price() -> None:
    cart = price_cart([LineInput(1200, 1, 2000)], PricingSettings(prices_include_tax=True))
    assert (cart.total, cart.tax) == (1200, 200)


def test_exclusive_tax_is_added_per_line_or_on_the_total() -> None:
    items = [LineInput(333, 1, 2000), LineInput(333, 1, 2000), LineInput(333, 1, 2000)]
    per_line = price_cart(items, PricingSettings(prices_include_tax=False))
    on_total = price_cart(items, PricingSettings(prices_include_tax=False, tax_rounding=TaxRounding.TOTAL))
    assert per_line.tax == 3 * 67  # 66.6 rounds up on every line
    assert on_total.tax == 200  # 199.8 rounded once
    assert on_total.total == sum(line.total for line in on_total.lines)


def test_order_discount_is_prorated_over_lines() -> None:
    cart = price_cart(
        [LineInput(1000, 1, 0), LineInput(3000, 1, 0)], PricingSettings(), Discount(DiscountKind.AMOUNT, 100)
    )
    assert [line.discount for line in cart.lines] == [25, 75]
    assert cart.total == 3900


def test_cash_tender_below_due_is_refused_with_the_amounts() -> None:
    with pytest.raises(InvalidInput, match=r"cash tendered 5\.00 is less than 7\.35 due"):
        settle(735, [Tender(PaymentMethod.CASH, 500)], 1, "GBP")


def test_cash_rounding_to_five_pence() -> None:
    result = settle(98, [Tender(PaymentMethod.CASH, 200)], 5, "GBP")
    assert (result.cash_rounding, result.change) == (2, 100)


@given(st.integers(0, 10**7), st.integers(1, 40), st.data())
def test_partial_refunds_add_up_to_the_line_total(total: int, qty: int, data: st.DataObject) -> None:
    refunded_qty = refunded = 0
    while refunded_qty < qty:
        take = data.draw(st.integers(1, qty - refunded_qty))
        money = refund_amount(total, qty, refunded_qty, refunded, take)
        assert money >= 0
        refunded_qty += take
        refunded += money
    assert refunded == total


@given(st.integers(-(10**9), 10**9), st.lists(st.integers(0, 10**6), min_size=1, max_size=20))
def test_allocate_keeps_every_penny(total: int, weights: list[int]) -> None:
    parts = allocate(total, weights)
    assert sum(parts) == (total if sum(weights) else 0)


@pytest.mark.parametrize(("text", "minor"), [("12.50", 1250), ("0", 0), ("1,234.5", 123450), (" 7 ", 700)])
def test_amounts_parse_to_minor_units(text: str, minor: int) -> None:
    assert parse_amount(text) == minor
    assert parse_amount(format_amount(minor)) == minor


@pytest.mark.parametrize("text", ["abc", "-1", "1.234", "NaN", "1e20", ""])
def test_bad_amounts_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_amount(text)
