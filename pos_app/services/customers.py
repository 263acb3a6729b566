"""Customers: find and create them at the till."""

from __future__ import annotations

from pos_app.domain.errors import InvalidInput
from pos_app.domain.policy import Action, require
from pos_app.domain.records import Customer
from pos_app.domain.users import Actor, control_characters
from pos_app.services.guard import Guard
from pos_app.store.uow import Database


class CustomerService:
    def __init__(self, db: Database, guard: Guard) -> None:
        self.db = db
        self.guard = guard

    def search(self, actor: Actor, text: str, limit: int = 20) -> list[Customer]:
        require(actor, Action.MANAGE_CUSTOMERS)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.MANAGE_CUSTOMERS)
            return uow.customers.search(text.strip(), limit)

    def add(self, actor: Actor, name: str, email: str = "", phone: str = "", address: str = "") -> Customer:
        require(actor, Action.MANAGE_CUSTOMERS)
        if bad := control_characters(name):
            raise InvalidInput(f"a customer's name cannot hold control characters ({', '.join(bad[:3])})")
        name = " ".join(name.split())
        if not name or len(name) > 120:
            raise InvalidInput("a customer needs a name of 1-120 characters")
        if email and ("@" not in email or " " in email.strip()):
            raise InvalidInput(f"'{email}' is not an e-mail address")
        with self.db.write() as uow:
            self.guard.check(uow, actor, Action.MANAGE_CUSTOMERS)
            if uow.customers.by_name(name):
                raise InvalidInput(f"there is already a customer called {name}")
            customer_id = uow.customers.add(name, email.strip(), phone.strip(), address.strip())
            customer = uow.customers.by_id(customer_id)
        assert customer is not None
        return customer
