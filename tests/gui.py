"""Helpers for view-model and window tests: sales made through the services, sessions per user."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.orders import Fulfilment
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.records import OrderDetail
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.viewmodels.session import Session
from pos_app.viewmodels.tasks import SyncRunner

SessionFor = Callable[[Actor], Session]


def sell(
    services: Services,
    who: Actor,
    customer: str | None = None,
    fulfilment: Fulfilment = Fulfilment.IN_STORE,
    lines: tuple[CartLine, ...] = (CartLine("MUG", 2), CartLine("TEA", 1)),
    cash: int = 0,
) -> OrderDetail:
    """A paid sale: by card, or in cash with `cash` tendered (change given)."""
    ship_to = "1 Main St" if fulfilment is not Fulfilment.IN_STORE else ""
    cart = Cart(lines, customer, fulfilment=fulfilment, ship_to=ship_to)
    total = services.checkout.quote(cart).priced.total
    tender = Tender(PaymentMethod.CASH, cash, "") if cash else Tender(PaymentMethod.CARD, total, "R1")
    return services.checkout.checkout(who, CheckoutRequest(cart, (tender,)))


@pytest.fixture
def session_for(services: Services) -> SessionFor:
    """A logged-in session (synchronous runner) for an actor."""

    def make(actor: Actor) -> Session:
        session = Session(services, SyncRunner())
        session.set_actor(actor)
        return session

    return make
