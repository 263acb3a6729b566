"""Taking payment: quick tenders, cash rounding, split tender, and refusals that change nothing;
and the receipt made from the placed order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pos_app.domain.payments import PaymentMethod
from pos_app.domain.receipt import build_receipt
from pos_app.domain.receipt_text import receipt_text
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.payment import CashPreview, PaymentViewModel
from tests.gui import SessionFor


@pytest.fixture
def sale(session_for: SessionFor, clerk: Actor, tmp_path: Path) -> CheckoutViewModel:
    vm = CheckoutViewModel(session_for(clerk), tmp_path / "open_cart.json")
    vm.scan("MUG")
    vm.scan("TEA")  # 6.55
    return vm


def placed(vm: CheckoutViewModel) -> list[Any]:
    orders: list[Any] = []
    vm.finished.connect(orders.append)
    return orders


def test_quick_amounts_are_exact_then_round_sums(sale: CheckoutViewModel) -> None:
    pay = PaymentViewModel(sale)
    assert pay.quick_amounts() == [655, 700, 1000, 2000, 5000]
    sale.scan("5*MUG")
    assert PaymentViewModel(sale).quick_amounts() == [2655, 2700, 3000, 4000, 5000]


def test_cash_with_change(sale: CheckoutViewModel) -> None:
    orders = placed(sale)
    pay = PaymentViewModel(sale)
    assert pay.pay_cash("20")
    assert orders[0].change_given == 1345
    assert sale.cart.lines == ()


def test_cash_below_the_total_is_refused_and_nothing_changes(sale: CheckoutViewModel) -> None:
    orders = placed(sale)
    pay = PaymentViewModel(sale)
    assert not pay.pay_cash("5")
    assert pay.message_text.startswith("cash tendered 5.00 is less than 6.55 due")
    assert pay.tenders == [] and orders == []
    assert not pay.finish()
    assert pay.message_text == "add a payment"
    for bad, message in (
        ("-3", "'-3' is negative"),
        ("1e99", "'1e99' is not an amount"),
        ("1" * 13, f"'{'1' * 13}' is too large"),
        ("١٢", "'١٢' is not an amount"),
        ("x", "'x' is not an amount"),
    ):
        assert not pay.pay_cash(bad)
        assert pay.message_text == message
    assert pay.tenders == [] and len(sale.cart.lines) == 2


def test_split_part_cash_then_card(sale: CheckoutViewModel) -> None:
    orders = placed(sale)
    pay = PaymentViewModel(sale)
    assert pay.add_part_cash("5")
    assert pay.state.due == 155 and not pay.state.settled
    assert not pay.pay_card("", "")
    assert pay.message_text == "type the card terminal's reference for this payment"
    assert not pay.pay_card("9.00", "R1")
    assert pay.message_text == "card payments (9.00) would be more than the total (6.55)"
    assert pay.pay_card("", "R1")  # the rest: 1.55, and that settles it
    [order] = orders
    assert sorted((p.method, p.amount) for p in order.payments) == [("card", 155), ("cash", 500)]


def test_cash_rounding_to_five_pence(
    session_for: SessionFor, clerk: Actor, services: Services, manager: Actor, tmp_path: Path
) -> None:
    services.settings.update(manager, {"cash_increment": "5"})
    vm = CheckoutViewModel(session_for(clerk), tmp_path / "open_cart.json")
    vm.scan("TEA")
    vm.scan("CARD")  # 4.54, 4.55 in cash
    assert vm.totals.cash_due == 455
    pay = PaymentViewModel(vm)
    state = pay.state
    assert (state.due, state.cash_due) == (454, 455)
    orders = placed(vm)
    assert pay.pay_cash("")  # exact cash: the rounded sum
    assert orders[0].cash_rounding == 1 and orders[0].payments[0].amount == 455


def test_removing_a_tender(sale: CheckoutViewModel) -> None:
    pay = PaymentViewModel(sale)
    pay.add_part_cash("2")
    assert pay.tenders[0].method is PaymentMethod.CASH
    pay.remove(0)
    assert pay.tenders == [] and pay.state.due == 655


def test_receipt_has_the_sale_the_store_and_the_change(
    sale: CheckoutViewModel, services: Services, manager: Actor
) -> None:
    services.settings.update(manager, {"store_name": "Corner & Co", "store_address": "1 High St, Leeds"})
    sale.set_order_discount("5%")
    orders = placed(sale)
    PaymentViewModel(sale).pay_card("", "AUTH9")
    html = receipt_text(build_receipt(orders[0], services.settings.current()), 48)
    for text in ("Corner & Co", "1 High St\n", "Leeds", "T1-000001", "Blue Mug", "Card (AUTH9)", "6.22"):
        assert text in html
    assert "Discounts" in html and "Thank you for shopping with us" in html


def test_the_change_shows_while_the_cash_is_typed(sale: CheckoutViewModel) -> None:
    payment = PaymentViewModel(sale)
    assert payment.preview("") is None and payment.preview("abc") is None
    assert payment.preview("2") == CashPreview(change=0, short=455)
    assert payment.preview("6.55") == CashPreview(change=0, short=0)
    assert payment.preview("20") == CashPreview(change=1345, short=0)
    payment.add_part_cash("5")
    assert payment.preview("2") == CashPreview(change=45, short=0)
