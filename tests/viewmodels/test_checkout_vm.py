"""The till's sale view model: scans, quantities, discounts, totals, idempotent finish, open cart
kept on disk, parked sales."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pos_app.domain.cart import CheckoutRequest
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.users import Actor, Approval
from pos_app.services import Services
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.open_cart import wait_for_writes
from pos_app.viewmodels.session import Session
from tests.gui import SessionFor

MUG_BARCODE = "4006381333931"
TEA_BARCODE = "5012345000008"


@pytest.fixture
def cart_file(tmp_path: Path) -> Path:
    (tmp_path / "till").mkdir()
    return tmp_path / "till" / "open_cart.json"


@pytest.fixture
def session(session_for: SessionFor, clerk: Actor) -> Session:
    return session_for(clerk)


@pytest.fixture
def vm(session: Session, cart_file: Path) -> CheckoutViewModel:
    return CheckoutViewModel(session, cart_file)


def orders(services: Services, manager: Actor) -> int:
    return len(services.orders.list_orders(manager, limit=100).rows)


def cash(amount: int) -> list[Tender]:
    return [Tender(PaymentMethod.CASH, amount)]


def test_scans_add_lines_and_totals_follow(vm: CheckoutViewModel) -> None:
    assert vm.scan(MUG_BARCODE)
    assert vm.scan(TEA_BARCODE)
    assert vm.scan(MUG_BARCODE)  # a second scan adds to the line
    assert [(line.sku, line.qty) for line in vm.cart.lines] == [("MUG", 2), ("TEA", 1)]
    assert vm.lines.rowCount() == 2
    assert vm.lines.row_at(0).total == 800
    totals = vm.totals
    assert (totals.items, totals.subtotal, totals.total) == (3, 1055, 1055)
    assert totals.tax == 133 + 43  # 20 % included in each line
    assert vm.message_text == "Blue Mug × 2"


def test_sku_and_quantity_prefix(vm: CheckoutViewModel) -> None:
    assert vm.scan("3*CARD")
    assert vm.cart.lines[0].qty == 3
    assert vm.totals.total == 3 * 199


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("9999999999994", "no product with barcode or SKU '9999999999994'"),
        ("0*MUG", "quantity must be at least 1"),
        ("-2*MUG", "quantity must be at least 1"),
        ("10000*MUG", "quantity 10000 is more than 9999: check what was typed"),
        ("two*MUG", "'two' is not a quantity"),
        ("²*MUG", "'²' is not a quantity"),
        ("١٢*MUG", "'١٢' is not a quantity"),
        ("1_0*MUG", "'1_0' is not a quantity"),
        (f"{'9' * 5000}*MUG", f"'{'9' * 20}' is not a quantity"),
    ],
)
def test_bad_scans_say_why_and_change_nothing(
    vm: CheckoutViewModel, cart_file: Path, code: str, message: str
) -> None:
    vm.scan("TEA")
    vm.store.flush()
    before, saved = vm.cart, cart_file.read_text()
    messages: list[tuple[str, bool]] = []
    vm.message.connect(lambda text, error: messages.append((text, error)))
    assert not vm.scan(code)
    assert messages == [(message, True)]
    assert vm.cart == before
    vm.store.flush()
    assert cart_file.read_text() == saved


def test_quantity_changes_and_refusals(vm: CheckoutViewModel) -> None:
    vm.scan("MUG")
    assert vm.change_qty(0, 1)
    assert vm.set_qty_text(0, "5")
    assert vm.cart.lines[0].qty == 5
    for bad in ("0", "-1", "99999", "lots"):
        assert not vm.set_qty_text(0, bad)
        assert vm.message_is_error
    assert vm.set_qty(0, 1)
    assert not vm.change_qty(0, -1)
    assert vm.message_text == "quantity must be at least 1: press Del to remove the line"
    assert vm.cart.lines[0].qty == 1
    assert vm.lines.setData(vm.lines.index(0, 2), 4)  # the table's quantity cell
    assert vm.totals.total == 1600
    for junk in ("1_0", "²", float("inf"), 2.0, True, None):
        assert not vm.lines.setData(vm.lines.index(0, 2), junk)
    assert vm.cart.lines[0].qty == 4
    assert vm.lines.setData(vm.lines.index(0, 2), " 3 ")


def test_remove_line(vm: CheckoutViewModel) -> None:
    vm.scan("MUG")
    vm.scan("TEA")
    rows: list[int] = []
    vm.current_row.connect(rows.append)
    assert vm.remove(0)
    assert [line.sku for line in vm.cart.lines] == ["TEA"]
    assert rows == [0]
    assert not vm.remove(5)
    assert vm.remove(0)
    assert vm.quote is None and vm.totals.total == 0


def test_line_and_order_discounts(vm: CheckoutViewModel) -> None:
    vm.scan("2*MUG")
    vm.scan("TEA")
    assert vm.set_line_discount(0, "10%")
    assert vm.lines.row_at(0).discount == 80
    assert vm.set_order_discount("1.00")
    totals = vm.totals
    assert totals.discount == 80 + 100
    assert totals.total == 1055 - 180
    assert vm.set_line_discount(0, "0")  # removes it
    assert vm.totals.discount == 100


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("150%", "a discount cannot be more than 100%"),
        ("9.00", "a discount of 9.00 is more than the line (8.00)"),
        ("-1", "'-1' is negative"),
        ("abc", "'abc' is not an amount"),
        ("1.234", "'1.234' has more than 2 decimal places"),
        ("١٠%", "'١٠%' is not a percentage"),
        ("1e1%", "'1e1%' is not a percentage"),
        ("1_0%", "'1_0%' is not a percentage"),
        ("NaN%", "'NaN%' is not a percentage"),
        ("12.345%", "a percentage can have at most 2 decimals"),
        ("١", "'١' is not an amount"),
    ],
)
def test_bad_discounts_change_nothing(vm: CheckoutViewModel, text: str, message: str) -> None:
    vm.scan("2*MUG")
    before = vm.cart
    assert not vm.set_line_discount(0, text)
    assert vm.message_text == message
    assert vm.cart == before


def test_order_discount_needs_lines_and_stays_under_the_sale(vm: CheckoutViewModel) -> None:
    assert not vm.set_order_discount("10%")
    assert vm.message_text == "scan an item before giving a discount"
    vm.scan("MUG")
    assert not vm.set_order_discount("5.00")
    assert vm.message_text == "a discount of 5.00 is more than the sale (4.00)"


def test_finish_places_one_order_and_starts_a_new_sale(
    vm: CheckoutViewModel, services: Services, manager: Actor, cart_file: Path
) -> None:
    vm.scan("MUG")
    first_key = vm.key
    placed: list[Any] = []
    vm.finished.connect(placed.append)
    vm.checkout(cash(1000))
    assert len(placed) == 1 and placed[0].change_given == 600
    assert vm.cart.lines == () and vm.key != first_key
    vm.store.flush()
    assert not cart_file.exists()
    vm.checkout(cash(1000))  # a second click after it went through: nothing to sell
    assert orders(services, manager) == 1


class HeldRunner:
    """Holds submitted work until run(), like a slow disk: lets a double-click land mid-save."""

    def __init__(self) -> None:
        self.queue: list[tuple[Callable[[], Any], Callable[[Any], None], Callable[[Exception], None]]] = []

    def submit(self, work: Any, done: Any, failed: Any) -> None:
        self.queue.append((work, done, failed))

    def wait(self) -> None:
        return None

    def run(self) -> None:
        while self.queue:
            work, done, failed = self.queue.pop(0)
            try:
                result = work()
            except Exception as exc:
                failed(exc)
            else:
                done(result)


def test_double_click_while_saving_makes_one_order(
    services: Services, clerk: Actor, manager: Actor, cart_file: Path
) -> None:
    runner = HeldRunner()
    session = Session(services, runner)
    session.set_actor(clerk)
    vm = CheckoutViewModel(session, cart_file)
    vm.scan("MUG")
    vm.checkout(cash(500))
    vm.checkout(cash(500))
    assert vm.busy and len(runner.queue) == 1
    assert not vm.scan("TEA")  # the cart is frozen while it is being saved
    runner.run()
    assert orders(services, manager) == 1 and not vm.busy


def test_retry_after_a_crash_mid_checkout_is_the_same_sale(
    session: Session, services: Services, clerk: Actor, manager: Actor, cart_file: Path
) -> None:
    """The order was committed but the till died before it heard: the restored cart has the
    same key, so paying again returns the first order."""
    first = CheckoutViewModel(session, cart_file)
    first.scan("MUG")
    committed = services.checkout.checkout(clerk, CheckoutRequest(first.cart, tuple(cash(500)), first.key))
    again = CheckoutViewModel(session, cart_file)
    assert again.restore()
    placed: list[Any] = []
    again.finished.connect(placed.append)
    again.checkout(cash(500))
    assert placed[0].id == committed.id
    assert orders(services, manager) == 1


def test_changed_cart_after_a_crash_gets_a_new_key(
    session: Session, services: Services, clerk: Actor, manager: Actor, cart_file: Path
) -> None:
    first = CheckoutViewModel(session, cart_file)
    first.scan("MUG")
    services.checkout.checkout(clerk, CheckoutRequest(first.cart, tuple(cash(500)), first.key))
    again = CheckoutViewModel(session, cart_file)
    again.restore()
    again.scan("TEA")
    failures: list[str] = []
    again.checkout_failed.connect(failures.append)
    again.checkout(cash(1000))
    assert "already paid as T1-000001" in failures[0]
    again.checkout(cash(1000))  # now a sale of its own
    assert orders(services, manager) == 2


def test_same_cart_paid_another_way_after_a_crash_is_still_the_first_sale(
    session: Session, services: Services, clerk: Actor, manager: Actor, cart_file: Path
) -> None:
    """The key now refuses another request; the till recognises its own sale by its goods."""
    first = CheckoutViewModel(session, cart_file)
    first.scan("MUG")
    committed = services.checkout.checkout(clerk, CheckoutRequest(first.cart, tuple(cash(500)), first.key))
    again = CheckoutViewModel(session, cart_file)
    assert again.restore()
    placed: list[Any] = []
    again.finished.connect(placed.append)
    again.checkout(cash(1000))  # the cashier typed another amount this time
    assert placed[0].id == committed.id
    assert orders(services, manager) == 1


def test_open_cart_survives_a_restart(session: Session, cart_file: Path) -> None:
    vm = CheckoutViewModel(session, cart_file)
    vm.scan("2*MUG")
    vm.set_line_discount(0, "5%")
    vm.set_customer(None)
    vm.store.flush()
    saved = json.loads(cart_file.read_text())
    assert saved["key"] == vm.key and saved["cart"]["lines"][0]["qty"] == 2
    restored = CheckoutViewModel(session, cart_file)
    assert restored.restore()
    assert restored.cart == vm.cart and restored.key == vm.key
    assert restored.totals == vm.totals
    restored.clear()
    restored.store.flush()
    assert not cart_file.exists()
    assert not CheckoutViewModel(session, cart_file).restore()


def test_unreadable_open_cart_is_moved_aside(session: Session, cart_file: Path) -> None:
    cart_file.write_text("{not json")
    vm = CheckoutViewModel(session, cart_file)
    assert not vm.restore()
    assert cart_file.with_name("open_cart.json.bad").exists()
    assert vm.cart.lines == ()


def test_restore_leaves_out_products_no_longer_sold(
    session: Session, services: Services, manager: Actor, cart_file: Path
) -> None:
    vm = CheckoutViewModel(session, cart_file)
    vm.scan("MUG")
    vm.scan("TEA")
    services.catalog.edit_product(manager, "TEA", active=False)
    restored = CheckoutViewModel(session, cart_file)
    assert not restored.restore()
    assert [line.sku for line in restored.cart.lines] == ["MUG"]
    assert "1 line(s) no longer sold were left out" in restored.message_text


def test_park_and_resume(vm: CheckoutViewModel, session_for: SessionFor, manager: Actor) -> None:
    vm.scan("MUG")
    vm.set_customer("Ann")  # unknown customers are only refused at checkout
    assert vm.park("Ann's basket")
    assert vm.cart.lines == ()
    other_till = CheckoutViewModel(session_for(manager), vm.store.path.with_name("other.json"))
    [sale] = other_till.held_sales()
    assert sale.label == "Ann's basket"
    assert other_till.resume(sale.id)
    assert [line.sku for line in other_till.cart.lines] == ["MUG"]
    assert other_till.cart.customer == "Ann"
    assert vm.held_sales() == []


def test_resume_refused_over_an_open_sale_and_park_refused_when_empty(vm: CheckoutViewModel) -> None:
    assert not vm.park("nothing")
    assert vm.message_text == "there is nothing in the cart to park"
    vm.scan("MUG")
    vm.park("one")
    [sale] = vm.held_sales()
    vm.scan("TEA")
    assert not vm.resume(sale.id)
    assert vm.message_text == "finish or park the sale on the till first"


def test_customer_search_create_and_attach(vm: CheckoutViewModel) -> None:
    vm.scan("MUG")
    customer = vm.create_customer("Carol Jones", "carol@example.com", address="2 High St")
    assert vm.cart.customer == "Carol Jones"
    assert [c.name for c in vm.search_customers("car")] == [customer.name]
    from pos_app.domain.orders import Fulfilment

    assert vm.set_fulfilment(Fulfilment.DELIVERY)
    assert vm.cart.ship_to == "2 High St"  # taken from the customer's record


def test_large_clerk_discount_needs_a_manager(
    vm: CheckoutViewModel, services: Services, manager: Actor
) -> None:
    vm.scan("MUG")
    vm.set_order_discount("50%")
    assert vm.needs_approval
    reasons: list[str] = []
    vm.override_needed.connect(reasons.append)
    vm.checkout(cash(200))
    assert reasons and reasons[0].endswith("a manager can approve it")
    assert orders(services, manager) == 0
    vm.approve(Approval("manager", "1234", pin=True))
    assert not vm.needs_approval
    placed: list[Any] = []
    vm.finished.connect(placed.append)
    vm.checkout(cash(200))
    [event] = [e for e in placed[0].events if e.action == "override"]
    assert (event.user_name, event.approver_name) == ("clerk", "manager")


def test_approval_covers_only_the_discount_approved(vm: CheckoutViewModel, services: Services) -> None:
    vm.scan("MUG")
    vm.set_order_discount("20%")
    vm.approve(Approval("manager", "manager123"))
    assert not vm.needs_approval
    vm.set_order_discount("50%")
    assert vm.needs_approval


def test_a_failed_cart_write_is_reported(session: Session, tmp_path: Path) -> None:
    vm = CheckoutViewModel(session, tmp_path / "missing-folder" / "open_cart.json")
    vm.scan("MUG")
    wait_for_writes()  # the write into a missing folder has failed by now
    vm.scan("TEA")
    assert vm.message_text.startswith("the open sale could not be saved to disk")
    assert len(vm.cart.lines) == 2  # the sale goes on


def test_cart_table_passes_the_model_tester(vm: CheckoutViewModel, qtmodeltester: Any) -> None:
    vm.scan("MUG")
    vm.scan("TEA")
    vm.scan("MUG")
    vm.set_order_discount("5%")
    qtmodeltester.check(vm.lines)
    vm.remove(0)
    vm.clear()
    qtmodeltester.check(vm.lines)


def test_checkout_on_a_worker_thread(qtbot: Any, services: Services, clerk: Actor, cart_file: Path) -> None:
    """With the real task runner the sale is saved off the GUI thread and reported back on it."""
    from pos_app.viewmodels.tasks import TaskRunner

    session = Session(services, TaskRunner())
    session.set_actor(clerk)
    vm = CheckoutViewModel(session, cart_file)
    vm.scan("MUG")
    with qtbot.waitSignal(vm.finished, timeout=5000) as placed:
        vm.checkout(cash(500))
        assert vm.busy
    assert placed.args[0].total == 400
    assert not vm.busy and vm.cart.lines == ()


def test_each_database_keeps_its_own_open_sale(tmp_path: Path) -> None:
    from pos_app.viewmodels.open_cart import open_cart_path

    assert open_cart_path(tmp_path / "shop.sqlite3") != open_cart_path(tmp_path / "other.sqlite3")
    assert open_cart_path(tmp_path / "shop.sqlite3").parent == tmp_path


def test_a_line_selling_more_than_the_shelf_holds_is_warned_but_sold(
    vm: CheckoutViewModel, services: Services, manager: Actor
) -> None:
    assert vm.scan("10*MUG") and vm.lines.row_at(0).stock_note == ""
    assert vm.scan("MUG")
    assert vm.lines.row_at(0).stock_note == "only 10 in stock"
    assert vm.message_text == "Blue Mug × 11: only 10 in stock"
    vm.checkout(cash(vm.totals.cash_due))
    assert vm.last_order is not None  # negative stock is allowed here: the shelf is the truth
    services.settings.update(manager, {"allow_negative_stock": "false"})
    vm.scan("2*MUG")
    assert vm.lines.row_at(0).stock_note == "none in stock: lower the quantity to sell it"


def test_a_stock_warning_follows_every_line_of_the_product(vm: CheckoutViewModel) -> None:
    vm.scan("4*CARD")
    vm.set_line_discount(0, "10%")
    vm.scan("2*CARD")  # a line of its own: the first has a discount
    notes = [vm.lines.row_at(n).stock_note for n in range(2)]
    assert notes == ["only 5 in stock", "only 5 in stock"]
    vm.set_qty(1, 1)
    assert [vm.lines.row_at(n).stock_note for n in range(2)] == ["", ""]


def test_a_mistakes_message_goes_when_the_next_action_works(vm: CheckoutViewModel) -> None:
    vm.scan("MUG")
    assert not vm.change_qty(0, -1)
    assert vm.message_is_error and "at least 1" in vm.message_text
    assert vm.change_qty(0, 1)
    assert vm.message_text == "" and not vm.message_is_error
    assert not vm.set_line_discount(0, "abc%")
    assert vm.set_line_discount(0, "5%")
    assert vm.message_text == ""
    vm.refuse("select a line first")
    assert vm.set_customer("Dora")
    assert vm.message_text == ""
    assert not vm.scan("nothing-like-this")
    assert vm.scan("TEA") and vm.message_text == "Green Tea 50 bags × 1" and not vm.message_is_error
