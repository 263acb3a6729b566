"""The till's cash drawer for the window: its status, a count by note and coin with a running
total, opening, paying in and out, the X report, and the close with its Z report. Every
service call runs on the session's task runner; results come back as signals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from pos_app.domain.denominations import (
    PIECES,
    Denomination,
    DrawerCount,
    count_by_denomination,
    count_of_sum,
    denominations,
)
from pos_app.domain.drawer import DrawerMode
from pos_app.domain.drawer_report import DrawerReport, report_lines
from pos_app.domain.errors import InvalidInput, OverrideRequired, PosError
from pos_app.domain.formatting import local_moment, number, parse_money, time_text
from pos_app.domain.numbers import parse_int
from pos_app.domain.policy import Action
from pos_app.domain.users import Approval
from pos_app.viewmodels.money_text import money
from pos_app.viewmodels.session import Session

if TYPE_CHECKING:
    from pos_app.services.cash_sessions import DrawerStatus

log = logging.getLogger(__name__)


class CountModel(QObject):
    """Cash counted by note and coin of the shop's currency, or as one sum when its notes and
    coins are not known here; `total_changed` carries the running total."""

    total_changed = Signal(int)

    def __init__(self, currency: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.denominations: tuple[Denomination, ...] = denominations(currency)
        self.pieces = [0] * len(self.denominations)
        self.sum = 0
        self.problem = ""  # why the last value typed was not taken ('' when it was)

    @property
    def by_denomination(self) -> bool:
        return bool(self.denominations)

    @property
    def total(self) -> int:
        if not self.by_denomination:
            return self.sum
        return sum(d.value * n for d, n in zip(self.denominations, self.pieces, strict=True))

    def label(self, index: int) -> str:
        return self.denominations[index].label(self.currency)

    def line_total(self, index: int) -> str:
        return money(self.denominations[index].value * self.pieces[index], self.currency)

    def total_text(self) -> str:
        return money(self.total, self.currency)

    def set_pieces(self, index: int, text: str) -> bool:
        """How many of the `index`th note or coin were counted ('' is none)."""
        try:
            self.pieces[index] = parse_int(text.strip() or "0", PIECES)
        except InvalidInput as exc:
            self.problem = f"{self.label(index)}: {exc.message}"
            return False
        self.problem = ""
        self.total_changed.emit(self.total)
        return True

    def set_sum(self, text: str) -> bool:
        try:
            self.sum = parse_money(text or "0", self.currency)
        except InvalidInput as exc:
            self.problem = exc.message
            return False
        self.problem = ""
        self.total_changed.emit(self.total)
        return True

    def count(self) -> DrawerCount:
        if not self.by_denomination:
            return count_of_sum(self.sum)
        pieces = [(d.value, n) for d, n in zip(self.denominations, self.pieces, strict=True)]
        return count_by_denomination(self.currency, pieces)


class DrawerWatch(QObject):
    """Whether the till's drawer must be opened before cash is taken, for the sale screen's
    drawer button; `check()` asks again (after the drawer screen or a payment closes)."""

    changed = Signal(bool)  # True: cash waits for the drawer to be opened

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.closed = False

    def check(self) -> None:
        if not self.session.may(Action.CASH_DRAWER):
            self._got(False)
            return
        cash, actor = self.session.services.cash, self.session.actor
        self.session.runner.submit(lambda: cash.cash_waits(actor), self._got, self._failed)

    def _got(self, closed: bool) -> None:
        self.closed = closed
        self.changed.emit(closed)

    def _failed(self, exc: Exception) -> None:
        # Only a hint on a button: the payment itself still says why cash is refused.
        log.info("could not read the drawer's state: %s", exc)


class DrawerViewModel(QObject):
    """What the drawer screens show and do. `override_needed` asks for a manager: answer with
    approve(approval) to retry what was refused, or drop it."""

    status_changed = Signal()
    message = Signal(str)  # a refusal, to show where the action happened
    done = Signal(str)  # what went through
    override_needed = Signal(str)
    report_ready = Signal(object)  # (title, lines, DrawerReport) of an X or Z report
    closed = Signal(str)  # the label of the session just closed here, before its Z report
    busy_changed = Signal(bool)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.status: DrawerStatus | None = None
        self.busy = False
        self._retry: Callable[[Approval], None] | None = None

    @property
    def currency(self) -> str:
        return self.session.settings.currency

    def money(self, amount: int) -> str:
        return money(amount, self.currency)

    def new_count(self, parent: QObject | None = None) -> CountModel:
        return CountModel(self.currency, parent)

    # -- reading -------------------------------------------------------------------------

    def load(self) -> None:
        cash, actor = self.session.services.cash, self.session.actor
        self._run(lambda: cash.status(actor), self._loaded)

    def _loaded(self, status: DrawerStatus) -> None:
        self.status = status
        self.status_changed.emit()

    @property
    def is_open(self) -> bool:
        return self.status is not None and self.status.session is not None

    def headline(self) -> str:
        """One line: is the drawer open, since when, by whom, what it should hold."""
        status = self.status
        if status is None:
            return self.tr("Reading the drawer…")
        session = status.session
        if session is not None:
            moment = local_moment(session.opened_at)
            since = time_text(moment) if moment is not None else session.opened_at[11:16]
            return self.tr(
                "{session} open since {since} (by {user}): {sales} sales, {expected} expected in the drawer"
            ).format(
                session=session.label,
                since=since,
                user=session.opened_by,
                sales=number(status.sales),
                expected=self.money(status.expected),
            )
        if status.mode is DrawerMode.CARD_ONLY:
            return self.tr("Till {till} is card-only: it takes no cash").format(till=status.till)
        if status.mode is DrawerMode.SESSIONS:
            return self.tr("The drawer of till {till} is closed: cash is refused until it is opened").format(
                till=status.till
            )
        return self.tr("No drawer session at till {till}: cash is taken without one here").format(
            till=status.till
        )

    def x_report(self) -> None:
        cash, actor = self.session.services.cash, self.session.actor
        self._run(lambda: cash.x_report(actor), lambda report: self._report(self.tr("X report"), report, ""))

    def z_report(self, ref: str | None = None) -> None:
        cash, actor = self.session.services.cash, self.session.actor
        self._run(
            lambda: cash.z_report(actor, ref),
            lambda found: self._report(self.tr("Z report"), found.report, found.journal_hash),
        )

    def _report(self, title: str, report: DrawerReport, journal_hash: str) -> None:
        self.report_ready.emit((f"{title} {report.label}", report_lines(report, journal_hash), report))

    # -- changing ------------------------------------------------------------------------

    def open(self, count: CountModel) -> None:
        try:
            counted = count.count()
        except PosError as exc:
            self.message.emit(exc.message)
            return
        cash, actor = self.session.services.cash, self.session.actor
        self._run(
            lambda: cash.open(actor, counted),
            lambda session: self._changed(
                self.tr("{0} opened with {1}").format(session.label, self.money(session.float_amount))
            ),
        )

    def pay(self, into: bool, amount: str, reason: str, approval: Approval | None = None) -> None:
        """Pay cash into (`into`) or out of the drawer, with the reason."""
        try:
            value = parse_money(amount, self.currency, allow_zero=False)
        except InvalidInput as exc:
            self.message.emit(exc.message)
            return
        cash, actor = self.session.services.cash, self.session.actor
        self._retry = lambda ok: self.pay(into, amount, reason, ok)
        if into:
            work: Callable[[], Any] = lambda: cash.cash_in(actor, value, reason)  # noqa: E731
        else:
            work = lambda: cash.cash_out(actor, value, reason, approval)  # noqa: E731
        said = self.tr("{0} into the drawer") if into else self.tr("{0} out of the drawer")
        self._run(work, lambda moved: self._changed(said.format(self.money(abs(moved.amount)))))

    def close(self, count: CountModel, approval: Approval | None = None) -> None:
        try:
            counted = count.count()
        except PosError as exc:
            self.message.emit(exc.message)
            return
        cash, actor = self.session.services.cash, self.session.actor
        self._retry = lambda ok: self.close(count, ok)

        def closed(found: Any) -> None:
            self._changed(self.tr("{0} closed").format(found.report.label))
            self.closed.emit(found.report.label)
            self._report(self.tr("Z report"), found.report, found.journal_hash)

        self._run(lambda: cash.close(actor, counted, approval), closed)

    def approve(self, approval: Approval) -> None:
        retry, self._retry = self._retry, None
        if retry is not None:
            retry(approval)

    # -- plumbing ------------------------------------------------------------------------

    def _changed(self, text: str) -> None:
        self._retry = None
        self.done.emit(text)
        self.load()

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._set_busy(True)

        def finished(result: Any) -> None:
            self._set_busy(False)
            done(result)

        self.session.runner.submit(work, finished, self._failed)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, OverrideRequired) and self._retry is not None:
            self.override_needed.emit(exc.message)
            return
        self._retry = None
        self.message.emit(
            exc.message if isinstance(exc, PosError) else self.tr("that failed; see the log file")
        )

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busy_changed.emit(busy)
