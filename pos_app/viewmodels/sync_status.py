"""The sync worker as the window sees it: the status bar's words, and which orders a pull changed.

The view model owns the worker when the database is linked to a central store. The worker
calls back on its own thread; the private signals below carry each call over to the thread
this object lives on (the GUI thread), so everything it emits is safe for widgets.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the sync code loads the PostgreSQL driver: only a linked till needs it
    from pos_app.services import Services
    from pos_app.sync.worker import Applied, SyncStatus, SyncWorker

OFF_LINE = "sync off"
OFF_TIP = "No central store is configured: sales are kept on this till"


class SyncState(Enum):
    OFF = "off"
    OK = "ok"
    WAITING = "waiting"
    ERROR = "error"


def state_of(status: SyncStatus) -> SyncState:
    if not status.linked:
        return SyncState.OFF
    if status.last_error:
        return SyncState.ERROR
    if status.waiting or not status.last_ok_at:
        return SyncState.WAITING
    return SyncState.OK


def tooltip_of(status: SyncStatus) -> str:
    if not status.linked:
        return OFF_TIP
    parts = [f"Till {status.device} syncs with the central store"]
    if status.last_ok_at:
        parts.append(f"last synced {status.last_ok_at[:19].replace('T', ' ')} UTC")
    if status.waiting:
        parts.append(f"{status.waiting} change{'s' if status.waiting != 1 else ''} waiting to go out")
    if status.flagged:
        parts.append(f"{status.flagged} order{'s' if status.flagged != 1 else ''} need a manager's attention")
    return "\n".join(parts)


class SyncStatusViewModel(QObject):
    """The status bar's words, from SyncStatus.line(): "sync off", "sync: up to date",
    "sync: N waiting" or "sync error: reason (last synced ...)"; and what each pull changed."""

    status_changed = Signal()  # line, state and tooltip changed
    orders_changed = Signal(object)  # frozenset of the ids of orders a pull changed
    settings_changed = Signal()  # the shop's settings changed by a pull
    _status_arrived = Signal(object)  # from the worker's thread
    _applied_arrived = Signal(object)

    def __init__(
        self,
        services: Services | None = None,
        url: str | None = None,
        *,
        interval: float | None = None,
        backoff_first: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Sync off without `services` and `url`; else a worker (started by start()), syncing
        every `interval` seconds, after a failure first `backoff_first` seconds later."""
        super().__init__(parent)
        self.line = OFF_LINE
        self.state = SyncState.OFF
        self.tooltip = OFF_TIP
        self.status: SyncStatus | None = None
        self.worker: SyncWorker | None = None
        if services is not None and url:
            from pos_app.sync import worker

            self.worker = worker.SyncWorker(
                services.db,
                url,
                interval=worker.INTERVAL_S if interval is None else interval,
                backoff_first=worker.BACKOFF_FIRST_S if backoff_first is None else backoff_first,
                on_status=self._status_arrived.emit,
                on_applied=self._applied_arrived.emit,
            )
            self.line = "sync: starting"
            self.state = SyncState.WAITING
            self.tooltip = "Connecting to the central store"
        self._status_arrived.connect(self._show)
        self._applied_arrived.connect(self._applied)

    @classmethod
    def for_services(
        cls, services: Services, *, interval: float | None = None, parent: QObject | None = None
    ) -> SyncStatusViewModel:
        """On when the database file has a link to a central store (`pos-app sync setup`)."""
        from pos_app.sync.link import read_link

        return cls(services, read_link(services.db.path), interval=interval, parent=parent)

    @property
    def enabled(self) -> bool:
        return self.worker is not None

    def start(self) -> None:
        if self.worker is not None and not self.worker.running:
            self.worker.start()

    def wake(self) -> None:
        """Sync soon: something was sold or changed here."""
        if self.worker is not None:
            self.worker.wake()

    def stop(self) -> None:
        """End the worker; nothing is emitted afterwards."""
        if self.worker is not None:
            self.worker.stop()
            self._status_arrived.disconnect(self._show)
            self._applied_arrived.disconnect(self._applied)
            self.worker = None

    def _show(self, status: SyncStatus) -> None:
        if self.worker is None:
            return  # stopped meanwhile
        self.status = status
        self.line = status.line()
        self.state = state_of(status)
        self.tooltip = tooltip_of(status)
        self.status_changed.emit()

    def _applied(self, applied: Applied) -> None:
        if self.worker is None:
            return
        if applied.orders:
            self.orders_changed.emit(frozenset(applied.orders))
        if applied.settings:
            self.settings_changed.emit()
