"""Whose open sale it is: staff at the till share it, a customer has their own and never picks
up a clerk's (nor leaves theirs to the next customer)."""

from __future__ import annotations

from pathlib import Path

from pos_app.domain.users import Actor
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.open_cart import wait_for_writes
from tests.gui import SessionFor


def skus(vm: CheckoutViewModel) -> list[tuple[str, int]]:
    return [(line.sku, line.qty) for line in vm.cart.lines]


def opened(session_for: SessionFor, who: Actor, cart_file: Path) -> CheckoutViewModel:
    """The sale screen as `who` opens it after a log-in: the open sale they may pick up."""
    vm = CheckoutViewModel(session_for(who), cart_file)
    vm.restore()
    return vm


def test_a_customer_never_inherits_a_clerks_open_sale(
    session_for: SessionFor, clerk: Actor, alice: Actor, tmp_path: Path
) -> None:
    till_cart = tmp_path / "pos.open-cart.json"
    rung_up = opened(session_for, clerk, till_cart)
    rung_up.scan("2*MUG")
    wait_for_writes()
    assert skus(opened(session_for, alice, till_cart)) == []


def test_the_clerks_sale_waits_for_staff_while_the_customer_has_their_own(
    session_for: SessionFor, clerk: Actor, manager: Actor, alice: Actor, bob: Actor, tmp_path: Path
) -> None:
    till_cart = tmp_path / "pos.open-cart.json"
    opened(session_for, clerk, till_cart).scan("2*MUG")
    alices = opened(session_for, alice, till_cart)
    alices.scan("TEA")
    wait_for_writes()
    assert skus(opened(session_for, manager, till_cart)) == [("MUG", 2)]  # staff at that till
    assert skus(opened(session_for, clerk, till_cart)) == [("MUG", 2)]
    assert skus(opened(session_for, bob, till_cart)) == []  # nor one customer's to another
    assert skus(opened(session_for, alice, till_cart)) == [("TEA", 1)]  # hers, when she is back
    assert till_cart.exists() and len(list(tmp_path.glob("pos.open-cart.customer-*.json"))) == 1
