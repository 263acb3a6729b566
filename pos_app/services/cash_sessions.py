"""Cash drawer sessions, per till: open with a float, cash paid in and out, the X report at
any time, and the close: the count against what is expected, a manager for a difference over
the limit, and the Z report, fixed for good and chained in the journal."""

from __future__ import annotations

import json
from dataclasses import dataclass

from pos_app.domain.denominations import DrawerCount, count_from_json
from pos_app.domain.drawer import (
    CashMovement,
    CashSession,
    DrawerMode,
    MovementKind,
    SessionState,
    check_cash_amount,
    check_reason,
    difference_text,
)
from pos_app.domain.drawer_report import ZREPORT, DrawerReport, build_report
from pos_app.domain.errors import InvalidInput, NotFound, OverrideRequired
from pos_app.domain.journal import canonical
from pos_app.domain.money import format_amount
from pos_app.domain.policy import Action, require
from pos_app.domain.settings import StoreSettings
from pos_app.domain.users import Actor, Approval
from pos_app.services.authorize import authorize
from pos_app.services.drawer_booking import movement
from pos_app.services.guard import Guard
from pos_app.services.settings import SettingsService
from pos_app.store.ids import new_id, utc_now
from pos_app.store.uow import Database, UnitOfWork


@dataclass(frozen=True)
class DrawerStatus:
    """The till's cash drawer now: how it takes cash, and its open session (if any)."""

    till: str
    mode: DrawerMode
    currency: str
    session: CashSession | None
    expected: int  # cash the open drawer should hold now (0 without a session)
    sales: int  # sales booked to the open session
    last_closed: CashSession | None

    @property
    def needs_session(self) -> bool:
        """Cash is refused until a session opens."""
        return self.mode is DrawerMode.SESSIONS and self.session is None


@dataclass(frozen=True)
class ZReport:
    """A closed session's Z report and its entry in the hash chain (printed short on it)."""

    report: DrawerReport
    journal_hash: str


