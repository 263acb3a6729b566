"""Log-in dialog: user name and password, or a PIN pad for a quick clerk switch."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
        self.setWindowTitle("Till locked" if locked else "Log in")
        self.setObjectName("loginDialog")
        self.setMinimumWidth(420)

        title = QLabel(session.settings.store_name)
        title.setObjectName("title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(
            f"Till {session.settings.till} is locked: log in to go on"
            if locked
            else f"Till {session.settings.till}: log in to start"
        )
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle.setObjectName("subtitle")

        self.tabs = QTabWidget()
        self.tabs.addTab(self._password_tab(user), "Password")
        self.tabs.addTab(self._pin_tab(user), "PIN")
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
        self.vm.busy_changed.connect(self._busy)
        self.vm.logged_in.connect(lambda _actor: self.accept())
        # Typing starts at once: in the PIN when switching back, else the first empty field.
        if self.tabs.currentIndex() == 1:
            self.pin.setFocus()
        else:
            (self.password if user else self.user).setFocus()

    def _password_tab(self, user: str) -> QWidget:
        page = QWidget()
        self.user = QLineEdit(user)
        self.user.setPlaceholderText("user name")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("password")
        self.login_button = QPushButton("Log in")
        self.login_button.setObjectName("primary")
        self.login_button.setDefault(True)
        form = QFormLayout()
        form.addRow("User", self.user)
        form.addRow("Password", self.password)
        form.addRow(self.login_button)
        hint = QLabel("Switching clerks? The PIN tab is quicker.")
        hint.setObjectName("hint")
        form.addRow(hint)
        outer = QVBoxLayout(page)
        outer.addStretch(1)  # the PIN pad sets the height; keep this form in the middle
        outer.addLayout(form)
        outer.addStretch(2)
        self.login_button.clicked.connect(self._login_password)
        self.password.returnPressed.connect(self._login_password)
        self.user.returnPressed.connect(self.password.setFocus)
        return page

    def _pin_tab(self, user: str) -> QWidget:
        page = QWidget()
        self.pin_user = QLineEdit(user)
        self.pin_user.setPlaceholderText("user name")
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText("PIN")
        self.pin.setMaxLength(8)
        self.pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin.setObjectName("pinDisplay")
        pad = QGridLayout()
        pad.setSpacing(8)
        for n, key in enumerate(PIN_KEYS):
            button = QPushButton(key)
            button.setObjectName("pinKey")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, k=key: self._pin_key(k))
            pad.addWidget(button, n // 3, n % 3)
        self.pin_button = QPushButton("Log in with PIN")
        self.pin_button.setObjectName("primary")
        self.pin_button.clicked.connect(self._login_pin)
        self.pin.returnPressed.connect(self._login_pin)
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
        if text:
            self.password.clear()
            self.pin.clear()

    def _busy(self, busy: bool) -> None:
        self.login_button.setEnabled(not busy)
        self.pin_button.setEnabled(not busy)
