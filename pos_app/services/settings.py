"""Reading and changing the store settings."""

from __future__ import annotations

import threading
import time
from typing import Any

from pos_app.domain.errors import InvalidInput, PermissionDenied
from pos_app.domain.formatting import use_locale
from pos_app.domain.policy import Action, require
from pos_app.domain.settings import StoreSettings
from pos_app.domain.users import Actor
from pos_app.services.guard import Guard
from pos_app.store.uow import Database, UnitOfWork

# How old the displayed settings may be: another till's change shows within this.
FRESH_SECONDS = 1.0


class SettingsService:
    def __init__(self, db: Database, guard: Guard) -> None:
        self.db = db
        self.guard = guard
        self._lock = threading.Lock()
        self._cached: StoreSettings | None = None
        self._read_at = 0.0
        self.clock = time.monotonic

    def current(self) -> StoreSettings:
        """The settings to show; re-read when older than FRESH_SECONDS, as another till may have
        changed them. What a sale must obey is read inside its own transaction (read())."""
        with self._lock:
            cached, read_at = self._cached, self._read_at
        now = self.clock()
        if cached is not None and 0 <= now - read_at < FRESH_SECONDS:
            return cached
        with self.db.read() as uow:
            fresh = self.read(uow)
        with self._lock:
            self._cached, self._read_at = fresh, now
        return fresh

    def read(self, uow: UnitOfWork) -> StoreSettings:
        """The settings as they are in this transaction (what a sale must obey). Every read
        also makes their locale the one text is formatted in, so a change made on another till
        shows here as soon as the settings are read again."""
        settings = StoreSettings.from_text(uow.settings.all())
        use_locale(settings.locale)
        return settings

    def update(self, actor: Actor | None, values: dict[str, Any]) -> StoreSettings:
        """Change settings; `actor` None only while setting up a new database."""
        if actor is not None:
            require(actor, Action.MANAGE_SETTINGS)
        with self.db.write() as uow:
            if actor is None:
                if uow.users.exists():
                    raise PermissionDenied("log in as a manager to change settings")
            else:
                self.guard.check(uow, actor, Action.MANAGE_SETTINGS)
            updated = self.write(uow, values)
        self.remember(updated)
        return updated

    def write(self, uow: UnitOfWork, values: dict[str, Any]) -> StoreSettings:
        """Apply `values` in the caller's write transaction (the caller checks who may)."""
        # Applied to the settings as they are now, not as this till last saw them; only what
        # changes is written, so a save here never undoes another till's change to another
        # setting that has not reached this till yet (each setting syncs on its own).
        current = self.read(uow)
        updated = current.updated(values)
        session = uow.drawer.open_session(current.till)
        if updated.till != current.till and session is not None:
            raise InvalidInput(
                f"close {session.label}, the open cash drawer session, before renaming the till"
            )
        before = current.to_text()
        uow.settings.put({k: v for k, v in updated.to_text().items() if before.get(k) != v})
        return updated

    def remember(self, updated: StoreSettings) -> None:
        """Settings just committed: shown from now on without reading them again."""
        use_locale(updated.locale)
        with self._lock:
            self._cached, self._read_at = updated, self.clock()
