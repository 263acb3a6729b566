"""What the order screens and checkout take as input: searches and days in range, free text
within the same limits at checkout and at update, no control characters."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.errors import InvalidInput
from pos_app.domain.orders import Fulfilment
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.services.orders import OrderQuery
from tests.helpers import count, dump, sell


@pytest.mark.parametrize("search", ["²", "T1-²", "١٢", "9" * 30, str(2**63), "x\x00y"])
def test_odd_searches_find_nothing_instead_of_crashing(services: Services, clerk: Actor, search: str) -> None:
    sell(services, clerk)
    if "\x00" in search:
        with pytest.raises(InvalidInput, match="control character"):
            services.orders.list_orders(clerk, OrderQuery(search=search))
        return
    assert services.orders.list_orders(clerk, OrderQuery(search=search)).rows == ()


def test_a_search_longer_than_100_characters_is_refused(services: Services, clerk: Actor) -> None:
    with pytest.raises(InvalidInput, match="the search is longer than 100 characters"):
        services.orders.list_orders(clerk, OrderQuery(search="x" * 50_000))


@pytest.mark.parametrize(
    "query",
    [OrderQuery(since=date.min), OrderQuery(until=date.max), OrderQuery(since=date(1999, 12, 31))],
)
def test_days_outside_the_stated_range_are_refused(
    services: Services, clerk: Actor, query: OrderQuery
) -> None:
    with pytest.raises(InvalidInput, match="outside 2000-01-01 to 2999-12-31"):
        services.orders.list_orders(clerk, query)


def test_the_edges_of_the_range_work(services: Services, clerk: Actor) -> None:
    sell(services, clerk)
    query = OrderQuery(since=date(2000, 1, 1), until=date(2999, 12, 31))
    assert len(services.orders.list_orders(clerk, query).rows) == 1


def _request(**cart_changes: object) -> CheckoutRequest:
    cart = replace(Cart((CartLine("MUG", 1),), fulfilment=Fulfilment.PICKUP), **cart_changes)  # type: ignore[arg-type]
    return CheckoutRequest(cart, (Tender(PaymentMethod.CARD, 400, "R1"),))


@pytest.mark.parametrize(
    ("request_", "words"),
    [
        (_request(note="n" * 2001), "the note is longer than 2000 characters"),
        (_request(ship_to="a" * 501), "the shipping address is longer than 500 characters"),
        (_request(note="\x1b[2J"), "the note holds a control character (U+001B)"),
        (replace(_request(), key="k" * 121), "the checkout key is longer than 120 characters"),
        (replace(_request(), key="k\u202e"), "the checkout key holds a control character (U+202E)"),
        (
            replace(_request(), tenders=(Tender(PaymentMethod.CARD, 400, "r" * 81),)),
            "the payment reference is longer than 80 characters",
        ),
    ],
)
def test_checkout_text_has_the_same_limits_as_an_update(
    services: Services, clerk: Actor, db_path: Path, request_: CheckoutRequest, words: str
) -> None:
    before = dump(db_path)
    with pytest.raises(InvalidInput, match=re.escape(words)):
        services.checkout.checkout(clerk, request_)
    assert dump(db_path) == before and count(db_path, "orders") == 0


def test_a_multi_line_note_and_address_are_kept(services: Services, clerk: Actor) -> None:
    order = services.checkout.checkout(
        clerk, _request(note="ring twice\nback door", ship_to="1 Main St\n\tFlat 2")
    )
    assert order.note == "ring twice\nback door"
