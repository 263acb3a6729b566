"""The till's open sale: cart, live totals, customer, discounts, parking, and placing the order.

Every change is tried on a copy of the cart and quoted first; a refused change (unknown barcode,
bad quantity, a discount bigger than the line) leaves the cart as it was and says why.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from pos_app.domain.cart import Cart, CheckoutRequest
from pos_app.domain.errors import InvalidInput, PermissionDenied, PosError
from pos_app.domain.money import format_amount
from pos_app.domain.orders import Fulfilment
from pos_app.domain.payments import Tender
from pos_app.domain.pricing import Discount, DiscountKind, discount_ratio_bp
from pos_app.domain.records import Customer, HeldSale, OrderDetail
from pos_app.domain.users import Actor, Role
from pos_app.services.checkout import Quote
from pos_app.viewmodels import cart_edit
from pos_app.viewmodels.cart_model import CartRow, CartTableModel
from pos_app.viewmodels.open_cart import FILE_NAME, OpenCartFile
from pos_app.viewmodels.session import Session

log = logging.getLogger(__name__)

OVERRIDE_HINT = "a manager can approve it"  # how the services word an overridable denial


def new_key() -> str:
    return str(uuid.uuid4())


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


class CheckoutViewModel(QObject):
    changed = Signal()  # cart, totals, customer or fulfilment changed
    message = Signal(str, bool)  # text for under the scan field, and whether it is an error
    current_row = Signal(int)  # the line the last change touched
    busy_changed = Signal(bool)
    finished = Signal(object)  # OrderDetail of the sale just placed
    checkout_failed = Signal(str)
    override_needed = Signal(str)  # the services' reason; retry after approve()

    def __init__(self, session: Session, cart_file: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.services = session.services
        self.store = OpenCartFile(cart_file or self.services.db.path.parent / FILE_NAME)
        self.lines = CartTableModel(self.set_qty, self)
        self._cart = Cart()
        self._quote: Quote | None = None
        self._key = new_key()
        self._approver: Actor | None = None
        self._approved_bp = 0
        self._busy = False
        self._saved = True
        self.message_text = ""
        self.message_is_error = False
        self.last_order: OrderDetail | None = None

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
    def approver(self) -> Actor | None:
        return self._approver

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
            sum(line.qty for line in self._cart.lines),
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
        return ratio > limit and (self._approver is None or ratio > self._approved_bp)

    # -- cart ----------------------------------------------------------------------------

    def scan(self, text: str) -> bool:
        """A scanned barcode or typed SKU, optionally 'qty*code'."""
        if not text.strip():
            return False
        try:
            qty, code = cart_edit.parse_scan(text)
            product = self.services.catalog.find(code)
            cart, row = cart_edit.with_added(self._cart, product.sku, qty)
        except PosError as exc:
            return self._error(exc.message)
        if not self._apply(cart, row):
            return False
        if self._saved:  # else the warning that the cart is not being kept stays up
            self._say(f"{product.name} × {cart.lines[row].qty}", error=False)
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
        return self._apply(cart, row)

    def set_qty_text(self, row: int, text: str) -> bool:
        try:
            qty = cart_edit.parse_qty(text)
        except PosError as exc:
            return self._error(exc.message)
        return self.set_qty(row, qty)

    def change_qty(self, row: int, delta: int) -> bool:
        if not self._valid_row(row):
            return False
        qty = self._cart.lines[row].qty + delta
        if qty < 1:
            return self._error("quantity must be at least 1: press Del to remove the line")
        return self.set_qty(row, qty)

    def remove(self, row: int) -> bool:
        if not self._valid_row(row):
            return False
        if not self._apply(cart_edit.without_line(self._cart, row), min(row, len(self._cart.lines) - 2)):
            return False
        self._say("", error=False)
        return True

    def set_line_discount(self, row: int, text: str) -> bool:
        if not self._valid_row(row) or self._quote is None:
            return False
        try:
            discount = cart_edit.parse_discount(text, self.currency)
            self._check_amount(discount, self._quote.priced.lines[row].gross, "the line")
            cart = cart_edit.with_line_discount(self._cart, row, discount)
        except PosError as exc:
            return self._error(exc.message)
        return self._apply(cart, row)

    def set_order_discount(self, text: str) -> bool:
        if self._quote is None:
            return self._error("scan an item before giving a discount")
        try:
            discount = cart_edit.parse_discount(text, self.currency)
            priced = self._quote.priced
            line_discounts = sum(
                ln.discount.amount_off(p.gross)
                for p, ln in zip(priced.lines, self._cart.lines, strict=True)
                if ln.discount
            )
            self._check_amount(discount, priced.subtotal - line_discounts, "the sale")
        except PosError as exc:
            return self._error(exc.message)
        return self._apply(replace(self._cart, order_discount=discount))

    def set_customer(self, name: str | None) -> bool:
        return self._apply(replace(self._cart, customer=name or None))

    def set_fulfilment(self, fulfilment: Fulfilment) -> bool:
        ship_to = self._cart.ship_to
        if fulfilment is Fulfilment.DELIVERY and not ship_to and self._cart.customer:
            found = [c for c in self.search_customers(self._cart.customer) if c.name == self._cart.customer]
            ship_to = found[0].address if found else ""
        return self._apply(replace(self._cart, fulfilment=fulfilment, ship_to=ship_to))

    def set_ship_to(self, text: str) -> bool:
        return self._apply(replace(self._cart, ship_to=text))

    def clear(self) -> None:
        """Void the open sale (nothing was paid): empty cart, fresh key."""
        if self._busy:
            return
        self._reset()
        self._say("", error=False)

    # -- customers -----------------------------------------------------------------------

    def search_customers(self, text: str) -> list[Customer]:
        try:
            return self.services.customers.search(self.session.actor, text)
        except PosError as exc:
            self._error(exc.message)
            return []

    def create_customer(self, name: str, email: str = "", phone: str = "", address: str = "") -> Customer:
        """Raises PosError for the form to show beside its fields; attaches the new customer."""
        customer = self.services.customers.add(self.session.actor, name, email, phone, address)
        self.set_customer(customer.name)
        return customer

    # -- parked sales --------------------------------------------------------------------

    def park(self, label: str) -> bool:
        try:
            sale = self.services.held.park(self.session.actor, label, self._cart)
        except PosError as exc:
            return self._error(exc.message)
        self._reset()
        self._say(f"parked as “{sale.label}”", error=False)
        return True

    def held_sales(self) -> list[HeldSale]:
        try:
            return self.services.held.list(self.session.actor)
        except PosError as exc:
            self._error(exc.message)
            return []

    def resume(self, sale_id: str) -> bool:
        if self._cart.lines:
            return self._error("finish or park the sale on the till first")
        try:
            cart = self.services.held.resume(self.session.actor, sale_id)
        except PosError as exc:
            return self._error(exc.message)
        self._key = new_key()
        return self._take(cart, "resumed the parked sale")

    def discard_held(self, sale_id: str) -> bool:
        try:
            self.services.held.discard(self.session.actor, sale_id)
        except PosError as exc:
            return self._error(exc.message)
        return True

    def restore(self) -> bool:
        """Bring back the cart that was open when the till closed, crashed or was locked."""
        saved = self.store.load()
        if saved is None:
            return False
        self._key = saved.key  # same key: a sale that did go through before a crash stays one
        return self._take(saved.cart, "the open sale was restored")

    # -- paying --------------------------------------------------------------------------

    def approve(self, approver: Actor) -> None:
        """A manager approved the discount as it stands now (a bigger one needs asking again)."""
        self._approver = approver
        self._approved_bp = self.discount_bp
        self.changed.emit()

    def checkout(self, tenders: list[Tender]) -> None:
        """Place the order; `finished`, `checkout_failed` or `override_needed` tells how it went."""
        if self._busy:
            return  # a double-click while the first is saving; the key makes retries safe anyway
        if not self._cart.lines:
            self.checkout_failed.emit("the cart is empty")
            return
        actor = self.session.actor
        approver = self._approver if self.discount_bp <= self._approved_bp else None
        request = CheckoutRequest(self._cart, tuple(tenders), key=self._key)
        cart = self._cart
        service = self.services.checkout
        self._set_busy(True)
        self.session.runner.submit(
            lambda: service.checkout(actor, request, approver),
            lambda order: self._placed(cart, order),
            self._not_placed,
        )

    def _placed(self, cart: Cart, order: OrderDetail) -> None:
        self._set_busy(False)
        if [(line.sku, line.qty) for line in order.lines] != [(line.sku, line.qty) for line in cart.lines]:
            # The key was used by a sale that went through before a crash, for another cart.
            self._key = new_key()
            self._save()
            self.checkout_failed.emit(
                f"this sale was already paid as {order.number} before the till restarted; check "
                "that order, then press Pay again to sell this cart as a new sale"
            )
            return
        self.last_order = order
        self._reset()
        self._say(f"{order.number} paid", error=False)
        self.finished.emit(order)

    def _not_placed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, PermissionDenied) and exc.message.endswith(OVERRIDE_HINT):
            self.override_needed.emit(exc.message)
        elif isinstance(exc, PosError):
            self.checkout_failed.emit(exc.message)
        else:
            log.error("checkout failed", exc_info=exc)
            self.checkout_failed.emit("the sale could not be saved (see the log); try again")

    # -- internals -----------------------------------------------------------------------

    def _apply(self, cart: Cart, row: int = -1) -> bool:
        if self._busy:
            return self._error("wait: the sale is being saved")
        try:
            quote = self.services.checkout.quote(cart) if cart.lines else None
        except PosError as exc:
            return self._error(exc.message)
        self._cart, self._quote = cart, quote
        self._show()
        self._save()
        self.changed.emit()
        if row >= 0:
            self.current_row.emit(row)
        return True

    def _take(self, cart: Cart, note: str) -> bool:
        """Load a saved or parked cart, dropping lines whose product is no longer sold."""
        kept = tuple(line for line in cart.lines if self._sold(line.sku))
        dropped = len(cart.lines) - len(kept)
        if not self._apply(replace(cart, lines=kept, order_discount=cart.order_discount if kept else None)):
            return False
        if dropped:
            return self._error(f"{note}; {dropped} line(s) no longer sold were left out")
        self._say(note, error=False)
        return True

    def _sold(self, sku: str) -> bool:
        try:
            return self.services.catalog.find(sku).sku == sku
        except PosError:
            return False

    def _show(self) -> None:
        quote = self._quote
        rows = (
            [
                CartRow(p.name, p.sku, line.qty, line.unit_price, line.discount, line.total)
                for p, line in zip(quote.products, quote.priced.lines, strict=True)
            ]
            if quote
            else []
        )
        self.lines.set_rows(rows, self.currency)

    def _save(self) -> None:
        self._saved = True
        try:
            self.store.save(self._cart, self._key)
        except OSError as exc:
            self._saved = False
            log.warning("could not save the open cart", exc_info=exc)
            self._error(f"the open sale could not be saved to disk ({exc.strerror or exc})")

    def _reset(self) -> None:
        self._cart, self._quote = Cart(), None
        self._key = new_key()
        self._approver, self._approved_bp = None, 0
        self._save()
        self._show()
        self.changed.emit()

    def _check_amount(self, discount: Discount | None, base: int, what: str) -> None:
        if discount and discount.kind is DiscountKind.AMOUNT and discount.value > base:
            cur = self.currency
            raise InvalidInput(
                f"a discount of {format_amount(discount.value, cur)} is more than {what} "
                f"({format_amount(base, cur)})"
            )

    def _valid_row(self, row: int) -> bool:
        if 0 <= row < len(self._cart.lines):
            return True
        return self._error("select a line first")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    def _error(self, text: str) -> bool:
        self._say(text, error=True)
        return False

    def _say(self, text: str, *, error: bool) -> None:
        self.message_text, self.message_is_error = text, error
        self.message.emit(text, error)
