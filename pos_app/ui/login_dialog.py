"""Log-in dialog: user name and password, or a PIN pad for a quick clerk switch.

By keyboard: Enter goes from the user name to the secret, then logs in; a PIN is tried only
once it has all its digits. Digits typed while a pad key or the PIN tab has the focus go into
the PIN, and tapping the pad leaves the focus in the PIN field."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.users import PIN_DIGITS
from pos_app.viewmodels.login import LoginViewModel
from pos_app.viewmodels.session import Session

PIN_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "⌫")


class LoginDialog(QDialog):
    """Accepted once someone has logged in (the session then holds them)."""

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, locked: bool = False, user: str = ""
    ) -> None:
        super().__init__(parent)
        self.vm = LoginViewModel(session, self)
        self.setWindowTitle(self.tr("Till locked") if locked else self.tr("Log in"))
        self.setObjectName("loginDialog")
        self.setMinimumWidth(420)

        title = QLabel(session.settings.store_name)
        title.setObjectName("title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(
            (
                self.tr("Till {till} is locked: log in to go on")
                if locked
                else self.tr("Till {till}: log in to start")
            ).format(till=session.settings.till)
        )
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle.setObjectName("subtitle")

        self.tabs = QTabWidget()
        self.tabs.addTab(self._password_tab(user), self.tr("&Password"))
        self.tabs.addTab(self._pin_tab(user), self.tr("P&IN"))
        if locked and user:
            self.tabs.setCurrentIndex(1)

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)

        self.vm.error_changed.connect(self._show_error)
        self.vm.refused.connect(self._clear_secrets)
        self.vm.busy_changed.connect(self._busy)
        self.vm.logged_in.connect(lambda _actor: self.accept())
        self.tabs.currentChanged.connect(lambda _index: self._focus_first_empty())
        # Typing starts at once: in the PIN when switching back, else the first empty field.
        self._focus_first_empty()

    @property
    def on_pin_tab(self) -> bool:
        return self.tabs.currentIndex() == 1

    def _focus_first_empty(self) -> None:
        if self.on_pin_tab:
            (self.pin if self.pin_user.text() else self.pin_user).setFocus()
        else:
            (self.password if self.user.text() else self.user).setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text, focus = event.key(), event.text(), self.focusWidget()
        typing = isinstance(focus, QLineEdit)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._enter(focus)
        elif key == Qt.Key.Key_Escape:
            super().keyPressEvent(event)
        elif self.on_pin_tab and not typing and text.isascii() and text.isdigit():
            self.pin.setFocus()
            self.pin.insert(text)
        elif self.on_pin_tab and not typing and key == Qt.Key.Key_Backspace:
            self.pin.setFocus()
            self.pin.backspace()
        else:
            super().keyPressEvent(event)

    def _enter(self, focus: QWidget | None) -> None:
        """Enter moves from a name to its secret; on the secret (or a button) it logs in. No
        default button: Enter is decided here, once."""
        if self.on_pin_tab:
            if focus is self.pin_user and not self.pin.text():
                self.pin.setFocus()
            else:
                self._login_pin()
        elif focus is self.user and not self.password.text():
            self.password.setFocus()
        else:
            self._login_password()

    def _password_tab(self, user: str) -> QWidget:
        page = QWidget()
        self.user = QLineEdit(user)
        self.user.setPlaceholderText(self.tr("user name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("password"))
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setObjectName("primary")
        self.login_button.setAutoDefault(False)
        form = QFormLayout()
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.login_button)
        hint = QLabel(self.tr("Switching clerks? The PIN tab is quicker."))
        hint.setObjectName("hint")
        form.addRow(hint)
        outer = QVBoxLayout(page)
        outer.addStretch(1)  # the PIN pad sets the height; keep this form in the middle
        outer.addLayout(form)
        outer.addStretch(2)
        self.login_button.clicked.connect(self._login_password)
        return page

    def _pin_tab(self, user: str) -> QWidget:
        page = QWidget()
        self.pin_user = QLineEdit(user)
        self.pin_user.setPlaceholderText(self.tr("user name"))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setMaxLength(PIN_DIGITS[1])
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]*"), self.pin))
        self.pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin.setObjectName("pinDisplay")
        pad = QGridLayout()
        pad.setSpacing(8)
        for n, key in enumerate(PIN_KEYS):
            button = QPushButton(key)
            button.setObjectName("pinKey")
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap leaves the typing in the PIN
            button.clicked.connect(lambda _checked=False, k=key: self._pin_key(k))
            pad.addWidget(button, n // 3, n % 3)
        self.pin_button = QPushButton(self.tr("Log in with PIN"))
        self.pin_button.setObjectName("primary")
        self.pin_button.setAutoDefault(False)
        self.pin_button.clicked.connect(self._login_pin)
        layout = QVBoxLayout(page)
        layout.addWidget(self.pin_user)
        layout.addWidget(self.pin)
        layout.addLayout(pad)
        layout.addWidget(self.pin_button)
        return page

    def _pin_key(self, key: str) -> None:
        if key == "C":
            self.pin.clear()
        elif key == "⌫":
            self.pin.backspace()
        else:
            self.pin.insert(key)

    def _login_password(self) -> None:
        self.vm.login_password(self.user.text(), self.password.text())

    def _login_pin(self) -> None:
        self.vm.login_pin(self.pin_user.text(), self.pin.text())

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _clear_secrets(self) -> None:
        """A refused log-in: the password or PIN is typed again from the start."""
        self.password.clear()
        self.pin.clear()
        (self.pin if self.on_pin_tab else self.password).setFocus()

    def _busy(self, busy: bool) -> None:
        self.login_button.setEnabled(not busy)
        self.pin_button.setEnabled(not busy)
