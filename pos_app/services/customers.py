"""Customers: find and create them at the till."""

from __future__ import annotations

from pos_app.domain.errors import InvalidInput
from pos_app.domain.policy import Action, require
from pos_app.domain.records import Customer
from pos_app.domain.text import SEARCH_MAX, SHIP_TO_MAX, check_text, escape_controls
from pos_app.domain.users import Actor
from pos_app.services.guard import Guard
from pos_app.store.uow import Database

NAME_MAX = 120
EMAIL_MAX = 254  # the longest address mail systems accept (RFC 5321)
PHONE_MAX = 40


class CustomerService:
    def __init__(self, db: Database, guard: Guard) -> None:
        self.db = db
        self.guard = guard

    def search(self, actor: Actor, text: str, limit: int = 20) -> list[Customer]:
        require(actor, Action.MANAGE_CUSTOMERS)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.MANAGE_CUSTOMERS)
            return uow.customers.search(check_text(text, "search", SEARCH_MAX), limit)

    def add(self, actor: Actor, name: str, email: str = "", phone: str = "", address: str = "") -> Customer:
        require(actor, Action.MANAGE_CUSTOMERS)
        name = " ".join(check_text(name, "customer's name", NAME_MAX).split())
        if not name:
            raise InvalidInput(f"a customer needs a name of 1-{NAME_MAX} characters")
        email = check_text(email, "customer's e-mail address", EMAIL_MAX)
        phone = check_text(phone, "customer's phone number", PHONE_MAX)
        address = check_text(address, "customer's address", SHIP_TO_MAX, multiline=True)
        if email and ("@" not in email or " " in email):
            raise InvalidInput(f"'{escape_controls(email)}' is not an e-mail address")
        with self.db.write() as uow:
            self.guard.check(uow, actor, Action.MANAGE_CUSTOMERS)
            if uow.customers.by_name(name):
                raise InvalidInput(f"there is already a customer called {name}")
            customer_id = uow.customers.add(name, email, phone, address)
            customer = uow.customers.by_id(customer_id)
        assert customer is not None
        return customer
