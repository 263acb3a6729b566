"""The till in German: the translation is complete and compiled from what the code says, the
sale screen speaks German and writes money the German way, and German's longer words still fit
a 1024x768 till."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QPushButton, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.denominations import count_of_sum
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui import translation
from pos_app.ui.admin_settings import SettingsDialog
from pos_app.ui.cash_count import CloseDrawerDialog
from pos_app.ui.cash_drawer import DrawerDialog, PayDialog
from pos_app.ui.checkout_dialog import CheckoutDialog
from pos_app.ui.main_window import MainWindow
from pos_app.ui.order_detail import OrderDetailDialog
from pos_app.ui.payment_dialog import PaymentDialog
from pos_app.viewmodels.order_list import TOTAL
from tests.gui import SessionFor
from tests.ui import test_fit_back_office as back_office
from tests.ui import test_fit_dialogs as fit_dialogs
from tests.ui import test_till_fit as sale_dialogs
from tests.ui.counter_shop import big_delivery
from tests.ui.fit import fit_problems, open_at, small_targets
from tests.ui.fit_views import screen_of, show_as_launched, window_problems
from tests.ui.shots import REPO, SHOTS
from tests.ui.till_screens import add_long_names, till_with_sale
from tests.ui.windows import OFFSCREEN_NOISE, ui_settings

pytestmark = OFFSCREEN_NOISE

SIZE = (1024, 768)
TS = REPO / "resources" / "i18n" / "pos_app_de.ts"
QT_TOOLS = Path(PySide6.__file__).parent


def _tool(name: str) -> str:
    return str(QT_TOOLS / name) if (QT_TOOLS / name).exists() else name


def _sources() -> list[str]:
    return sorted(str(p) for folder in ("ui", "viewmodels") for p in (REPO / "pos_app" / folder).glob("*.py"))


def test_every_text_in_the_code_has_a_german_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "pos_app_de.ts"
    shutil.copy(TS, fresh)
    subprocess.run(
        [_tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", *_sources(), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    messages = list(ET.parse(fresh).iter("message"))
    assert len(messages) > 300
    unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type") == "unfinished"]
    assert unfinished == [], "run `make translations` and translate these"
    tracked = {m.findtext("source") for m in ET.parse(TS).iter("message")}
    assert {m.findtext("source") for m in messages} == tracked  # nothing new, nothing gone


def test_the_compiled_translation_is_the_tracked_one(tmp_path: Path) -> None:
    compiled = tmp_path / "pos_app_de.qm"
    subprocess.run([_tool("lrelease"), "-silent", str(TS), "-qm", str(compiled)], check=True)
    assert compiled.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run `make translations`"


@pytest.fixture
def german(monkeypatch: pytest.MonkeyPatch, services: Services, manager: Actor) -> Iterator[None]:
    """A German shop (de_DE money and dates, in euros) at a till set to German."""
    monkeypatch.delenv(translation.LANGUAGE_ENV, raising=False)
    services.settings.update(manager, {"locale": "de_DE", "currency": "EUR", "language": "de"})
    assert translation.install_language("de") == "de"
    yield
    translation.install_language("en")


@pytest.fixture
def till(
    qtbot: QtBot,
    german: None,
    services: Services,
    manager: Actor,
    clerk: Actor,
    session_for: SessionFor,
    tmp_path: Path,
) -> CheckoutDialog:
    add_long_names(services, manager)
    return till_with_sale(qtbot, session_for(clerk), tmp_path)


def test_the_sale_screen_in_german_fits_at_1024x768(qtbot: QtBot, till: CheckoutDialog) -> None:
    open_at(qtbot, till, *SIZE)
    side = till.side
    assert side.pay_button.text() == "Bezahlen  37,52\xa0€   (F12)"
    assert side.totals.total.text() == "37,52\xa0€"
    assert side.park_button.text() == "Parken  (F8)" and side.void_button.text() == "Storno  (F10)"
    assert side.customer_label.text() == "Laufkunde"
    assert till.cart_view.model().headerData(0, PySide6.QtCore.Qt.Orientation.Horizontal) == "Artikel"
    assert fit_problems(till, *SIZE) == []
    assert small_targets(till) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert till.grab().save(str(SHOTS / "checkout_de.png"))


def test_the_payment_window_in_german_fits(qtbot: QtBot, till: CheckoutDialog) -> None:
    payment = PaymentDialog(till.vm, till.ask_override, till)
    open_at(qtbot, payment, *SIZE)
    assert fit_problems(payment, *SIZE) == []
    assert small_targets(payment) == []
    names = {b.text() for b in payment.findChildren(QPushButton) if b.isVisible()}
    assert {"Verkauf abschließen  (F12)", "Zurück zum Verkauf  (Esc)"} <= names
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert payment.grab().save(str(SHOTS / "payment_de.png"))


@pytest.mark.parametrize(
    "make",
    [
        sale_dialogs._customer,
        sale_dialogs._parked,
        sale_dialogs._override,
        sale_dialogs._void,
        sale_dialogs._receipt,
        sale_dialogs._keys,
    ],
    ids=lambda f: f.__name__[1:],
)
def test_the_dialogs_of_the_sale_fit_in_german(
    qtbot: QtBot, till: CheckoutDialog, make: Callable[[CheckoutDialog], QDialog]
) -> None:
    dialog = make(till)
    open_at(qtbot, dialog, *SIZE)
    assert fit_problems(dialog, *SIZE) == []
    assert small_targets(dialog) == []


def test_the_settings_window_in_german_fits(
    qtbot: QtBot, german: None, session_for: SessionFor, manager: Actor
) -> None:
    dialog = SettingsDialog(session_for(manager))
    open_at(qtbot, dialog, *SIZE)
    assert [dialog.pages.tabText(n) for n in range(dialog.pages.count())] == ["&Geschäft", "Diese &Kasse"]
    for page in range(dialog.pages.count()):  # the shop's page, then this till's
        dialog.pages.setCurrentIndex(page)
        qtbot.wait(10)
        assert fit_problems(dialog, *SIZE) == []
    assert dialog.money_locale.currentData() == "de_DE"
    assert dialog.language.currentText() == "Deutsch"
    assert dialog.printer_kind.currentText() == "Keiner" and dialog.test_button.text() == "Testseite"


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("name", fit_dialogs.NAMES)
def test_every_other_dialog_fits_in_german(
    qtbot: QtBot,
    german: None,
    services: Services,
    manager: Actor,
    clerk: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    name: str,
) -> None:
    with screen_of(*SIZE):
        dialog = fit_dialogs.dialogs(services, manager, clerk, session_for, tmp_path)[name]()
    qtbot.addWidget(dialog)
    show_as_launched(qtbot, dialog)
    assert window_problems(dialog, *SIZE) == []
    open_at(qtbot, dialog, *SIZE)
    assert window_problems(dialog, *SIZE) == []
    assert small_targets(dialog) == []


@pytest.mark.usefixtures("styled")
def test_the_main_window_and_an_order_in_german_fit(
    qtbot: QtBot,
    german: None,
    services: Services,
    manager: Actor,
    clerk: Actor,
    session_for: SessionFor,
    tmp_path: Path,
) -> None:
    order = big_delivery(services, manager, clerk)
    window = back_office.check(
        qtbot, lambda: MainWindow(session_for(manager), settings=ui_settings(tmp_path)), *SIZE
    )
    assert isinstance(window, MainWindow)
    total = window.model.data(window.model.index(0, TOTAL))
    assert total.endswith("\xa0€") and "," in total
    assert window.model.headerData(TOTAL, PySide6.QtCore.Qt.Orientation.Horizontal) == "Summe"
    detail = back_office.check(qtbot, lambda: OrderDetailDialog(session_for(manager), order.number), *SIZE)
    assert isinstance(detail, OrderDetailDialog)
    keys = _mnemonics(detail)
    assert len(keys) > 5 and sorted(k for k in set(keys) if keys.count(k) > 1) == []


@pytest.mark.usefixtures("styled")
def test_the_cash_drawer_in_german_fits(
    qtbot: QtBot, german: None, services: Services, manager: Actor, clerk: Actor, session_for: SessionFor
) -> None:
    services.settings.update(manager, {"cash_drawer": "sessions"})
    services.cash.open(clerk, count_of_sum(10000))
    hub = DrawerDialog(session_for(clerk))
    close = CloseDrawerDialog(hub.vm)
    pay = PayDialog(hub.vm, False)
    for window in (hub, close, pay):
        open_at(qtbot, window, *SIZE)
        assert fit_problems(window, *SIZE) == []
        assert small_targets(window) == []
    # A letter alone presses the button it is underlined in, German's letters in German.
    assert hub.keys[PySide6.QtCore.Qt.Key.Key_S] is hub.close_button
    assert hub.keys[PySide6.QtCore.Qt.Key.Key_V] is hub.no_sale_button
    close.panel.field_for(5000).setText("1")
    assert "Fehlbetrag 50,00\xa0€" in close.difference.text()
    assert "Fehlbetrag" in close.difference.text() and "€" in close.difference.text()


def test_the_language_is_the_tills_setting_or_the_computers(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(translation.LANGUAGE_ENV, raising=False)
    try:
        assert translation.install_language("de") == "de"
        assert QCoreApplication.translate("Names", "Completed") == "Abgeschlossen"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"  # Qt's own buttons
        monkeypatch.setenv(translation.LANGUAGE_ENV, "en")
        assert translation.install_language("de") == "en"
        assert QCoreApplication.translate("Names", "Completed") == "Completed"
        monkeypatch.setenv(translation.LANGUAGE_ENV, "klingon")
        assert translation.chosen_language("system") in ("en", "de")
    finally:
        translation.install_language("en")


def _mnemonics(window: QWidget) -> list[str]:
    """The Alt keys of what a user sees: buttons, tabs, labels of fields."""
    texts = [b.text() for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    labels = [label for label in window.findChildren(QLabel) if label.isVisibleTo(window) and label.buddy()]
    texts += [label.text() for label in labels]
    for tabs in window.findChildren(QTabWidget):
        if tabs.isVisibleTo(window):
            texts += [tabs.tabText(n) for n in range(tabs.count())]
    return [key for key in (QKeySequence.mnemonic(t).toString() for t in texts) if key]


@pytest.mark.parametrize("name", fit_dialogs.NAMES)
def test_every_alt_key_of_a_german_dialog_is_its_own(
    qtbot: QtBot,
    german: None,
    services: Services,
    manager: Actor,
    clerk: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    name: str,
) -> None:
    dialog = fit_dialogs.dialogs(services, manager, clerk, session_for, tmp_path)[name]()
    qtbot.addWidget(dialog)
    show_as_launched(qtbot, dialog)
    keys = _mnemonics(dialog)
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []
