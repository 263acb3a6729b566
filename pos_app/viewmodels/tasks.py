"""Running service calls off the GUI thread, results delivered back on it by signal.

Tests swap in `SyncRunner` so flows are deterministic.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from pos_app.domain.errors import PosError

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # delivered to the caller's error handler on the GUI thread
            if not isinstance(exc, PosError):
                log.exception("background task failed")
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(result)


class TaskRunner:
    """Runs `work` on a thread pool; `done`/`failed` run on the GUI thread."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def submit(self, work: Callable[[], Any], done: Done, failed: Failed) -> None:
        relay = _Relay()
        self._relays.add(relay)

        def finish(result: Any) -> None:
            self._relays.discard(relay)
            done(result)

        def fail(exc: Exception) -> None:
            self._relays.discard(relay)
            failed(exc)

        relay.finished.connect(finish)
        relay.failed.connect(fail)
        self.pool.start(_Task(work, relay))

    def wait(self) -> None:
        self.pool.waitForDone()


class SyncRunner:
    """Same interface, runs at once on the calling thread (tests, tiny calls)."""

    def submit(self, work: Callable[[], Any], done: Done, failed: Failed) -> None:
        try:
            result = work()
        except Exception as exc:
            if not isinstance(exc, PosError):
                log.exception("task failed")
            failed(exc)
        else:
            done(result)

    def wait(self) -> None:
        return None
