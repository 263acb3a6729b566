"""Printing a receipt on the till's receipt printer from the window, off the GUI thread: the
sale's own receipt (which opens the drawer for cash), copies and gift receipts, the drawer's X
and Z reports, and the drawer opened without a sale. A printer that fails says so; the sale
(or the close) it printed for stands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from pos_app.domain.drawer_report import DrawerReport
from pos_app.domain.errors import OverrideRequired, PosError
from pos_app.domain.formatting import local_datetime
from pos_app.domain.receipt import Receipt, ReceiptKind
from pos_app.domain.records import OrderDetail
from pos_app.domain.users import Approval
from pos_app.viewmodels.session import Session


def local_time(utc_text: str) -> str:
    """The sale's moment on the receipt: the shop's date and time format, this till's zone."""
    return local_datetime(utc_text)


class ReceiptPrinting(QObject):
    printed = Signal(str)  # what went to the printer
    failed = Signal(str)  # why it did not: the window offers the screen and PDF instead
    override_needed = Signal(str)  # opening the drawer: a clerk needs a manager
    busy_changed = Signal(bool)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.busy = False
        self._printed: set[str] = set()  # sales whose own receipt went out: another print is a copy

    @property
    def configured(self) -> bool:
        return self.session.settings.printer.configured

    def receipt(self, order: OrderDetail, kind: ReceiptKind) -> Receipt:
        return self.session.services.receipts.build(order, kind)

    def print_sale(self, order: OrderDetail) -> None:
        """The receipt of the sale just paid (the drawer opens for cash), once; after that, copies."""
        receipts, actor = self.session.services.receipts, self.session.actor
        if order.id in self._printed:
            self.print_receipt(order, ReceiptKind.COPY)
            return

        def done(_receipt: Receipt) -> None:
            self._printed.add(order.id)
            self._done(self.tr("receipt printed on the {0}").format(self.session.settings.printer.describe()))

        self._run(lambda: receipts.print_sale(actor, order), done)

    def print_receipt(self, order: OrderDetail, kind: ReceiptKind) -> None:
        receipts, actor = self.session.services.receipts, self.session.actor
        said = {
            ReceiptKind.GIFT: self.tr("gift receipt printed on the {0}"),
            ReceiptKind.COPY: self.tr("copy printed on the {0}"),
        }.get(kind, self.tr("receipt printed on the {0}"))
        self._run(
            lambda: receipts.print_receipt(actor, order.id, kind),
            lambda _r: self._done(said.format(self.session.settings.printer.describe())),
        )

    def print_report(self, report: DrawerReport) -> None:
        """An X report (the open session as it stands now) or the Z report of `report`'s session
        as it was fixed at the close."""
        receipts, actor = self.session.services.receipts, self.session.actor
        if report.kind == "Z":
            said = self.tr("Z report {0} printed on the {1}")
            work: Callable[[], Any] = lambda: receipts.print_z_report(actor, report.session_id)  # noqa: E731
        else:
            said = self.tr("X report {0} printed on the {1}")
            work = lambda: receipts.print_x_report(actor)  # noqa: E731
        self._run(
            work, lambda _r: self._done(said.format(report.label, self.session.settings.printer.describe()))
        )

    def open_drawer(self, approval: Approval | None = None) -> None:
        receipts, actor = self.session.services.receipts, self.session.actor
        self._run(
            lambda: receipts.open_drawer(actor, "", approval),
            lambda opened: self._done(
                self.tr("drawer opened by {0}, approved by {1}").format(
                    opened.user_name, opened.approver_name
                )
                if opened.approver_name
                else self.tr("drawer opened by {0}").format(opened.user_name)
            ),
        )

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._set_busy(True)
        self.session.runner.submit(work, done, self._failed)

    def _done(self, text: str) -> None:
        self._set_busy(False)
        self.printed.emit(text)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, OverrideRequired):
            self.override_needed.emit(exc.message)
        else:
            self.failed.emit(
                exc.message if isinstance(exc, PosError) else self.tr("the printer failed; see the log file")
            )

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busy_changed.emit(busy)
