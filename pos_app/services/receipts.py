"""Receipts and the receipt printer: a placed order's receipt (sale, copy, gift), printed on
the till's printer; the drawer's X and Z reports on it; its test page; and opening the cash
drawer through it, a manager's action entered in the journal."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from pos_app.domain.drawer_report import DrawerReport, report_lines
from pos_app.domain.errors import InvalidInput
from pos_app.domain.policy import Action, require
from pos_app.domain.printer import DRAWER_OPEN, PrinterSetup, check_paper
from pos_app.domain.receipt import Receipt, ReceiptKind, build_receipt
from pos_app.domain.records import OrderDetail
from pos_app.domain.text import check_text
from pos_app.domain.users import Actor, Approval
from pos_app.printing.devices import send
from pos_app.printing.escpos_out import drawer_bytes, receipt_bytes, report_bytes, test_page_bytes
from pos_app.services.authorize import authorize
from pos_app.services.cash_sessions import CashSessionService, ZReport
from pos_app.services.guard import Guard
from pos_app.services.orders import OrderService
from pos_app.services.settings import SettingsService
from pos_app.store.ids import utc_now
from pos_app.store.uow import Database

KICK_WINDOW = 120.0  # seconds after a cash sale in which its first printed receipt opens the drawer
REASON_MAX = 200

Sender = Callable[[PrinterSetup, bytes], None]


@dataclass(frozen=True)
class DrawerOpened:
    till: str
    user_name: str
    approver_name: str
    at: str
    reason: str
    journal_hash: str


class ReceiptService:
    def __init__(
        self,
        db: Database,
        settings: SettingsService,
        orders: OrderService,
        guard: Guard,
        cash: CashSessionService,
        sender: Sender = send,
    ) -> None:
        self.db = db
        self.settings = settings
        self.orders = orders
        self.cash = cash
        self.guard = guard
        self.sender = sender  # tests swap in a fake printer
        self._lock = threading.Lock()
        self._kicked: set[str] = set()

    def receipt(self, actor: Actor, ref: str, kind: ReceiptKind = ReceiptKind.SALE) -> Receipt:
        """An order's receipt, as stored, for whoever may see the order."""
        return self.build(self.orders.get_order(actor, ref), kind)

    def build(self, order: OrderDetail, kind: ReceiptKind = ReceiptKind.SALE) -> Receipt:
        return build_receipt(order, self.settings.current(), kind)

    def print_receipt(
        self, actor: Actor, ref: str, kind: ReceiptKind = ReceiptKind.SALE, paper: int | None = None
    ) -> Receipt:
        """Print an order's receipt on this till's printer (never opening the drawer)."""
        receipt = self.receipt(actor, ref, kind)
        self._send(receipt_bytes(receipt, check_paper(paper or self._paper())))
        return receipt

    def print_sale(self, actor: Actor, order: OrderDetail) -> Receipt:
        """The receipt of a sale just placed (or an order just paid) at this till. When this user
        took cash for it in the last couple of minutes, its first receipt opens the drawer; any
        later print is a plain receipt, so printing cannot stand in for "open drawer"."""
        stored = self.orders.get_order(actor, order.id)
        receipt = self.build(stored, ReceiptKind.SALE)
        taken = _cash_just_taken(actor, stored)
        with self._lock:
            kick = taken is not None and taken not in self._kicked
        self._send(receipt_bytes(receipt, self._paper(), open_drawer=kick))
        if kick and taken is not None:  # once it went out: printed again after a failure, it still opens
            with self._lock:
                self._kicked.add(taken)
        return receipt

    def print_x_report(self, actor: Actor, paper: int | None = None) -> DrawerReport:
        """The open session's X report as it stands, for whoever may see it."""
        report = self.cash.x_report(actor)
        self._send(report_bytes(report_lines(report), check_paper(paper or self._paper())))
        return report

    def print_z_report(self, actor: Actor, ref: str | None = None, paper: int | None = None) -> ZReport:
        """A closed session's Z report as it was fixed (default: this till's last), for whoever
        may see it; printing it changes nothing."""
        found = self.cash.z_report(actor, ref)
        lines = report_lines(found.report, found.journal_hash)
        self._send(report_bytes(lines, check_paper(paper or self._paper())))
        return found

    def test_page(self, actor: Actor, setup: PrinterSetup | None = None, paper: int | None = None) -> None:
        """A test page on `setup` (default: the printer saved for this till): for a manager
        setting the printer up, before or after saving it."""
        require(actor, Action.MANAGE_SETTINGS)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.MANAGE_SETTINGS)
        settings = self.settings.current()
        setup = setup or settings.printer
        paper = check_paper(paper or settings.receipt_paper)
        self.sender(setup, test_page_bytes(setup, paper, settings.store_name))

    def open_drawer(self, actor: Actor, reason: str = "", approval: Approval | None = None) -> DrawerOpened:
        """Open the cash drawer with no sale: a manager's action (a clerk with a manager's
        approval). It is chained in the journal before the kick is sent, so no opening goes
        unrecorded, even one the printer then fails to pass on."""
        approving = self.guard.approve(approval)
        authorize(actor, Action.OPEN_DRAWER, None, approving)  # refused before anything is asked
        reason = check_text(reason, "reason", REASON_MAX) if reason else ""
        settings = self.settings.current()
        if not settings.printer.configured:
            raise InvalidInput(
                f"till {settings.till} has no receipt printer: the drawer opens through it (Settings)"
            )
        with self.db.write(what="the drawer opening") as uow:
            actor = self.guard.check(uow, actor)
            approver = authorize(actor, Action.OPEN_DRAWER, None, approving)
            till = self.settings.read(uow).till
            session = uow.drawer.open_session(till)
            at = utc_now()
            payload = {
                "kind": DRAWER_OPEN,
                "id": session.id if session else None,
                "number": f"{till} drawer",
                "till": till,
                "user": actor.name,
                "approver": approver,
                "at": at,
                "reason": reason,
            }
            digest = uow.orders.append_journal(
                DRAWER_OPEN, None, payload, session_id=session.id if session else None
            )
        self._send(drawer_bytes())
        return DrawerOpened(till, actor.name, approver, at, reason, digest)

    def _send(self, job: bytes) -> None:
        self.sender(self.settings.current().printer, job)

    def _paper(self) -> int:
        return self.settings.current().receipt_paper


def _recent(utc_text: str) -> bool:
    try:
        moment = datetime.strptime(utc_text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return False
    return abs((datetime.now(UTC) - moment).total_seconds()) < KICK_WINDOW


def _cash_just_taken(actor: Actor, order: OrderDetail) -> str | None:
    """This user took cash for `order` (at the sale or a payment later) in the last couple of
    minutes: that payment's key, else None."""
    cash = [p.created_at for p in order.payments if p.kind == "payment" and p.method == "cash"]
    theirs = [e.at for e in order.events if e.user_name == actor.name and e.action in ("placed", "payment")]
    if not cash or not theirs or not _recent(max(cash)) or not _recent(max(theirs)):
        return None
    return f"{order.id}@{max(cash)}"
