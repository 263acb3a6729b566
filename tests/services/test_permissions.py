"""The permission matrix, enforced by the services themselves: each role calls each action.

The cases are generated from `POLICY`, so every action in the table is tried by every role: an
action added without a way to try it here fails `test_every_action_can_be_tried`, and a change
to who may do what fails `test_the_policy_table_is_the_documented_one` until this file agrees.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.denominations import count_of_sum
from pos_app.domain.errors import InvalidInput, InvalidTransition, NotFound, PermissionDenied
from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.policy import OVERRIDABLE, POLICY, Action, Scope
from pos_app.domain.pricing import Discount, DiscountKind
from pos_app.domain.records import OrderDetail
from pos_app.domain.reports import Grouping
from pos_app.domain.users import Actor, Approval, Role
from pos_app.services import Services
from tests.conftest import CATALOG, FAST_HASHER
from tests.helpers import dump, raw

PLACED, SHIPPED, UNPAID = "T1-000001", "T1-000002", "T1-000003"
NAMES = {Role.MANAGER: "manager", Role.CLERK: "clerk", Role.CUSTOMER: "alice"}


@dataclass
class World:
    """A shop with one of alice's delivery orders still in the shop, and one already shipped."""

    services: Services
    db_path: Path
    tmp_path: Path
    manager: Actor
    placed: OrderDetail
    shipped: OrderDetail


