"""Random interleavings of sales, payments, status edits, notes, refunds, cancels, stock moves,
price edits, customers, users, settings, clock skews and syncs at three tills of one shop:
after a last sync round every replica holds the same shop (normalized full dumps) and every
product's stock is the sum of its ledger. Each example is a new shop of new tills on the one
central database of the run (till roles are cluster-wide: every till has a code of its own)."""

from __future__ import annotations

from contextlib import ExitStack, suppress
from pathlib import Path
from typing import ClassVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.errors import InvalidInput, LoginFailed, NotFound, PermissionDenied, PosError
from pos_app.domain.orders import Fulfilment, next_statuses
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.users import Actor, Role
from tests.helpers import sell
from tests.sync.apart import HOUR_MS, Clock, attention, clock_of, shop_of, stock_matches_ledger
from tests.sync.conftest import PgServer
from tests.sync.shop import Till, assert_converged, sync_all

SKUS = ("MUG", "TEA", "CARD")
LINES = st.lists(
    st.builds(CartLine, st.sampled_from(SKUS), st.integers(1, 3)),
    min_size=1,
    max_size=2,
    unique_by=lambda x: x.sku,
)
CUSTOMERS = (None, "alice", "Dana", "Fox")  # None: no customer (an in-store sale only)
TILL = st.integers(0, 2)
# An index into the orders made so far, often one of the first (that every till holds).
ORDER = st.one_of(st.integers(0, 2), st.integers(0, 10_000))


