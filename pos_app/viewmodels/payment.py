"""Taking payment for the open sale: cash with change, card by terminal reference, split tender.

The preview uses the same `settle` the checkout service uses, so what the dialog says is due is
what the service will accept.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from pos_app.domain.errors import PosError
from pos_app.domain.formatting import parse_money
from pos_app.domain.money import format_amount, minor_digits
from pos_app.domain.payments import PaymentMethod, Tender, cash_due, settle
from pos_app.domain.records import OrderDetail
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.order_payment import OrderPayment

NOTE_STEPS = (1, 5, 10, 20, 50, 100)  # in major units: the next round sums a customer hands over


@dataclass(frozen=True)
class PaymentState:
    total: int
    paid: int  # card and credit, plus cash up to what is due
    due: int  # still owed, exactly (what a card would be charged)
    cash_due: int  # still owed if paid in cash (after cash rounding)
    change: int
    settled: bool  # the tenders pay for the sale


@dataclass(frozen=True)
class CashPreview:
    change: int  # what the cash typed would give back
    short: int  # or how much it falls short of what is due


class PaymentViewModel(QObject):
    changed = Signal()
    message = Signal(str)  # '' clears
    done = Signal(object)  # OrderDetail
    override_needed = Signal(str)

    def __init__(self, checkout: CheckoutViewModel | OrderPayment, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checkout = checkout
        totals = checkout.totals
        self.total = totals.total
        self.currency = totals.currency
        self.increment = checkout.session.settings.cash_increment
        self.tenders: list[Tender] = []
        self.message_text = ""
        checkout.finished.connect(self._finished)
        checkout.checkout_failed.connect(self._say)
        checkout.override_needed.connect(self.override_needed)

    @property
    def state(self) -> PaymentState:
        exact = sum(t.amount for t in self.tenders if t.method is not PaymentMethod.CASH)
        cash = sum(t.amount for t in self.tenders if t.method is PaymentMethod.CASH)
        remaining = self.total - exact
        cash_target = max(cash_due(remaining, self.increment), 0)
        has_cash = any(t.method is PaymentMethod.CASH for t in self.tenders)
        return PaymentState(
            total=self.total,
            paid=exact + min(cash, cash_target),
            due=max(remaining - cash, 0),
            cash_due=max(cash_target - cash, 0),
            change=max(cash - cash_target, 0) if has_cash else 0,
            settled=self._settles(self.tenders),
        )

    def quick_amounts(self) -> list[int]:
        """Exact cash, then the next round sums above it (e.g. 10.55 -> 10.55, 11, 15, 20, 50)."""
        due = self.state.cash_due
        if due <= 0:
            return []
        unit = 10 ** minor_digits(self.currency)
        amounts = [due]
        for step in NOTE_STEPS:
            rounded = -(-due // (step * unit)) * step * unit
            if rounded not in amounts:
                amounts.append(rounded)
        return amounts[:5]

    def money(self, amount: int) -> str:
        return format_amount(amount, self.currency)

    def preview(self, text: str) -> CashPreview | None:
        """While cash is typed: the change it would give, or how much it falls short; None
        while nothing readable is typed."""
        try:
            amount = parse_money(text, self.currency) if text.strip() else None
        except PosError:
            amount = None
        due = self.state.cash_due
        if amount is None or due <= 0:
            return None
        return CashPreview(change=max(amount - due, 0), short=max(due - amount, 0))

    # -- commands ------------------------------------------------------------------------

    def pay_cash(self, text: str = "") -> bool:
        """Cash handed over (empty text: exactly what is due); finishes the sale when it covers it."""
        try:
            amount = parse_money(text, self.currency) if text.strip() else self.state.cash_due
        except PosError as exc:
            return self._refuse(exc.message)
        return self.pay_cash_amount(amount)

    def pay_cash_amount(self, amount: int) -> bool:
        due = self.state.cash_due
        if amount < due:
            return self._refuse(
                self.tr(
                    "cash tendered {0} is less than {1} due; "
                    "use “Add as part payment” to take it and pay the rest another way"
                ).format(self.money(amount), self.money(due))
            )
        self.tenders.append(Tender(PaymentMethod.CASH, amount))
        self._changed()
        return self.finish()

    def add_part_cash(self, text: str) -> bool:
        try:
            amount = parse_money(text, self.currency, allow_zero=False)
        except PosError as exc:
            return self._refuse(exc.message)
        return self._add(Tender(PaymentMethod.CASH, amount))

    def pay_card(self, text: str, reference: str) -> bool:
        """A card payment the terminal approved (empty amount: all that is still due)."""
        try:
            amount = parse_money(text, self.currency, allow_zero=False) if text.strip() else self.state.due
        except PosError as exc:
            return self._refuse(exc.message)
        if amount <= 0:
            return self._refuse(self.tr("nothing is left to pay by card"))
        if not reference.strip():
            return self._refuse(self.tr("type the card terminal's reference for this payment"))
        if not self._add(Tender(PaymentMethod.CARD, amount, reference.strip())):
            return False
        return self.finish() if self.state.settled else True

    def remove(self, index: int) -> None:
        if 0 <= index < len(self.tenders):
            del self.tenders[index]
            self._changed()

    def finish(self) -> bool:
        """Place the order with the tenders taken; refuses, changing nothing, if they fall short."""
        try:
            settle(self.total, self.tenders, self.increment, self.currency)
        except PosError as exc:
            return self._refuse(exc.message)
        self._say("")
        self.checkout.checkout(list(self.tenders))
        return True

    def detach(self) -> None:
        """Stop following the sale (the dialog closed)."""
        self.checkout.finished.disconnect(self._finished)
        self.checkout.checkout_failed.disconnect(self._say)
        self.checkout.override_needed.disconnect(self.override_needed)

    # -- internals -----------------------------------------------------------------------

    def _add(self, tender: Tender) -> bool:
        tenders = [*self.tenders, tender]
        exact = sum(t.amount for t in tenders if t.method is not PaymentMethod.CASH)
        if exact > self.total:
            return self._refuse(
                self.tr("card payments ({0}) would be more than the total ({1})").format(
                    self.money(exact), self.money(self.total)
                )
            )
        self.tenders = tenders
        self._changed()
        return True

    def _settles(self, tenders: list[Tender]) -> bool:
        try:
            settle(self.total, tenders, self.increment, self.currency)
        except PosError:
            return False
        return True

    def _finished(self, order: OrderDetail) -> None:
        self.done.emit(order)

    def _changed(self) -> None:
        self._say("")
        self.changed.emit()

    def _refuse(self, text: str) -> bool:
        self._say(text)
        return False

    def _say(self, text: str) -> None:
        self.message_text = text
        self.message.emit(text)
