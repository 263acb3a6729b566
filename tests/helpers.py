"""Helpers shared by the tests: sales made through the services, and reading a database file
the way an outsider would."""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.orders import Fulfilment
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.records import OrderDetail
from pos_app.domain.users import Actor
from pos_app.services import Services


@contextmanager
def raw(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection on the file (closed afterwards, committed if writable)."""
    uri = f"file:{path}?mode=ro" if read_only else f"file:{path}"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        yield conn
        if not read_only:
            conn.commit()


def dump(path: Path) -> str:
    """Every table's schema and rows as SQL text: equal dumps mean nothing was changed."""
    with raw(path, read_only=True) as conn:
        return "\n".join(conn.iterdump())


def count(path: Path, table: str) -> int:
    with raw(path, read_only=True) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


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


def flag(path: Path, order_id: str, reason: str = "not applied: shipped by clerk while cancelled") -> None:
    """Mark an order as needing a manager's attention, as a sync conflict does."""
    with raw(path) as conn:
        conn.execute("UPDATE orders SET attention = ? WHERE id = ?", (reason, order_id))


def dead_central_url() -> str:
    """A central store's URL on a local port nobody listens on: refused at once."""
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"postgresql+psycopg://till:secret@127.0.0.1:{port}/centre"
