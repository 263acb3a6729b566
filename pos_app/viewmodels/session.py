"""Who is logged in at this till, and the services they act through."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal

from pos_app.domain.policy import Action, denial
from pos_app.domain.settings import StoreSettings
from pos_app.domain.users import Actor, Role

if TYPE_CHECKING:  # importing the services loads SQLAlchemy: the log-in window need not wait
    from pos_app.services import Services


class Runner(Protocol):
    def submit(
        self, work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Exception], None]
    ) -> None: ...

    def wait(self) -> None: ...


class Session(QObject):
    """Shared by every view model of one window: services, the current user, the task runner."""

    actor_changed = Signal()
    locked_changed = Signal(bool)
    settings_changed = Signal()

    def __init__(
        self,
        services: Services | Future[Services],
        runner: Runner,
        settings: StoreSettings | None = None,
    ) -> None:
        """`services` may still be opening in the background (start-up); `settings` are then
        what to show until they are open."""
        super().__init__()
        self._services = None if isinstance(services, Future) else services
        self._opening = services if isinstance(services, Future) else None
        self._early_settings = settings
        self.runner = runner
        self._actor: Actor | None = None
        self._locked = False

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            raise RuntimeError("nobody is logged in")
        return self._actor

    @property
    def logged_in(self) -> bool:
        return self._actor is not None

    @property
    def services(self) -> Services:
        """The services; while they are still opening, waits for them (or raises why not)."""
        if self._services is None:
            assert self._opening is not None
            self._services = self._opening.result()
        return self._services

    @property
    def settings(self) -> StoreSettings:
        if self._services is None and self._early_settings is not None:
            assert self._opening is not None
            if not self._opening.done():
                return self._early_settings
        return self.services.settings.current()

    @property
    def is_manager(self) -> bool:
        return self._actor is not None and self._actor.role is Role.MANAGER

    def may(self, action: Action) -> bool:
        """Whether the user here may do `action` at all: what the screens offer them (the
        service checks again)."""
        return self._actor is not None and denial(self._actor, action) is None

    @property
    def locked(self) -> bool:
        return self._locked

    def set_actor(self, actor: Actor | None) -> None:
        """Who is logged in now; None logs out. A replaced session is ended in the services."""
        self._end_session(actor)
        self._actor = actor
        self._locked = False
        self.actor_changed.emit()

    def _end_session(self, successor: Actor | None) -> None:
        old = self._actor
        if old is not None and old.session and (successor is None or successor.session != old.session):
            self.services.auth.logout(old)  # in memory only: no database work on the GUI thread

    def lock(self) -> None:
        """Lock the till: the open cart stays, a log-in is needed to go on."""
        self._locked = True
        self.locked_changed.emit(True)

    def unlock(self, actor: Actor) -> None:
        changed = self._actor is None or self._actor.user_id != actor.user_id
        self._end_session(actor)
        self._actor = actor
        self._locked = False
        self.locked_changed.emit(False)
        if changed:
            self.actor_changed.emit()
