"""Taking payment: cash with quick-tender buttons and change, card by terminal reference, split.

Keyboard: type the cash handed over and Enter (Enter alone: exact cash); F5 goes to the card
fields; F12 finishes with the payments taken; Esc goes back to the sale.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.payments import PaymentMethod
from pos_app.domain.users import Approval
from pos_app.ui.checkout_style import apply_till_style, show_message, till_button
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.money_text import money
from pos_app.viewmodels.order_payment import OrderPayment
from pos_app.viewmodels.payment import PaymentViewModel
from pos_app.viewmodels.session import Session

AskOverride = Callable[[Session, str, QWidget | None], Approval | None]


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("card", True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 14)
    heading = QLabel(title)
    heading.setProperty("heading", True)
    layout.addWidget(heading)
    return frame, layout


class PaymentDialog(QDialog):
    def __init__(
        self,
        checkout: CheckoutViewModel | OrderPayment,
        ask_override: AskOverride,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.vm = PaymentViewModel(checkout, self)
        self.checkout = checkout
        self.ask_override = ask_override
        self.setWindowTitle("Payment")
        self.setAccessibleName("Payment")
        apply_till_style(self)
        self.setMinimumWidth(620)
        cur = self.vm.currency

        summary, summary_layout = _card("TO PAY")
        self.due = QLabel()
        self.due.setObjectName("dueValue")
        self.due.setAccessibleName("Amount due")
        self.detail = QLabel()
        self.detail.setProperty("muted", True)
        self.change = QLabel()
        self.change.setObjectName("changeValue")
        self.change.setAccessibleName("Change due")
        due_row = QHBoxLayout()
        due_row.addWidget(self.due)
        due_row.addStretch()
        due_row.addWidget(self.change)
        summary_layout.addLayout(due_row)
        summary_layout.addWidget(self.detail)

        cash, cash_layout = _card("CASH")
        self.cash_field = QLineEdit()
        self.cash_field.setPlaceholderText("Cash handed over, then Enter  (Enter alone: exact)")
        self.cash_field.setAccessibleName(f"Cash tendered in {cur}")
        cash_layout.addWidget(self.cash_field)
        self.quick_row = QHBoxLayout()
        cash_layout.addLayout(self.quick_row)
        self.quick_buttons: list[QPushButton] = []
        self.part_button = till_button("Add as part payment", "Add cash as part payment")
        cash_layout.addWidget(self.part_button)

        card, card_layout = _card("CARD  (F5)")
        grid = QGridLayout()
        self.card_amount = QLineEdit()
        self.card_amount.setPlaceholderText("Amount (empty: all that is due)")
        self.card_amount.setAccessibleName(f"Card amount in {cur}")
        self.card_reference = QLineEdit()
        self.card_reference.setPlaceholderText("Terminal reference, then Enter")
        self.card_reference.setAccessibleName("Card terminal reference")
        self.card_button = till_button("Add card payment", "Add card payment")
        grid.addWidget(self.card_amount, 0, 0)
        grid.addWidget(self.card_reference, 0, 1)
        grid.addWidget(self.card_button, 1, 0, 1, 2)
        card_layout.addLayout(grid)

        self.tenders = QListWidget()
        self.tenders.setAccessibleName("Payments taken")
        self.tenders.setMaximumHeight(110)
        self.remove_button = till_button("Remove payment", "Remove selected payment", "danger")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Payment message")
        show_message(self.error, "", error=True)
        self.cancel_button = till_button("Back to sale  (Esc)", "Back to sale")
        self.finish_button = till_button("Finish sale  (F12)", "Finish sale", "go")

        bottom = QHBoxLayout()
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.finish_button, 2)
        tender_row = QHBoxLayout()
        tender_row.addWidget(self.tenders, 3)
        tender_row.addWidget(self.remove_button, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.setSpacing(12)
        for widget in (summary, cash, card):
            layout.addWidget(widget)
        layout.addLayout(tender_row)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        for first, second in (
            (self.cash_field, self.part_button),
            (self.part_button, self.card_amount),
            (self.card_amount, self.card_reference),
            (self.card_reference, self.card_button),
            (self.card_button, self.tenders),
            (self.tenders, self.remove_button),
            (self.remove_button, self.finish_button),
            (self.finish_button, self.cancel_button),
        ):
            QWidget.setTabOrder(first, second)

        self.cash_field.returnPressed.connect(self.pay_cash)
        self.part_button.clicked.connect(self.add_part)
        self.card_reference.returnPressed.connect(self.pay_card)
        self.card_amount.returnPressed.connect(self.card_reference.setFocus)
        self.card_button.clicked.connect(self.pay_card)
        self.remove_button.clicked.connect(lambda: self.vm.remove(self.tenders.currentRow()))
        self.finish_button.clicked.connect(self.vm.finish)
        self.cancel_button.clicked.connect(self.reject)
        self.vm.changed.connect(self.refresh)
        self.vm.message.connect(lambda text: show_message(self.error, text, error=True))
        self.vm.done.connect(lambda _order: self.accept())
        self.vm.override_needed.connect(self.override)
        checkout.busy_changed.connect(self._busy)
        self.finished.connect(self._detach)
        self.refresh()
        self.cash_field.setFocus()

    def refresh(self) -> None:
        state, cur = self.vm.state, self.vm.currency
        self.due.setText(money(state.due, cur))
        parts = [f"Total {money(state.total, cur)}", f"paid {money(state.paid, cur)}"]
        if state.cash_due != state.due:
            parts.append(f"in cash {money(state.cash_due, cur)} (rounded)")
        self.detail.setText("  ·  ".join(parts))
        self.change.setText(f"Change {money(state.change, cur)}" if state.change else "")
        self.tenders.clear()
        for tender in self.vm.tenders:
            name = "Cash" if tender.method is PaymentMethod.CASH else tender.method.value.title()
            ref = f"  ({tender.reference})" if tender.reference else ""
            self.tenders.addItem(f"{name}  {money(tender.amount, cur)}{ref}")
        self._quick_buttons()

    def _quick_buttons(self) -> None:
        for button in self.quick_buttons:
            self.quick_row.removeWidget(button)
            button.hide()  # deleteLater alone leaves it on screen until the event loop runs
            button.deleteLater()
        self.quick_buttons = []
        amounts = self.vm.quick_amounts()
        for n, amount in enumerate(amounts):
            text = money(amount, self.vm.currency)
            button = till_button("Exact" if n == 0 else text, f"Cash {text}", "quick")
            button.setToolTip(text)
            button.clicked.connect(lambda _=False, a=amount: self.vm.pay_cash_amount(a))
            self.quick_row.addWidget(button)
            self.quick_buttons.append(button)

    def pay_cash(self) -> None:
        if self.vm.pay_cash(self.cash_field.text()):
            self.cash_field.clear()
        else:
            self.cash_field.selectAll()

    def add_part(self) -> None:
        if self.vm.add_part_cash(self.cash_field.text()):
            self.cash_field.clear()
        self.cash_field.setFocus()

    def pay_card(self) -> None:
        if self.vm.pay_card(self.card_amount.text(), self.card_reference.text()):
            self.card_amount.clear()
            self.card_reference.clear()
            self.cash_field.setFocus()

    def override(self, reason: str) -> None:
        approval = self.ask_override(self.checkout.session, reason, self)
        if approval is None:
            show_message(self.error, "the discount needs a manager's approval", error=True)
            return
        self.checkout.approve(approval)
        self.vm.finish()

    def _busy(self, busy: bool) -> None:
        for widget in (self.finish_button, self.cash_field, self.card_button, self.part_button):
            widget.setEnabled(not busy)

    def _detach(self) -> None:
        # The view model listens to the sale; a closed dialog must stop reacting to it.
        self.vm.detach()
        self.checkout.busy_changed.disconnect(self._busy)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_F12:
            self.vm.finish()
        elif key == Qt.Key.Key_F5:
            self.card_amount.setFocus()
        elif key not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
