"""The order use cases: list, view one, update (status, shipping, note), take payment, cancel,
refund."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from pos_app.domain.errors import (
    InvalidInput,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    PosError,
    StaleVersion,
)
from pos_app.domain.journal import give_back_payload
from pos_app.domain.money import format_amount
from pos_app.domain.numbers import PAGE_LIMIT, check_day, is_ascii_digits
from pos_app.domain.orders import UNSHIPPED, OrderStatus, can_refund, find_transition, normalize_order_number
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.policy import Action, OrderFacts, denial, require
from pos_app.domain.pricing import refund_amount
from pos_app.domain.records import OrderDetail, OrderFilter, OrderLineView, OrderSummary, Page, Product
from pos_app.domain.refunds import split_refund
from pos_app.domain.settings import StoreSettings
from pos_app.domain.sold_lines import stock_qty
from pos_app.domain.text import NOTE_MAX, SEARCH_MAX, SHIP_TO_MAX, TRACKING_MAX, check_text
from pos_app.domain.users import Actor, Approval, Role
from pos_app.domain.variable_measure import MAX_GRAMS, SoldBy, check_grams, qty_text
from pos_app.services.authorize import authorize
from pos_app.services.drawer_booking import book_cash, booking_session, takes_cash
from pos_app.services.guard import Guard
from pos_app.services.journal import record_status
from pos_app.services.order_payment import capture, give_back, record_payment, settle_balance
from pos_app.services.payments import PaymentProcessor, default_processors
from pos_app.services.settings import SettingsService
from pos_app.store.ids import new_id, to_text, utc_now
from pos_app.store.uow import Database, UnitOfWork

MAX_PAGE = PAGE_LIMIT.high  # stated once, in domain.numbers
_IDS_AT_ONCE = 500  # order ids looked up in one statement


def _for(actor: Actor, rows: Iterable[OrderSummary]) -> tuple[OrderSummary, ...]:
    """List rows as `actor` may see them: why an order needs attention is a matter for the staff."""
    if actor.role is not Role.CUSTOMER:
        return tuple(rows)
    return tuple(replace(r, attention="") if r.attention else r for r in rows)


@dataclass(frozen=True)
class OrderQuery:
    status: OrderStatus | None = None
    customer: str | None = None  # exact customer name
    till: str | None = None
    since: date | None = None  # first day included (shop's local time)
    until: date | None = None  # last day included
    search: str | None = None  # order number, its digits, or the start of a customer's name
    attention: bool = False  # only orders flagged for a manager (staff only)
    newest_first: bool = True


def _local_midnight_utc(day: date) -> str:
    return to_text(datetime.combine(day, time.min).astimezone())


def _facts(order: OrderDetail) -> OrderFacts:
    return OrderFacts(order.customer_id, order.status)


# A refund gives money back; an order nobody has paid for is cancelled instead (it restocks).
_NOTHING_PAID = "nothing was paid for {number}: cancel it instead"


class OrderService:
    def __init__(
        self,
        db: Database,
        guard: Guard,
        settings: SettingsService | None = None,
        processors: dict[PaymentMethod, PaymentProcessor] | None = None,
    ) -> None:
        self.db = db
        self.guard = guard
        self.settings = settings or SettingsService(db, guard)
        self.processors = processors or default_processors()

    # -- reading ---------------------------------------------------------------------------

    def list_orders(
        self, actor: Actor, query: OrderQuery | None = None, *, limit: int = 50, after: str | None = None
    ) -> Page:
        require(actor, Action.VIEW_ORDERS)
        query = query or OrderQuery()
        if not 1 <= limit <= MAX_PAGE:
            raise InvalidInput(f"a page holds 1 to {MAX_PAGE} orders")
        if query.since and query.until and query.since > query.until:
            raise InvalidInput("the first day is after the last day")
        with self.db.read() as uow:
            actor = self.guard.check(uow, actor, Action.VIEW_ORDERS)
            flt = self._filter(uow, actor, query)
            if flt is None:
                return Page((), None)
            page = uow.list_orders(flt, limit=limit, after=after, newest_first=query.newest_first)
        return Page(_for(actor, page.rows), page.next_cursor)

    def orders_by_id(
        self, actor: Actor, query: OrderQuery | None, ids: Iterable[str]
    ) -> tuple[OrderSummary, ...]:
        """The list rows of those of `ids` that match `query` as `actor` may see them, in the
        query's order: what a list showing `query` should now hold of these orders."""
        require(actor, Action.VIEW_ORDERS)
        query = query or OrderQuery()
        wanted = tuple(dict.fromkeys(ids))
        found: list[OrderSummary] = []
        with self.db.read() as uow:
            actor = self.guard.check(uow, actor, Action.VIEW_ORDERS)
            flt = self._filter(uow, actor, query)
            if flt is None:
                return ()
            for start in range(0, len(wanted), _IDS_AT_ONCE):
                chunk = wanted[start : start + _IDS_AT_ONCE]
                page = uow.list_orders(
                    replace(flt, ids=chunk), limit=len(chunk), after=None, newest_first=query.newest_first
                )
                found.extend(page.rows)
        found.sort(key=lambda r: (r.created_at, r.id), reverse=query.newest_first)
        return _for(actor, found)

    @staticmethod
    def _filter(uow: UnitOfWork, actor: Actor, query: OrderQuery) -> OrderFilter | None:
        """The store filter for `query`, or None when nothing can match."""
        customer_id = None
        if query.attention and actor.role is Role.CUSTOMER:
            raise PermissionDenied("only staff can list the orders that need attention")
        if actor.role is Role.CUSTOMER:
            customer_id = actor.customer_id  # customers see their own orders only
            if customer_id is None:
                return None
        if query.customer:
            customer = uow.customers.by_name(query.customer)
            if customer is None:
                raise NotFound(f"no customer named {query.customer}")
            if customer_id is not None and customer.id != customer_id:
                return None
            customer_id = customer.id
        number = seq = None
        customer_ids = None
        text = check_text(query.search or "", "search", SEARCH_MAX)
        since = check_day(query.since) if query.since else None
        until = check_day(query.until) if query.until else None
        if text:
            if normalize_order_number(text):
                number = normalize_order_number(text)
            elif is_ascii_digits(text):
                seq = int(text)
            elif text.isascii() and text.isdigit():
                return None  # more digits than any order number has
            else:
                found = uow.customers.search(text, 50)
                customer_ids = tuple(c.id for c in found)
                if not customer_ids:
                    return None
        return OrderFilter(
            status=query.status,
            customer_id=customer_id,
            customer_ids=customer_ids,
            till=query.till,
            since=_local_midnight_utc(since) if since else None,
            until=_local_midnight_utc(until + timedelta(days=1)) if until else None,
            number=number,
            seq=seq,
            attention=query.attention,
        )

    def get_order(self, actor: Actor, ref: str) -> OrderDetail:
        require(actor, Action.VIEW_ORDERS)
        with self.db.read() as uow:
            actor = self.guard.check(uow, actor, Action.VIEW_ORDERS)
            return self._load(uow, actor, ref)

    @staticmethod
    def _load(uow: UnitOfWork, actor: Actor, ref: str) -> OrderDetail:
        ref = ref.strip()
        order_id = uow.orders.resolve(ref) or uow.orders.resolve(normalize_order_number(ref) or ref)
        order = uow.orders.get(order_id) if order_id else None
        # Another customer's order is reported as missing: its existence is not theirs to know.
        if order is None or denial(actor, Action.VIEW_ORDERS, _facts(order)):
            raise NotFound(f"no order {ref}")
        if order.attention and actor.role is Role.CUSTOMER:
            order = replace(order, attention="")  # a matter for the staff
        return order

    def allowed_actions(self, actor: Actor, order: OrderDetail) -> dict[Action, str | None]:
        """For each order action, None if allowed or the reason it is not (for the window)."""
        facts = _facts(order)
        actions = (
            Action.CHANGE_STATUS,
            Action.EDIT_SHIPPING,
            Action.ADD_NOTE,
            Action.CANCEL,
            Action.REFUND,
            Action.TAKE_PAYMENT,
            Action.RESOLVE_ATTENTION,
        )
        result = {a: denial(actor, a, facts) for a in actions}
        if result[Action.RESOLVE_ATTENTION] is None and not order.attention:
            result[Action.RESOLVE_ATTENTION] = f"{order.number} needs no attention"
        if result[Action.TAKE_PAYMENT] is None and not order.awaiting_payment:
            result[Action.TAKE_PAYMENT] = f"{order.number} has nothing left to pay"
        if result[Action.CANCEL] is None and order.status not in UNSHIPPED:
            result[Action.CANCEL] = f"an order that is {order.status.value} cannot be cancelled"
        if result[Action.REFUND] is None and not can_refund(order.status):
            result[Action.REFUND] = f"an order that is {order.status.value} has nothing to refund"
        if result[Action.REFUND] is None and not order.paid:
            result[Action.REFUND] = _NOTHING_PAID.format(number=order.number)
        return result

    # -- changing --------------------------------------------------------------------------

    def _begin_change(
        self, uow: UnitOfWork, actor: Actor, ref: str, expected_version: int | None
    ) -> OrderDetail:
        order = self._load(uow, actor, ref)
        if expected_version is not None and expected_version != order.version:
            raise StaleVersion(
                f"{order.number} was changed by someone else (now version {order.version}); "
                "reload it and try again"
            )
        return order

    def update_order(
        self,
        actor: Actor,
        ref: str,
        *,
        status: OrderStatus | None = None,
        tracking: str | None = None,
        ship_to: str | None = None,
        note: str | None = None,
        expected_version: int | None = None,
        approval: Approval | None = None,
    ) -> OrderDetail:
        """Change status, shipping details and/or the note, all or nothing."""
        if status is OrderStatus.CANCELLED:
            return self.cancel(actor, ref, expected_version=expected_version, approval=approval)
        if status is None and tracking is None and ship_to is None and note is None:
            raise InvalidInput("nothing to change: give a status, tracking, shipping address or note")
        approver = self.guard.approve(approval)
        with self.db.write() as uow:
            actor = self.guard.check(uow, actor)
            order = self._begin_change(uow, actor, ref, expected_version)
            facts = _facts(order)
            changes: dict[str, object] = {}
            events: list[dict[str, str]] = []
            if status is not None and status is not order.status:
                transition = find_transition(order.status, status, order.fulfilment)
                by = authorize(actor, Action.CHANGE_STATUS, facts, approver, transition.roles)
                changes["status"] = status.value
                events.append(
                    {
                        "action": "status",
                        "from_status": order.status.value,
                        "to_status": status.value,
                        "approver_name": by,
                    }
                )
            if tracking is not None or ship_to is not None:
                by = authorize(actor, Action.EDIT_SHIPPING, facts, approver)
                detail = []
                if tracking is not None and tracking.strip() != order.tracking:
                    changes["tracking"] = _limited(tracking, TRACKING_MAX, "tracking reference")
                    detail.append(f"tracking {order.tracking or '-'} → {changes['tracking'] or '-'}")
                if ship_to is not None and ship_to.strip() != order.ship_to:
                    changes["ship_to"] = _limited(ship_to, SHIP_TO_MAX, "shipping address", multiline=True)
                    detail.append(f"ship to {order.ship_to or '-'} → {changes['ship_to'] or '-'}")
                if detail:
                    events.append({"action": "shipping", "detail": "; ".join(detail), "approver_name": by})
            if note is not None and note.strip() != order.note:
                authorize(actor, Action.ADD_NOTE, facts, approver)
                changes["note"] = _limited(note, NOTE_MAX, "note", multiline=True)
                events.append({"action": "note", "detail": str(changes["note"])})
            if not changes:
                return order
            uow.orders.update(order.id, order.version, changes)
            for event in events:
                uow.orders.add_event(order.id, actor.name, **event)
            if "status" in changes:  # chained in this same transaction; events[0] is its event
                record_status(
                    uow, order, str(changes["status"]), utc_now(), actor.name, events[0]["approver_name"]
                )
            updated = uow.orders.get(order.id)
        assert updated is not None
        return updated

    def resolve_attention(self, actor: Actor, ref: str, expected_version: int | None = None) -> OrderDetail:
        """A manager has looked at what sync flagged on this order: the flag goes, on every till,
        and the history says who looked at what; a reason that arises later flags it again."""
        require(actor, Action.RESOLVE_ATTENTION)
        with self.db.write() as uow:
            actor = self.guard.check(uow, actor, Action.RESOLVE_ATTENTION)
            order = self._begin_change(uow, actor, ref, expected_version)
            if not order.attention:
                raise InvalidInput(f"{order.number} needs no attention")
            uow.orders.update(order.id, order.version, {"attention": ""})
            uow.orders.add_event(order.id, actor.name, "looked at", detail=order.attention)
            updated = uow.orders.get(order.id)
        assert updated is not None
        return updated

    def take_payment(
        self, actor: Actor, ref: str, tenders: list[Tender], expected_version: int | None = None
    ) -> OrderDetail:
        """Staff take the whole balance of an order that awaits payment (cash with change and
        rounding, card with the terminal's reference, store credit from the customer's account).
        Checked in a read, card captured with no transaction open, then written in one short write."""
        require(actor, Action.TAKE_PAYMENT)
        with self.db.read() as uow:
            actor = self.guard.check(uow, actor, Action.TAKE_PAYMENT)
            order = self._begin_change(uow, actor, ref, expected_version)
            settings = self.settings.read(uow)
            settlement = settle_balance(uow, order, list(tenders), settings.cash_increment)
            # Cash at a till that may not take it now is refused before any card is charged.
            booking_session(uow, settings, takes_cash(settlement.payments))
        references = capture(self.processors, settlement, order.currency)
        try:
            with self.db.write(what="the payment") as uow:
                actor = self.guard.check(uow, actor, Action.TAKE_PAYMENT)
                # Changed meanwhile (another till took it, a refund): refused, capture given back.
                current = self._begin_change(uow, actor, order.id, order.version)
                session = booking_session(uow, self.settings.read(uow), takes_cash(settlement.payments))
                record_payment(uow, actor, current, settlement, references, session)
                updated = uow.orders.get(order.id)
        except PosError:
            give_back(self.processors, settlement, references, order.currency)
            raise
        assert updated is not None
        return updated

    def cancel(
        self,
        actor: Actor,
        ref: str,
        *,
        restock: bool = True,
        to_credit: bool = False,
        expected_version: int | None = None,
        approval: Approval | None = None,
    ) -> OrderDetail:
        """Cancel before it ships: everything paid goes back (to the customer's store credit
        with `to_credit`), and (by default) goods to stock."""
        approver = self.guard.approve(approval)
        with self.db.write() as uow:
            actor = self.guard.check(uow, actor)
            _check_give_back(actor, restock, to_credit)
            order = self._begin_change(uow, actor, ref, expected_version)
            if order.status not in UNSHIPPED:
                instead = (
                    "ask the shop about a return" if actor.role is Role.CUSTOMER else "refund it instead"
                )
                raise InvalidTransition(
                    f"{order.number} is {order.status.value} and cannot be cancelled; {instead}"
                )
            transition = find_transition(order.status, OrderStatus.CANCELLED, order.fulfilment)
            by = authorize(actor, Action.CANCEL, _facts(order), approver, transition.roles)
            wanted = {line.line_no: line.qty - line.refunded_qty for line in order.lines}
            self._give_back(
                uow,
                self.settings.read(uow),
                actor,
                order,
                wanted,
                (restock, to_credit),
                "cancel",
                OrderStatus.CANCELLED,
                by,
            )
            updated = uow.orders.get(order.id)
        assert updated is not None
        return updated

    def refund(
        self,
        actor: Actor,
        ref: str,
        *,
        lines: dict[str, int] | None = None,
        restock: bool = True,
        to_credit: bool = False,
        expected_version: int | None = None,
        approval: Approval | None = None,
        weights: Collection[str] | None = None,
    ) -> OrderDetail:
        """Refund chosen quantities by SKU (all that is left when `lines` is None); never more
        money than was paid. A line sold by weight is refunded in grams; `weights` (when given)
        names the SKUs whose quantity was typed as a weight, and a count for a weighed line or a
        weight for a line sold each is refused rather than read in the other unit."""
        approver = self.guard.approve(approval)
        with self.db.write() as uow:
            actor = self.guard.check(uow, actor)
            _check_give_back(actor, restock, to_credit)
            order = self._begin_change(uow, actor, ref, expected_version)
            by = authorize(actor, Action.REFUND, _facts(order), approver)
            if not can_refund(order.status):
                raise InvalidTransition(f"{order.number} is {order.status.value}: there is nothing to refund")
            if not order.paid:
                raise InvalidTransition(_NOTHING_PAID.format(number=order.number))
            wanted = self._refund_lines(order, lines, weights)
            # At least, not exactly: a line refunded at two tills apart holds more than it sold.
            fully = all(line.refunded_qty + wanted.get(line.line_no, 0) >= line.qty for line in order.lines)
            target = OrderStatus.REFUNDED if fully else None
            self._give_back(
                uow, self.settings.read(uow), actor, order, wanted, (restock, to_credit), "refund", target, by
            )
            updated = uow.orders.get(order.id)
        assert updated is not None
        return updated

    @staticmethod
    def _refund_lines(
        order: OrderDetail, lines: dict[str, int] | None, weights: Collection[str] | None = None
    ) -> dict[int, int]:
        wanted: dict[int, int] = {}
        if lines is None:
            wanted = {line.line_no: line.qty - line.refunded_qty for line in order.lines}
            if not any(wanted.values()):
                raise InvalidInput(f"{order.number} has been refunded already")
            return wanted
        if not lines:
            raise InvalidInput("choose at least one line to refund")
        for sku, qty in lines.items():
            if qty <= 0:
                raise InvalidInput(f"refund quantity for {sku} must be at least 1")
            left = qty
            matching = [line for line in order.lines if line.sku == sku]
            if not matching:
                raise InvalidInput(f"{order.number} has no line with SKU {sku}")
            measure = matching[0].measure
            if weights is not None and (sku in weights) != (measure is SoldBy.WEIGHT):
                raise InvalidInput(
                    f"{sku} was sold by weight: give the weight to refund, e.g. {sku}:0.200kg"
                    if measure is SoldBy.WEIGHT
                    else f"{sku} was sold each: give how many to refund, not a weight"
                )
            if measure is SoldBy.WEIGHT and qty > MAX_GRAMS:
                check_grams(qty)
            for line in matching:
                take = min(left, line.qty - line.refunded_qty)
                if take > 0:
                    wanted[line.line_no] = take
                    left -= take
            if left:
                sold = sum(line.qty - line.refunded_qty for line in matching)
                raise InvalidInput(
                    f"only {qty_text(sold, measure)} of {sku} left to refund on {order.number}"
                )
        return wanted

    @staticmethod
    def _give_back(
        uow: UnitOfWork,
        settings: StoreSettings,
        actor: Actor,
        order: OrderDetail,
        wanted: dict[int, int],
        how: tuple[bool, bool],
        kind: str,
        new_status: OrderStatus | None,
        approver_name: str,
    ) -> None:
        """Take back `wanted` quantities per line and give back the money paid for them (never
        more than was paid), restock, record, chain — one transaction. `how`: (restock, to_credit).
        Money given back is booked to this till's cash drawer session; cash comes out of its drawer."""
        restock, to_credit = how
        if to_credit and not order.customer_id:
            raise InvalidInput(f"{order.number} has no customer whose store credit could take it")
        value = 0
        returned_before = sum(line.refunded_amount for line in order.lines)
        refunded_lines = []
        for line in order.lines:
            qty = wanted.get(line.line_no, 0)
            if qty <= 0:
                continue
            money = refund_amount(
                line.total, line.qty, line.refunded_qty, line.refunded_amount, qty, line.measure
            )
            uow.orders.update_line_refund(
                order.id, line.line_no, line.refunded_qty + qty, line.refunded_amount + money
            )
            value += money
            refunded_lines.append((line, qty, money))
        amount = money_back(order, returned_before, value)
        paid: dict[PaymentMethod, int] = {}
        back: dict[PaymentMethod, int] = {}
        for p in order.payments:
            bucket = paid if p.kind == "payment" else back
            bucket[PaymentMethod(p.method)] = bucket.get(PaymentMethod(p.method), 0) + p.amount
        parts = (
            [(PaymentMethod.STORE_CREDIT, amount)]
            if to_credit and amount
            else split_refund(amount, paid, back)
        )
        cash_back = sum(part for method, part in parts if method is PaymentMethod.CASH)
        session = booking_session(uow, settings, cash_back > 0, giving_back=True)
        now = utc_now()
        rows = [
            {
                "id": new_id(),
                "order_id": order.id,
                "kind": "refund",
                "method": method.value,
                "amount": part,
                "tendered": 0,
                "change": 0,
                "reference": "",
                "created_at": now,
                "session_id": session.id if session else None,
            }
            for method, part in parts
        ]
        if rows:
            uow.orders.add_payments(rows)
        book_cash(uow, session, order.id, actor.name, given_back=cash_back, at=now)
        credit = sum(part for method, part in parts if method is PaymentMethod.STORE_CREDIT)
        # Store credit goes back to the account it came from (there is none without a customer).
        if credit and order.customer_id:
            uow.credit.move(order.customer_id, credit, "refund", actor.name, order.id, order.number)
        if restock:
            product_ids = uow.orders.line_product_ids(order.id)
            tracked = uow.products.by_skus({line.sku for line, _q, _m in refunded_lines})
            uow.stock.move(
                [
                    {
                        "product_id": product_ids[line.line_no],
                        "qty": _restocked(tracked.get(line.sku), line, qty),
                        "reason": kind,
                    }
                    for line, qty, _m in refunded_lines
                    if tracked.get(line.sku) is None or tracked[line.sku].track_stock
                ],
                actor.name,
                order.id,
            )
        changes: dict[str, object] = {"refunded": order.refunded + amount}
        if new_status is not None:
            changes["status"] = new_status.value
        uow.orders.update(order.id, order.version, changes)
        items = ", ".join(f"{qty_text(qty, line.measure)} × {line.sku}" for line, qty, _m in refunded_lines)
        uow.orders.add_event(
            order.id,
            actor.name,
            "cancelled" if kind == "cancel" else "refund",
            from_status=order.status.value if new_status else "",
            to_status=new_status.value if new_status else "",
            approver_name=approver_name,
            detail=f"{format_amount(amount, order.currency)} back"
            + (" to store credit" if to_credit and amount else "")
            + f" ({items})"
            + ("" if restock else ", not restocked"),
        )
        payload = give_back_payload(
            kind,
            order.id,
            order.number,
            at=now,
            user=actor.name,
            approver=approver_name,
            amount=amount,
            lines=[(line.line_no, line.sku, qty, money) for line, qty, money in refunded_lines],
            refunds=rows,
            restock=restock,
            target=new_status.value if new_status else "",
        )
        uow.orders.append_journal(kind, order.id, payload)


def _restocked(product: Product | None, line: OrderLineView, qty: int) -> int:
    """What goes back on the shelf for `qty` of a line: items, or grams."""
    return qty if product is None else stock_qty(product, line.measure, qty, line.unit_price)


def money_back(order: OrderDetail, returned_before: int, value: int) -> int:
    """The money that goes back for lines worth `value`: what was paid beyond what is still
    owed once they are returned, at most their value. An unpaid order gives back nothing."""
    net_paid = order.paid - order.refunded
    owed_after = order.total + order.cash_rounding - returned_before - value
    return max(0, min(value, net_paid - max(0, owed_after)))


def _check_give_back(actor: Actor, restock: bool, to_credit: bool) -> None:
    if not restock and actor.role is Role.CUSTOMER:
        raise PermissionDenied("only staff decide what goes back on the shelf")
    if to_credit:
        require(actor, Action.GIVE_CREDIT)


def _limited(text: str, limit: int, what: str, *, multiline: bool = False) -> str:
    # The same limits and characters as at checkout (domain.text).
    return check_text(text, what, limit, multiline=multiline)
