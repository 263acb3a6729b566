"""The sync worker: a thread of its own that pushes and pulls every few seconds, soon after a
sale, and less and less often while the central store cannot be reached.

It shares the till's Database: SQLite serializes writers (BEGIN IMMEDIATE), and the engine
never holds a local write transaction while it talks to PostgreSQL, so a sale waits at most
for one local batch, never for the network. No Qt here: the callbacks run on the worker's
thread, and whoever shows them (a view model) carries them over to its own.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace

from pos_app.domain.errors import PosError
from pos_app.store.replica import Applied
from pos_app.store.uow import Database
from pos_app.sync.engine import SyncReport, SyncStatus, status, sync_once
from pos_app.sync.errors import CentralUnreachable

__all__ = ["Applied", "SyncStatus", "SyncWorker"]

log = logging.getLogger(__name__)

INTERVAL_S = 5.0
BACKOFF_FIRST_S = 2.0
BACKOFF_MAX_S = 60.0
STOP_WAIT_S = 1.0

StatusCallback = Callable[[SyncStatus], None]
AppliedCallback = Callable[[Applied], None]


def backoff(failures: int, first: float = BACKOFF_FIRST_S, most: float = BACKOFF_MAX_S) -> float:
    """Seconds to wait after `failures` failed rounds in a row: first, doubling, at most `most`."""
    if failures <= 0:
        return 0.0
    return float(min(most, first * 2 ** min(failures - 1, 32)))


class SyncWorker:
    """Runs sync_once(db, url) on its own thread until stop().

    Rounds come every `interval` seconds and as soon as wake() is called (a sale was made);
    after a failure the next round waits 2, 4, 8 ... up to 60 seconds, and a wake() in that
    time only refreshes the status (a till with no network does not knock at every sale).
    `on_status` gets the status after each round and each wake; `on_applied` what a pull
    changed here, when it changed anything. Both are called on the worker's thread.
    """

    def __init__(
        self,
        db: Database,
        url: str,
        *,
        interval: float = INTERVAL_S,
        backoff_first: float = BACKOFF_FIRST_S,
        backoff_max: float = BACKOFF_MAX_S,
        on_status: StatusCallback | None = None,
        on_applied: AppliedCallback | None = None,
        sync: Callable[[Database, str], SyncReport] = sync_once,
    ) -> None:
        self.db = db
        self.url = url
        self.interval = interval
        self.backoff_first = backoff_first
        self.backoff_max = backoff_max
        self.on_status = on_status
        self.on_applied = on_applied
        self._sync = sync
        self._woken = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pos_app sync", daemon=True)
        self.failures = 0  # failed rounds in a row
        self.rounds = 0  # rounds tried
        self._left = 0.0  # seconds the last wait had still to go when it was woken
        self._unnoted = ""  # a failure sync_once did not keep in the sync state (a local one)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def start(self) -> None:
        self.db.after_logged.append(self.wake)
        self._thread.start()

    def wake(self) -> None:
        """Sync soon (thread-safe; cheap enough to call after every sale)."""
        self._woken.set()

    def stop(self, timeout: float = STOP_WAIT_S) -> bool:
        """Ask the thread to end and wait up to `timeout` s; True once it has ended. A round
        caught in a connection attempt ends by itself within the connect timeout (the thread
        is a daemon: it never keeps the application from quitting)."""
        self._stopping.set()
        self._woken.set()
        if self.wake in self.db.after_logged:
            self.db.after_logged.remove(self.wake)
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    # -- the thread ------------------------------------------------------------------------

    def _run(self) -> None:
        self._tell_status()
        due = 0.0  # seconds until the next round; the first one at once
        while not self._stopping.is_set():
            woken = self._wait(due)
            if self._stopping.is_set():
                return
            if woken and self.failures:
                # Backing off: show the new count of waiting records, try later as planned.
                due = self._left
                if due > 0:
                    self._tell_status()
                    continue
            self._round()
            due = backoff(self.failures, self.backoff_first, self.backoff_max) or self.interval
            self._tell_status()

    def _wait(self, seconds: float) -> bool:
        """Sleep up to `seconds` or until woken; True when woken. Remembers the time left."""
        deadline = _now() + seconds
        woken = self._woken.wait(seconds)
        self._woken.clear()
        self._left = max(0.0, deadline - _now())
        return woken

    def _round(self) -> None:
        self.rounds += 1
        try:
            report = self._sync(self.db, self.url)
        except CentralUnreachable as exc:  # kept in the sync state by sync_once
            self._failed("")
            log.info("sync failed (%d in a row): %s", self.failures, exc.message)
            return
        except PosError as exc:  # here: the disk is full, the database busy, ...
            self._failed(exc.message)
            log.warning("sync failed (%d in a row): %s", self.failures, exc.message)
            return
        except Exception:
            self._failed("the changes could not be applied (the details are in the log file)")
            log.exception("sync failed unexpectedly")
            return
        self.failures = 0
        self._unnoted = ""
        if report.applied.new and self.on_applied is not None and not self._stopping.is_set():
            self._call(self.on_applied, report.applied)

    def _failed(self, unnoted: str) -> None:
        self.failures += 1
        self._unnoted = unnoted

    def _tell_status(self) -> None:
        if self.on_status is None or self._stopping.is_set():
            return
        try:
            current = status(self.db, linked=True)
        except Exception:
            log.exception("the sync status could not be read")
            return
        if self._unnoted and not current.last_error:
            current = replace(current, last_error=self._unnoted)
        self._call(self.on_status, current)

    @staticmethod
    def _call(callback: Callable[..., None], value: object) -> None:
        try:
            callback(value)
        except Exception:
            log.exception("a sync listener failed")


def _now() -> float:
    return time.monotonic()
