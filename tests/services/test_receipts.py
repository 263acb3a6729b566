"""Receipts through the services: printed on the till's printer, a cash sale's first receipt
opening the drawer (and no later one), a failed printer never undoing the sale, and the drawer
opened without a sale chained in the journal."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.domain.denominations import count_of_sum
from pos_app.domain.errors import InvalidInput, NotFound, PermissionDenied, PrinterFailed
from pos_app.domain.printer import PrinterSetup
from pos_app.domain.receipt import ReceiptKind
from pos_app.domain.users import Actor
from pos_app.services import Services
from tests.helpers import raw, sell

KICK = b"\x1bp\x00"


class FakePrinter:
    def __init__(self) -> None:
        self.jobs: list[bytes] = []
        self.fail = False

    def __call__(self, setup: PrinterSetup, job: bytes) -> None:
        if self.fail:
            raise PrinterFailed(f"the {setup.describe()} did not print: out of paper")
        self.jobs.append(job)


@pytest.fixture
def printer(services: Services, manager: Actor, tmp_path: Path) -> FakePrinter:
    services.settings.update(manager, {"receipt_printer": "network:10.0.0.9", "receipt_paper": "58"})
    fake = FakePrinter()
    services.receipts.sender = fake
    return fake


def test_a_cash_sale_opens_the_drawer_once_and_a_card_sale_never(
    services: Services, clerk: Actor, manager: Actor, printer: FakePrinter
) -> None:
    cash = sell(services, clerk, cash=2000)
    services.receipts.print_sale(clerk, cash)
    services.receipts.print_sale(clerk, cash)  # printed again: no second opening
    card = sell(services, clerk)
    services.receipts.print_sale(clerk, card)
    services.receipts.print_sale(manager, sell(services, clerk, cash=2000))  # not the manager's sale
    assert [KICK in job for job in printer.jobs] == [True, False, False, False]
    assert all(b"T1-0000" in job and b"-" * 32 in job for job in printer.jobs)  # a 58 mm roll


def test_a_reprint_says_copy_and_a_gift_receipt_has_no_prices(
    services: Services, clerk: Actor, printer: FakePrinter
) -> None:
    order = sell(services, clerk, cash=2000)
    copy = services.receipts.print_receipt(clerk, order.number, ReceiptKind.COPY)
    gift = services.receipts.print_receipt(clerk, order.number, ReceiptKind.GIFT)
    assert copy.kind is ReceiptKind.COPY and b"*** COPY ***" in printer.jobs[0]
    assert gift.gift and b"GIFT RECEIPT" in printer.jobs[1] and b"TOTAL" not in printer.jobs[1]
    assert not any(KICK in job for job in printer.jobs)


def test_a_failed_printer_keeps_the_sale(services: Services, clerk: Actor, printer: FakePrinter) -> None:
    printer.fail = True
    order = sell(services, clerk, cash=2000)
    with pytest.raises(PrinterFailed, match=r"network printer 10\.0\.0\.9 did not print: out of paper"):
        services.receipts.print_sale(clerk, order)
    assert services.orders.get_order(clerk, order.number).total == order.total


def test_a_customer_gets_only_their_own_receipt(services: Services, clerk: Actor, bob: Actor) -> None:
    order = sell(services, clerk, customer="alice")
    with pytest.raises(NotFound):
        services.receipts.receipt(bob, order.number)


def test_the_drawer_opened_without_a_sale_is_in_the_journal(
    services: Services, manager: Actor, printer: FakePrinter, db_path: Path
) -> None:
    opened = services.receipts.open_drawer(manager, "change for the window cleaner")
    assert printer.jobs == [b"\x1b@" + KICK + b"22"]  # ESC p 0: a 100 ms pulse on pin 2
    with raw(db_path) as conn:
        kind, payload = conn.execute("SELECT kind, payload FROM journal ORDER BY seq DESC").fetchone()
    assert kind == "drawer_open" and opened.journal_hash
    assert '"user":"manager"' in payload and '"till":"T1"' in payload and "window cleaner" in payload
    assert services.admin.verify(manager).ok


def test_the_drawer_opening_is_logged_even_when_the_printer_fails(
    services: Services, manager: Actor, printer: FakePrinter, db_path: Path
) -> None:
    printer.fail = True
    with pytest.raises(PrinterFailed):
        services.receipts.open_drawer(manager)
    with raw(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM journal WHERE kind = 'drawer_open'").fetchone() == (1,)


def test_without_a_printer_the_drawer_cannot_be_opened(services: Services, manager: Actor) -> None:
    with pytest.raises(InvalidInput, match="has no receipt printer: the drawer opens through it"):
        services.receipts.open_drawer(manager)


def test_the_printer_is_this_tills_own_and_never_syncs(
    services: Services, manager: Actor, db_path: Path
) -> None:
    services.settings.update(manager, {"receipt_printer": "usb:04b8:0202", "store_name": "Renamed"})
    with raw(db_path) as conn:
        touched = {r[0] for r in conn.execute("SELECT entity_id FROM changes WHERE entity = 'setting'")}
    assert "store_name" in touched and not touched & {"receipt_printer", "receipt_paper"}


def test_a_cash_sale_printed_again_after_a_failure_still_opens_the_drawer(
    services: Services, clerk: Actor, printer: FakePrinter
) -> None:
    order = sell(services, clerk, cash=2000)
    printer.fail = True
    with pytest.raises(PrinterFailed):
        services.receipts.print_sale(clerk, order)
    printer.fail = False
    services.receipts.print_sale(clerk, order)
    services.receipts.print_sale(clerk, order)
    assert [KICK in job for job in printer.jobs] == [True, False]


def test_x_and_z_reports_print_for_whoever_may_see_them(
    services: Services, clerk: Actor, manager: Actor, alice: Actor, printer: FakePrinter
) -> None:
    services.settings.update(manager, {"cash_drawer": "sessions"})
    with pytest.raises(PermissionDenied):
        services.receipts.print_x_report(alice)
    with pytest.raises(InvalidInput, match="no cash drawer session is open"):
        services.receipts.print_x_report(clerk)  # nothing goes to the printer
    services.cash.open(clerk, count_of_sum(5000))
    x = services.receipts.print_x_report(clerk)
    assert x.kind == "X" and b"X REPORT" in printer.jobs[-1] and b"50.00" in printer.jobs[-1]
    with pytest.raises(InvalidInput):  # still open: no Z report yet
        services.receipts.print_z_report(clerk, x.label)
    closed = services.cash.close(clerk, count_of_sum(5000))
    with pytest.raises(PermissionDenied):
        services.receipts.print_z_report(alice)
    found = services.receipts.print_z_report(clerk)
    assert found == closed and b"Z REPORT" in printer.jobs[-1] and len(printer.jobs) == 2
    with pytest.raises(NotFound):
        services.receipts.print_z_report(clerk, "T1-S0042")
    assert services.receipts.print_z_report(manager, closed.report.label, paper=80).report == closed.report
    assert b"Journal head" in printer.jobs[-1]


def test_a_failed_print_of_the_z_report_leaves_the_session_closed(
    services: Services, clerk: Actor, manager: Actor, printer: FakePrinter
) -> None:
    services.settings.update(manager, {"cash_drawer": "sessions"})
    services.cash.open(clerk, count_of_sum(5000))
    closed = services.cash.close(clerk, count_of_sum(5000))
    printer.fail = True
    with pytest.raises(PrinterFailed, match="out of paper"):
        services.receipts.print_z_report(clerk)
    assert services.cash.z_report(clerk) == closed and services.cash.status(clerk).session is None
