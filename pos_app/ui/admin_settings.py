"""Manager screen: the store's name and address, currency, tax, receipt footer, till name,
where this till shows its customer display, and how this till takes cash (drawer sessions,
card only) with the shop's cash limits, the shop's scale labels (which GS1 prefixes carry
a weight, which a price, and the item code's length), and this till's receipt printer with a
test page."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.drawer import DrawerMode
from pos_app.domain.errors import InvalidInput
from pos_app.domain.formatting import (
    COMMON_LOCALES,
    check_locale,
    editable_amount,
    locale_name,
    money,
    parse_money,
)
from pos_app.domain.pricing import TaxRounding
from pos_app.domain.printer import ADDRESS_HINTS, PAPER_WIDTHS, PrinterKind, PrinterSetup, parse_printer
from pos_app.domain.settings import DISPLAY_HALF, DISPLAY_OFF, LANGUAGE_SYSTEM
from pos_app.ui.admin_common import MessageLine
from pos_app.viewmodels.admin import SettingsViewModel
from pos_app.viewmodels.session import Session


class SettingsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(720)  # the receipt printer row: connection, address, paper, test
        self.vm = SettingsViewModel(session, self)
        current = self.vm.current
        self.store_name = QLineEdit(current.store_name)
        self.store_address = QPlainTextEdit(current.store_address)
        self.store_address.setMaximumHeight(70)
        self.currency = QLineEdit(current.currency)
        self.currency.setMaxLength(3)
        self.money_locale = locale_choice(current.locale, current.currency)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("As this computer is set"), LANGUAGE_SYSTEM)
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Deutsch"), "de")
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.language.setToolTip(self.tr("This till's own; it takes effect when the till is next started"))
        self.prices_include_tax = QCheckBox(self.tr("Prices include tax"))
        self.prices_include_tax.setChecked(current.prices_include_tax)
        self.tax_rounding = QComboBox()
        self.tax_rounding.addItem(self.tr("Round tax per line"), TaxRounding.LINE)
        self.tax_rounding.addItem(self.tr("Round tax on the total"), TaxRounding.TOTAL)
        self.tax_rounding.setCurrentIndex(0 if current.tax_rounding is TaxRounding.LINE else 1)
        self.receipt_footer = QLineEdit(current.receipt_footer)
        self.till = QLineEdit(current.till)
        self.till.setMaxLength(8)
        self.customer_display = display_choice(current.customer_display)
        self.cash_drawer = QComboBox()
        # Short enough for the form at 1024 px; what a session is goes in the tooltip.
        self.cash_drawer.addItem(self.tr("Into drawer sessions"), DrawerMode.SESSIONS)
        self.cash_drawer.setItemData(
            0, self.tr("A float to open the drawer, a count to close it"), Qt.ItemDataRole.ToolTipRole
        )
        self.cash_drawer.addItem(self.tr("None: a card-only till"), DrawerMode.CARD_ONLY)
        self.cash_drawer.addItem(self.tr("Without drawer sessions"), DrawerMode.UNTRACKED)
        self.cash_drawer.setCurrentIndex(self.cash_drawer.findData(current.cash_drawer))
        self.payout_limit = QLineEdit(editable_amount(current.cash_payout_limit, current.currency))
        self.difference_limit = QLineEdit(editable_amount(current.cash_difference_limit, current.currency))
        self.weight_prefixes = QLineEdit(current.label_weight_prefixes)
        self.weight_prefixes.setToolTip(self.tr("Prefixes of labels that carry grams, e.g. 21,22,23"))
        self.price_prefixes = QLineEdit(current.label_price_prefixes)
        self.price_prefixes.setToolTip(self.tr("Prefixes of labels that carry a price, e.g. 02,20"))
        self.item_digits = QSpinBox()
        self.item_digits.setRange(4, 6)
        self.item_digits.setValue(current.label_item_digits)
        self.item_digits.setToolTip(self.tr("How many digits of the label are the item code"))
        priced = QHBoxLayout()
        priced.addWidget(self.price_prefixes, 1)
        digits = QLabel(self.tr("item code digits"))
        digits.setMinimumWidth(digits.sizeHint().width())  # the field gives way, not the words
        priced.addWidget(digits)
        priced.addWidget(self.item_digits)
        self._printer_row(current.printer, current.receipt_paper)
        self.save = QPushButton(self.tr("Save"))
        self.save.setObjectName("primary")
        # Two pages: the shop's settings (the same on every till) and this till's own; one long
        # form is taller than a 768 px screen.
        shop = QFormLayout()
        shop.addRow(self.tr("Store name"), self.store_name)
        shop.addRow(self.tr("Address"), self.store_address)
        shop.addRow(self.tr("Currency"), self.currency)
        shop.addRow(self.tr("Money and dates as in"), self.money_locale)
        shop.addRow(self.tr("Tax"), self.prices_include_tax)
        shop.addRow(self.tr("Tax rounding"), self.tax_rounding)
        shop.addRow(self.tr("Receipt footer"), self.receipt_footer)
        shop.addRow(self.tr("Clerks pay out up to"), self.payout_limit)
        shop.addRow(self.tr("Clerks close over/short up to"), self.difference_limit)
        shop.addRow(self.tr("Scale labels in grams"), self.weight_prefixes)
        shop.addRow(self.tr("Scale labels with a price"), priced)
        till = QFormLayout()
        till.addRow(self.tr("Till name"), self.till)
        till.addRow(self.tr("Language of this till"), self.language)
        till.addRow(self.tr("Customer display"), self.customer_display)
        till.addRow(self.tr("This till takes cash"), self.cash_drawer)
        till.addRow(self.tr("Receipt printer"), self.printer_line)
        self.pages = QTabWidget()
        for form, title in ((shop, self.tr("&Shop")), (till, self.tr("This t&ill"))):
            page = QWidget()
            page.setLayout(form)
            self.pages.addTab(page, title)
        self.line = MessageLine(self.vm)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.line)
        layout.addWidget(self.save)
        self.save.clicked.connect(self._save)
        self.test_button.clicked.connect(self._test_page)

    def values(self) -> dict[str, object]:
        return {
            "store_name": self.store_name.text(),
            "store_address": self.store_address.toPlainText(),
            "currency": self.currency.text(),
            "locale": self.money_locale.currentData(),
            "language": self.language.currentData(),
            "prices_include_tax": self.prices_include_tax.isChecked(),
            "tax_rounding": self.tax_rounding.currentData(),
            "receipt_footer": self.receipt_footer.text(),
            "till": self.till.text(),
            "customer_display": self.customer_display.currentData(),
            "cash_drawer": self.cash_drawer.currentData(),
            "cash_payout_limit": self._amount(self.payout_limit, self.tr("pay-out limit")),
            "cash_difference_limit": self._amount(self.difference_limit, self.tr("drawer difference limit")),
            "label_weight_prefixes": self.weight_prefixes.text(),
            "label_price_prefixes": self.price_prefixes.text(),
            "label_item_digits": str(self.item_digits.value()),
            "receipt_printer": self.printer_setup().to_text(),
            "receipt_paper": str(self.paper.currentData()),
        }

    def _printer_row(self, setup: PrinterSetup, paper: int) -> None:
        """How this till reaches its receipt printer, the roll's width, and a test page."""
        self.printer_kind = QComboBox()
        self.printer_kind.setAccessibleName(self.tr("Receipt printer connection"))
        for kind, text in (
            (PrinterKind.NONE, self.tr("None")),
            (PrinterKind.USB, self.tr("USB")),
            (PrinterKind.NETWORK, self.tr("Network")),
            (PrinterKind.SERIAL, self.tr("Serial port")),
            (PrinterKind.FILE, self.tr("Device file")),
        ):
            self.printer_kind.addItem(text, kind)
        self.printer_kind.setCurrentIndex(self.printer_kind.findData(setup.kind))
        self.printer_address = QLineEdit(setup.address if setup.configured else "")
        self.printer_address.setAccessibleName(self.tr("Receipt printer address"))
        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Receipt paper width"))
        for width in PAPER_WIDTHS:
            self.paper.addItem(self.tr("{mm} mm").format(mm=width), width)
        self.paper.setCurrentIndex(self.paper.findData(paper))
        self.test_button = QPushButton(self.tr("Test page"))
        self.test_button.setAccessibleName(self.tr("Print test page"))
        self.test_button.setToolTip(self.tr("Print a test page on the printer as set here (not yet saved)"))
        # One row (connection, address, paper, test): the form must stay within a 768 px screen.
        self.printer_line = QHBoxLayout()
        self.printer_line.addWidget(self.printer_kind)
        self.printer_line.addWidget(self.printer_address, 1)
        self.printer_line.addWidget(self.paper)
        self.printer_line.addWidget(self.test_button)
        for fixed in (self.printer_kind, self.paper, self.test_button):
            fixed.setMinimumWidth(fixed.sizeHint().width())  # the address gives way, not these
        self.printer_address.setMinimumWidth(140)
        self.printer_kind.currentIndexChanged.connect(self._printer_kind_chosen)
        self._printer_kind_chosen()

    def _printer_kind_chosen(self) -> None:
        kind = PrinterKind(self.printer_kind.currentData())
        self.printer_address.setEnabled(kind is not PrinterKind.NONE)
        self.printer_address.setPlaceholderText(ADDRESS_HINTS[kind])
        self.printer_address.setToolTip(ADDRESS_HINTS[kind])
        self.test_button.setEnabled(kind is not PrinterKind.NONE)

    def printer_setup(self) -> PrinterSetup:
        """The printer as set in the form; InvalidInput says what to type instead."""
        try:
            return parse_printer(str(self.printer_kind.currentData()), self.printer_address.text())
        except InvalidInput as exc:
            raise InvalidInput(self.tr("receipt printer: {0}").format(exc.message)) from None

    def _test_page(self) -> None:
        try:
            setup = self.printer_setup()
        except InvalidInput as exc:
            self.line.say(exc.message, error=True)
            return
        self.line.say(self.tr("printing a test page…"), error=False)
        self.vm.test_page(setup, int(self.paper.currentData()))

    def _amount(self, field: QLineEdit, what: str) -> str:
        try:
            return str(parse_money(field.text(), self.vm.current.currency))
        except InvalidInput as exc:
            raise InvalidInput(f"{what}: {exc.message}") from None

    def _save(self) -> None:
        try:
            values = self.values()
        except InvalidInput as exc:
            self.line.say(exc.message, error=True)
            return
        self.vm.save(values)


