"""An order's balance as the payment dialog takes it: the same dialog and rules as a sale at
the till, but paying ends in OrderService.take_payment instead of a checkout."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from pos_app.domain.payments import Tender
from pos_app.domain.users import Approval
from pos_app.viewmodels.order_detail import OrderDetailViewModel


@dataclass(frozen=True)
class BalanceTotals:
    total: int  # what the order still owes
    currency: str


class OrderPayment(QObject):
    """Quacks like the till's CheckoutViewModel as far as PaymentViewModel is concerned."""

    finished = Signal(object)  # OrderDetail, paid
    checkout_failed = Signal(str)
    override_needed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, detail: OrderDetailViewModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        assert detail.order is not None
        self.detail = detail
        self.session = detail.session
        self.totals = BalanceTotals(detail.order.balance_due, detail.order.currency)
        self._waiting = False
        detail.saved.connect(self._saved)
        detail.message.connect(self._refused)
        detail.busy_changed.connect(self.busy_changed)

    def approve(self, approval: Approval) -> None:
        """Taking payment needs no approval (kept for the dialog's sake)."""

    def checkout(self, tenders: list[Tender]) -> None:
        self._waiting = True
        self.detail.take_payment(tenders)

    def _saved(self, _text: str) -> None:
        if self._waiting:
            self._waiting = False
            self.finished.emit(self.detail.order)

    def _refused(self, text: str) -> None:
        if self._waiting:
            self._waiting = False
            self.checkout_failed.emit(text)