class CashSessionService:
    def __init__(self, db: Database, settings: SettingsService, guard: Guard) -> None:
        self.db = db
        self.settings = settings
        self.guard = guard

    # -- reading -------------------------------------------------------------------------

    def status(self, actor: Actor) -> DrawerStatus:
        require(actor, Action.CASH_DRAWER)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.CASH_DRAWER)
            settings = self.settings.read(uow)
            session = uow.drawer.open_session(settings.till)
            facts = uow.drawer.facts(session.id) if session else None
            return DrawerStatus(
                settings.till,
                settings.cash_drawer,
                settings.currency,
                session,
                facts.expected if facts else 0,
                facts.sales if facts else 0,
                uow.drawer.last_closed(settings.till),
            )

    def cash_waits(self, actor: Actor) -> bool:
        """Whether cash is refused at this till now until its drawer is opened (no sums: cheap
        enough for the sale screen to ask whenever it shows)."""
        require(actor, Action.CASH_DRAWER)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.CASH_DRAWER)
            settings = self.settings.read(uow)
            if settings.cash_drawer is not DrawerMode.SESSIONS:
                return False
            return uow.drawer.open_session(settings.till) is None

    def x_report(self, actor: Actor) -> DrawerReport:
        """The open session's report as it stands now (nothing is written)."""
        require(actor, Action.CASH_DRAWER)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.CASH_DRAWER)
            settings = self.settings.read(uow)
            session = self._open(uow, settings)
            return build_report(
                session,
                uow.drawer.facts(session.id),
                settings.currency,
                utc_now(),
                opening_count=count_from_json(uow.drawer.opening_count(session.id)),
            )

    def z_report(self, actor: Actor, ref: str | None = None) -> ZReport:
        """A closed session's Z report as it was fixed at the close: by id, label ('T1-S0007')
        or this till's session number; without one, this till's last."""
        require(actor, Action.CASH_DRAWER)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.CASH_DRAWER)
            till = self.settings.read(uow).till
            if ref is None or not ref.strip():
                session = uow.drawer.last_closed(till)
                if session is None:
                    raise NotFound(f"till {till} has closed no cash session yet")
            else:
                session = uow.drawer.find(ref, till)
                if session is None:
                    raise NotFound(f"no cash session {ref.strip()[:40]}")
            stored = uow.drawer.z_report(session.id)
        if stored is None:
            raise InvalidInput(f"{session.label} is still open: its X report shows it so far")
        return ZReport(DrawerReport.from_payload(json.loads(stored)), session.z_hash)

    # -- changing ------------------------------------------------------------------------

    def open(self, actor: Actor, opening: DrawerCount) -> CashSession:
        """Open this till's drawer with its float (counted as a sum or by note and coin)."""
        require(actor, Action.CASH_DRAWER)
        with self.db.write(what="the opening of the cash drawer") as uow:
            actor = self.guard.check(uow, actor, Action.CASH_DRAWER)
            settings = self.settings.read(uow)
            current = uow.drawer.open_session(settings.till)
            if current is not None:
                raise InvalidInput(
                    f"{current.label} is open at till {settings.till} since "
                    f"{current.opened_at[:16].replace('T', ' ')} UTC (by {current.opened_by}): "
                    "close it before opening another"
                )
            if settings.cash_drawer is DrawerMode.CARD_ONLY and opening.total:
                raise InvalidInput(
                    f"till {settings.till} takes no cash (a card-only till): open it with no float"
                )
            now = utc_now()
            seq = uow.drawer.next_seq(settings.till)
            session = CashSession(
                new_id(), settings.till, seq, SessionState.OPEN, actor.name, now, opening.total
            )
            uow.drawer.insert(
                {
                    "id": session.id,
                    "till": session.till,
                    "seq": seq,
                    "state": session.state.value,
                    "opened_by": actor.name,
                    "opened_at": now,
                    "float": opening.total,
                    "opening_count": json.dumps(opening.as_json()) if opening.by_denomination else "",
                    "closed_by": "",
                    "approver_name": "",
                    "updated_at": now,
                    "version": 1,
                }
            )
            uow.drawer.add_movements(
                [
                    movement(
                        session.id,
                        MovementKind.FLOAT,
                        opening.total,
                        actor.name,
                        reason="opening float",
                        at=now,
                    )
                ]
            )
        return session

    def cash_in(self, actor: Actor, amount: int, reason: str) -> CashMovement:
        """Cash put into the open drawer (change brought from the bank, ...), with why."""
        return self._move(actor, MovementKind.PAY_IN, amount, reason, None)

    def cash_out(
        self, actor: Actor, amount: int, reason: str, approval: Approval | None = None
    ) -> CashMovement:
        """Cash taken out of the open drawer (a supplier paid, a bank drop), with why; above the
        shop's pay-out limit a clerk needs a manager's approval."""
        return self._move(actor, MovementKind.PAY_OUT, amount, reason, approval)

    def _move(
        self, actor: Actor, kind: MovementKind, amount: int, reason: str, approval: Approval | None
    ) -> CashMovement:
        require(actor, Action.CASH_DRAWER)
        reason = check_reason(reason)
        approver = self.guard.approve(approval)
        with self.db.write(what="the cash movement") as uow:
            actor = self.guard.check(uow, actor, Action.CASH_DRAWER)
            settings = self.settings.read(uow)
            check_cash_amount(amount, settings.currency)
            if settings.cash_drawer is DrawerMode.CARD_ONLY:
                raise InvalidInput(f"till {settings.till} takes no cash (a card-only till)")
            session = self._open(uow, settings)
            approved = ""
            if kind is MovementKind.PAY_OUT:
                expected = uow.drawer.facts(session.id).expected
                if amount > expected:
                    raise InvalidInput(
                        f"the drawer should hold only {_money(expected, settings)}: "
                        f"{_money(amount, settings)} cannot be paid out of it"
                    )
                if amount > settings.cash_payout_limit:
                    approved = _over_limit(
                        actor,
                        approver,
                        f"a pay-out of {_money(amount, settings)} is over the "
                        f"{_money(settings.cash_payout_limit, settings)} limit",
                    )
            row = movement(
                session.id,
                kind,
                amount if kind is MovementKind.PAY_IN else -amount,
                actor.name,
                reason=reason,
                approver=approved,
            )
            uow.drawer.add_movements([row])
        return CashMovement(
            row["id"], session.id, kind, row["amount"], reason, actor.name, approved, row["created_at"]
        )

    def close(self, actor: Actor, counted: DrawerCount, approval: Approval | None = None) -> ZReport:
        """Close the open session with the drawer's count: the Z report (expected, counted,
        over/short; a difference over the shop's limit needs a manager) is fixed and chained.
        Parked sales and carts are not touched: they are sold in the next session."""
        require(actor, Action.CASH_DRAWER)
        approver = self.guard.approve(approval)
        with self.db.write(what="the close of the cash drawer") as uow:
            actor = self.guard.check(uow, actor, Action.CASH_DRAWER)
            settings = self.settings.read(uow)
            session = self._open(uow, settings)
            facts = uow.drawer.facts(session.id)
            difference = counted.total - facts.expected
            approved = ""
            if abs(difference) > settings.cash_difference_limit:
                approved = _over_limit(
                    actor,
                    approver,
                    f"counted {_money(counted.total, settings)} against {_money(facts.expected, settings)} "
                    f"expected: {difference_text(difference, settings.currency)}, over the "
                    f"{_money(settings.cash_difference_limit, settings)} limit",
                )
            now = utc_now()
            report = build_report(
                session,
                facts,
                settings.currency,
                now,
                opening_count=count_from_json(uow.drawer.opening_count(session.id)),
                counted=counted.total,
                count=counted.pieces,
                closed_by=actor.name,
                approved_by=approved,
            )
            payload = report.payload()
            digest = uow.orders.append_journal(ZREPORT, None, payload, session_id=session.id)
            uow.drawer.close(
                session.id,
                {
                    "closed_by": actor.name,
                    "closed_at": now,
                    "counted": counted.total,
                    "expected": facts.expected,
                    "approver_name": approved,
                    "z_report": canonical(payload),
                    "z_hash": digest,
                },
            )
        return ZReport(report, digest)

    def recent(self, actor: Actor, limit: int = 20) -> list[CashSession]:
        """This till's sessions, newest first."""
        require(actor, Action.CASH_DRAWER)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.CASH_DRAWER)
            return uow.drawer.recent(self.settings.read(uow).till, max(1, min(limit, 500)))

    @staticmethod
    def _open(uow: UnitOfWork, settings: StoreSettings) -> CashSession:
        session = uow.drawer.open_session(settings.till)
        if session is None:
            raise InvalidInput(f"no cash drawer session is open at till {settings.till}: open one first")
        return session


def _money(amount: int, settings: StoreSettings) -> str:
    return format_amount(amount, settings.currency)


def _over_limit(actor: Actor, approver: Actor | None, what: str) -> str:
    """The approving manager's name when a clerk goes over a cash limit ('' for a manager)."""
    try:
        return authorize(actor, Action.CASH_OVER_LIMIT, None, approver)
    except OverrideRequired as exc:
        raise OverrideRequired(f"{what}: {exc.message}") from None
