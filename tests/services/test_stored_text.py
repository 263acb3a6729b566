"""Every name, note, address, reason and label the till stores is refused with a control
character in it, naming the field, and nothing is written; numbers within their stated ranges."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.errors import InvalidInput
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.users import Actor, Role
from pos_app.services import Services
from tests.helpers import dump

HOSTILE = "x\x1b[2Jy"  # clears a terminal when printed raw
Call = Callable[[Services, Actor], Any]


def _awaiting(services: Services, alice: Actor) -> str:
    order = services.checkout.checkout(alice, CheckoutRequest(Cart((CartLine("MUG", 1),)), ()))
    return order.number


TEXT_CASES: list[tuple[str, Call, str]] = [
    ("customer name", lambda s, m: s.customers.add(m, f"Zoe{HOSTILE}"), "customer's name"),
    ("customer email", lambda s, m: s.customers.add(m, "Zoe", email=f"z@{HOSTILE}"), "e-mail"),
    ("customer phone", lambda s, m: s.customers.add(m, "Zoe", phone=f"0123{HOSTILE}"), "phone"),
    ("customer address", lambda s, m: s.customers.add(m, "Zoe", address=f"1 Main St{HOSTILE}"), "address"),
    ("credit reason", lambda s, m: s.credit.give(m, "alice", 500, f"goodwill{HOSTILE}"), "reason"),
    ("receive note", lambda s, m: s.stock.receive(m, "MUG", 5, f"van 2{HOSTILE}"), "delivery note"),
    ("adjust reason", lambda s, m: s.stock.adjust(m, "MUG", -1, f"broken{HOSTILE}"), "reason"),
    ("held label", lambda s, m: s.held.park(m, f"table 4{HOSTILE}", Cart((CartLine("MUG", 1),))), "label"),
    ("store name", lambda s, m: s.settings.update(m, {"store_name": f"Shop{HOSTILE}"}), "store name"),
    ("store address", lambda s, m: s.settings.update(m, {"store_address": "1 St\u202e"}), "store address"),
    ("footer", lambda s, m: s.settings.update(m, {"receipt_footer": "Thanks\x07"}), "receipt footer"),
    ("product name", lambda s, m: s.catalog.add_product(m, "NEW", f"Mug{HOSTILE}", 100, 0), "product name"),
    ("edited name", lambda s, m: s.catalog.edit_product(m, "MUG", name=f"Mug{HOSTILE}"), "product name"),
    ("product SKU", lambda s, m: s.catalog.add_product(m, f"N{HOSTILE}", "Mug", 100, 0), "SKU"),
    ("user name", lambda s, m: s.auth.add_user(m, "clerk\ud800", Role.CLERK, "abcd1234"), "user name"),
]


@pytest.mark.parametrize(("call", "field"), [c[1:] for c in TEXT_CASES], ids=[c[0] for c in TEXT_CASES])
def test_control_characters_are_refused_in_stored_text(
    services: Services, manager: Actor, db_path: Path, call: Call, field: str
) -> None:
    before = dump(db_path)
    with pytest.raises(InvalidInput) as refused:
        call(services, manager)
    message = refused.value.message
    assert field in message and ("control character" in message or "invalid character" in message), message
    assert "\x1b" not in message
    assert dump(db_path) == before


def test_a_payment_reference_taken_later_has_the_checkout_limits(
    services: Services, alice: Actor, clerk: Actor, db_path: Path
) -> None:
    number = _awaiting(services, alice)
    before = dump(db_path)
    for reference in (f"T-1{HOSTILE}", "r" * 81):
        with pytest.raises(InvalidInput, match="payment reference"):
            services.orders.take_payment(clerk, number, [Tender(PaymentMethod.CARD, 400, reference)])
    assert dump(db_path) == before


NUMBER_CASES: list[tuple[str, Call, str]] = [
    ("receive bool", lambda s, m: s.stock.receive(m, "MUG", True), "quantity received"),  # type: ignore[arg-type]
    ("receive float", lambda s, m: s.stock.receive(m, "MUG", 1.5), "quantity received"),  # type: ignore[arg-type]
    ("receive huge", lambda s, m: s.stock.receive(m, "MUG", 1_000_001), "1 to 1000000"),
    ("adjust huge", lambda s, m: s.stock.adjust(m, "MUG", -1_000_001, "lost"), "-1000000 to 1000000"),
    ("adjust float", lambda s, m: s.stock.adjust(m, "MUG", -1.0, "lost"), "adjustment"),  # type: ignore[arg-type]
    ("price 2^63", lambda s, m: s.catalog.add_product(m, "NEW", "Mug", 2**63, 0), "a price"),
    ("price float", lambda s, m: s.catalog.edit_product(m, "MUG", price=4.5), "a price"),
    ("tax rate bool", lambda s, m: s.catalog.edit_product(m, "MUG", tax_rate_bp=True), "tax rate"),
    ("cash step underscore", lambda s, m: s.settings.update(m, {"cash_increment": "1_0"}), "whole number"),
    ("cash step arabic", lambda s, m: s.settings.update(m, {"cash_increment": "١٢"}), "whole number"),
    ("discount limit", lambda s, m: s.settings.update(m, {"clerk_discount_limit_bp": "10001"}), "0 to 10000"),
    ("till in arabic digits", lambda s, m: s.settings.update(m, {"till": "T١"}), "till name"),
]


@pytest.mark.parametrize(("call", "words"), [c[1:] for c in NUMBER_CASES], ids=[c[0] for c in NUMBER_CASES])
def test_numbers_outside_their_stated_range_are_refused(
    services: Services, manager: Actor, db_path: Path, call: Call, words: str
) -> None:
    before = dump(db_path)
    with pytest.raises(InvalidInput, match=words):
        call(services, manager)
    assert dump(db_path) == before


def test_plain_text_and_numbers_are_still_kept(services: Services, manager: Actor) -> None:
    customer = services.customers.add(manager, "  Zoe   Quinn ", "zoe@example.com", "0123", "1 St\nLeeds")
    assert (customer.name, customer.address) == ("Zoe Quinn", "1 St\nLeeds")
    assert services.stock.adjust(manager, "MUG", -2, " broken in the van ").on_hand == 8
    settings = services.settings.update(manager, {"store_address": "1 St\nYork", "cash_increment": "5"})
    assert (settings.store_address, settings.cash_increment) == ("1 St\nYork", 5)


def test_a_customer_search_has_the_order_search_limit(services: Services, clerk: Actor) -> None:
    with pytest.raises(InvalidInput, match="search is longer than 100"):
        services.customers.search(clerk, "x" * 50_000)
    with pytest.raises(InvalidInput, match="search holds a control character"):
        services.customers.search(clerk, "ali\x1b[2J")
    assert [c.name for c in services.customers.search(clerk, "ali")] == ["alice"]
