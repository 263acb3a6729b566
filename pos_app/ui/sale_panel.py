"""The right side of the sale screen: who is selling, the customer and how they get the goods,
the totals, and the sale's actions ending with Pay."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.orders import Fulfilment
from pos_app.domain.users import Role
from pos_app.ui.checkout_style import till_button
from pos_app.ui.totals_panel import TotalsPanel
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.money_text import money
from pos_app.viewmodels.session import Session

FULFILMENT_NAMES = {
    Fulfilment.IN_STORE: "Taken now",
    Fulfilment.PICKUP: "Collect later",
    Fulfilment.DELIVERY: "Delivery",
}


class SalePanel(QWidget):
    fulfilment_chosen = Signal(object)  # Fulfilment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.who_label = QLabel()
        self.who_label.setProperty("muted", True)
        self.who_label.setAccessibleName("Till and clerk")
        self.who_label.setAlignment(Qt.AlignmentFlag.AlignRight)

        customer_card = QFrame()
        customer_card.setProperty("card", True)
        card = QVBoxLayout(customer_card)
        card.setContentsMargins(16, 12, 16, 12)
        heading = QLabel("CUSTOMER")
        heading.setProperty("heading", True)
        self.customer_label = QLabel()
        self.customer_label.setAccessibleName("Customer on this sale")
        self.customer_button = till_button("Customer  (F4)", "Choose customer")
        customer_row = QHBoxLayout()
        customer_row.addWidget(self.customer_label, 1)
        customer_row.addWidget(self.customer_button)
        # A segmented choice rather than a drop-down: one touch, and all three always visible.
        self.fulfilment = QButtonGroup(self)
        fulfilment_row = QHBoxLayout()
        fulfilment_row.setSpacing(0)
        self.fulfilment_buttons: dict[Fulfilment, QPushButton] = {}
        for value, name in FULFILMENT_NAMES.items():
            button = till_button(name, f"Fulfilment: {name}", "segment")
            button.setCheckable(True)
            self.fulfilment.addButton(button)
            self.fulfilment_buttons[value] = button
            fulfilment_row.addWidget(button)
            button.clicked.connect(lambda _=False, v=value: self.fulfilment_chosen.emit(v))
        self.ship_to = QLineEdit()
        self.ship_to.setPlaceholderText("Delivery address")
        self.ship_to.setAccessibleName("Delivery address")
        card.addWidget(heading)
        card.addLayout(customer_row)
        card.addLayout(fulfilment_row)
        card.addWidget(self.ship_to)

        self.totals = TotalsPanel()
        self.approval_label = QLabel()
        self.approval_label.setObjectName("approval")
        self.approval_label.setWordWrap(True)
        self.order_discount_button = till_button("Sale discount  (F7)", "Discount on the whole sale")
        self.park_button = till_button("Park  (F8)", "Park this sale")
        self.resume_button = till_button("Parked  (F9)", "Resume a parked sale")
        self.void_button = till_button("Void  (F10)", "Void this sale", "danger")
        self.pay_button = till_button("Pay  (F12)", "Pay", "go")
        actions = QHBoxLayout()
        for button in (self.park_button, self.resume_button, self.void_button):
            actions.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.who_label)
        layout.addWidget(customer_card)
        layout.addWidget(self.totals)
        layout.addWidget(self.approval_label)
        layout.addStretch(1)
        layout.addWidget(self.order_discount_button)
        layout.addLayout(actions)
        layout.addWidget(self.pay_button)

    def focus_chain(self) -> list[QWidget]:
        """Its controls in tab order."""
        return [
            self.customer_button,
            *self.fulfilment_buttons.values(),
            self.ship_to,
            self.order_discount_button,
            self.park_button,
            self.resume_button,
            self.void_button,
            self.pay_button,
        ]

    def show_sale(self, vm: CheckoutViewModel, session: Session) -> None:
        cart, totals = vm.cart, vm.totals
        who = session.actor.name if session.logged_in else "nobody"
        self.who_label.setText(f"Till {session.settings.till}  ·  {who}")
        self.totals.show_totals(totals)
        self.customer_label.setText(cart.customer or "Walk-in customer")
        self.fulfilment_buttons[cart.fulfilment].setChecked(True)
        self.ship_to.setVisible(cart.fulfilment is Fulfilment.DELIVERY)
        if self.ship_to.text() != cart.ship_to:
            self.ship_to.setText(cart.ship_to)
        has_lines = bool(cart.lines)
        for button in (self.order_discount_button, self.park_button, self.void_button, self.pay_button):
            button.setEnabled(has_lines)
        total = money(totals.total, totals.currency)
        self.pay_button.setText(f"Pay  {total}   (F12)" if has_lines else "Pay  (F12)")
        needs = vm.needs_approval
        self.approval_label.setVisible(needs)
        if needs:
            limit = session.settings.clerk_discount_limit_bp / 100
            self.approval_label.setText(
                f"Discount {vm.discount_bp / 100:g}% is over the {limit:g}% clerk limit: "
                "a manager approves it at Pay."
            )
        # A customer at a self-service till buys for themselves, undiscounted, there and then.
        is_staff = session.logged_in and session.actor.role is not Role.CUSTOMER
        for button in (
            self.customer_button,
            self.park_button,
            self.resume_button,
            self.order_discount_button,
        ):
            button.setVisible(is_staff)
