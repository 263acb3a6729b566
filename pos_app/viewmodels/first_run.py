"""First run: there is no database at the configured path. Nothing is made unless the person at
the till asks for a new shop and sets the manager's own password (never the demo log-ins)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from pos_app.domain.errors import PosError
from pos_app.services.setup import create_shop

if TYPE_CHECKING:
    from argon2 import PasswordHasher


class FirstRunViewModel(QObject):
    error_changed = Signal(str)
    created = Signal()

    def __init__(
        self, path: Path, *, hasher: PasswordHasher | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.path = Path(path).absolute()
        self.hasher = hasher
        self.error = ""

    @property
    def explanation(self) -> str:
        return self.tr(
            "There is no database at {0}.\n\n"
            "If the shop's database should be there, check the name and that its drive is "
            "connected, then quit and start again. Otherwise create a new, empty shop there."
        ).format(self.path)

    def create(self, store_name: str, till: str, manager: str, password: str, again: str) -> bool:
        """Make the new shop (the same code as `pos-app init`); False with `error` set if not."""
        store_name, till, manager = store_name.strip(), till.strip(), manager.strip()
        if not store_name or not till or not manager:
            return self._fail(self.tr("fill in the store name, the till name and the manager's user name"))
        if password != again:
            return self._fail(self.tr("the two passwords differ"))
        try:
            create_shop(
                self.path,
                manager=manager,
                password=password,
                till=till,
                store_name=store_name,
                hasher=self.hasher,
            )
        except PosError as exc:
            return self._fail(exc.message)
        except OSError as exc:
            return self._fail(self.tr("could not create {0}: {1}").format(self.path, exc.strerror or exc))
        self._set_error("")
        self.created.emit()
        return True

    def _fail(self, message: str) -> bool:
        self._set_error(message)
        return False

    def _set_error(self, message: str) -> None:
        self.error = message
        self.error_changed.emit(message)
