"""Checkout: a cart becomes a placed order (paid, or awaiting payment) in one transaction, at
most once per key."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pos_app.domain.cart import Cart, CheckoutRequest, check_request
from pos_app.domain.drawer import CashSession
from pos_app.domain.errors import InsufficientStock, InvalidInput, KeyReused, NotFound, PosError
from pos_app.domain.fingerprint import fingerprint
from pos_app.domain.journal import sale_payload
from pos_app.domain.money import format_amount
from pos_app.domain.orders import INITIAL_STATUS, Fulfilment, OrderStatus
from pos_app.domain.payments import (
    AppliedPayment,
    PaymentMethod,
    Settlement,
    balance_due,
    cash_due,
    settle,
)
from pos_app.domain.policy import Action, OrderFacts, denial, require
from pos_app.domain.pricing import PricedCart, over_discount_limit, price_cart
from pos_app.domain.records import Customer, OrderDetail, Product
from pos_app.domain.sold_lines import line_input, stock_qty
from pos_app.domain.users import Actor, Approval, Role
from pos_app.domain.variable_measure import qty_text
from pos_app.services.authorize import authorize
from pos_app.services.card_capture import AlreadyResolved, Attempt, CardCapture
from pos_app.services.credit import check_credit, spend_credit
from pos_app.services.drawer_booking import book_cash, booking_session, takes_cash
from pos_app.services.guard import Guard
from pos_app.services.payments import IN_HOUSE, PaymentProcessor, default_processors
from pos_app.services.settings import SettingsService
from pos_app.store.ids import new_id, utc_now
from pos_app.store.orders_repo import order_detail
from pos_app.store.uow import Database, UnitOfWork

Row = dict[str, Any]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Quote:
    """A priced cart as the till shows it, before payment."""

    cart: Cart
    products: tuple[Product, ...]
    priced: PricedCart
    currency: str
    cash_due: int

    def line_name(self, row: int) -> str:
        return self.products[row].name


@dataclass(frozen=True)
class Plan:
    """A sale checked and priced, its tenders settled: what will be written."""

    customer: Customer | None
    quote: Quote
    settlement: Settlement
    approved_by: str
    session: CashSession | None  # the till's cash drawer session it is booked to

    @property
    def total(self) -> int:
        return self.quote.priced.total


class CheckoutService(CardCapture):
    def __init__(
        self,
        db: Database,
        settings: SettingsService,
        processors: dict[PaymentMethod, PaymentProcessor] | None = None,
        *,
        guard: Guard,
    ) -> None:
        self.db = db
        self.settings = settings
        self.processors = processors or default_processors()
        self.guard = guard

    def quote(self, cart: Cart) -> Quote:
        with self.db.read() as uow:
            return self._quote(uow, cart)

    def quote_in(self, uow: UnitOfWork, cart: Cart) -> Quote:
        """`cart` priced inside the caller's transaction."""
        return self._quote(uow, cart)

    def _quote(self, uow: UnitOfWork, cart: Cart) -> Quote:
        settings = self.settings.read(uow)
        if not cart.lines:
            raise InvalidInput("the cart is empty")
        found = uow.products.by_skus({line.sku for line in cart.lines})
        products, inputs = [], []
        for line in cart.lines:
            product = found.get(line.sku)
            if product is None or not product.active:
                raise NotFound(f"no product with SKU '{line.sku}'")
            products.append(product)
            inputs.append(line_input(line, product, settings.label_layout))
        priced = price_cart(inputs, settings.pricing, cart.order_discount)
        return Quote(
            cart, tuple(products), priced, settings.currency, cash_due(priced.total, settings.cash_increment)
        )

    def checkout(
        self, actor: Actor, request: CheckoutRequest, approval: Approval | None = None
    ) -> OrderDetail:
        """Place the order, paid or awaiting payment. The same `request.key` with the same request
        returns the first order; with another request it is refused.

        Card payments are captured with no transaction open: the sale is checked and priced in a
        read, the capture is recorded as an intent, and the order is written in one short write
        (priced again inside it). A refused write gives the capture back."""
        require(actor, Action.CHECKOUT)
        check_request(request)  # the same text limits as an order update, whoever built the cart
        cart = request.cart
        if cart.fulfilment is Fulfilment.DELIVERY and not cart.ship_to.strip():
            raise InvalidInput("a delivery order needs a shipping address")
        approver = self.guard.approve(approval)
        if all(t.method in IN_HOUSE for t in request.tenders):
            # Nothing to capture outside: checked, priced and written in the one write.
            order, _replayed = self._book(actor, request, approver, "", None, {})
            return order
        with self.db.read() as uow:
            actor = self.guard.check(uow, actor, Action.CHECKOUT)
            replay = self._replay(uow, actor, request)
            if replay is not None:
                return replay
            plan = self._plan(uow, actor, request, approver)
        outside = [i for i, p in enumerate(plan.settlement.payments) if p.method not in IN_HOUSE]
        attempt = self._capture(actor, request, plan, outside)
        try:
            # Booked to the drawer session the sale was rung up in, even if it closed meanwhile.
            order, replayed = self._book(
                actor,
                request,
                approver,
                plan.approved_by,
                plan.total,
                attempt,
                session_hint=plan.session.id if plan.session else None,
            )
        except AlreadyResolved:
            return self._outcome(attempt)  # another till's start booked it meanwhile
        except PosError as exc:
            self._give_back(attempt, f"not booked: {exc.message}")
            raise
        if replayed:
            self._give_back(attempt, f"the key was already used by {order.number}")
        return order

    def _replay(self, uow: UnitOfWork, actor: Actor, request: CheckoutRequest) -> OrderDetail | None:
        """The order made before with this key, if the request is the same one."""
        owner = uow.orders.key_owner(request.key) if request.key else None
        if owner is None:
            return None
        order = uow.orders.get(owner[0])
        assert order is not None
        # A replayed key answers with the first sale, but only to whoever may see it.
        if denial(actor, Action.VIEW_ORDERS, OrderFacts(order.customer_id, order.status)):
            raise InvalidInput("that checkout key belongs to another sale; use a new key")
        # Orders from before fingerprints were kept have none: nothing to compare.
        if owner[1] is not None and owner[1] != fingerprint(request):
            raise KeyReused("key already used for a different sale", order.number)
        return order

    def _plan(
        self,
        uow: UnitOfWork,
        actor: Actor,
        request: CheckoutRequest,
        approver: Actor | None,
        approved: str = "",
        captured_total: int | None = None,
        *,
        session_hint: str | None = None,
        resolving: bool = False,
    ) -> Plan:
        """Check and price the sale and settle its tenders; raises when it would be refused."""
        settings = self.settings.read(uow)
        cart = request.cart
        customer = self._customer(uow, actor, cart.customer)
        quote = self._quote(uow, cart)
        priced = quote.priced
        if captured_total is not None and priced.total != captured_total:
            raise InvalidInput(
                "the total changed while the card was being charged; the payment was given "
                "back: check the sale and take it again"
            )
        if priced.discount:
            require(actor, Action.GIVE_DISCOUNT)
        if over_discount_limit(priced, settings.clerk_discount_limit_bp) and not approved:
            approved = authorize(actor, Action.DISCOUNT_OVER_LIMIT, None, approver)
        if not settings.allow_negative_stock:
            self._check_stock(quote)
        by_customer = actor.role is Role.CUSTOMER
        if by_customer and any(not self.processors[t.method].confirms for t in request.tenders):
            # Only staff see money change hands; a customer's claim of it is not a payment.
            raise InvalidInput("payments are taken by staff: place the order and pay at the counter")
        settlement = settle(
            priced.total,
            list(request.tenders),
            settings.cash_increment,
            settings.currency,
            partial=by_customer,
        )
        check_credit(uow, customer, settlement.payments, settings.currency)
        session = booking_session(
            uow, settings, takes_cash(settlement.payments), hint=session_hint, resolving=resolving
        )
        return Plan(customer, quote, settlement, approved, session)

    def _book(
        self,
        actor: Actor,
        request: CheckoutRequest,
        approver: Actor | None,
        approved: str,
        captured_total: int | None,
        attempt: Attempt | dict[int, str],
        *,
        resolving: bool = False,
        session_hint: str | None = None,
    ) -> tuple[OrderDetail, bool]:
        """Write the order in one transaction; (order, True) when the key had made it already.

        `resolving`: booked at start-up from a capture the user made before the till stopped;
        their session is gone, and money that changed hands is booked all the same, to the
        cash drawer session it was taken in (`session_hint`)."""
        references = attempt.references if isinstance(attempt, Attempt) else attempt
        with self.db.write(what="the sale") as uow:
            if not resolving:
                actor = self.guard.check(uow, actor, Action.CHECKOUT)
            replay = self._replay(uow, actor, request)
            if replay is not None:
                return replay, True
            plan = self._plan(
                uow,
                actor,
                request,
                approver,
                approved,
                captured_total,
                session_hint=session_hint,
                resolving=resolving,
            )
            refs = [
                references[i]
                if i in references
                else self.processors[p.method].capture(p, plan.quote.currency)
                for i, p in enumerate(plan.settlement.payments)
            ]
            header, lines, payment_rows, events = self._write(uow, actor, request, plan, refs)
            if plan.approved_by:
                events.append(
                    uow.orders.add_event(
                        header["id"],
                        actor.name,
                        "override",
                        approver_name=plan.approved_by,
                        detail="discount of "
                        f"{format_amount(plan.quote.priced.discount, plan.quote.currency)} approved",
                    )
                )
            # Booked only while still pending: another till's start may have resolved it.
            if isinstance(attempt, Attempt) and not uow.intents.set_state(
                attempt.key, "booked", order_id=header["id"], only_from=("captured",)
            ):
                raise AlreadyResolved(attempt.key)
        # Made from the rows just committed rather than read back: the same record, and the
        # four queries saved are a fifth of a checkout's time.
        return order_detail(header, lines, payment_rows, events), False

    @staticmethod
    def _customer(uow: UnitOfWork, actor: Actor, name: str | None) -> Customer | None:
        if actor.role is Role.CUSTOMER:
            # A customer at a self-service till always buys for themselves.
            own = uow.customers.by_id(actor.customer_id) if actor.customer_id else None
            if own is None:
                raise NotFound("this log-in has no customer record")
            require(actor, Action.CHECKOUT, OrderFacts(own.id, INITIAL_STATUS[Fulfilment.IN_STORE]))
            return own
        if not name:
            return None
        customer = uow.customers.by_name(name)
        if customer is None:
            raise NotFound(f"no customer named {name}")
        return customer

    @staticmethod
    def _check_stock(quote: Quote) -> None:
        wanted: dict[str, int] = {}
        for product, line in zip(quote.products, quote.priced.lines, strict=True):
            if product.track_stock:
                taken = stock_qty(product, line.sold_by, line.qty, line.unit_price)
                wanted[product.sku] = wanted.get(product.sku, 0) + taken
        for product in quote.products:
            if product.sku in wanted and wanted[product.sku] > product.on_hand:
                have, want = (
                    qty_text(product.on_hand, product.sold_by),
                    qty_text(wanted[product.sku], product.sold_by),
                )
                raise InsufficientStock(f"only {have} of {product.name} in stock, {want} wanted")

    def _write(
        self, uow: UnitOfWork, actor: Actor, request: CheckoutRequest, plan: Plan, references: list[str]
    ) -> tuple[Row, list[Row], list[Row], list[Row]]:
        """Write the order and everything that goes with it; its header, lines, payments, events."""
        settings = self.settings.read(uow)
        cart, priced, settlement, customer = request.cart, plan.quote.priced, plan.settlement, plan.customer
        now = utc_now()
        order_id = new_id()
        session_id = plan.session.id if plan.session else None
        seq, number = uow.orders.next_number(settings.till)
        due = balance_due(priced.total, settlement.cash_rounding, settlement.paid, 0, 0)
        status = INITIAL_STATUS[cart.fulfilment]
        if due and status is OrderStatus.COMPLETED:
            status = OrderStatus.PLACED  # handed over when it is paid
        methods = sorted({p.method.value for p in settlement.payments})
        header = {
            "id": order_id,
            "number": number,
            "till": settings.till,
            "seq": seq,
            "status": status.value,
            "fulfilment": cart.fulfilment.value,
            "customer_id": customer.id if customer else None,
            "customer_name": customer.name if customer else "",
            "clerk_name": actor.name,
            "currency": settings.currency,
            "subtotal": priced.subtotal,
            "discount": priced.discount,
            "tax": priced.tax,
            "total": priced.total,
            "prices_include_tax": priced.prices_include_tax,
            "cash_rounding": settlement.cash_rounding,
            "paid": settlement.paid,
            "change_given": settlement.change,
            "refunded": 0,
            "item_count": sum(line.items for line in cart.lines),
            # The order list's Payment column: "due" marks a sale awaiting payment at a glance.
            "payment_summary": "+".join([*methods, "due"] if due else methods) or "none",
            "ship_to": cart.ship_to.strip(),
            "tracking": "",
            "note": cart.note.strip(),
            "checkout_key": request.key,
            "checkout_fingerprint": fingerprint(request),
            "created_at": now,
            "updated_at": now,
            "version": 1,
            "session_id": session_id,
        }
        lines = [
            {
                "id": new_id(),
                "order_id": order_id,
                "line_no": n,
                "product_id": product.id,
                "sku": product.sku,
                "name": plan.quote.line_name(n - 1),
                "unit_price": line.unit_price,
                "qty": line.qty,
                "discount": line.discount,
                "tax_rate_bp": line.tax_rate_bp,
                "tax": line.tax,
                "total": line.total,
                "refunded_qty": 0,
                "refunded_amount": 0,
                "measure": line.sold_by.value,
            }
            for n, (product, line) in enumerate(zip(plan.quote.products, priced.lines, strict=True), 1)
        ]
        payment_rows = payment_records(order_id, settlement.payments, references, now, session_id)
        uow.orders.insert(header, lines, payment_rows)
        book_cash(uow, plan.session, order_id, actor.name, settlement.payments, at=now)
        if plan.session is not None and not plan.session.is_open:
            uow.drawer.note_late(order_id, plan.session)  # rung up there before it closed
        spend_credit(uow, customer, settlement.payments, actor.name, order_id, settings.currency)
        uow.stock.move(
            [
                {
                    "product_id": product.id,
                    "qty": -stock_qty(product, line.sold_by, line.qty, line.unit_price),
                    "reason": "sale",
                }
                for product, line in zip(plan.quote.products, priced.lines, strict=True)
                if product.track_stock
            ],
            actor.name,
            order_id,
        )
        detail = (
            f"{number} placed, awaiting payment of {format_amount(due, settings.currency)}"
            if due
            else f"{number} paid by {'+'.join(methods) or 'none'}"
        )
        placed = uow.orders.add_event(
            order_id, actor.name, "placed", to_status=status.value, at=now, detail=detail
        )
        # Not a column: the receipt prints the sale's place in the hash chain.
        header["journal_hash"] = uow.orders.append_journal(
            "sale", order_id, sale_payload(header, lines, payment_rows)
        )
        return header, lines, payment_rows, [placed]


def payment_records(
    order_id: str,
    payments: Sequence[AppliedPayment],
    references: Sequence[str],
    now: str,
    session_id: str | None = None,
) -> list[Row]:
    return [
        {
            "id": new_id(),
            "order_id": order_id,
            "kind": "payment",
            "method": p.method.value,
            "amount": p.amount,
            "tendered": p.tendered,
            "change": p.change,
            "reference": ref,
            "created_at": now,
            "session_id": session_id,
        }
        for p, ref in zip(payments, references, strict=True)
    ]
