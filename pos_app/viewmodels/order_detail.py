"""One order: what it holds, what the logged-in user may do with it, and the commands."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from pos_app.domain.errors import PosError, StaleVersion
from pos_app.domain.orders import OrderStatus, next_statuses
from pos_app.domain.payments import Tender
from pos_app.domain.policy import OVERRIDABLE, Action
from pos_app.domain.records import OrderDetail
from pos_app.domain.users import Actor, Approval, Role
from pos_app.viewmodels.names import status_name
from pos_app.viewmodels.session import Session

log = logging.getLogger(__name__)


class OrderDetailViewModel(QObject):
    """Every change passes the version it was shown, so a stale edit is refused, then reloaded."""

    changed = Signal()  # the order (and what may be done with it) was (re)loaded
    message = Signal(str)  # an error or a refusal, readable by the person at the till
    saved = Signal(str)  # a change went through: what happened
    busy_changed = Signal(bool)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.order: OrderDetail | None = None
        self.allowed: dict[Action, str | None] = {}
        self.next_statuses: list[OrderStatus] = []
        self._overridable: set[Action] = set()
        self._ref = ""
        self._busy = False
        self._stale = False  # changed elsewhere while a command of ours was running

    @property
    def busy(self) -> bool:
        return self._busy

    def reason(self, action: Action) -> str | None:
        """None when the user may do `action` on this order, else why not."""
        if self.order is None:
            return self.tr("no order is open")
        return self.allowed.get(action, "not available")

    def overridable(self, action: Action) -> bool:
        """A clerk refused this action may ask a manager to approve it."""
        return action in self._overridable

    # -- loading ---------------------------------------------------------------------------

    def load(self, ref: str) -> None:
        self._ref = ref
        orders, actor = self.session.services.orders, self.session.actor
        self._run(lambda: orders.get_order(actor, ref), None)

    def reload(self) -> None:
        if self._ref:
            self.load(self.order.id if self.order else self._ref)

    def refresh_orders(self, ids: Iterable[str]) -> None:
        """Orders changed elsewhere (pulled from another till): reload if this is one of them."""
        if self.order is None or self.order.id not in set(ids):
            return
        if self._busy:
            self._stale = True  # reloaded when the running command is done
        else:
            self.reload()

    def _show(self, order: OrderDetail) -> None:
        actor = self.session.actor
        self.order = order
        self.allowed = self.session.services.orders.allowed_actions(actor, order)
        self.next_statuses = (
            next_statuses(order.status, order.fulfilment, actor.role)
            if self.allowed.get(Action.CHANGE_STATUS) is None
            else []
        )
        self._overridable = set()
        if actor.role is Role.CLERK:
            # Worth asking a manager only when a manager could do it to this order as it stands.
            as_manager = Actor(actor.user_id, actor.name, Role.MANAGER)
            manager_may = self.session.services.orders.allowed_actions(as_manager, order)
            self._overridable = {
                a
                for a in OVERRIDABLE
                if self.allowed.get(a, "") is not None and manager_may.get(a, "") is None
            }
        self.changed.emit()

    # -- commands --------------------------------------------------------------------------

    def set_status(self, status: OrderStatus, approval: Approval | None = None) -> None:
        self._change(
            lambda o, a, v: o.update_order(a, self._id, status=status, expected_version=v, approval=approval),
            self.tr("status set to {status}").format(status=status_name(status).lower()),
        )

    def ship(self, tracking: str, approval: Approval | None = None) -> None:
        """Mark the order shipped and record its tracking number in one change ('' for none)."""
        self._change(
            lambda o, a, v: o.update_order(
                a,
                self._id,
                status=OrderStatus.SHIPPED,
                tracking=tracking,
                expected_version=v,
                approval=approval,
            ),
            self.tr("shipped, tracking {tracking}").format(tracking=tracking)
            if tracking
            else self.tr("shipped without a tracking number"),
        )

    def save_shipping(self, ship_to: str, tracking: str, approval: Approval | None = None) -> None:
        self._change(
            lambda o, a, v: o.update_order(
                a, self._id, ship_to=ship_to, tracking=tracking, expected_version=v, approval=approval
            ),
            self.tr("shipping details saved"),
        )

    def save_note(self, note: str) -> None:
        self._change(
            lambda o, a, v: o.update_order(a, self._id, note=note, expected_version=v), self.tr("note saved")
        )

    def resolve_attention(self) -> None:
        """A manager has looked at what sync flagged."""
        self._change(
            lambda o, a, v: o.resolve_attention(a, self._id, expected_version=v),
            self.tr("marked as looked at"),
        )

    def take_payment(self, tenders: list[Tender]) -> None:
        """Take the whole balance of an order awaiting payment (staff)."""
        self._change(
            lambda o, a, v: o.take_payment(a, self._id, tenders, expected_version=v), self.tr("payment taken")
        )

    def cancel(self, restock: bool = True, approval: Approval | None = None) -> None:
        self._change(
            lambda o, a, v: o.cancel(a, self._id, restock=restock, expected_version=v, approval=approval),
            self.tr("order cancelled") if restock else self.tr("order cancelled (not restocked)"),
        )

    def refund(
        self, lines: dict[str, int] | None = None, restock: bool = True, approval: Approval | None = None
    ) -> None:
        """Refund `lines` (SKU → quantity), or all that is left when None."""
        self._change(
            lambda o, a, v: o.refund(
                a, self._id, lines=lines, restock=restock, expected_version=v, approval=approval
            ),
            self.tr("refunded") if restock else self.tr("refunded (not restocked)"),
        )

    @property
    def _id(self) -> str:
        assert self.order is not None
        return self.order.id

    def _change(self, call: Callable[..., OrderDetail], what: str) -> None:
        if self.order is None or self._busy:
            return
        orders, actor, version = self.session.services.orders, self.session.actor, self.order.version
        self._run(lambda: call(orders, actor, version), what)

    def _run(self, work: Callable[[], OrderDetail], what: str | None) -> None:
        self._set_busy(True)

        def done(order: OrderDetail) -> None:
            self._set_busy(False)
            self._show(order)
            if what:
                self.saved.emit(f"{order.number}: {what}")
            if self._stale:
                self._stale = False
                self.reload()

        self.session.runner.submit(work, done, self._failed)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, PosError):
            self.message.emit(exc.message)
        else:
            log.error("order change failed: %r", exc)
            self.message.emit(self.tr("something went wrong; the details are in the log file"))
        stale, self._stale = self._stale, False
        if isinstance(exc, StaleVersion) or stale:
            self.reload()  # show what is there now, so the user can decide again

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)