def locale_choice(current: str, currency: str) -> QComboBox:
    """The common locales, each named in its own language with an amount as it writes it."""
    combo = QComboBox()
    combo.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Money and dates as in"))
    tags = list(COMMON_LOCALES)
    with contextlib.suppress(InvalidInput):  # one set from the command line, if Babel knows it
        tags += [] if current in tags else [check_locale(current)]
    for tag in tags:
        combo.addItem(f"{locale_name(tag)}  ·  {money(123450, currency, locale=tag)}", tag)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def display_choice(current: str) -> QComboBox:
    """Off, the right half of this screen (to try it), or one of the screens connected now."""
    combo = QComboBox()
    combo.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Customer display"))
    combo.addItem(QCoreApplication.translate("SettingsDialog", "Off"), DISPLAY_OFF)
    combo.addItem(
        QCoreApplication.translate("SettingsDialog", "Right half of this screen (to try it)"), DISPLAY_HALF
    )
    screen_text = QCoreApplication.translate("SettingsDialog", "Screen {number}: {name} ({width}x{height})")
    for number, screen in enumerate(QGuiApplication.screens(), start=1):
        size = screen.geometry()
        shown = screen_text.format(
            number=number, name=screen.name(), width=size.width(), height=size.height()
        )
        combo.addItem(shown, str(number))
    if combo.findData(current) < 0:
        combo.addItem(
            QCoreApplication.translate("SettingsDialog", "Screen {number} (not connected now)").format(
                number=current
            ),
            current,
        )
    combo.setCurrentIndex(combo.findData(current))
    return combo
