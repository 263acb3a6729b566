"""Store credit accounts: a balance per customer that only real money or a manager fills, and
that a sale can spend only as far as it goes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pos_app.domain.errors import InvalidInput, NotFound
from pos_app.domain.money import MAX_AMOUNT, format_amount
from pos_app.domain.payments import AppliedPayment, PaymentMethod
from pos_app.domain.policy import Action, require
from pos_app.domain.records import Customer
from pos_app.domain.text import check_text, escape_controls
from pos_app.domain.users import Actor
from pos_app.services.guard import Guard
from pos_app.store.credit_repo import CreditMovementView
from pos_app.store.uow import Database, UnitOfWork

MAX_REASON = 200


@dataclass(frozen=True)
class CreditAccount:
    customer: Customer
    balance: int
    movements: tuple[CreditMovementView, ...]


def _credit_in(payments: Sequence[AppliedPayment]) -> int:
    return sum(p.amount for p in payments if p.method is PaymentMethod.STORE_CREDIT)


def _short(customer: Customer, balance: int, asked: int, currency: str) -> InvalidInput:
    return InvalidInput(
        f"{customer.name} has {format_amount(balance, currency)} of store credit; "
        f"{format_amount(asked, currency)} asked"
    )


def check_credit(
    uow: UnitOfWork, customer: Customer | None, payments: Sequence[AppliedPayment], currency: str
) -> None:
    """Refuse store credit that the sale's customer does not have (before anything is taken)."""
    asked = _credit_in(payments)
    if not asked:
        return
    if customer is None:
        raise InvalidInput("store credit is spent from a customer's account: add the customer first")
    balance = uow.credit.balance(customer.id)
    if balance < asked:
        raise _short(customer, balance, asked, currency)


def spend_credit(
    uow: UnitOfWork,
    customer: Customer | None,
    payments: Sequence[AppliedPayment],
    user_name: str,
    order_id: str,
    currency: str,
) -> None:
    """Debit the store credit of `payments` in this transaction, never below zero."""
    asked = _credit_in(payments)
    if not asked:
        return
    if customer is None:
        raise InvalidInput("store credit is spent from a customer's account: add the customer first")
    if not uow.credit.move(customer.id, -asked, "sale", user_name, order_id):
        raise _short(customer, uow.credit.balance(customer.id), asked, currency)


class CreditService:
    def __init__(self, db: Database, currency: Callable[[], str], guard: Guard) -> None:
        self.db = db
        self.currency = currency
        self.guard = guard

    def account(self, actor: Actor, name: str, limit: int = 50) -> CreditAccount:
        """A customer with their balance and latest movements (staff only)."""
        require(actor, Action.MANAGE_CUSTOMERS)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.MANAGE_CUSTOMERS)
            customer = self._customer(uow, name)
            return CreditAccount(
                customer, uow.credit.balance(customer.id), tuple(uow.credit.movements(customer.id, limit))
            )

    def give(self, actor: Actor, name: str, amount: int, reason: str) -> CreditAccount:
        """A manager credits (or, negative, takes back) store credit with a reason."""
        require(actor, Action.GIVE_CREDIT)
        reason = " ".join(check_text(reason, "reason", MAX_REASON).split())
        if not reason:
            raise InvalidInput(f"say why, in 1-{MAX_REASON} characters")
        if amount == 0 or abs(amount) > MAX_AMOUNT:
            raise InvalidInput("the amount must be more than zero and within the till's limit")
        with self.db.write(what="the store credit") as uow:
            actor = self.guard.check(uow, actor, Action.GIVE_CREDIT)
            customer = self._customer(uow, name)
            if not uow.credit.move(customer.id, amount, "manager", actor.name, None, reason):
                balance = format_amount(uow.credit.balance(customer.id), self.currency())
                raise InvalidInput(f"{customer.name} has only {balance} of store credit to take back")
        return self.account(actor, name)

    @staticmethod
    def _customer(uow: UnitOfWork, name: str) -> Customer:
        customer = uow.customers.by_name(" ".join(name.split()))
        if customer is None:
            raise NotFound(f"no customer named {escape_controls(name[:120])}")
        return customer
