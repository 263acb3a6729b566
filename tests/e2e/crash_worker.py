"""A till that sells as fast as it can until it is killed: `python -m tests.e2e.crash_worker DB RUN`.

It prints `ready` once the database is open, then one line `sale NUMBER KEY` per sale, written
and flushed only after checkout has returned: a printed line is a sale the till acknowledged.
Every fourth sale is then partly refunded, acknowledged the same way by `refund NUMBER KEY`.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.services import Services

SKUS = ("MUG", "TEA", "CARD")


def main(db: str, run: str) -> None:
    services = Services.open(Path(db))
    clerk = services.auth.login("clerk", "1111", pin=True)
    manager = services.auth.login("manager", "1234", pin=True)
    rng = random.Random(run)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        lines = tuple(CartLine(sku, rng.randint(1, 3)) for sku in rng.sample(SKUS, rng.randint(1, 3)))
        cart = Cart(lines)
        total = services.checkout.quote(cart).priced.total
        if n % 3 == 0:
            tenders: tuple[Tender, ...] = (Tender(PaymentMethod.CARD, total, f"AUTH-{run}-{n}"),)
        else:
            tenders = (Tender(PaymentMethod.CASH, total + rng.randint(0, 500)),)
        key = f"{run}-{n}"
        order = services.checkout.checkout(clerk, CheckoutRequest(cart, tenders, key=key))
        sys.stdout.write(f"sale {order.number} {key}\n")
        sys.stdout.flush()
        if n % 4 == 0:
            services.orders.refund(manager, order.number, lines={order.lines[0].sku: 1})
            sys.stdout.write(f"refund {order.number} {key}\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
