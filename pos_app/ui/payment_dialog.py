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

from pos_app.domain.users import Approval
from pos_app.ui.checkout_style import apply_till_style, show_message, till_button
from pos_app.ui.number_pad import NumberPad
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.money_text import money
from pos_app.viewmodels.names import method_name
from pos_app.viewmodels.order_payment import OrderPayment
from pos_app.viewmodels.payment import PaymentViewModel
from pos_app.viewmodels.session import Session

DEFAULT_WIDTH = 900
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
        self.setWindowTitle(self.tr("Payment"))
        self.setAccessibleName(self.tr("Payment"))
        apply_till_style(self)
        cur = self.vm.currency

        summary = QFrame()
        summary.setProperty("card", True)
        due_heading = QLabel(self.tr("TO PAY"))
        due_heading.setProperty("heading", True)
        self.change_heading = QLabel(self.tr("CHANGE"))
        self.change_heading.setProperty("heading", True)
        self.due = QLabel()
        self.due.setObjectName("dueValue")
        self.due.setAccessibleName(self.tr("Amount due"))
        self.detail = QLabel()
        self.detail.setProperty("muted", True)
        self.change = QLabel()
        self.change.setObjectName("changeValue")
        self.change.setAccessibleName(self.tr("Change due"))
        at_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        summary_grid = QGridLayout(summary)
        summary_grid.setContentsMargins(16, 12, 16, 12)
        summary_grid.setVerticalSpacing(2)
        summary_grid.addWidget(due_heading, 0, 0)
        summary_grid.addWidget(self.change_heading, 0, 1, at_right)
        summary_grid.addWidget(self.due, 1, 0)
        summary_grid.addWidget(self.change, 1, 1, at_right)
        summary_grid.addWidget(self.detail, 2, 0, 1, 2)

        cash, cash_layout = _card(self.tr("CASH"))
        self.cash_field = QLineEdit()
        self.cash_field.setPlaceholderText(self.tr("Cash handed over, then Enter  (Enter alone: exact)"))
        self.cash_field.setAccessibleName(self.tr("Cash tendered in {currency}").format(currency=cur))
        cash_layout.addWidget(self.cash_field)
        self.quick_row = QHBoxLayout()
        self.quick_row.setSpacing(6)
        cash_layout.addLayout(self.quick_row)
        self.quick_buttons: list[QPushButton] = []
        self.part_button = till_button(self.tr("Add as part payment"), self.tr("Add cash as part payment"))
        cash_layout.addWidget(self.part_button)

        card, card_layout = _card(self.tr("CARD  (F5)"))
        grid = QGridLayout()
        self.card_amount = QLineEdit()
        self.card_amount.setPlaceholderText(self.tr("Amount (empty: all due)"))
        self.card_amount.setAccessibleName(self.tr("Card amount in {currency}").format(currency=cur))
        self.card_reference = QLineEdit()
        self.card_reference.setPlaceholderText(self.tr("Reference, then Enter"))
        self.card_reference.setAccessibleName(self.tr("Card terminal reference"))
        self.card_button = till_button(self.tr("Add card payment"), self.tr("Add card payment"))
        grid.addWidget(self.card_amount, 0, 0)
        grid.addWidget(self.card_reference, 0, 1)
        grid.addWidget(self.card_button, 1, 0, 1, 2)
        card_layout.addLayout(grid)

        # Touch: the pad types into the field that has the focus (cash, or the card's amount).
        self.pad = NumberPad()
        self.pad.setMinimumSize(4 * 64, 4 * 54)
        self.tenders = QListWidget()
        self.tenders.setAccessibleName(self.tr("Payments taken"))
        self.tenders.setMinimumHeight(60)
        self.tenders.setMaximumHeight(120)
        self.remove_button = till_button(
            self.tr("Remove payment"), self.tr("Remove selected payment"), "danger"
        )
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Payment message"))
        show_message(self.error, "", error=True)
        # Room for two lines kept at all times: a message never moves the buttons under a finger.
        self.error.setMinimumHeight(2 * self.error.fontMetrics().lineSpacing() + 22)
        self.cancel_button = till_button(self.tr("Back to sale  (Esc)"), self.tr("Back to sale"))
        self.finish_button = till_button(self.tr("Finish sale  (F12)"), self.tr("Finish sale"), "go")

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(summary)
        left.addWidget(cash)
        left.addWidget(card)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(self.pad, 3)
        right.addWidget(self.tenders, 1)
        right.addWidget(self.remove_button)
        middle = QHBoxLayout()
        middle.setSpacing(12)
        middle.addLayout(left, 3)
        middle.addLayout(right, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.finish_button, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(10)
        layout.addLayout(middle, 1)
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
        self.cash_field.textChanged.connect(self._show_change)
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
        # Roomy where the screen allows; never larger than it (a 1024x768 till).
        hint, room = self.sizeHint(), self.screen().availableGeometry()
        self.resize(min(max(hint.width(), DEFAULT_WIDTH), room.width()), min(hint.height(), room.height()))
        self.cash_field.setFocus()

    def refresh(self) -> None:
        state, cur = self.vm.state, self.vm.currency
        self.due.setText(money(state.due, cur))
        parts = [
            self.tr("Total {amount}").format(amount=money(state.total, cur)),
            self.tr("paid {amount}").format(amount=money(state.paid, cur)),
        ]
        if state.cash_due != state.due:
            parts.append(self.tr("in cash {amount} (rounded)").format(amount=money(state.cash_due, cur)))
        self.detail.setText("  ·  ".join(parts))
        self._show_change(self.cash_field.text())
        self.remove_button.setEnabled(bool(self.vm.tenders))
        self.tenders.clear()
        for tender in self.vm.tenders:
            name = method_name(tender.method)
            ref = f"  ({tender.reference})" if tender.reference else ""
            self.tenders.addItem(f"{name}  {money(tender.amount, cur)}{ref}")
        self._quick_buttons()

    def _show_change(self, typed: str) -> None:
        """The change given so far; while cash is typed, the change it would give (or how much
        it falls short), in the same place."""
        preview = self.vm.preview(typed)
        change = self.vm.state.change if preview is None else preview.change
        short = preview is not None and preview.short > 0
        amount = preview.short if preview is not None and short else change
        self.change_heading.setText(self.tr("SHORT") if short else self.tr("CHANGE"))
        shown = preview is not None or change > 0
        self.change_heading.setVisible(shown)
        self.change.setText(money(amount, self.vm.currency) if shown else "")
        self.change.setProperty("short", short)
        self.change.style().polish(self.change)

    def _quick_buttons(self) -> None:
        for button in self.quick_buttons:
            self.quick_row.removeWidget(button)
            button.hide()  # deleteLater alone leaves it on screen until the event loop runs
            button.deleteLater()
        self.quick_buttons = []
        amounts = self.vm.quick_amounts()
        for n, amount in enumerate(amounts):
            text = money(amount, self.vm.currency)
            button = till_button(
                self.tr("Exact") if n == 0 else text, self.tr("Cash {amount}").format(amount=text), "quick"
            )
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
            show_message(self.error, self.tr("the discount needs a manager's approval"), error=True)
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
