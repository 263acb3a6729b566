"""Manager screen: the form to add a product or change one; it stays open until the change is saved."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.records import Product
from pos_app.viewmodels.product_form import FIELDS, ProductFormViewModel, ProductInput
from pos_app.viewmodels.session import Session


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class ProductFormDialog(QDialog):
    def __init__(
        self, session: Session, product: Product | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.vm = ProductFormViewModel(session, product, self)
        start = self.vm.initial()
        self.setWindowTitle("New product" if self.vm.is_new else f"Edit {start.sku}")
        self.setMinimumWidth(440)
        self.sku = QLineEdit(start.sku)
        self.sku.setReadOnly(not self.vm.is_new)  # the SKU names the product everywhere: fixed once made
        self.name = QLineEdit(start.name)
        self.barcode = QLineEdit(start.barcode)
        self.barcode.setPlaceholderText("optional: EAN-13, EAN-8 or UPC-A")
        self.price = QLineEdit(start.price)
        self.price.setPlaceholderText(f"e.g. 4.50 ({self.vm.currency})")
        self.tax_rate = QLineEdit(start.tax_rate)
        self.tax_rate.setPlaceholderText("percent, e.g. 20 or 12.5")
        self.category = QLineEdit(start.category)
        self.category.setPlaceholderText(self.tr("optional, e.g. Kitchen: reports group sales by it"))
        self.track_stock = QCheckBox("Count stock of this product")
        self.track_stock.setChecked(start.track_stock)
        self.active = QCheckBox("On sale (untick to stop selling it)")
        self.active.setChecked(start.active)
        self.errors = {key: _error_label() for key in (*FIELDS, "")}
        form = QFormLayout()
        for key, label, field in (
            ("sku", "SKU", self.sku),
            ("name", "Name", self.name),
            ("barcode", "Barcode", self.barcode),
            ("price", f"Price ({self.vm.currency})", self.price),
            ("tax_rate", "Tax rate %", self.tax_rate),
            ("category", self.tr("Category"), self.category),
        ):
            form.addRow(label, field)
            form.addRow("", self.errors[key])
        form.addRow("", self.track_stock)
        if not self.vm.is_new:
            form.addRow("", self.active)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setObjectName("primary")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors[""])
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.vm.problems.connect(self._show_problems)
        self.vm.saved.connect(lambda _text: self.accept())
        (self.sku if self.vm.is_new else self.name).setFocus()

    def typed(self) -> ProductInput:
        return ProductInput(
            sku=self.sku.text(),
            name=self.name.text(),
            barcode=self.barcode.text(),
            price=self.price.text(),
            tax_rate=self.tax_rate.text(),
            track_stock=self.track_stock.isChecked(),
            active=self.active.isChecked(),
            category=self.category.text(),
        )

    def _submit(self) -> None:
        self.vm.submit(self.typed())

    def _show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
