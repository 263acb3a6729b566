"""Stock: receive deliveries, adjust counts with a reason, read levels."""

from __future__ import annotations

from pos_app.domain.errors import InvalidInput, NotFound
from pos_app.domain.numbers import ADJUST_QTY, RECEIVE_QTY, check_int
from pos_app.domain.policy import Action, require
from pos_app.domain.records import StockLevel
from pos_app.domain.text import check_text
from pos_app.domain.users import Actor
from pos_app.services.guard import Guard
from pos_app.store.uow import Database

NOTE_MAX = 200  # a delivery note or an adjustment's reason, as kept in the ledger


class StockService:
    def __init__(self, db: Database, guard: Guard) -> None:
        self.db = db
        self.guard = guard

    def levels(self, actor: Actor, sku: str | None = None, limit: int | None = None) -> list[StockLevel]:
        require(actor, Action.RECEIVE_STOCK)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.RECEIVE_STOCK)
            levels = uow.stock.levels(sku, limit)
        if sku is not None and not levels:
            raise NotFound(f"no product with SKU {sku}")
        return levels

    def receive(self, actor: Actor, sku: str, qty: int, note: str = "") -> StockLevel:
        """A delivery of `qty` items, or grams of a product sold by weight."""
        require(actor, Action.RECEIVE_STOCK)
        check_int(qty, RECEIVE_QTY)
        note = check_text(note, "delivery note", NOTE_MAX)
        return self._move(actor, sku, qty, "receive", note, Action.RECEIVE_STOCK)

    def adjust(self, actor: Actor, sku: str, qty: int, reason: str) -> StockLevel:
        """A signed correction after a count, damage or loss (items, or grams of a product sold
        by weight); the reason is kept in the ledger."""
        require(actor, Action.ADJUST_STOCK)
        check_int(qty, ADJUST_QTY)
        if qty == 0:
            raise InvalidInput("an adjustment of 0 changes nothing")
        reason = check_text(reason, "reason for the adjustment", NOTE_MAX)
        if not reason:
            raise InvalidInput("say why the stock is adjusted")
        return self._move(actor, sku, qty, "adjust", reason, Action.ADJUST_STOCK)

    def _move(self, actor: Actor, sku: str, qty: int, reason: str, note: str, action: Action) -> StockLevel:
        with self.db.write() as uow:
            actor = self.guard.check(uow, actor, action)
            product = uow.products.by_sku(sku)
            if product is None:
                raise NotFound(f"no product with SKU {sku}")
            uow.stock.move(
                [{"product_id": product.id, "qty": qty, "reason": reason, "note": note}], actor.name
            )
            return uow.stock.levels(sku)[0]
