"""The sale's side of the screen: who is selling, the totals and the sale's actions ending with
Pay; and the customer bar (customer and fulfilment) that the screen puts under the cart."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos_app.domain.orders import Fulfilment
from pos_app.domain.policy import Action
from pos_app.domain.users import Role
from pos_app.ui.checkout_style import set_role, till_button
from pos_app.ui.customer_bar import CustomerBar
from pos_app.ui.totals_panel import TotalsPanel
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.format import money, percent
from pos_app.viewmodels.session import Session


class SalePanel(QWidget):
    fulfilment_chosen = Signal(object)  # Fulfilment

    def __init__(self, keys: QWidget | None = None, parent: QWidget | None = None) -> None:
        """`keys`, the quick keys, go above the totals and take the height left over."""
        super().__init__(parent)
        self.who_label = QLabel()
        self.who_label.setProperty("muted", True)
        self.who_label.setAccessibleName(self.tr("Till and clerk"))
        self.who_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.drawer_button = till_button(self.tr("Drawer  (Ctrl+D)"), self.tr("Cash drawer"))
        who_row = QHBoxLayout()
        who_row.setSpacing(6)
        who_row.addWidget(self.drawer_button)
        who_row.addWidget(self.who_label, 1)

        self.customer_bar = bar = CustomerBar()
        bar.fulfilment_chosen.connect(self.fulfilment_chosen)
        self.customer_label, self.customer_button = bar.customer_label, bar.customer_button
        self.fulfilment_buttons, self.ship_to = bar.fulfilment_buttons, bar.ship_to

        self.totals = TotalsPanel()
        self.approval_label = QLabel()
        self.approval_label.setObjectName("approval")
        self.approval_label.setWordWrap(True)
        self.order_discount_button = till_button(
            self.tr("Sale discount  (F7)"), self.tr("Discount on the whole sale")
        )
        self.park_button = till_button(self.tr("Park  (F8)"), self.tr("Park this sale"))
        self.resume_button = till_button(self.tr("Parked  (F9)"), self.tr("Resume a parked sale"))
        self.void_button = till_button(self.tr("Void  (F10)"), self.tr("Void this sale"), "danger")
        self.pay_button = till_button(self.tr("Pay  (F12)"), self.tr("Pay"), "go")
        actions = QGridLayout()
        actions.setSpacing(6)
        for n, button in enumerate(
            (self.order_discount_button, self.park_button, self.resume_button, self.void_button)
        ):
            actions.addWidget(button, n // 2, n % 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(who_row)
        if keys is not None:
            layout.addWidget(keys, 1)
        else:
            layout.addStretch(1)
        layout.addWidget(self.totals)
        layout.addWidget(self.approval_label)
        layout.addLayout(actions)
        layout.addWidget(self.pay_button)

    def show_drawer(self, closed: bool) -> None:
        """The drawer button says so when cash waits for the drawer to be opened."""
        if closed:
            self.drawer_button.setText(self.tr("Drawer closed  (Ctrl+D)"))
            self.drawer_button.setToolTip(
                self.tr("Cash is refused until the drawer is opened with its float")
            )
        else:
            self.drawer_button.setText(self.tr("Drawer  (Ctrl+D)"))
            self.drawer_button.setToolTip(self.tr("Cash drawer: pay in, pay out, X report, close"))
        set_role(self.drawer_button, "attention" if closed else "")
        self.drawer_button.style().unpolish(self.drawer_button)
        self.drawer_button.style().polish(self.drawer_button)

    def focus_chain(self) -> list[QWidget]:
        """Its controls in tab order (the customer bar's first)."""
        return [
            self.drawer_button,
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
        who = session.actor.name if session.logged_in else self.tr("nobody")
        self.who_label.setText(self.tr("Till {till}  ·  {who}").format(till=session.settings.till, who=who))
        self.totals.show_totals(totals)
        self.customer_label.setText(cart.customer or self.tr("Walk-in customer"))
        self.fulfilment_buttons[cart.fulfilment].setChecked(True)
        self.ship_to.setVisible(cart.fulfilment is Fulfilment.DELIVERY)
        if self.ship_to.text() != cart.ship_to:
            self.ship_to.setText(cart.ship_to)
        has_lines = bool(cart.lines)
        for button in (self.order_discount_button, self.park_button, self.void_button, self.pay_button):
            button.setEnabled(has_lines)
        total = money(totals.total, totals.currency)
        self.pay_button.setText(
            self.tr("Pay  {total}   (F12)").format(total=total) if has_lines else self.tr("Pay  (F12)")
        )
        needs = vm.needs_approval
        self.approval_label.setVisible(needs)
        if needs:
            limit = session.settings.clerk_discount_limit_bp
            self.approval_label.setText(
                self.tr(
                    "Discount {discount} is over the {limit} clerk limit: a manager approves it at Pay."
                ).format(discount=percent(vm.discount_bp), limit=percent(limit))
            )
        # A customer at a self-service till buys for themselves, undiscounted, there and then.
        is_staff = session.logged_in and session.actor.role is not Role.CUSTOMER
        self.drawer_button.setVisible(session.may(Action.CASH_DRAWER))
        for button in (
            self.customer_button,
            self.park_button,
            self.resume_button,
            self.order_discount_button,
        ):
            button.setVisible(is_staff)
