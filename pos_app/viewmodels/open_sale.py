"""The sale open on the till: its cart, live totals, line edits and discounts, kept on disk.

Every change is tried on a copy of the cart and quoted first; a refused change (unknown barcode,
bad quantity, a discount bigger than the line) leaves the cart as it was and says why.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pos_app.domain.cart import Cart
from pos_app.domain.errors import InvalidInput, PosError
from pos_app.domain.money import format_amount
from pos_app.domain.pricing import Discount, DiscountKind, discount_ratio_bp, over_discount_limit
from pos_app.domain.sold_lines import stock_qty
from pos_app.domain.users import Approval, Role
from pos_app.domain.variable_measure import SoldBy, kg_text, parse_weight, qty_text
from pos_app.domain.voids import VoidedLine, VoidKind
from pos_app.viewmodels import cart_edit
from pos_app.viewmodels.cart_model import CartRow, CartTableModel
from pos_app.viewmodels.money_text import money
from pos_app.viewmodels.open_cart import OpenCartFile, open_cart_path, owned_cart_path
from pos_app.viewmodels.session import Session

if TYPE_CHECKING:  # only a type here; importing services loads SQLAlchemy
    from pos_app.services.checkout import Quote

log = logging.getLogger(__name__)


def new_key() -> str:
    return str(uuid.uuid4())


def stock_note(on_hand: int, wanted: int, negative_allowed: bool, sold_by: SoldBy = SoldBy.EACH) -> str:
    """The warning on a line that sells more than the shelf holds ('' when there is enough)."""
    if wanted <= on_hand:
        return ""
    only = QCoreApplication.translate("OpenSale", "only {count} in stock").format(
        count=qty_text(max(on_hand, 0), sold_by)
    )
    have = only if on_hand > 0 else QCoreApplication.translate("OpenSale", "none in stock")
    return (
        have
        if negative_allowed
        else QCoreApplication.translate("OpenSale", "{have}: lower the quantity to sell it").format(have=have)
    )


@dataclass(frozen=True)
class Totals:
    items: int
    subtotal: int
    discount: int
    tax: int
    total: int
    cash_due: int  # the total as cash pays it, after cash rounding
    currency: str
    prices_include_tax: bool


class OpenSale(QObject):
    changed = Signal()  # cart, totals, customer or fulfilment changed
    message = Signal(str, bool)  # text for under the scan field, and whether it is an error
    current_row = Signal(int)  # the line the last change touched
    busy_changed = Signal(bool)
    # A product sold by weight was scanned or tapped with no weight: (SKU, name) to ask it for.
    weight_wanted = Signal(str, str)

    def __init__(self, session: Session, cart_file: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.services = session.services
        till_cart = cart_file or open_cart_path(self.services.db.path)
        self.store = OpenCartFile(owned_cart_path(till_cart, session.actor))
        self.lines = CartTableModel(self.set_qty, self)
        self._cart = Cart()
        self._quote: Quote | None = None
        self._key = new_key()  # the idempotency key of this sale, made once per cart
        self._approval: Approval | None = None  # sent with each checkout: the service checks it
        self._approved_bp = 0
        self._busy = False
        self._saved = True
        self.message_text = ""
        self.message_is_error = False

    # -- state ---------------------------------------------------------------------------

    @property
    def cart(self) -> Cart:
        return self._cart

    @property
    def key(self) -> str:
        return self._key

    @property
    def quote(self) -> Quote | None:
        return self._quote

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def approval(self) -> Approval | None:
        return self._approval

    @property
    def currency(self) -> str:
        return self._quote.currency if self._quote else self.session.settings.currency

    @property
    def totals(self) -> Totals:
        if self._quote is None:
            settings = self.session.settings
            return Totals(0, 0, 0, 0, 0, 0, settings.currency, settings.prices_include_tax)
        priced = self._quote.priced
        return Totals(
            sum(line.items for line in self._cart.lines),
            priced.subtotal,
            priced.discount,
            priced.tax,
            priced.total,
            self._quote.cash_due,
            self._quote.currency,
            priced.prices_include_tax,
        )

    @property
    def discount_bp(self) -> int:
        return discount_ratio_bp(self._quote.priced) if self._quote else 0

    @property
    def needs_approval(self) -> bool:
        """A clerk's discount is over the limit and no manager has approved this much yet."""
        if not self.session.logged_in or self.session.actor.role is not Role.CLERK:
            return False
        ratio = self.discount_bp
        limit = self.session.settings.clerk_discount_limit_bp
        over = self._quote is not None and over_discount_limit(self._quote.priced, limit)
        return over and (self._approval is None or ratio > self._approved_bp)

    # -- cart ----------------------------------------------------------------------------

    def scan(self, text: str) -> bool:
        """A scanned barcode or typed SKU, optionally 'qty*code'."""
        if not text.strip():
            return False
        try:
            typed, code = cart_edit.split_scan(text)
            found = self.services.catalog.scan(code)
            product = found.product
            if found.label is not None:
                qty = 1 if typed is None else cart_edit.parse_qty(typed)
                grams = found.label.grams
                cart, row = cart_edit.with_label(self._cart, product.sku, qty, found.label.code, grams)
            elif product.sold_by is SoldBy.WEIGHT:
                if typed is None:
                    self.weight_wanted.emit(product.sku, product.name)
                    raise InvalidInput(
                        self.tr(
                            "{name} is sold by weight: scan its scale label, or type the weight first, "
                            "e.g. 0.350*{sku}"
                        ).format(name=product.name, sku=product.sku)
                    )
                cart, row = cart_edit.with_weighed(self._cart, product.sku, typed)
            else:
                qty = 1 if typed is None else cart_edit.parse_qty(typed)
                cart, row = cart_edit.with_added(self._cart, product.sku, qty)
        except PosError as exc:
            return self._error(exc.message)
        if not self._apply(cart, row):
            return False
        if self._saved:  # else the warning that the cart is not being kept stays up
            shown = self.lines.row_at(row)
            said = f"{shown.name} × {cart.lines[row].qty}"
            if shown.measure is SoldBy.WEIGHT:
                said = f"{shown.name} {kg_text(shown.qty)}: {money(shown.total, self.currency)}"
            elif found.label is not None:
                said = f"{shown.name}: {money(shown.total, self.currency)}"
            self._say(said + (f": {shown.stock_note}" if shown.stock_note else ""), error=False)
        return True

    def add_sku(self, sku: str) -> bool:
        """A product picked from the name search."""
        return self.scan(sku)

    def set_qty(self, row: int, qty: int) -> bool:
        if not self._valid_row(row):
            return False
        try:
            cart = cart_edit.with_qty(self._cart, row, qty)
        except PosError as exc:
            return self._error(exc.message)
        before = self._cart.lines[row].qty
        if qty >= before:
            return self._apply(cart, row)

        def lowered(quote: Quote | None) -> list[VoidedLine]:
            # What the line came to before, less what it comes to now.
            was = self._voided(row, VoidKind.QTY)
            now = quote.priced.lines[row].total if quote else 0
            return [replace(was, qty=before - qty, amount=was.amount - now)]

        return self._apply(cart, row, lowered)

    def set_qty_text(self, row: int, text: str) -> bool:
        """The line's new count, or its weight in kg ('0.350', or '350g') for a weighed line."""
        if not self._valid_row(row):
            return False
        try:
            weighed = self._cart.lines[row].weighed
            qty = parse_weight(text) if weighed else cart_edit.parse_qty(text)
        except PosError as exc:
            return self._error(exc.message)
        return self.set_qty(row, qty)

    def change_qty(self, row: int, delta: int) -> bool:
        if not self._valid_row(row):
            return False
        if self._cart.lines[row].weighed:
            return self._error(self.tr("a weighed item's weight is typed: press Qty (F2) and type it in kg"))
        qty = self._cart.lines[row].qty + delta
        if qty < 1:
            return self._error(self.tr("quantity must be at least 1: press Del to remove the line"))
        return self.set_qty(row, qty)

    def remove(self, row: int) -> bool:
        if not self._valid_row(row):
            return False
        cart = cart_edit.without_line(self._cart, row)
        if not self._apply(
            cart, min(row, len(self._cart.lines) - 2), lambda _q: [self._voided(row, VoidKind.LINE)]
        ):
            return False
        self._say("", error=False)
        return True

    def set_line_discount(self, row: int, text: str) -> bool:
        if not self._valid_row(row) or self._quote is None:
            return False
        try:
            discount = cart_edit.parse_discount(text, self.currency)
            self._check_amount(
                discount,
                self._quote.priced.lines[row].gross,
                self.tr("a discount of {discount} is more than the line ({base})"),
            )
            cart = cart_edit.with_line_discount(self._cart, row, discount)
        except PosError as exc:
            return self._error(exc.message)
        return self._apply(cart, row)

    def set_order_discount(self, text: str) -> bool:
        if self._quote is None:
            return self._error(self.tr("scan an item before giving a discount"))
        try:
            discount = cart_edit.parse_discount(text, self.currency)
            priced = self._quote.priced
            line_discounts = sum(
                ln.discount.amount_off(p.gross)
                for p, ln in zip(priced.lines, self._cart.lines, strict=True)
                if ln.discount
            )
            self._check_amount(
                discount,
                priced.subtotal - line_discounts,
                self.tr("a discount of {discount} is more than the sale ({base})"),
            )
        except PosError as exc:
            return self._error(exc.message)
        return self._apply(replace(self._cart, order_discount=discount))

    def clear(self) -> bool:
        """Void the open sale (nothing was paid): its lines are recorded as voided, then the
        cart is emptied with a fresh key. False (the sale kept) when that record failed."""
        if self._busy:
            return False
        voided = [self._voided(row, VoidKind.SALE) for row in range(len(self._cart.lines))]
        if not self._record(voided, self.tr("the sale was not voided")):
            return False
        self._reset()
        self._say("", error=False)
        return True

    def refuse(self, text: str) -> bool:
        """Say why something the clerk asked for on the screen cannot be done; False."""
        return self._error(text)

    def approve(self, approval: Approval) -> None:
        """A manager approved the discount as it stands now (a bigger one needs asking again)."""
        self._approval = approval
        self._approved_bp = self.discount_bp
        self.changed.emit()

    # -- internals -----------------------------------------------------------------------

    def _apply(
        self, cart: Cart, row: int = -1, voided: Callable[[Quote | None], list[VoidedLine]] | None = None
    ) -> bool:
        """Take `cart` as the sale; `voided` names what the change takes off it (from the new
        quote), recorded first: when that cannot be written the cart stays as it was."""
        if self._busy:
            return self._error(self.tr("wait: the sale is being saved"))
        try:
            quote = self.services.checkout.quote(cart) if cart.lines else None
        except PosError as exc:
            return self._error(exc.message)
        if voided is not None and not self._record(voided(quote)):
            return False
        self._cart, self._quote = cart, quote
        if self.message_is_error:
            self._say("", error=False)  # the mistake it was about has been put right
        self._show()
        self._save()
        self.changed.emit()
        if row >= 0:
            self.current_row.emit(row)
        return True

    def _voided(self, row: int, kind: VoidKind) -> VoidedLine:
        """The line at `row` as it stands, taken off whole."""
        line = self._cart.lines[row]
        if self._quote is None:
            return VoidedLine(kind, line.sku, line.sku, line.qty, 0)
        return VoidedLine(
            kind, line.sku, self._quote.line_name(row), line.qty, self._quote.priced.lines[row].total
        )

    def _record(self, voided: list[VoidedLine], refused: str = "") -> bool:
        """Keep the lines taken off the sale before they go (a short write: the record must
        stand before the line leaves the screen)."""
        if not voided:
            return True
        try:
            self.services.voids.record(self.session.actor, self._key, voided)
        except PosError as exc:
            refused = refused or self.tr("the line was not taken off")
            return self._error(f"{refused}: {exc.message}")
        return True

    def _show(self) -> None:
        quote = self._quote
        if quote is None:
            self.lines.set_rows([], self.currency)
            return
        wanted: dict[str, int] = {}
        for p, line in zip(quote.products, quote.priced.lines, strict=True):
            wanted[p.sku] = wanted.get(p.sku, 0) + stock_qty(p, line.sold_by, line.qty, line.unit_price)
        allowed = self.session.settings.allow_negative_stock
        rows = [
            CartRow(
                quote.line_name(n),
                p.sku,
                line.qty,
                line.unit_price,
                line.discount,
                line.total,
                stock_note(p.on_hand, wanted[p.sku], allowed, p.sold_by) if p.track_stock else "",
                line.sold_by,
            )
            for n, (p, line) in enumerate(zip(quote.products, quote.priced.lines, strict=True))
        ]
        self.lines.set_rows(rows, self.currency)

    def _save(self) -> None:
        self._saved = True
        try:
            self.store.save(self._cart, self._key)
        except OSError as exc:
            self._saved = False
            log.warning("could not save the open cart", exc_info=exc)
            self._error(
                self.tr("the open sale could not be saved to disk ({reason})").format(
                    reason=exc.strerror or exc
                )
            )

    def _reset(self) -> None:
        self._cart, self._quote = Cart(), None
        self._key = new_key()
        self._approval, self._approved_bp = None, 0
        self._save()
        self._show()
        self.changed.emit()

    def _check_amount(self, discount: Discount | None, base: int, refusal: str) -> None:
        """`refusal` names {discount} and {base}: said when an amount off is more than the base."""
        if discount and discount.kind is DiscountKind.AMOUNT and discount.value > base:
            cur = self.currency
            raise InvalidInput(
                refusal.format(discount=format_amount(discount.value, cur), base=format_amount(base, cur))
            )

    def _valid_row(self, row: int) -> bool:
        if 0 <= row < len(self._cart.lines):
            return True
        return self._error(self.tr("select a line first"))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    def _error(self, text: str) -> bool:
        self._say(text, error=True)
        return False

    def _say(self, text: str, *, error: bool) -> None:
        self.message_text, self.message_is_error = text, error
        self.message.emit(text, error)
