"""The till's sale view model: the open sale plus customers, parked sales, the cart kept over a
crash, and placing the order (once, whatever is clicked twice)."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from pos_app.domain.cart import Cart, CheckoutRequest
from pos_app.domain.errors import KeyReused, NotFound, OverrideRequired, PosError
from pos_app.domain.orders import Fulfilment, normalize_order_number
from pos_app.domain.payments import Tender
from pos_app.domain.records import Customer, HeldSale, OrderDetail
from pos_app.domain.users import Role
from pos_app.viewmodels.open_sale import OpenSale, new_key
from pos_app.viewmodels.session import Session

log = logging.getLogger(__name__)


class CheckoutViewModel(OpenSale):
    finished = Signal(object)  # OrderDetail of the sale just placed
    checkout_failed = Signal(str)
    override_needed = Signal(str)  # the services' reason; retry after approve()
    return_scanned = Signal(str)  # a receipt's order number was scanned: open it for a return

    def __init__(self, session: Session, cart_file: Path | None = None, parent: QObject | None = None):
        super().__init__(session, cart_file, parent)
        self.last_order: OrderDetail | None = None

    # -- scanning a receipt ---------------------------------------------------------------

    def scan(self, text: str) -> bool:
        """A product, as ever; or, for staff, the order number printed as a receipt's barcode,
        which opens that order for a return (no product has that code)."""
        number = normalize_order_number(text) if "*" not in text else None
        if number is None or self.session.actor.role is Role.CUSTOMER:
            return super().scan(text)
        try:
            self.services.catalog.scan(text)
        except NotFound:
            try:
                order = self.services.orders.get_order(self.session.actor, number)
            except PosError:
                return super().scan(text)
            self._say(
                self.tr("{0}: the receipt's order, opened for a return").format(order.number), error=False
            )
            self.return_scanned.emit(order.number)
            return True
        return super().scan(text)

    # -- customer and fulfilment --------------------------------------------------------

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

    # -- parked sales --------------------------------------------------------------------

    def park(self, label: str) -> bool:
        try:
            sale = self.services.held.park(self.session.actor, label, self._cart)
        except PosError as exc:
            return self._error(exc.message)
        self._reset()
        self._say(self.tr("parked as “{label}”").format(label=sale.label), error=False)
        return True

    def held_sales(self) -> list[HeldSale]:
        try:
            return self.services.held.list(self.session.actor)
        except PosError as exc:
            self._error(exc.message)
            return []

    def resume(self, sale_id: str) -> bool:
        if self._cart.lines:
            return self._error(self.tr("finish or park the sale on the till first"))
        try:
            cart = self.services.held.resume(self.session.actor, sale_id)
        except PosError as exc:
            return self._error(exc.message)
        self._key = new_key()
        return self._take(cart, self.tr("resumed the parked sale"))

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
        return self._take(saved.cart, self.tr("the open sale was restored"))

    # -- paying --------------------------------------------------------------------------

    def checkout(self, tenders: list[Tender]) -> None:
        """Place the order; `finished`, `checkout_failed` or `override_needed` tells how it went."""
        if self._busy:
            return  # a double-click while the first is saving; the key makes retries safe anyway
        if not self._cart.lines:
            self.checkout_failed.emit(self.tr("the cart is empty"))
            return
        actor = self.session.actor
        approval = self._approval if self.discount_bp <= self._approved_bp else None
        request = CheckoutRequest(self._cart, tuple(tenders), key=self._key)
        cart = self._cart
        service = self.services.checkout
        self._set_busy(True)
        self.session.runner.submit(
            lambda: service.checkout(actor, request, approval),
            lambda order: self._placed(cart, order),
            lambda exc: self._not_placed(exc, cart),
        )

    def _placed(self, cart: Cart, order: OrderDetail) -> None:
        self._set_busy(False)
        if [(line.sku, line.qty) for line in order.lines] != [(line.sku, line.qty) for line in cart.lines]:
            # The key was used by a sale that went through before a crash, for another cart.
            self._key = new_key()
            self._save()
            self.checkout_failed.emit(
                self.tr(
                    "this sale was already paid as {0} before the till restarted; check that order, "
                    "then press Pay again to sell this cart as a new sale"
                ).format(order.number)
            )
            return
        self.last_order = order
        self._reset()
        self._say(self.tr("{number} paid").format(number=order.number), error=False)
        self.finished.emit(order)

    def _not_placed(self, exc: Exception, cart: Cart | None = None) -> None:
        self._set_busy(False)
        if isinstance(exc, KeyReused) and exc.order_number and cart is not None:
            # The key went through before a crash with another request: the same goods paid
            # another way are that sale; another cart gets a new key (and _placed says so).
            try:
                first = self.services.orders.get_order(self.session.actor, exc.order_number)
            except PosError as err:
                self.checkout_failed.emit(err.message)
                return
            self._placed(cart, first)
        elif isinstance(exc, OverrideRequired):
            self.override_needed.emit(exc.message)
        elif isinstance(exc, PosError):
            self.checkout_failed.emit(exc.message)
        else:
            log.error("checkout failed", exc_info=exc)
            self.checkout_failed.emit(self.tr("the sale could not be saved (see the log); try again"))

    # -- internals ---------------------------------------------------------------------

    def _take(self, cart: Cart, note: str) -> bool:
        """Load a saved or parked cart, dropping lines whose product is no longer sold."""
        kept = tuple(line for line in cart.lines if self._sold(line.sku))
        dropped = len(cart.lines) - len(kept)
        if not self._apply(replace(cart, lines=kept, order_discount=cart.order_discount if kept else None)):
            return False
        if dropped:
            return self._error(self.tr("{0}; {1} line(s) no longer sold were left out").format(note, dropped))
        self._say(note, error=False)
        return True

    def _sold(self, sku: str) -> bool:
        try:
            return self.services.catalog.find(sku).sku == sku
        except PosError:
            return False
