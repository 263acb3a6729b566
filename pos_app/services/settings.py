"""Reading and changing the store settings."""

from __future__ import annotations

from typing import Any

from pos_app.domain.errors import PermissionDenied
from pos_app.domain.policy import Action, require
from pos_app.domain.settings import StoreSettings
from pos_app.domain.users import Actor
from pos_app.store.uow import Database, UnitOfWork


class SettingsService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._cached: StoreSettings | None = None

    def current(self) -> StoreSettings:
        if self._cached is None:
            with self.db.read() as uow:
                self._cached = StoreSettings.from_text(uow.settings.all())
        return self._cached

    def read(self, uow: UnitOfWork) -> StoreSettings:
        """The settings as they are in this transaction (what a sale must obey)."""
        return StoreSettings.from_text(uow.settings.all())

    def update(self, actor: Actor | None, values: dict[str, Any]) -> StoreSettings:
        """Change settings; `actor` None only while setting up a new database."""
        if actor is not None:
            require(actor, Action.MANAGE_SETTINGS)
        updated = self.current().updated(values)
        with self.db.write() as uow:
            if actor is None and uow.users.exists():
                raise PermissionDenied("log in as a manager to change settings")
            uow.settings.put(updated.to_text())
        self._cached = updated
        return updated
