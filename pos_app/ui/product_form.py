"""Manager screen: the form to add a product or change one; it stays open until the change is saved."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.formatting import editable_amount
from pos_app.domain.records import Product
from pos_app.domain.variable_measure import SoldBy
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
        self.setWindowTitle(
            self.tr("New product") if self.vm.is_new else self.tr("Edit {0}").format(start.sku)
        )
        self.setMinimumWidth(440)
        self.sku = QLineEdit(start.sku)
        self.sku.setReadOnly(not self.vm.is_new)  # the SKU names the product everywhere: fixed once made
        self.name = QLineEdit(start.name)
        self.barcode = QLineEdit(start.barcode)
        self.barcode.setPlaceholderText(self.tr("optional: EAN-13, EAN-8 or UPC-A"))
        self.price = QLineEdit(start.price)
        self.price.setPlaceholderText(
            self.tr("e.g. {amount} ({currency})").format(
                amount=editable_amount(450, self.vm.currency), currency=self.vm.currency
            )
        )
        self.tax_rate = QLineEdit(start.tax_rate)
        self.tax_rate.setPlaceholderText(self.tr("percent, e.g. 20 or 12.5"))
        self.sold_by = QComboBox()
        self.sold_by.addItem(self.tr("Each (price per item)"), SoldBy.EACH.value)
        self.sold_by.addItem(self.tr("By weight (price per kg, stock in kg)"), SoldBy.WEIGHT.value)
        self.sold_by.setCurrentIndex(self.sold_by.findData(start.sold_by.value))
        self.sold_by.setAccessibleName(self.tr("Sold by"))
        self.category = QLineEdit(start.category)
        self.category.setPlaceholderText(self.tr("optional, e.g. Kitchen: reports group sales by it"))
        self.track_stock = QCheckBox(self.tr("Count stock of this product"))
        self.track_stock.setChecked(start.track_stock)
        self.active = QCheckBox(self.tr("On sale (untick to stop selling it)"))
        self.active.setChecked(start.active)
        self.errors = {key: _error_label() for key in (*FIELDS, "")}
        form = QFormLayout()
        for key, label, field in (
            ("sku", self.tr("SKU"), self.sku),
            ("name", self.tr("Name"), self.name),
            ("barcode", self.tr("Barcode"), self.barcode),
            ("price", self.tr("Price ({currency})").format(currency=self.vm.currency), self.price),
            ("tax_rate", self.tr("Tax rate %"), self.tax_rate),
            ("sold_by", self.tr("Sold"), self.sold_by),
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
            sold_by=SoldBy(self.sold_by.currentData()),
            category=self.category.text(),
        )

    def _submit(self) -> None:
        self.vm.submit(self.typed())

    def _show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
