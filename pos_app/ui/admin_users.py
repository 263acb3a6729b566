"""Manager screen: the log-ins of this shop, and adding one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.users import Role
from pos_app.ui.admin_common import MessageLine
from pos_app.ui.order_tables import fill, make_table
from pos_app.viewmodels.admin import UsersViewModel
from pos_app.viewmodels.format import local_time
from pos_app.viewmodels.session import Session


class UsersDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Users")
        self.resize(640, 520)
        self.vm = UsersViewModel(session, self)
        self.table = make_table(("Name", "Role", "Active", "PIN", "Locked until"), "users")
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in (Role.CLERK, Role.MANAGER, Role.CUSTOMER):
            self.role.addItem(role.value.capitalize(), role)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText("optional, 4-8 digits")
        self.add = QPushButton("Add user")
        self.add.setObjectName("primary")
        box = QGroupBox("New user")
        form = QFormLayout(box)
        form.addRow("Name", self.name)
        form.addRow("Role", self.role)
        form.addRow("Password", self.password)
        form.addRow("PIN", self.pin)
        form.addRow("", self.add)
        self.line = MessageLine(self.vm)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        layout.addWidget(self.line)
        self.add.clicked.connect(self._add)
        self.vm.changed.connect(self._show)
        self.vm.saved.connect(lambda _t: self._clear())
        self.vm.load()

    def _add(self) -> None:
        self.vm.add(self.name.text(), Role(self.role.currentData()), self.password.text(), self.pin.text())

    def _clear(self) -> None:
        for field in (self.name, self.password, self.pin):
            field.clear()

    def _show(self) -> None:
        fill(
            self.table,
            [
                [
                    u.name,
                    u.role.value,
                    "yes" if u.active else "no",
                    "yes" if u.has_pin else "—",
                    local_time(u.locked_until) if u.locked_until else "—",
                ]
                for u in self.vm.users
            ],
        )
