"""Attach a customer to the sale: find one by name, or add a new one on the spot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.errors import PosError
from pos_app.ui.checkout_style import apply_till_style, show_message, till_button
from pos_app.viewmodels.checkout import CheckoutViewModel


class CustomerDialog(QDialog):
    def __init__(self, vm: CheckoutViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.setWindowTitle(self.tr("Customer"))
        self.setAccessibleName(self.tr("Customer for this sale"))
        apply_till_style(self)
        self.resize(560, 620)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find customer by name"))
        self.search.setAccessibleName(self.tr("Find customer by name"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Customers found"))
        self.attach_button = till_button(self.tr("Attach  (Enter)"), self.tr("Attach customer"), "go")
        self.none_button = till_button(self.tr("No customer"), self.tr("Sell without a customer"))

        form_frame = QFrame()
        form_frame.setProperty("card", True)
        form = QFormLayout(form_frame)
        heading = QLabel(self.tr("NEW CUSTOMER"))
        heading.setProperty("heading", True)
        form.addRow(heading)
        self.name = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.address = QLineEdit()
        for label, field in (
            (self.tr("Name"), self.name),
            (self.tr("E-mail"), self.email),
            (self.tr("Phone"), self.phone),
            (self.tr("Address"), self.address),
        ):
            field.setAccessibleName(self.tr("New customer {0}").format(label.lower()))
            form.addRow(label, field)
        self.create_button = till_button(self.tr("Add and attach"), self.tr("Add new customer and attach"))
        form.addRow(self.create_button)
        self.error = QLabel()
        self.error.setWordWrap(True)
        show_message(self.error, "", error=True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.none_button)
        buttons.addWidget(self.attach_button, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addLayout(buttons)
        layout.addWidget(form_frame)
        layout.addWidget(self.error)

        self.search.textEdited.connect(self.find_customers)
        self.search.returnPressed.connect(self.attach)
        self.results.itemActivated.connect(lambda _item: self.attach())
        self.attach_button.clicked.connect(self.attach)
        self.none_button.clicked.connect(self.detach)
        self.create_button.clicked.connect(self.add_customer)
        self.address.returnPressed.connect(self.add_customer)
        self.search.setText(vm.cart.customer or "")
        self.find_customers(self.search.text())
        self.search.setFocus()

    def find_customers(self, text: str) -> None:
        self.results.clear()
        for customer in self.vm.search_customers(text):
            detail = " · ".join(x for x in (customer.email, customer.phone) if x)
            item = QListWidgetItem(f"{customer.name}   {detail}".strip())
            item.setData(Qt.ItemDataRole.UserRole, customer.name)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def attach(self) -> None:
        item = self.results.currentItem()
        if item is None:
            show_message(self.error, self.tr("no customer found: add them below"), error=True)
            self.name.setText(self.search.text())
            return
        if self.vm.set_customer(str(item.data(Qt.ItemDataRole.UserRole))):
            self.accept()

    def detach(self) -> None:
        if self.vm.set_customer(None):
            self.accept()

    def add_customer(self) -> None:
        try:
            self.vm.create_customer(
                self.name.text(), self.email.text(), self.phone.text(), self.address.text()
            )
        except PosError as exc:
            show_message(self.error, exc.message, error=True)
            return
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.search.hasFocus():
            step = 1 if key == Qt.Key.Key_Down else -1
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
        elif key not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
