"""Voided lines: every line taken off a sale before payment is kept (who, when, till, the
cash drawer session open then, product, quantity, what it came to) for the drawer's X and Z
reports. Written before the sale screen lets the line go, in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pos_app.domain.cart import Cart
from pos_app.domain.errors import PosError
from pos_app.domain.policy import Action, require
from pos_app.domain.text import CHECKOUT_KEY_MAX, check_text
from pos_app.domain.users import Actor
from pos_app.domain.voids import VoidedLine, VoidKind
from pos_app.services.checkout import CheckoutService
from pos_app.services.guard import Guard
from pos_app.services.settings import SettingsService
from pos_app.store.ids import new_id, utc_now
from pos_app.store.uow import Database, UnitOfWork

Row = dict[str, Any]


class VoidService:
    def __init__(self, db: Database, settings: SettingsService, guard: Guard) -> None:
        self.db = db
        self.settings = settings
        self.guard = guard

    def record(self, actor: Actor, sale_key: str, lines: Sequence[VoidedLine]) -> int:
        """Keep `lines`, taken off the sale `sale_key` by `actor`; how many were kept. Whoever
        may sell may take a line off again: this only records that they did."""
        require(actor, Action.CHECKOUT)
        if not lines:
            return 0
        key = check_text(sale_key, "sale key", CHECKOUT_KEY_MAX)
        with self.db.write(what="the record of the voided lines") as uow:
            actor = self.guard.check(uow, actor, Action.CHECKOUT)
            write_voids(uow, self.settings, actor.name, key, lines)
        return len(lines)


def write_voids(
    uow: UnitOfWork, settings: SettingsService, user: str, sale_key: str, lines: Sequence[VoidedLine]
) -> None:
    """The rows for `lines`, in the caller's write: booked to the session open at this till
    (none when the drawer is closed or untracked)."""
    till = settings.read(uow).till
    session = uow.drawer.open_session(till)
    now = utc_now()
    uow.drawer.add_voids(
        [
            {
                "id": new_id(),
                "till": till,
                "session_id": session.id if session else None,
                "sale_key": sale_key,
                "kind": line.kind.value,
                "sku": line.sku,
                "name": line.name,
                "qty": line.qty,
                "amount": line.amount,
                "user_name": user,
                "created_at": now,
            }
            for line in lines
        ]
    )


def voided_cart(uow: UnitOfWork, checkout: CheckoutService, cart: Cart, kind: VoidKind) -> list[VoidedLine]:
    """Every line of `cart` as voided, priced as the till would price it now; a line whose
    product is no longer sold is kept at 0 with its SKU for a name."""
    try:
        quote = checkout.quote_in(uow, cart)
    except PosError:
        quote = None
    if quote is not None:
        return [
            VoidedLine(kind, line.sku, quote.line_name(n), line.qty, priced.total)
            for n, (line, priced) in enumerate(zip(cart.lines, quote.priced.lines, strict=True))
        ]
    voided = []
    for line in cart.lines:
        try:
            one = checkout.quote_in(uow, Cart(lines=(line,)))
            voided.append(VoidedLine(kind, line.sku, one.line_name(0), line.qty, one.priced.lines[0].total))
        except PosError:
            voided.append(VoidedLine(kind, line.sku, line.sku, line.qty, 0))
    return voided