class Interleavings(RuleBasedStateMachine):
    server: ClassVar[PgServer]
    folder: ClassVar[Path]

    def __init__(self) -> None:
        super().__init__()
        self._stack = ExitStack()
        self.tills: list[Till] = self._stack.enter_context(shop_of(self.server, self.folder, 3, prefix="H"))
        self.clocks: list[Clock] = [clock_of(till) for till in self.tills]
        self.numbers: list[str] = []
        self._actors: dict[tuple[int, str], Actor] = {}

    @initialize(
        fulfilments=st.lists(st.sampled_from(Fulfilment), min_size=1, max_size=3), unpaid=st.booleans()
    )
    def orders_everyone_knows(self, fulfilments: list[Fulfilment], unpaid: bool) -> None:
        """Orders every till holds before they part: the ones two tills can then change apart."""
        first = self.tills[0]
        lines = (CartLine("MUG", 1), CartLine("TEA", 2))
        if unpaid:  # to be paid at pickup: maybe at two tills
            self.order_to_pay_later(0, list(lines), pickup=True)
        for fulfilment in fulfilments:
            customer = None if fulfilment is Fulfilment.IN_STORE else "alice"
            self.numbers.append(
                sell(first.services, self._as(0, "clerk"), customer, fulfilment, lines).number
            )
        sync_all(self.tills)

    def _as(self, till: int, name: str) -> Actor:
        key = (till, name)
        if key not in self._actors:
            self._actors[key] = self.tills[till].login(name)
        return self._actors[key]

    def _order(self, index: int) -> str:
        return self.numbers[index % len(self.numbers)]

    # -- what the tills do while apart -----------------------------------------------------

    @rule(
        till=TILL,
        lines=LINES,
        fulfilment=st.sampled_from(Fulfilment),
        customer=st.sampled_from(CUSTOMERS),
        cash=st.booleans(),
    )
    def sale(
        self, till: int, lines: list[CartLine], fulfilment: Fulfilment, customer: str | None, cash: bool
    ) -> None:
        if customer is None and fulfilment is not Fulfilment.IN_STORE:
            customer = "alice"
        services = self.tills[till].services
        tendered = 10_000 * cash  # cash enough for any price the rules set: change is given
        try:
            order = sell(services, self._as(till, "clerk"), customer, fulfilment, tuple(lines), tendered)
        except NotFound:
            return  # a customer added at another till, not here yet
        self.numbers.append(order.number)

    @rule(till=TILL, lines=LINES, pickup=st.booleans())
    def order_to_pay_later(self, till: int, lines: list[CartLine], pickup: bool) -> None:
        fulfilment = Fulfilment.PICKUP if pickup else Fulfilment.IN_STORE
        cart = Cart(tuple(lines), "alice", fulfilment=fulfilment)
        try:
            order = self.tills[till].services.checkout.checkout(
                self._as(till, "alice"), CheckoutRequest(cart, ())
            )
        except (LoginFailed, PermissionDenied):
            self._actors.pop((till, "alice"), None)
            return  # alice was deactivated here (or at a till this one has heard from)
        self.numbers.append(order.number)

    @precondition(lambda self: self.numbers)
    @rule(till=TILL, order=ORDER, card=st.booleans())
    def take_payment(self, till: int, order: int, card: bool) -> None:
        services = self.tills[till].services
        try:
            due = services.orders.get_order(self._as(till, "clerk"), self._order(order)).balance_due
            method = PaymentMethod.CARD if card else PaymentMethod.CASH
            tender = Tender(method, due if card else due + 100, "T-1" if card else "")
            services.orders.take_payment(self._as(till, "clerk"), self._order(order), [tender])
        except PosError:
            pass  # not here yet, nothing left to pay: the till refuses, as it should

    @precondition(lambda self: self.numbers)
    @rule(till=TILL, order=ORDER, move=st.integers(0, 3), note=st.sampled_from(["", "a", "b"]))
    def edit(self, till: int, order: int, move: int, note: str) -> None:
        """A move the machine allows from where the order is at this till (and/or a note)."""
        orders = self.tills[till].services.orders
        manager = self._as(till, "manager")
        with suppress(PosError):
            found = orders.get_order(manager, self._order(order))
            moves = next_statuses(found.status, found.fulfilment, Role.MANAGER)
            status = moves[move % len(moves)] if moves and move else None
            if status is not None or note:
                orders.update_order(manager, found.number, status=status, note=note or None)

    @precondition(lambda self: self.numbers)
    @rule(
        till=TILL,
        order=ORDER,
        line=st.integers(0, 1),
        qty=st.integers(1, 2),
        whole=st.booleans(),
        restock=st.booleans(),
    )
    def refund(self, till: int, order: int, line: int, qty: int, whole: bool, restock: bool) -> None:
        services = self.tills[till].services
        manager = self._as(till, "manager")
        with suppress(PosError):  # refusals are part of the walk; the invariants are checked at the end
            found = services.orders.get_order(manager, self._order(order)).lines
            lines = None if whole else {found[line % len(found)].sku: qty}
            services.orders.refund(manager, self._order(order), lines=lines, restock=restock)

    @precondition(lambda self: self.numbers)
    @rule(till=TILL, order=ORDER)
    def cancel(self, till: int, order: int) -> None:
        with suppress(PosError):
            self.tills[till].services.orders.cancel(self._as(till, "manager"), self._order(order))

    @rule(till=TILL, sku=st.sampled_from(SKUS), qty=st.integers(-3, 6).filter(bool))
    def stock_move(self, till: int, sku: str, qty: int) -> None:
        stock = self.tills[till].services.stock
        if qty > 0:
            stock.receive(self._as(till, "manager"), sku, qty, "delivery")
        else:
            stock.adjust(self._as(till, "manager"), sku, qty, "counted")

    @rule(till=TILL, sku=st.sampled_from(SKUS), price=st.integers(50, 900))
    def price(self, till: int, sku: str, price: int) -> None:
        self.tills[till].services.catalog.edit_product(self._as(till, "manager"), sku, price=price)

    @rule(till=TILL, name=st.sampled_from(CUSTOMERS[1:]), phone=st.sampled_from(["1", "2"]))
    def add_customer(self, till: int, name: str, phone: str) -> None:
        with suppress(InvalidInput):  # refused when the name is known here already
            self.tills[till].services.customers.add(self._as(till, "manager"), name, phone=phone)

    @rule(till=TILL, active=st.booleans(), pin=st.sampled_from([None, "2468", "1357"]))
    def alice(self, till: int, active: bool, pin: str | None) -> None:
        auth = self.tills[till].services.auth
        auth.set_active(self._as(till, "manager"), "alice", active)
        auth.set_user_pin(self._as(till, "manager"), "alice", pin)

    @rule(till=TILL, key=st.sampled_from(["store_name", "receipt_footer"]), value=st.sampled_from(["x", "y"]))
    def setting(self, till: int, key: str, value: str) -> None:
        self.tills[till].services.settings.update(self._as(till, "manager"), {key: value})

    @rule(till=TILL, hours=st.integers(-6, 6))
    def skew(self, till: int, hours: int) -> None:
        self.clocks[till].offset_ms = hours * HOUR_MS

    @rule(till=TILL)
    def sync(self, till: int) -> None:
        self.tills[till].sync()

    # -- after a last round of syncs ---------------------------------------------------------

    def teardown(self) -> None:
        try:
            sync_all(self.tills)
            assert_converged(self.tills)
            levels = [stock_matches_ledger(till) for till in self.tills]
            assert levels[0] == levels[1] == levels[2]
            for number in self.numbers:
                assert len({attention(till, number) for till in self.tills}) == 1
        finally:
            self._stack.close()


def test_random_interleavings_at_three_tills_converge(pg_server: PgServer, tmp_path: Path) -> None:
    Interleavings.server = pg_server
    Interleavings.folder = tmp_path
    run_state_machine_as_test(
        Interleavings,
        settings=settings(
            max_examples=18,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
