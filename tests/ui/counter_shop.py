"""Orders that test what a window must fit: long product names and a four-figure total."""

from __future__ import annotations

from pos_app.domain.cart import CartLine
from pos_app.domain.orders import Fulfilment
from pos_app.domain.records import OrderDetail
from pos_app.domain.users import Actor
from pos_app.services import Services
from tests.gui import sell

LONG_NAMES = (
    ("VBMUG1", "Vintage Billboard Enamel Mug, Cream and Red, 350 ml"),
    ("VBMUG2", "Vintage Billboard Enamel Mug, Green and Gold, 500 ml"),
)
BIG_TOTAL = 123_456  # £1,234.56: the order list's Total column shows it in full


def big_delivery(services: Services, manager: Actor, clerk: Actor) -> OrderDetail:
    """A delivery of two long-named mugs and a £1,234.56 total, paid by card, for alice."""
    for sku, name in LONG_NAMES:
        services.catalog.add_product(manager, sku, name, 1000, 2000, track_stock=False)
    services.catalog.add_product(manager, "PRINT", "Framed print", BIG_TOTAL - 2 * 1000, 0, track_stock=False)
    lines = (*(CartLine(sku, 1) for sku, _name in LONG_NAMES), CartLine("PRINT", 1))
    order = sell(services, clerk, "alice", Fulfilment.DELIVERY, lines)
    assert order.total == BIG_TOTAL
    return order
