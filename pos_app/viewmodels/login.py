"""Log-in at the till: by password, or by PIN for a quick clerk switch."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from pos_app.domain.errors import PosError
from pos_app.domain.users import PIN_RULE, Actor, is_whole_pin
from pos_app.viewmodels.session import Session


class LoginViewModel(QObject):
    """Checks credentials off the GUI thread (the KDF is deliberately slow)."""

    error_changed = Signal(str)
    busy_changed = Signal(bool)
    logged_in = Signal(object)  # Actor
    refused = Signal()  # the services said no: what was typed is to be typed again

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._error = ""
        self._busy = False

    @property
    def error(self) -> str:
        return self._error

    @property
    def busy(self) -> bool:
        return self._busy

    def login_password(self, name: str, password: str) -> None:
        self._login(name, password, pin=False)

    def login_pin(self, name: str, pin: str) -> None:
        self._login(name, pin, pin=True)

    def _login(self, name: str, secret: str, *, pin: bool) -> None:
        if self._busy:
            return
        name = name.strip()
        if not name:
            self._set_error(self.tr("type your user name"))
            return
        if not secret:
            self._set_error(self.tr("type your PIN") if pin else self.tr("type your password"))
            return
        if pin and not is_whole_pin(secret):
            # Not tried: a PIN still being typed must not count as a failed log-in.
            self._set_error(self.tr("{0}: go on typing").format(PIN_RULE))
            return
        self._set_error("")
        self._set_busy(True)
        session = self.session  # its services may still be opening: wait for them off the GUI thread
        self.session.runner.submit(
            lambda: session.services.auth.login(name, secret, pin=pin), self._done, self._failed
        )

    def _done(self, actor: Actor) -> None:
        self._set_busy(False)
        if self.session.locked:
            self.session.unlock(actor)
        else:
            self.session.set_actor(actor)
        self.logged_in.emit(actor)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        # Lockout and wrong-password texts come from the services and are shown as they are.
        self._set_error(
            exc.message if isinstance(exc, PosError) else self.tr("log-in failed: see the log file")
        )
        self.refused.emit()

    def _set_error(self, text: str) -> None:
        self._error = text
        self.error_changed.emit(text)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)
