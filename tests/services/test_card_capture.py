"""Card payments are captured with no transaction open: a slow terminal never holds the write
lock, a capture whose order is not written is given back, and one left captured by a till that
stopped is booked (once) or given back at the next start."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.errors import InvalidInput, PaymentDeclined
from pos_app.domain.payments import AppliedPayment, PaymentMethod, Tender
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.services.card_capture import Attempt
from pos_app.services.checkout import CheckoutService
from pos_app.services.payments import CashDrawer, StoreCredit
from tests.conftest import FAST_HASHER
from tests.helpers import count, raw

MUG = Cart((CartLine("MUG", 1),))  # 4.00


class Terminal:
    """A card terminal that runs `during` while it is charging (another till's work)."""

    confirms = False

    def __init__(self, during: Callable[[], None] = lambda: None, decline: bool = False) -> None:
        self.during = during
        self.decline = decline
        self.captured: list[str] = []
        self.given_back: list[str] = []

    def capture(self, payment: AppliedPayment, currency: str) -> str:
        self.during()
        if self.decline:
            raise PaymentDeclined("the card was declined")
        reference = f"CAP-{len(self.captured) + 1}"
        self.captured.append(reference)
        return reference

    def refund(self, payment: AppliedPayment, reference: str, currency: str) -> None:
        self.given_back.append(reference)


def with_terminal(services: Services, terminal: Terminal, *, other_till: bool = False) -> Services:
    processors = {
        PaymentMethod.CASH: CashDrawer(),
        PaymentMethod.CARD: terminal,
        PaymentMethod.STORE_CREDIT: StoreCredit(),
    }
    if other_till:  # another program on the same file: sessions of its own
        return Services(services.db, hasher=FAST_HASHER, processors=processors)  # type: ignore[dict-item]
    # The same till with this terminal plugged in: the sessions logged in on it stay valid.
    services.checkout.processors = processors  # type: ignore[assignment]
    services.orders.processors = processors  # type: ignore[assignment]
    return services


def card(key: str | None = "k1") -> CheckoutRequest:
    return CheckoutRequest(MUG, (Tender(PaymentMethod.CARD, 400, "typed"),), key)


def intents(path: Path) -> list[tuple[str, str, str]]:
    with raw(path, read_only=True) as conn:
        return conn.execute(
            "SELECT state, reference, detail FROM payment_intents ORDER BY created_at"
        ).fetchall()


def another_till_writes(path: Path) -> None:
    """A write that does not wait at all: it fails at once if anyone holds the write lock."""
    with closing(sqlite3.connect(path, timeout=0)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE settings SET value = value WHERE key = 'till'")
        conn.execute("COMMIT")


def test_a_slow_terminal_holds_no_write_lock(services: Services, clerk: Actor) -> None:
    writes: list[str] = []

    def other_till() -> None:
        another_till_writes(services.db.path)
        writes.append("done")

    till = with_terminal(services, Terminal(other_till))
    order = till.checkout.checkout(clerk, card())
    assert writes == ["done"]
    assert order.payments[0].reference == "CAP-1"
    assert intents(services.db.path) == [("booked", "CAP-1", "")]


def test_a_capture_whose_total_changed_is_given_back(
    services: Services, clerk: Actor, manager: Actor
) -> None:
    def price_rise() -> None:
        with raw(services.db.path) as conn:
            conn.execute("UPDATE products SET price = 450 WHERE sku = 'MUG'")

    terminal = Terminal(price_rise)
    till = with_terminal(services, terminal)
    with pytest.raises(InvalidInput, match="total changed while the card was being charged"):
        till.checkout.checkout(clerk, card())
    assert terminal.given_back == ["CAP-1"]
    assert [state for state, _ref, _detail in intents(services.db.path)] == ["voided"]
    assert count(services.db.path, "orders") == 0


def test_a_declined_card_books_nothing(services: Services, clerk: Actor) -> None:
    till = with_terminal(services, Terminal(decline=True))
    with pytest.raises(PaymentDeclined):
        till.checkout.checkout(clerk, card())
    assert [state for state, _ref, _detail in intents(services.db.path)] == ["voided"]
    assert count(services.db.path, "orders") == 0


def _crash_after_capture(monkeypatch: pytest.MonkeyPatch) -> None:
    """The till dies between the terminal and the database: the order write never happens."""

    def crash(*args: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(CheckoutService, "_write", crash)


def test_a_capture_left_behind_is_booked_once_at_the_next_start(
    services: Services, clerk: Actor, manager: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Terminal()
    till = with_terminal(services, terminal)
    with monkeypatch.context() as crashing:
        _crash_after_capture(crashing)
        with pytest.raises(RuntimeError):
            till.checkout.checkout(clerk, card())
    assert count(services.db.path, "orders") == 0
    assert [state for state, _ref, _detail in intents(services.db.path)] == ["captured"]

    done = with_terminal(services, terminal).checkout.resolve_pending()
    assert len(done) == 1 and done[0].startswith("booked T1-000001")
    assert with_terminal(services, terminal).checkout.resolve_pending() == []
    [row] = services.orders.list_orders(manager).rows
    order = services.orders.get_order(manager, row.number)
    assert (order.paid, order.payments[0].reference, order.clerk_name) == (400, "CAP-1", "clerk")
    assert terminal.given_back == []
    # The same key again is the same sale, one order.
    assert till.checkout.checkout(clerk, card()).id == order.id
    assert count(services.db.path, "orders") == 1
    assert services.admin.verify(manager).ok


def test_a_retry_before_the_next_start_leaves_one_order_per_key(
    services: Services, clerk: Actor, manager: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Terminal()
    till = with_terminal(services, terminal)
    with monkeypatch.context() as crashing:
        _crash_after_capture(crashing)
        with pytest.raises(RuntimeError):
            till.checkout.checkout(clerk, card())
    retried = till.checkout.checkout(clerk, card())  # charged again, booked
    done = till.checkout.resolve_pending()
    assert "was made without it" in done[0]
    assert terminal.given_back == ["CAP-1"]  # the first capture goes back
    assert count(services.db.path, "orders") == 1
    assert services.orders.get_order(manager, retried.number).payments[0].reference == "CAP-2"


def test_opening_the_database_resolves_what_was_left(
    services: Services, clerk: Actor, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    till = with_terminal(services, Terminal())
    with monkeypatch.context() as crashing:
        _crash_after_capture(crashing)
        with pytest.raises(RuntimeError):
            till.checkout.checkout(clerk, card(key=None))
    reopened = Services.open(db_path, hasher=FAST_HASHER)
    try:
        assert count(db_path, "orders") == 1
        assert [state for state, _ref, _detail in intents(db_path)] == ["booked"]
    finally:
        reopened.close()


@pytest.mark.parametrize("key", ["k1", None], ids=["keyed", "no key"])
def test_a_payment_another_till_resolved_meanwhile_is_booked_once_and_kept(
    services: Services, clerk: Actor, monkeypatch: pytest.MonkeyPatch, key: str | None
) -> None:
    """Another till starts while this one is between the terminal and the database."""
    terminal = Terminal()
    till = with_terminal(services, terminal)
    other = with_terminal(services, terminal, other_till=True)
    book = CheckoutService._book
    started: list[list[str]] = []

    def book_after_the_other_till_started(self: CheckoutService, *args: object, **kw: bool) -> object:
        if isinstance(args[-1], Attempt) and self is till.checkout and not started:
            started.append(other.checkout.resolve_pending())
        return book(self, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(CheckoutService, "_book", book_after_the_other_till_started)
    order = till.checkout.checkout(clerk, card(key))
    assert started[0][0].startswith("booked T1-000001")
    assert order.number == "T1-000001"
    assert count(services.db.path, "orders") == 1
    assert terminal.given_back == []
    assert [state for state, _ref, _detail in intents(services.db.path)] == ["booked"]


def test_another_tills_fresh_capture_is_left_to_it(
    services: Services, clerk: Actor, manager: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    till = with_terminal(services, Terminal())
    with monkeypatch.context() as crashing:
        _crash_after_capture(crashing)
        with pytest.raises(RuntimeError):
            till.checkout.checkout(clerk, card())
    services.settings.update(manager, {"till": "T2"})  # this start is another till's
    assert with_terminal(services, Terminal()).checkout.resolve_pending() == []
    with raw(services.db.path) as conn:
        conn.execute("UPDATE payment_intents SET updated_at = '2000-01-01T00:00:00.000000Z'")
    [done] = with_terminal(services, Terminal()).checkout.resolve_pending()
    assert done.startswith("booked T2-000001")
