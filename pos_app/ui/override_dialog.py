"""A manager's override at the till: name plus password or PIN.

The dialog checks them at once (so a typo is answered here) and returns them as an Approval;
the service that needs the approval checks them again in its own call and writes both names
into the order's history.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.errors import PosError
from pos_app.domain.users import Approval
from pos_app.ui.checkout_style import apply_till_style, set_role, show_message
from pos_app.ui.number_pad import NumberPad
from pos_app.viewmodels.session import Session


class OverrideDialog(QDialog):
    """Accepted once a manager's credentials check out; `approval` then holds them."""

    def __init__(self, session: Session, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.approval: Approval | None = None
        self._checking = False
        self.setWindowTitle(self.tr("Manager approval"))
        self.setAccessibleName(self.tr("Manager approval"))
        apply_till_style(self)
        self.setMinimumWidth(460)

        self.reason = QLabel(reason[:1].upper() + reason[1:])
        self.reason.setWordWrap(True)
        self.reason.setObjectName("approval")
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Manager name"))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("Manager password or PIN"))
        self.use_pin = QCheckBox(self.tr("PIN instead of password"))
        self.use_pin.setAccessibleName(self.tr("Use PIN instead of password"))
        # A manager at a touch till types the PIN on a pad.
        self.pad = NumberPad(self.secret, extra=())
        self.pad.setMinimumHeight(4 * 54)
        self.pad.setVisible(False)
        self.use_pin.toggled.connect(self._pin_chosen)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Approval error"))
        show_message(self.error, "", error=True)
        self.approve_button = QPushButton(self.tr("Approve"))
        set_role(self.approve_button, "go")
        self.approve_button.setAccessibleName(self.tr("Approve"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel approval"))
        for button in (self.approve_button, self.cancel_button):
            button.setAutoDefault(False)

        form = QFormLayout()
        form.addRow(self.tr("Manager"), self.name)
        form.addRow(self.tr("Password / PIN"), self.secret)
        form.addRow("", self.use_pin)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.approve_button, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.setSpacing(12)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.pad)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.approve_button.clicked.connect(self.check)
        self.cancel_button.clicked.connect(self.reject)
        self.name.returnPressed.connect(self.secret.setFocus)
        self.secret.returnPressed.connect(self.check)
        self.name.setFocus()

    def _pin_chosen(self, pin: bool) -> None:
        self.pad.setVisible(pin)
        self.secret.clear()
        self.secret.setFocus()
        self.adjustSize()

    def check(self) -> None:
        if self._checking:
            return
        name, secret = self.name.text().strip(), self.secret.text()
        if not name or not secret:
            show_message(self.error, self.tr("type the manager's name and password or PIN"), error=True)
            (self.secret if name else self.name).setFocus()
            return
        self._checking = True
        self.approve_button.setEnabled(False)
        show_message(self.error, "", error=True)
        auth, approval = self.session.services.auth, Approval(name, secret, self.use_pin.isChecked())
        # The password hash is slow on purpose: check it off the GUI thread.
        self.session.runner.submit(
            lambda: auth.approve(approval), lambda _manager: self._approved(approval), self._refused
        )

    def _approved(self, approval: Approval) -> None:
        self._checking = False
        self.approve_button.setEnabled(True)
        self.approval = approval
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self._checking = False
        self.approve_button.setEnabled(True)
        text = (
            exc.message
            if isinstance(exc, PosError)
            else self.tr("the approval could not be checked (see the log)")
        )
        show_message(self.error, text, error=True)
        self.secret.clear()
        self.secret.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter belongs to the fields (next field / approve), never to a default button.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)


def ask_manager_override(session: Session, reason: str, parent: QWidget | None) -> Approval | None:
    """Ask a manager to approve; their checked credentials, or None when cancelled."""
    dialog = OverrideDialog(session, reason, parent)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.approval if accepted else None
    finally:
        dialog.deleteLater()
