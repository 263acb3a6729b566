"""The customer display follows the sale: welcome, lines as scanned with the total, then the
change; back to the welcome after a while, on a void, or when the sale screen closes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.users import Actor
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.customer_display import CustomerDisplayViewModel, DisplayLine, DisplayMode
from tests.gui import SessionFor


def test_the_display_follows_a_sale_to_its_change(
    qtbot: QtBot, session_for: SessionFor, clerk: Actor, tmp_path: Path
) -> None:
    session = session_for(clerk)
    sale = CheckoutViewModel(session, tmp_path / "cart.json")
    display = CustomerDisplayViewModel(session, thanks_ms=50)
    display.follow(sale)
    assert display.mode is DisplayMode.IDLE and display.shop_name == "pos_app shop"
    with qtbot.waitSignal(display.changed):
        sale.scan("MUG")
    sale.scan("2*TEA")
    assert display.mode is DisplayMode.SALE
    assert display.lines == [
        DisplayLine("Blue Mug", "", "£4.00"),
        DisplayLine("Green Tea 50 bags", "2 × £2.55", "£5.10"),
    ]
    assert (display.items, display.total) == ("3 items", "£9.10")
    sale.checkout([Tender(PaymentMethod.CASH, 2000)])
    assert display.mode is DisplayMode.PAID
    assert (display.total, display.paid, display.change) == ("£9.10", "£20.00", "£10.90")
    qtbot.waitUntil(lambda: display.mode is DisplayMode.IDLE, timeout=2000)
    assert display.lines == [] and display.total == ""


def test_a_void_or_closing_the_sale_screen_shows_the_welcome(
    session_for: SessionFor, clerk: Actor, tmp_path: Path
) -> None:
    session = session_for(clerk)
    sale = CheckoutViewModel(session, tmp_path / "cart.json")
    display = CustomerDisplayViewModel(session)
    display.follow(sale)
    sale.scan("MUG")
    sale.clear()
    assert display.mode is DisplayMode.IDLE
    sale.scan("MUG")
    display.stop()
    assert display.mode is DisplayMode.IDLE
    sale.scan("TEA")  # no longer followed
    QCoreApplication.processEvents()
    assert display.mode is DisplayMode.IDLE


def test_a_long_sale_shows_its_latest_lines(
    session_for: SessionFor, clerk: Actor, manager: Actor, tmp_path: Path
) -> None:
    session = session_for(clerk)
    sale = CheckoutViewModel(session, tmp_path / "cart.json")
    display = CustomerDisplayViewModel(session)
    display.follow(sale)
    for n in range(10):
        sale.scan("MUG" if n % 2 else "TEA")
        sale.set_line_discount(len(sale.cart.lines) - 1, "1%")  # each scan its own line
    assert len(display.lines) == 8 and display.more_lines == 2
    assert display.discount.startswith("-£")
