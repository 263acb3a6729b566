"""Demo data: the shop's catalogue, log-ins, customers and a few hundred realistic orders."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.denominations import count_by_denomination
from pos_app.domain.drawer import DrawerMode
from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.pricing import Discount, DiscountKind
from pos_app.domain.quick_keys import QuickKey, QuickKeys, QuickPage
from pos_app.domain.users import Actor, Role
from pos_app.domain.variable_measure import SoldBy
from pos_app.domain.voids import VoidedLine, VoidKind
from pos_app.services import Services
from pos_app.services.bulk import generate_orders

DEMO_LOGINS = (
    ("manager", Role.MANAGER, "manager123", "1234"),
    ("clerk", Role.CLERK, "clerk123", "1111"),
    ("alice", Role.CUSTOMER, "alice123", None),
    ("bob", Role.CUSTOMER, "bob123", None),
)
DEMO_CUSTOMERS = ("Carol Jones", "Dev Patel", "Erin O'Neill", "Farah Khan", "George Smith")


@dataclass(frozen=True)
class DemoLogin:
    name: str
    role: Role
    password: str
    pin: str | None


LIVE_ORDERS = 60  # made through checkout today, with deliveries, pickups and refunds


def seed_demo(
    services: Services,
    catalog_csv: Path,
    orders: int = 300,
    seed: int = 7,
    progress: Callable[[int, int], None] | None = None,
) -> list[DemoLogin]:
    """Fill an empty database; returns the log-ins to print.

    Today's orders go through the real checkout; the rest are generated in bulk as the
    years of history before them, so a big demo (a million orders) builds in a minute.
    """
    services.settings.update(
        None,
        {
            "store_name": "Corner Gift Shop",
            "store_address": "1 High Street",
            "currency": "GBP",
            "till": "T1",
            "cash_drawer": DrawerMode.SESSIONS.value,
        },
    )
    logins = [DemoLogin(*entry) for entry in DEMO_LOGINS]
    manager = None
    for login in logins:
        services.auth.add_user(manager, login.name, login.role, login.password, login.pin)
        if manager is None:
            manager = services.auth.login(login.name, login.password)
    assert manager is not None
    for name in DEMO_CUSTOMERS:
        services.customers.add(manager, name, email=name.split()[0].lower() + "@example.com")
    services.catalog.import_csv(manager, catalog_csv)
    _demo_weighed(services, manager)
    _demo_quick_keys(services, manager)
    live = min(orders, LIVE_ORDERS)
    if orders > live:
        generate_orders(services, orders - live, progress=progress)
    _demo_orders(services, manager, live, random.Random(seed))
    return logins


# Sold from the scale: (SKU, name, price per kg or each, how sold, barcode = the scale label's
# item code with zeros for the value, grams or items on hand). Weight labels start 21, price
# labels 28 (the default layout); e.g. 2100001003500 is 350 g of loose tea.
DEMO_WEIGHED = (
    ("LOOSETEA", "Loose leaf tea (per kg)", 2400, SoldBy.WEIGHT, "2100001000004", 25_000),
    ("FUDGE", "Vanilla fudge (per kg)", 1800, SoldBy.WEIGHT, "2100002000003", 12_000),
    ("PICKMIX", "Pick and mix sweets (per kg)", 1250, SoldBy.WEIGHT, "2100003000002", 30_000),
    ("HAMPER", "Gift hamper (priced at the scale)", 2000, SoldBy.EACH, "2800004000000", 10),
)


def _demo_weighed(services: Services, manager: Actor) -> None:
    for sku, name, price, sold_by, barcode, on_hand in DEMO_WEIGHED:
        services.catalog.add_product(manager, sku, name, price, 0, barcode=barcode, sold_by=sold_by)
        services.stock.receive(manager, sku, on_hand, "opening stock")


# What the counter sells by a tap (SKU, label, colour), where the demo catalogue has it.
DEMO_QUICK_KEYS = (
    (
        "Counter",
        (
            ("POST", "Postage", "grey"),
            ("22386", "Jumbo bag pink", "pink"),
            ("85099C", "Jumbo bag black", "grey"),
            ("22661", "Charlotte bag", "pink"),
            ("21883", "Gift tape", "amber"),
            ("22633", "Hand warmer", "red"),
        ),
    ),
    (
        "Mugs",
        (
            ("37370", "Retro mugs", "teal"),
            ("21871", "Save the planet", "green"),
            ("21071", "Drink me mug", "blue"),
            ("21068", "Love/hate mug", "purple"),
        ),
    ),
)


def _demo_quick_keys(services: Services, manager: Actor) -> None:
    sold = services.quick_keys.products({sku for _page, keys in DEMO_QUICK_KEYS for sku, *_ in keys})
    pages = tuple(
        QuickPage(name, tuple(QuickKey(label, sku, colour) for sku, label, colour in keys if sku in sold))
        for name, keys in DEMO_QUICK_KEYS
    )
    services.quick_keys.save(manager, QuickKeys(tuple(page for page in pages if page.keys)))


# The demo till's drawer is open for the day: 100.00 counted by note and coin.
DEMO_FLOAT = {2000: 2, 1000: 2, 500: 4, 100: 10, 50: 10, 20: 25}


def _demo_orders(services: Services, manager: Actor, count: int, rng: random.Random) -> None:
    clerk = services.auth.login("clerk", "clerk123")
    services.cash.open(clerk, count_by_denomination("GBP", DEMO_FLOAT))
    levels = services.stock.levels(manager)
    skus = [level.sku for level in levels]
    weighed = {level.sku for level in levels if level.sold_by is SoldBy.WEIGHT}
    customers = [None, None, "alice", "bob", *DEMO_CUSTOMERS]
    for n in range(count):
        lines = tuple(
            CartLine(sku, rng.randint(80, 900), weighed=True)
            if sku in weighed
            else CartLine(sku, rng.randint(1, 3))
            for sku in rng.sample(skus, rng.randint(1, 5))
        )
        fulfilment = rng.choice([Fulfilment.IN_STORE] * 6 + [Fulfilment.PICKUP, Fulfilment.DELIVERY])
        customer = rng.choice(customers) if fulfilment is Fulfilment.IN_STORE else rng.choice(customers[2:])
        discount = Discount(DiscountKind.PERCENT, 500) if n % 11 == 0 else None
        cart = Cart(
            lines,
            customer,
            discount,
            fulfilment,
            ship_to="12 Station Road, Leeds LS1 4AB" if fulfilment is Fulfilment.DELIVERY else "",
        )
        quote = services.checkout.quote(cart)
        total = quote.priced.total
        if n % 9 == 4:  # one more of the first item was rung up, then taken off before paying
            line = quote.priced.lines[0]
            one = line.total // lines[0].qty
            services.voids.record(
                clerk, f"demo-{n}", [VoidedLine(VoidKind.QTY, lines[0].sku, quote.line_name(0), 1, one)]
            )
        if n % 3 == 0:
            tenders: tuple[Tender, ...] = (Tender(PaymentMethod.CARD, total, f"AUTH{100000 + n}"),)
        elif n % 7 == 0 and total > 500:
            tenders = (
                Tender(PaymentMethod.CARD, total // 2, f"AUTH{100000 + n}"),
                Tender(PaymentMethod.CASH, total - total // 2 + 500),
            )
        else:
            tenders = (Tender(PaymentMethod.CASH, -(-quote.cash_due // 500) * 500),)
        order = services.checkout.checkout(clerk, CheckoutRequest(cart, tenders, key=f"demo-{n}"))
        _advance(services, manager, order.number, fulfilment, rng)
        if fulfilment is Fulfilment.IN_STORE and n % 37 == 5:
            back = lines[0].qty // 2 if lines[0].weighed else 1  # half a weighed line's grams
            services.orders.refund(manager, order.number, lines={lines[0].sku: back})


def _advance(
    services: Services, manager: Actor, number: str, fulfilment: Fulfilment, rng: random.Random
) -> None:
    if fulfilment is Fulfilment.DELIVERY:
        path = [OrderStatus.PROCESSING, OrderStatus.SHIPPED, OrderStatus.DELIVERED]
    elif fulfilment is Fulfilment.PICKUP:
        path = [OrderStatus.READY, OrderStatus.COLLECTED]
    else:
        return
    for status in path[: rng.randint(0, len(path))]:
        tracking = f"RM{rng.randint(10**8, 10**9)}GB" if status is OrderStatus.SHIPPED else None
        services.orders.update_order(manager, number, status=status, tracking=tracking)
