"""Held sales: park a cart with a label, resume it later at any till log-in."""

from __future__ import annotations

from pos_app.domain.cart import Cart, cart_from_dict, cart_to_dict
from pos_app.domain.errors import InvalidInput, NotFound, PosError
from pos_app.domain.policy import Action, require
from pos_app.domain.records import HeldSale
from pos_app.domain.text import check_text
from pos_app.domain.users import Actor
from pos_app.domain.voids import VoidKind
from pos_app.services.checkout import CheckoutService
from pos_app.services.guard import Guard
from pos_app.services.settings import SettingsService
from pos_app.services.voids import voided_cart, write_voids
from pos_app.store.uow import Database

LABEL_MAX = 80


class HeldSaleService:
    def __init__(
        self, db: Database, settings: SettingsService, guard: Guard, checkout: CheckoutService
    ) -> None:
        self.db = db
        self.settings = settings
        self.guard = guard
        self.checkout = checkout  # prices a discarded sale's lines for the voided-line record

    def park(self, actor: Actor, label: str, cart: Cart) -> HeldSale:
        require(actor, Action.PARK_SALE)
        if not cart.lines:
            raise InvalidInput("there is nothing in the cart to park")
        label = " ".join(check_text(label, "label", LABEL_MAX).split()) or f"{len(cart.lines)} line(s)"
        with self.db.write() as uow:
            actor = self.guard.check(uow, actor, Action.PARK_SALE)
            sale_id = uow.held.add(label, self.settings.current().till, cart_to_dict(cart), actor.name)
            sale = uow.held.get(sale_id)
        assert sale is not None
        return sale

    def list(self, actor: Actor) -> list[HeldSale]:
        require(actor, Action.PARK_SALE)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.PARK_SALE)
            return uow.held.all()

    def resume(self, actor: Actor, sale_id: str) -> Cart:
        """The parked cart, taken off the list in the same transaction (no two tills get it)."""
        require(actor, Action.PARK_SALE)
        with self.db.write() as uow:
            self.guard.check(uow, actor, Action.PARK_SALE)
            sale = uow.held.get(sale_id)
            if sale is None:
                raise NotFound("that parked sale was already resumed or discarded")
            # Read the cart before taking it off the list: one that cannot be read is kept.
            cart = cart_from_dict(sale.cart).cart
            uow.held.remove(sale_id)
        return cart

    def discard(self, actor: Actor, sale_id: str) -> None:
        """Throw a parked sale away; its lines are kept as voided, in the same transaction."""
        require(actor, Action.PARK_SALE)
        with self.db.write() as uow:
            actor = self.guard.check(uow, actor, Action.PARK_SALE)
            sale = uow.held.get(sale_id)
            if sale is None or not uow.held.remove(sale_id):
                raise NotFound("that parked sale was already resumed or discarded")
            try:
                cart = cart_from_dict(sale.cart).cart
            except PosError:
                return  # a cart that cannot be read has no lines to name
            voided = voided_cart(uow, self.checkout, cart, VoidKind.PARKED)
            write_voids(uow, self.settings, actor.name, sale_id, voided)