def _sell(services: Services, clerk: Actor, customer: str) -> OrderDetail:
    cart = Cart(
        (CartLine("MUG", 2), CartLine("TEA", 1)),
        customer,
        fulfilment=Fulfilment.DELIVERY,
        ship_to="1 Main St",
    )
    total = services.checkout.quote(cart).priced.total
    return services.checkout.checkout(
        clerk, CheckoutRequest(cart, (Tender(PaymentMethod.CARD, total, "R1"),))
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shop built once (users, catalogue, alice's two orders); each test gets a copy."""
    folder = tmp_path_factory.mktemp("permissions")
    path = folder / "template.sqlite3"
    svc = Services.open(path, create=True, hasher=FAST_HASHER)
    try:
        svc.auth.add_user(None, "manager", Role.MANAGER, "manager123", "1234")
        manager = svc.auth.login("manager", "manager123")
        svc.auth.add_user(manager, "clerk", Role.CLERK, "clerk123", "1111")
        svc.auth.add_user(manager, "alice", Role.CUSTOMER, "alice123")
        svc.auth.add_user(manager, "bob", Role.CUSTOMER, "bob123")
        (folder / "catalog.csv").write_text(CATALOG)
        svc.catalog.import_csv(manager, folder / "catalog.csv")
        svc.settings.update(manager, {"receipt_printer": f"file:{folder / 'printer'}"})
        clerk = svc.auth.login("clerk", "clerk123")
        assert _sell(svc, clerk, "alice").number == PLACED
        assert _sell(svc, clerk, "alice").number == SHIPPED
        svc.orders.update_order(manager, SHIPPED, status=OrderStatus.PROCESSING)
        svc.orders.update_order(manager, SHIPPED, status=OrderStatus.SHIPPED)
        alice = svc.auth.login("alice", "alice123")
        unpaid = svc.checkout.checkout(alice, CheckoutRequest(Cart((CartLine("MUG", 1),))))
        assert unpaid.number == UNPAID
        svc.cash.open(clerk, count_of_sum(20000))  # the till's drawer, open with a float of 200.00
    finally:
        svc.close()
    return path


@pytest.fixture
def services(template: Path, db_path: Path) -> Iterator[Services]:
    shutil.copy(template, db_path)
    svc = Services.open(db_path, hasher=FAST_HASHER)
    yield svc
    svc.close()


@pytest.fixture
def world(services: Services, db_path: Path, tmp_path: Path, manager: Actor) -> World:
    with raw(db_path) as conn:  # as sync flags an order that two tills changed apart
        conn.execute("UPDATE orders SET attention = 'not applied: cancelled' WHERE number = ?", (SHIPPED,))
    placed = services.orders.get_order(manager, PLACED)
    shipped = services.orders.get_order(manager, SHIPPED)
    return World(services, db_path, tmp_path, manager, placed, shipped)


def login(services: Services, role: Role) -> Actor:
    name = NAMES[role]
    return services.auth.login(name, f"{name}123")


def _cash_checkout(
    w: World, actor: Actor, discount: Discount | None = None, approval: Approval | None = None
) -> OrderDetail:
    cart = Cart((CartLine("MUG", 1),), order_discount=discount)
    return w.services.checkout.checkout(
        actor, CheckoutRequest(cart, (Tender(PaymentMethod.CASH, 1000),)), approval=approval
    )


# -- one way to try each action, on an order the actor's scope covers (alice's, not shipped) --


def view_orders(w: World, actor: Actor) -> None:
    assert w.services.orders.get_order(actor, w.placed.number).id == w.placed.id
    assert w.placed.number in [r.number for r in w.services.orders.list_orders(actor).rows]


def checkout(w: World, actor: Actor) -> None:
    if actor.role is Role.CUSTOMER:
        # A customer's own checkout places the order; staff take the money.
        order = w.services.checkout.checkout(actor, CheckoutRequest(Cart((CartLine("MUG", 1),))))
        assert (order.status, order.balance_due) == (OrderStatus.PLACED, 400)
        return
    order = _cash_checkout(w, actor)
    assert order.status is OrderStatus.COMPLETED


def take_payment(w: World, actor: Actor) -> None:
    order = w.services.orders.take_payment(actor, UNPAID, [Tender(PaymentMethod.CASH, 1000)])
    assert (order.balance_due, order.change_given) == (0, 600)


def give_credit(w: World, actor: Actor) -> None:
    assert w.services.credit.give(actor, "alice", 500, "goodwill").balance == 500


def park_sale(w: World, actor: Actor) -> None:
    sale = w.services.held.park(actor, "blue coat", Cart((CartLine("MUG", 1),)))
    assert [s.id for s in w.services.held.list(actor)] == [sale.id]
    assert w.services.held.resume(actor, sale.id).lines == (CartLine("MUG", 1),)


def change_status(w: World, actor: Actor) -> None:
    order = w.services.orders.update_order(actor, w.placed.number, status=OrderStatus.PROCESSING)
    assert order.status is OrderStatus.PROCESSING


def edit_shipping(w: World, actor: Actor) -> None:
    order = w.services.orders.update_order(actor, w.placed.number, ship_to="2 New Road")
    assert order.ship_to == "2 New Road"


def add_note(w: World, actor: Actor) -> None:
    order = w.services.orders.update_order(actor, w.placed.number, note="leave with neighbour")
    assert order.note == "leave with neighbour"


def cancel(w: World, actor: Actor) -> None:
    assert w.services.orders.cancel(actor, w.placed.number).status is OrderStatus.CANCELLED


def refund(w: World, actor: Actor) -> None:
    assert w.services.orders.refund(actor, w.placed.number, lines={"MUG": 1}).refunded == 400


def give_discount(w: World, actor: Actor) -> None:
    assert _cash_checkout(w, actor, Discount(DiscountKind.PERCENT, 1000)).discount == 40


def discount_over_limit(w: World, actor: Actor) -> None:
    assert _cash_checkout(w, actor, Discount(DiscountKind.PERCENT, 5000)).total == 200


def manage_catalog(w: World, actor: Actor) -> None:
    w.services.catalog.add_product(actor, "SCARF", "Wool Scarf", 1500, 2000)
    assert w.services.catalog.edit_product(actor, "SCARF", price=1400).price == 1400
    assert w.services.catalog.export_csv(actor, w.tmp_path / "out.csv") == 4


def receive_stock(w: World, actor: Actor) -> None:
    assert w.services.stock.receive(actor, "CARD", 5).on_hand == 10
    assert w.services.stock.levels(actor, "CARD")[0].on_hand == 10


def adjust_stock(w: World, actor: Actor) -> None:
    assert w.services.stock.adjust(actor, "CARD", -2, "two torn").on_hand == 3


def manage_customers(w: World, actor: Actor) -> None:
    w.services.customers.add(actor, "Zoe Quinn", email="zoe@example.com")
    assert [c.name for c in w.services.customers.search(actor, "Zoe")] == ["Zoe Quinn"]


def manage_users(w: World, actor: Actor) -> None:
    w.services.auth.add_user(actor, "newclerk", Role.CLERK, "secret99")
    assert "newclerk" in [u.name for u in w.services.auth.list_users(actor)]


def manage_settings(w: World, actor: Actor) -> None:
    assert w.services.settings.update(actor, {"store_name": "Renamed"}).store_name == "Renamed"


def approve_override(w: World, actor: Actor) -> None:
    assert w.services.auth.approve(Approval(actor.name, f"{actor.name}123")).name == actor.name


def audit(w: World, actor: Actor) -> None:
    assert w.services.admin.verify(actor).ok
    assert w.services.admin.backup(actor, w.tmp_path / "copy.sqlite3").exists()


def cash_drawer(w: World, actor: Actor) -> None:
    cash = w.services.cash
    cash.cash_in(actor, 500, "change from the bank")
    status = cash.status(actor)
    assert status.session is not None and status.expected == 20500
    closed = cash.close(actor, count_of_sum(status.expected))
    assert closed.report.difference == 0 and closed.report.closed_by == actor.name
    assert cash.z_report(actor).report.label == closed.report.label
    assert cash.open(actor, count_of_sum(10000)).is_open
    assert cash.x_report(actor).expected == 10000


def cash_over_limit(w: World, actor: Actor) -> None:
    # Over the shop's 50.00 pay-out limit: a manager pays it out alone.
    moved = w.services.cash.cash_out(actor, 6000, "supplier paid in cash")
    assert (moved.amount, moved.approver_name) == (-6000, "")


def open_drawer(w: World, actor: Actor) -> None:
    opened = w.services.receipts.open_drawer(actor, "change for the float")
    assert (opened.user_name, opened.till) == (actor.name, "T1")
    assert w.services.admin.verify(w.manager).ok  # chained in the journal


def view_reports(w: World, actor: Actor) -> None:
    today = datetime.now().astimezone().date()
    report = w.services.reports.sales(actor, today - timedelta(days=6), today, Grouping.CATEGORY)
    assert report.totals.sales.orders >= 1


ATTEMPTS: dict[Action, Callable[[World, Actor], None]] = {
    Action.VIEW_ORDERS: view_orders,
    Action.CHECKOUT: checkout,
    Action.PARK_SALE: park_sale,
    Action.CHANGE_STATUS: change_status,
    Action.EDIT_SHIPPING: edit_shipping,
    Action.ADD_NOTE: add_note,
    Action.CANCEL: cancel,
    Action.REFUND: refund,
    Action.TAKE_PAYMENT: take_payment,
    Action.GIVE_CREDIT: give_credit,
    Action.GIVE_DISCOUNT: give_discount,
    Action.DISCOUNT_OVER_LIMIT: discount_over_limit,
    Action.MANAGE_CATALOG: manage_catalog,
    Action.RECEIVE_STOCK: receive_stock,
    Action.ADJUST_STOCK: adjust_stock,
    Action.MANAGE_CUSTOMERS: manage_customers,
    Action.MANAGE_USERS: manage_users,
    Action.MANAGE_SETTINGS: manage_settings,
    Action.APPROVE_OVERRIDE: approve_override,
    Action.AUDIT: audit,
    Action.SYNC: lambda w, actor: w.services.admin.check_sync(actor),
    Action.RESOLVE_ATTENTION: lambda w, actor: w.services.orders.resolve_attention(actor, w.shipped.number),
    Action.CASH_DRAWER: cash_drawer,
    Action.CASH_OVER_LIMIT: cash_over_limit,
    Action.OPEN_DRAWER: open_drawer,
    Action.VIEW_REPORTS: view_reports,
}

ORDER_ACTIONS = (
    Action.VIEW_ORDERS,
    Action.CHANGE_STATUS,
    Action.EDIT_SHIPPING,
    Action.ADD_NOTE,
    Action.CANCEL,
    Action.REFUND,
)

# What the design documents, written out so a change to the table is a conscious one.
M, C, K = Role.MANAGER, Role.CLERK, Role.CUSTOMER
DOCUMENTED = {
    Action.VIEW_ORDERS: {M: Scope.ANY, C: Scope.ANY, K: Scope.OWN},
    Action.CHECKOUT: {M: Scope.ANY, C: Scope.ANY, K: Scope.OWN},
    Action.PARK_SALE: {M: Scope.ANY, C: Scope.ANY},
    Action.CHANGE_STATUS: {M: Scope.ANY, C: Scope.ANY},
    Action.EDIT_SHIPPING: {M: Scope.ANY, C: Scope.UNSHIPPED, K: Scope.OWN_UNSHIPPED},
    Action.ADD_NOTE: {M: Scope.ANY, C: Scope.ANY, K: Scope.OWN},
    Action.CANCEL: {M: Scope.ANY, K: Scope.OWN_UNSHIPPED},
    Action.REFUND: {M: Scope.ANY},
    Action.TAKE_PAYMENT: {M: Scope.ANY, C: Scope.ANY},
    Action.GIVE_CREDIT: {M: Scope.ANY},
    Action.GIVE_DISCOUNT: {M: Scope.ANY, C: Scope.ANY},
    Action.DISCOUNT_OVER_LIMIT: {M: Scope.ANY},
    Action.MANAGE_CATALOG: {M: Scope.ANY},
    Action.RECEIVE_STOCK: {M: Scope.ANY, C: Scope.ANY},
    Action.ADJUST_STOCK: {M: Scope.ANY},
    Action.MANAGE_CUSTOMERS: {M: Scope.ANY, C: Scope.ANY},
    Action.MANAGE_USERS: {M: Scope.ANY},
    Action.MANAGE_SETTINGS: {M: Scope.ANY},
    Action.APPROVE_OVERRIDE: {M: Scope.ANY},
    Action.AUDIT: {M: Scope.ANY},
    Action.SYNC: {M: Scope.ANY, C: Scope.ANY},
    Action.RESOLVE_ATTENTION: {M: Scope.ANY},
    Action.CASH_DRAWER: {M: Scope.ANY, C: Scope.ANY},
    Action.CASH_OVER_LIMIT: {M: Scope.ANY},
    Action.OPEN_DRAWER: {M: Scope.ANY},
    Action.VIEW_REPORTS: {M: Scope.ANY},
}


def test_every_action_can_be_tried() -> None:
    assert set(ATTEMPTS) == set(POLICY) == set(Action)


def test_the_policy_table_is_the_documented_one() -> None:
    assert POLICY == DOCUMENTED
    assert {
        Action.CANCEL,
        Action.REFUND,
        Action.DISCOUNT_OVER_LIMIT,
        Action.EDIT_SHIPPING,
        Action.CASH_OVER_LIMIT,
        Action.OPEN_DRAWER,
    } == OVERRIDABLE


MATRIX = [
    pytest.param(
        action, role, role in rules, id=f"{role.value}-{'may' if role in rules else 'may-not'}-{action.name}"
    )
    for action, rules in POLICY.items()
    for role in Role
]


@pytest.mark.parametrize(("action", "role", "allowed"), MATRIX)
def test_the_matrix(world: World, action: Action, role: Role, allowed: bool) -> None:
    actor = login(world.services, role)
    if allowed:
        ATTEMPTS[action](world, actor)
        return
    before = dump(world.db_path)
    with pytest.raises(PermissionDenied, match=f"a {role.value} may not"):
        ATTEMPTS[action](world, actor)
    assert dump(world.db_path) == before


@pytest.mark.parametrize("action", ORDER_ACTIONS, ids=lambda a: a.name)
def test_a_customer_gets_not_found_for_someone_elses_order(world: World, bob: Actor, action: Action) -> None:
    before = dump(world.db_path)
    with pytest.raises(NotFound, match=f"no order {world.placed.number}"):
        ATTEMPTS[action](world, bob)
    assert dump(world.db_path) == before


@pytest.mark.parametrize(
    "role",
    [
        r
        for r, scope in POLICY[Action.EDIT_SHIPPING].items()
        if scope in (Scope.UNSHIPPED, Scope.OWN_UNSHIPPED)
    ],
    ids=lambda r: r.value,
)
def test_shipping_rights_limited_to_unshipped_orders_end_when_it_ships(world: World, role: Role) -> None:
    actor = login(world.services, role)
    before = dump(world.db_path)
    with pytest.raises(PermissionDenied, match="once an order is shipped"):
        world.services.orders.update_order(actor, world.shipped.number, ship_to="9 Late Lane")
    assert dump(world.db_path) == before


def test_a_customer_cannot_cancel_once_the_shop_is_working_on_it(
    world: World, alice: Actor, manager: Actor
) -> None:
    world.services.orders.update_order(manager, world.placed.number, status=OrderStatus.PROCESSING)
    with pytest.raises(PermissionDenied):
        world.services.orders.cancel(alice, world.placed.number)
    with pytest.raises(InvalidTransition, match="cannot be cancelled"):
        world.services.orders.cancel(alice, world.shipped.number)
    assert world.services.orders.get_order(manager, world.placed.number).status is OrderStatus.PROCESSING


# -- manager override: the overridable actions pass for a clerk with a manager's approval --


def _override_cancel(w: World, clerk: Actor, approval: Approval | None) -> OrderDetail:
    return w.services.orders.cancel(clerk, w.placed.number, approval=approval)


def _override_refund(w: World, clerk: Actor, approval: Approval | None) -> OrderDetail:
    return w.services.orders.refund(clerk, w.shipped.number, lines={"TEA": 1}, approval=approval)


def _override_discount(w: World, clerk: Actor, approval: Approval | None) -> OrderDetail:
    return _cash_checkout(w, clerk, Discount(DiscountKind.PERCENT, 5000), approval)


def _override_shipping(w: World, clerk: Actor, approval: Approval | None) -> OrderDetail:
    # A clerk may edit shipping details only before the order ships.
    return w.services.orders.update_order(clerk, w.shipped.number, tracking="RM1GB", approval=approval)


Override = Callable[[World, Actor, Approval | None], list[tuple[str, str]]]


def _override_payout(w: World, clerk: Actor, approval: Approval | None) -> list[tuple[str, str]]:
    moved = w.services.cash.cash_out(clerk, 6000, "supplier paid in cash", approval)
    return [(moved.user_name, moved.approver_name)]


def _override_drawer(w: World, clerk: Actor, approval: Approval | None) -> list[tuple[str, str]]:
    opened = w.services.receipts.open_drawer(clerk, "", approval)
    return [(opened.user_name, opened.approver_name)]


def _names(change: Callable[[World, Actor, Approval | None], OrderDetail]) -> Override:
    """Who acted and who approved, from the order's history."""

    def attempt(w: World, clerk: Actor, approval: Approval | None) -> list[tuple[str, str]]:
        order = change(w, clerk, approval)
        return [(e.user_name, e.approver_name) for e in order.events if e.approver_name]

    return attempt


OVERRIDES: dict[Action, Override] = {
    Action.CANCEL: _names(_override_cancel),
    Action.REFUND: _names(_override_refund),
    Action.DISCOUNT_OVER_LIMIT: _names(_override_discount),
    Action.EDIT_SHIPPING: _names(_override_shipping),
    Action.CASH_OVER_LIMIT: _override_payout,
    Action.OPEN_DRAWER: _override_drawer,
}


def test_every_overridable_action_is_tried() -> None:
    assert set(OVERRIDES) == OVERRIDABLE


@pytest.mark.parametrize("action", sorted(OVERRIDABLE), ids=lambda a: a.name)
def test_a_manager_override_lets_a_clerk_through_and_both_names_are_kept(
    world: World, clerk: Actor, action: Action
) -> None:
    before = dump(world.db_path)
    with pytest.raises(PermissionDenied, match="a manager can approve it"):
        OVERRIDES[action](world, clerk, None)
    assert dump(world.db_path) == before

    with pytest.raises(PermissionDenied, match="only a manager"):
        OVERRIDES[action](world, clerk, Approval("clerk", "clerk123"))
    assert dump(world.db_path) == before

    assert OVERRIDES[action](world, clerk, Approval("manager", "manager123")) == [("clerk", "manager")]
    assert world.services.admin.verify(world.manager).ok


@pytest.mark.parametrize("action", [Action.CHANGE_STATUS, Action.REFUND, Action.CANCEL], ids=lambda a: a.name)
def test_only_a_clerk_can_be_let_through_by_an_override(world: World, alice: Actor, action: Action) -> None:
    """The override is the clerk's way to ask a manager; a customer's log-in never gains rights."""
    approval = Approval("manager", "manager123")
    world.services.orders.update_order(world.manager, world.placed.number, status=OrderStatus.PROCESSING)
    before = dump(world.db_path)
    with pytest.raises(PermissionDenied):
        if action is Action.CHANGE_STATUS:
            world.services.orders.update_order(
                alice, world.placed.number, status=OrderStatus.SHIPPED, approval=approval
            )
        elif action is Action.REFUND:
            world.services.orders.refund(alice, world.placed.number, approval=approval)
        else:
            world.services.orders.cancel(alice, world.placed.number, approval=approval)
    assert dump(world.db_path) == before


def test_a_checkout_key_does_not_show_a_customer_someone_elses_sale(
    world: World, bob: Actor, clerk: Actor
) -> None:
    """Replaying a key returns the first order: only to someone who may see that order."""
    key = "self-service-1"
    cart = Cart((CartLine("TEA", 1),))
    first = world.services.checkout.checkout(
        clerk, CheckoutRequest(cart, (Tender(PaymentMethod.CASH, 255),), key=key)
    )
    again = CheckoutRequest(cart, (Tender(PaymentMethod.CASH, 255),), key=key)
    assert world.services.checkout.checkout(clerk, again).id == first.id
    alices = world.services.checkout.checkout(
        login(world.services, Role.CUSTOMER), CheckoutRequest(cart, (), key="a-1")
    )
    before = dump(world.db_path)
    with pytest.raises(InvalidInput, match="key"):
        world.services.checkout.checkout(bob, CheckoutRequest(cart, (), key="a-1"))
    assert dump(world.db_path) == before
    assert alices.customer_name == "alice"


def test_set_up_without_a_log_in_ends_with_the_first_user(world: World) -> None:
    before = dump(world.db_path)
    with pytest.raises(PermissionDenied, match="log in as a manager"):
        world.services.settings.update(None, {"store_name": "Hijacked"})
    with pytest.raises(PermissionDenied, match="log in as a manager"):
        world.services.auth.add_user(None, "intruder", Role.MANAGER, "intruder1")
    assert dump(world.db_path) == before
    assert world.services.settings.current().store_name != "Hijacked"


# -- sessions: the services trust a log-in, never an Actor a caller builds -------------------------

FORGED_SESSIONS = {
    "no session": lambda real, clerk: "",
    "an invented session": lambda real, clerk: "invented-token",
    "the clerk's session": lambda real, clerk: clerk.session,
}


@pytest.mark.parametrize("forged", FORGED_SESSIONS)
@pytest.mark.parametrize("action", sorted(set(Action) - {Action.APPROVE_OVERRIDE}), ids=lambda a: a.name)
def test_a_forged_manager_is_refused_every_action(
    world: World, clerk: Actor, action: Action, forged: str
) -> None:
    """The manager's real id and role, with no session or one that is not theirs."""
    real = world.manager
    fake = Actor(real.user_id, real.name, Role.MANAGER, session=FORGED_SESSIONS[forged](real, clerk))
    before = dump(world.db_path)
    with pytest.raises(PermissionDenied, match=r"^your session has ended: log in again$"):
        ATTEMPTS[action](world, fake)
    assert dump(world.db_path) == before


@pytest.mark.parametrize("action", [Action.MANAGE_USERS, Action.REFUND, Action.AUDIT], ids=lambda a: a.name)
def test_a_clerk_claiming_the_manager_role_in_their_own_session_stays_a_clerk(
    world: World, clerk: Actor, action: Action
) -> None:
    promoted = Actor(clerk.user_id, clerk.name, Role.MANAGER, session=clerk.session)
    before = dump(world.db_path)
    with pytest.raises(PermissionDenied, match="a clerk may not"):
        ATTEMPTS[action](world, promoted)
    assert dump(world.db_path) == before
