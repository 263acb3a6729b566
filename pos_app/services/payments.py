"""Payment processors: where a real card terminal plugs in later."""

from __future__ import annotations

from typing import Protocol

from pos_app.domain.errors import PaymentDeclined
from pos_app.domain.payments import AppliedPayment, PaymentMethod


class PaymentProcessor(Protocol):
    # True when the processor itself proves the money was taken (an online payment, credit
    # from a real balance): only then may a customer's own checkout count it as paid.
    confirms: bool

    def capture(self, payment: AppliedPayment, currency: str) -> str:
        """Take the money; return the reference to keep with the payment, or raise PaymentDeclined."""
        ...

    def refund(self, payment: AppliedPayment, reference: str, currency: str) -> None:
        """Give back a capture whose order was not written (void it)."""
        ...


class CashDrawer:
    confirms = False

    def capture(self, payment: AppliedPayment, currency: str) -> str:
        return ""

    def refund(self, payment: AppliedPayment, reference: str, currency: str) -> None:
        return None


class ExternalTerminal:
    """The card was charged on a stand-alone terminal; the clerk types its reference."""

    confirms = False

    def capture(self, payment: AppliedPayment, currency: str) -> str:
        if not payment.reference:
            raise PaymentDeclined("enter the card terminal's reference for this payment")
        return payment.reference

    def refund(self, payment: AppliedPayment, reference: str, currency: str) -> None:
        # A stand-alone terminal is voided by hand; the voided intent (logged) says which.
        return None


class StoreCredit:
    """Spent from the customer's account: checkout debits the real balance in the order's own
    transaction, so the payment is confirmed; the tender's typed reference is not trusted."""

    confirms = True

    def capture(self, payment: AppliedPayment, currency: str) -> str:
        return ""

    def refund(self, payment: AppliedPayment, reference: str, currency: str) -> None:
        return None


def default_processors() -> dict[PaymentMethod, PaymentProcessor]:
    return {
        PaymentMethod.CASH: CashDrawer(),
        PaymentMethod.CARD: ExternalTerminal(),
        PaymentMethod.STORE_CREDIT: StoreCredit(),
    }


# Captured before the order is written, with no transaction open (a terminal may be slow).
IN_HOUSE = frozenset({PaymentMethod.CASH, PaymentMethod.STORE_CREDIT})
