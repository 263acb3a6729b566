"""Manager screen: the store's name and address, currency, tax, receipt footer, till name, and
where this till shows its customer display."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.pricing import TaxRounding
from pos_app.domain.settings import DISPLAY_HALF, DISPLAY_OFF
from pos_app.ui.admin_common import MessageLine
from pos_app.viewmodels.admin import SettingsViewModel
from pos_app.viewmodels.session import Session


class SettingsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(520)
        self.vm = SettingsViewModel(session, self)
        current = self.vm.current
        self.store_name = QLineEdit(current.store_name)
        self.store_address = QPlainTextEdit(current.store_address)
        self.store_address.setMaximumHeight(70)
        self.currency = QLineEdit(current.currency)
        self.currency.setMaxLength(3)
        self.prices_include_tax = QCheckBox("Prices include tax")
        self.prices_include_tax.setChecked(current.prices_include_tax)
        self.tax_rounding = QComboBox()
        self.tax_rounding.addItem("Round tax per line", TaxRounding.LINE)
        self.tax_rounding.addItem("Round tax on the total", TaxRounding.TOTAL)
        self.tax_rounding.setCurrentIndex(0 if current.tax_rounding is TaxRounding.LINE else 1)
        self.receipt_footer = QLineEdit(current.receipt_footer)
        self.till = QLineEdit(current.till)
        self.till.setMaxLength(8)
        self.customer_display = display_choice(current.customer_display)
        self.save = QPushButton("Save")
        self.save.setObjectName("primary")
        form = QFormLayout()
        form.addRow("Store name", self.store_name)
        form.addRow("Address", self.store_address)
        form.addRow("Currency", self.currency)
        form.addRow("Tax", self.prices_include_tax)
        form.addRow("Tax rounding", self.tax_rounding)
        form.addRow("Receipt footer", self.receipt_footer)
        form.addRow("Till name", self.till)
        form.addRow("Customer display", self.customer_display)
        self.line = MessageLine(self.vm)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.line)
        layout.addWidget(self.save)
        self.save.clicked.connect(self._save)

    def values(self) -> dict[str, object]:
        return {
            "store_name": self.store_name.text(),
            "store_address": self.store_address.toPlainText(),
            "currency": self.currency.text(),
            "prices_include_tax": self.prices_include_tax.isChecked(),
            "tax_rounding": self.tax_rounding.currentData(),
            "receipt_footer": self.receipt_footer.text(),
            "till": self.till.text(),
            "customer_display": self.customer_display.currentData(),
        }

    def _save(self) -> None:
        self.vm.save(self.values())


def display_choice(current: str) -> QComboBox:
    """Off, the right half of this screen (to try it), or one of the screens connected now."""
    combo = QComboBox()
    combo.setAccessibleName("Customer display")
    combo.addItem("Off", DISPLAY_OFF)
    combo.addItem("Right half of this screen (to try it)", DISPLAY_HALF)
    for number, screen in enumerate(QGuiApplication.screens(), start=1):
        size = screen.geometry()
        combo.addItem(f"Screen {number}: {screen.name()} ({size.width()}x{size.height()})", str(number))
    if combo.findData(current) < 0:
        combo.addItem(f"Screen {current} (not connected now)", current)
    combo.setCurrentIndex(combo.findData(current))
    return combo
