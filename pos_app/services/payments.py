"""Payment processors: where a real card terminal plugs in later."""

from __future__ import annotations

from typing import Protocol

from pos_app.domain.errors import PaymentDeclined
from pos_app.domain.payments import AppliedPayment, PaymentMethod


class PaymentProcessor(Protocol):
    def capture(self, payment: AppliedPayment, currency: str) -> str:
        """Take the money; return the reference to keep with the payment, or raise PaymentDeclined."""
        ...


class CashDrawer:
    def capture(self, payment: AppliedPayment, currency: str) -> str:
        return ""


class ExternalTerminal:
    """The card was charged on a stand-alone terminal; the clerk types its reference."""

    def capture(self, payment: AppliedPayment, currency: str) -> str:
        if not payment.reference:
            raise PaymentDeclined("enter the card terminal's reference for this payment")
        return payment.reference


class StoreCredit:
    def capture(self, payment: AppliedPayment, currency: str) -> str:
        return payment.reference


def default_processors() -> dict[PaymentMethod, PaymentProcessor]:
    return {
        PaymentMethod.CASH: CashDrawer(),
        PaymentMethod.CARD: ExternalTerminal(),
        PaymentMethod.STORE_CREDIT: StoreCredit(),
    }
