"""Manager screens: users, products and stock, store settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from pos_app.domain.errors import PosError
from pos_app.domain.printer import PrinterSetup
from pos_app.domain.records import UserRecord
from pos_app.domain.settings import StoreSettings
from pos_app.domain.users import Role
from pos_app.domain.variable_measure import SoldBy, qty_text
from pos_app.viewmodels.names import role_name
from pos_app.viewmodels.session import Session


@dataclass(frozen=True)
class StockRow:
    sku: str
    name: str
    on_hand: int  # items, or grams sold by weight
    sold_by: SoldBy = SoldBy.EACH

    @property
    def on_hand_text(self) -> str:
        """'12', or '12.500 kg' for a product sold by weight."""
        return qty_text(self.on_hand, self.sold_by)


class AdminViewModel(QObject):
    message = Signal(str)  # refusals and errors
    saved = Signal(str)  # what went through
    changed = Signal()  # the data shown was (re)loaded

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.session.runner.submit(work, done, self._failed)

    def _failed(self, exc: Exception) -> None:
        self.message.emit(
            exc.message if isinstance(exc, PosError) else self.tr("that failed; see the log file")
        )


class UsersViewModel(AdminViewModel):
    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self.users: list[UserRecord] = []

    def load(self) -> None:
        auth, actor = self.session.services.auth, self.session.actor
        self._run(lambda: auth.list_users(actor), self._loaded)

    def _loaded(self, users: list[UserRecord]) -> None:
        self.users = users
        self.changed.emit()

    def add(self, name: str, role: Role, password: str, pin: str = "") -> None:
        auth, actor = self.session.services.auth, self.session.actor

        def added(user: UserRecord) -> None:
            self.saved.emit(self.tr("added {0} ({1})").format(user.name, role_name(user.role)))
            self.load()

        self._run(lambda: auth.add_user(actor, name, role, password, pin or None), added)

    def user(self, name: str) -> UserRecord | None:
        return next((u for u in self.users if u.name == name), None)

    def set_active(self, name: str, active: bool) -> None:
        auth, actor = self.session.services.auth, self.session.actor
        what = self.tr("activated {0}") if active else self.tr("deactivated {0}")
        self._change(lambda: auth.set_active(actor, name, active), what.format(name))

    def reset_password(self, name: str, password: str) -> None:
        auth, actor = self.session.services.auth, self.session.actor
        self._change(
            lambda: auth.reset_password(actor, name, password),
            self.tr("new password set for {0}").format(name),
        )

    def set_pin(self, name: str, pin: str | None) -> None:
        """A new PIN, or none when `pin` is None."""
        auth, actor = self.session.services.auth, self.session.actor
        what = (self.tr("new PIN set for {0}") if pin is not None else self.tr("PIN removed for {0}")).format(
            name
        )
        self._change(lambda: auth.set_user_pin(actor, name, pin), what)

    def unlock(self, name: str) -> None:
        auth, actor = self.session.services.auth, self.session.actor
        self._change(lambda: auth.unlock(actor, name), self.tr("unlocked {0}").format(name))

    def _change(self, work: Callable[[], Any], text: str) -> None:
        def done(_user: UserRecord) -> None:
            self.saved.emit(text)
            self.load()

        self._run(work, done)


class StockViewModel(AdminViewModel):
    LIMIT = 200
    editing = Signal(object)  # the Product to open in the product form

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self.rows: list[StockRow] = []
        self._search = ""

    def search(self, text: str) -> None:
        """Products whose name or SKU matches `text` (all, by SKU, when it is empty)."""
        self._search = text.strip()
        services, actor, words = self.session.services, self.session.actor, self._search

        def work() -> list[StockRow]:
            if words:
                return [
                    StockRow(p.sku, p.name, p.on_hand, p.sold_by)
                    for p in services.catalog.search(words, self.LIMIT)
                ]
            return [
                StockRow(s.sku, s.name, s.on_hand, s.sold_by)
                for s in services.stock.levels(actor, limit=self.LIMIT)
            ]

        self._run(work, self._loaded)

    def _loaded(self, rows: list[StockRow]) -> None:
        self.rows = rows
        self.changed.emit()

    def receive(self, sku: str, qty: int, note: str = "") -> None:
        """Book in `qty` items, or grams of a product sold by weight."""
        stock, actor = self.session.services.stock, self.session.actor
        self._run(lambda: stock.receive(actor, sku, qty, note), self._moved)

    def adjust(self, sku: str, qty: int, reason: str) -> None:
        stock, actor = self.session.services.stock, self.session.actor
        self._run(lambda: stock.adjust(actor, sku, qty, reason), self._moved)

    def edit(self, sku: str) -> None:
        """Fetch the whole product (inactive ones too) for the form."""
        catalog, actor = self.session.services.catalog, self.session.actor
        self._run(lambda: catalog.product(actor, sku), self.editing.emit)

    def product_saved(self, text: str) -> None:
        self.saved.emit(text)
        self.search(self._search)

    def _moved(self, level: Any) -> None:
        self.saved.emit(self.tr("{0}: {1} on hand").format(level.sku, qty_text(level.on_hand, level.sold_by)))
        self.search(self._search)


class SettingsViewModel(AdminViewModel):
    @property
    def current(self) -> StoreSettings:
        return self.session.settings

    def save(self, values: dict[str, Any]) -> None:
        settings, actor = self.session.services.settings, self.session.actor

        def done(_updated: StoreSettings) -> None:
            self.session.settings_changed.emit()
            self.saved.emit(self.tr("settings saved"))
            self.changed.emit()

        self._run(lambda: settings.update(actor, values), done)

    def test_page(self, setup: PrinterSetup, paper: int) -> None:
        """A test page on the printer as set in the form, saved or not."""
        receipts, actor = self.session.services.receipts, self.session.actor
        self._run(
            lambda: receipts.test_page(actor, setup, paper),
            lambda _done: self.saved.emit(self.tr("test page sent to the {0}").format(setup.describe())),
        )
