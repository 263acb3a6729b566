"""A manager's approval is their credentials, checked by the service in the same call."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.errors import LoginFailed, PermissionDenied
from pos_app.domain.orders import OrderStatus
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.pricing import Discount, DiscountKind
from pos_app.domain.users import Actor, Approval
from pos_app.services import Services
from pos_app.services.credentials import FREE_FAILURES
from tests.helpers import count, raw, sell


def _throttles(db_path: Path) -> list[tuple[str, str, int]]:
    with raw(db_path, read_only=True) as conn:
        return [tuple(r) for r in conn.execute("SELECT name_key, kind, failures FROM login_throttle")]


def test_a_wrong_approval_fails_the_refund_but_its_failure_is_counted(
    services: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    order = sell(services, clerk)
    with pytest.raises(LoginFailed, match=r"^wrong user name or password$"):
        services.orders.refund(clerk, order.number, approval=Approval("manager", "guess"))
    assert services.orders.get_order(manager, order.number).refunded == 0
    assert _throttles(db_path) == [("rnanager", "approve", 1)]
    refunded = services.orders.refund(clerk, order.number, approval=Approval("manager", "1234", pin=True))
    assert refunded.status is OrderStatus.REFUNDED
    assert _throttles(db_path) == []  # a right approval clears the count


def test_an_approval_by_an_unknown_name_is_refused_like_a_wrong_password(
    services: Services, clerk: Actor, db_path: Path
) -> None:
    cart = Cart((CartLine("MUG", 1),), order_discount=Discount(DiscountKind.PERCENT, 5000))
    request = CheckoutRequest(cart, (Tender(PaymentMethod.CASH, 1000),))
    orders = count(db_path, "orders")
    with pytest.raises(LoginFailed, match=r"^wrong user name or password$"):
        services.checkout.checkout(clerk, request, approval=Approval("nobody", "manager123"))
    with pytest.raises(PermissionDenied, match=r"only a manager"):
        services.checkout.checkout(clerk, request, approval=Approval("clerk", "clerk123"))
    assert count(db_path, "orders") == orders


def test_guessing_approvals_at_the_till_makes_the_approvals_wait_not_the_log_in(
    services: Services, clerk: Actor
) -> None:
    order = sell(services, clerk)
    for _ in range(FREE_FAILURES + 1):
        with pytest.raises(LoginFailed):
            services.orders.refund(clerk, order.number, approval=Approval("manager", "guess"))
    with pytest.raises(LoginFailed, match="too many failed tries"):
        services.orders.refund(clerk, order.number, approval=Approval("manager", "manager123"))
    assert services.auth.login("manager", "manager123").name == "manager"
