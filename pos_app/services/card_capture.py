"""Card payments captured with no transaction open (a slow terminal never holds the write lock
other tills wait on): each capture is an intent (authorizing -> captured -> booked, or voided)
so a till that stops between the terminal and the database is resolved at the next start."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from pos_app.domain.cart import CheckoutRequest, cart_from_dict
from pos_app.domain.errors import PaymentDeclined, PosError
from pos_app.domain.fingerprint import request_to_dict
from pos_app.domain.payments import AppliedPayment, PaymentMethod
from pos_app.domain.records import OrderDetail
from pos_app.domain.users import Actor
from pos_app.services.payments import PaymentProcessor
from pos_app.services.settings import SettingsService
from pos_app.store.ids import from_text, new_id, utc_now
from pos_app.store.uow import Database

if TYPE_CHECKING:
    from pos_app.services.checkout import Plan

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attempt:
    """One checkout's card captures. `key` is the intents' request_json: it names the attempt
    and holds what was asked, so a till that stops can book it at the next start."""

    key: str
    captured: dict[int, AppliedPayment]  # by place in the settlement; reference as captured

    @property
    def references(self) -> dict[int, str]:
        return {i: p.reference for i, p in self.captured.items()}


class AlreadyResolved(Exception):
    """Another till's start booked or gave back this attempt first; nothing was written."""


# A captured payment of another till is left alone this long: it may still be on its way in.
OTHER_TILLS_GRACE = timedelta(minutes=2)


class CardCapture:
    """The capture side of CheckoutService: intents, give-backs and the start-up resolution."""

    db: Database
    settings: SettingsService
    processors: dict[PaymentMethod, PaymentProcessor]

    if TYPE_CHECKING:  # written by CheckoutService, which this class is the capture side of

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
        ) -> tuple[OrderDetail, bool]: ...

    def _capture(self, actor: Actor, request: CheckoutRequest, plan: Plan, slots: list[int]) -> Attempt:
        """Record the intents in a short write, then capture each with no transaction open."""
        currency = self.settings.current().currency
        payments = plan.settlement.payments
        ids = [new_id() for _ in slots]
        doc = {
            "attempt": new_id(),
            "user": actor.name,
            "approved_by": plan.approved_by,
            "till": self.settings.current().till,
            "session": plan.session.id if plan.session else None,  # booked there if the till stops
            "total": plan.total,
            "slots": slots,
            "intents": ids,
            "request": request_to_dict(request),
        }
        attempt = Attempt(json.dumps(doc, sort_keys=True), {})
        rows = [
            {
                "id": intent_id,
                "checkout_key": request.key,
                "request_json": attempt.key,
                "method": payments[i].method.value,
                "amount": payments[i].amount,
                "reference": payments[i].reference,
                "state": "authorizing",
                "user_name": actor.name,
            }
            for i, intent_id in zip(slots, ids, strict=True)
        ]
        with self.db.write() as uow:
            uow.intents.add(rows)
        for i, intent_id in zip(slots, ids, strict=True):
            try:
                reference = self.processors[payments[i].method].capture(payments[i], currency)
            except Exception as exc:
                message = exc.message if isinstance(exc, PosError) else repr(exc)
                self._give_back(attempt, f"declined: {message}")
                raise
            attempt.captured[i] = replace(payments[i], reference=reference)
            with self.db.write() as uow:
                uow.intents.set_reference(intent_id, "captured", reference)
        return attempt

    def _give_back(self, attempt: Attempt, why: str) -> None:
        """Refund every capture of a checkout attempt whose order was not written; mark it voided.

        Marked first, and only while still pending, so two tills never both give it back."""
        doc = json.loads(attempt.key)
        currency = self.settings.current().currency
        with self.db.write() as uow:
            claimed = uow.intents.set_state(attempt.key, "voided", detail=why)
        if not claimed:
            log.warning("card payment for key %s was resolved by another till", doc["request"].get("key"))
            return
        for payment in attempt.captured.values():
            self.processors[payment.method].refund(payment, payment.reference, currency)
        log.warning("card payment for key %s given back: %s", doc["request"].get("key"), why)

    def _outcome(self, attempt: Attempt) -> OrderDetail:
        """The order another till booked from this attempt (raise if it was given back)."""
        with self.db.read() as uow:
            state, order_id = uow.intents.outcome(attempt.key)
            order = uow.orders.get(order_id) if state == "booked" and order_id else None
        if order is None:
            raise PaymentDeclined("this card payment was given back meanwhile; take the payment again")
        return order

    def _due(self, row: dict[str, Any], till: str, now: datetime) -> bool:
        """Whether a pending intent is this start's to resolve: this till's, or left long enough."""
        doc = json.loads(row["request_json"])
        return bool(doc.get("till") == till or now - from_text(row["updated_at"]) >= OTHER_TILLS_GRACE)

    def resolve_pending(self) -> list[str]:
        """Book or give back card payments captured before a till stopped short of writing
        their order; what was done, one line each (also logged)."""
        till, now = self.settings.current().till, from_text(utc_now())
        with self.db.read() as uow:
            captured = [r for r in uow.intents.in_state("captured") if self._due(r, till, now)]
            stuck = [r for r in uow.intents.in_state("authorizing") if self._due(r, till, now)]
        done: list[str] = []
        if stuck:
            with self.db.write() as uow:
                for row in stuck:
                    uow.intents.set_state(
                        row["request_json"],
                        "voided",
                        detail="stopped while the terminal was asked; check it",
                        only_from=("authorizing",),
                    )
            done.append(f"{len(stuck)} card payment(s) interrupted at the terminal: check the terminal")
        attempts: dict[str, Attempt] = {}
        for row in captured:
            doc = json.loads(row["request_json"])
            slot = doc["slots"][doc["intents"].index(row["id"])]
            payment = AppliedPayment(
                PaymentMethod(row["method"]), row["amount"], row["amount"], 0, row["reference"]
            )
            attempts.setdefault(row["request_json"], Attempt(row["request_json"], {})).captured[slot] = (
                payment
            )
        for attempt in attempts.values():
            done.append(self._resolve(attempt))
        for line in done:
            log.warning("pending payments: %s", line)
        return done

    def _resolve(self, attempt: Attempt) -> str:
        doc = json.loads(attempt.key)
        request = cart_from_dict(doc["request"])
        with self.db.read() as uow:
            user = uow.users.by_name(doc["user"])
        if user is None:
            self._give_back(attempt, f"user {doc['user']} no longer exists")
            return f"gave back a card payment of user {doc['user']}, who no longer exists"
        actor = Actor(user.id, user.name, user.role, user.customer_id)
        try:
            order, replayed = self._book(
                actor,
                request,
                None,
                doc["approved_by"],
                doc["total"],
                attempt,
                resolving=True,
                session_hint=doc.get("session"),
            )
        except AlreadyResolved:
            return f"a card payment for key {request.key} was resolved by another till"
        except PosError as exc:
            self._give_back(attempt, f"not booked: {exc.message}")
            return f"gave back a card payment for key {request.key}: {exc.message}"
        if replayed:
            self._give_back(attempt, f"the key was already used by {order.number}")
            return f"gave back a card payment for key {request.key}: {order.number} was made without it"
        return f"booked {order.number} from a card payment taken before the till stopped"
