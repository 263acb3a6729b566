"""Manager screen: the store's name and address, currency, tax, receipt footer and till name."""

from __future__ import annotations

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
        }

    def _save(self) -> None:
        self.vm.save(self.values())
