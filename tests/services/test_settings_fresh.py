"""Two tills on one database: a manager's settings change holds on the other till at its next
sale, without a restart; the displayed settings follow within a second."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.errors import InsufficientStock, OverrideRequired
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.pricing import Discount, DiscountKind
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.services.settings import FRESH_SECONDS
from tests.conftest import FAST_HASHER
from tests.helpers import dump


@pytest.fixture
def other_till(services: Services, db_path: Path) -> Iterator[Services]:
    till = Services.open(db_path, hasher=FAST_HASHER)
    yield till
    till.close()


def _card(till: Services, cart: Cart) -> CheckoutRequest:
    total = till.checkout.quote(cart).priced.total
    return CheckoutRequest(cart, (Tender(PaymentMethod.CARD, total, "R1"),))


def test_a_lowered_discount_limit_holds_at_the_other_tills_next_sale(
    services: Services, other_till: Services, manager: Actor, db_path: Path
) -> None:
    clerk = other_till.auth.login("clerk", "clerk123")
    assert other_till.settings.current().clerk_discount_limit_bp == 1000  # read and kept
    services.settings.update(manager, {"clerk_discount_limit_bp": "500"})
    cart = Cart((CartLine("MUG", 1),), order_discount=Discount(DiscountKind.PERCENT, 800))
    before = dump(db_path)
    with pytest.raises(OverrideRequired, match="a manager can approve it"):
        other_till.checkout.checkout(clerk, _card(other_till, cart))
    assert dump(db_path) == before


def test_negative_stock_turned_off_holds_at_the_other_tills_next_sale(
    services: Services, other_till: Services, manager: Actor, db_path: Path
) -> None:
    clerk = other_till.auth.login("clerk", "clerk123")
    assert other_till.settings.current().allow_negative_stock
    services.settings.update(manager, {"allow_negative_stock": "false"})
    before = dump(db_path)
    with pytest.raises(InsufficientStock, match="only 5 of Birthday Card in stock"):
        other_till.checkout.checkout(clerk, _card(other_till, Cart((CartLine("CARD", 6),))))
    assert dump(db_path) == before


def test_the_displayed_settings_are_read_again_after_a_second(
    services: Services, other_till: Services, manager: Actor
) -> None:
    now = [100.0]
    other_till.settings.clock = lambda: now[0]
    assert other_till.settings.current().store_name == "pos_app shop"
    services.settings.update(manager, {"store_name": "Corner Shop"})
    now[0] += FRESH_SECONDS / 2
    assert other_till.settings.current().store_name == "pos_app shop"  # cheap: not read again yet
    now[0] += FRESH_SECONDS
    assert other_till.settings.current().store_name == "Corner Shop"


def test_a_change_on_one_till_keeps_the_others_changes(
    services: Services, other_till: Services, manager: Actor
) -> None:
    other_manager = other_till.auth.login("manager", "manager123")
    other_till.settings.current()
    services.settings.update(manager, {"clerk_discount_limit_bp": "500"})
    other_till.settings.update(other_manager, {"store_name": "Corner Shop"})
    with services.db.read() as uow:
        settings = services.settings.read(uow)
    assert (settings.store_name, settings.clerk_discount_limit_bp) == ("Corner Shop", 500)
