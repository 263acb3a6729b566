"""Manager screen: the log-ins of this shop: add one, stop or restart one, new password or PIN, unlock."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
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
from pos_app.viewmodels.names import role_name
from pos_app.viewmodels.session import Session


class UsersDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Users"))
        self.resize(640, 640)
        self.vm = UsersViewModel(session, self)
        self.table = make_table(
            (
                str(QT_TRANSLATE_NOOP("OrderTables", "Name")),
                str(QT_TRANSLATE_NOOP("OrderTables", "Role")),
                str(QT_TRANSLATE_NOOP("OrderTables", "Active")),
                str(QT_TRANSLATE_NOOP("OrderTables", "PIN")),
                str(QT_TRANSLATE_NOOP("OrderTables", "Locked until")),
            ),
            "users",
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.selected_box = self._selected_box()
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in (Role.CLERK, Role.MANAGER, Role.CUSTOMER):
            self.role.addItem(role_name(role).capitalize(), role)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("optional, 4-8 digits"))
        self.add = QPushButton(self.tr("Add user"))
        self.add.setObjectName("primary")
        box = QGroupBox(self.tr("New user"))
        form = QFormLayout(box)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow("", self.add)
        self.line = MessageLine(self.vm)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.selected_box)
        layout.addWidget(box)
        layout.addWidget(self.line)
        self.add.clicked.connect(self._add)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.toggle_active.clicked.connect(lambda: self._on_selected(self._toggle_active))
        self.unlock.clicked.connect(lambda: self._on_selected(self.vm.unlock))
        self.reset_password.clicked.connect(
            lambda: self._on_selected(lambda n: self.vm.reset_password(n, self.new_password.text()))
        )
        self.set_pin.clicked.connect(
            lambda: self._on_selected(lambda n: self.vm.set_pin(n, self.new_pin.text()))
        )
        self.clear_pin.clicked.connect(lambda: self._on_selected(lambda n: self.vm.set_pin(n, None)))
        self.vm.changed.connect(self._show)
        self.vm.saved.connect(lambda _t: self._clear())
        self.vm.load()

    def _selected_box(self) -> QGroupBox:
        self.toggle_active = QPushButton(self.tr("Deactivate"))
        self.unlock = QPushButton(self.tr("Unlock"))
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_password = QPushButton(self.tr("Reset password"))
        self.new_pin = QLineEdit()
        self.new_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pin.setPlaceholderText(self.tr("4-8 digits"))
        self.set_pin = QPushButton(self.tr("Set PIN"))
        self.clear_pin = QPushButton(self.tr("Remove PIN"))
        for button in (self.toggle_active, self.unlock, self.reset_password, self.set_pin, self.clear_pin):
            button.setAutoDefault(False)  # Enter must never deactivate or unlock by accident
        box = QGroupBox(self.tr("Selected user"))
        form = QFormLayout(box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.toggle_active)
        buttons.addWidget(self.unlock)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow(self.tr("New password"), _row(self.new_password, self.reset_password))
        form.addRow(self.tr("New PIN"), _row(self.new_pin, self.set_pin, self.clear_pin))
        box.setEnabled(False)
        return box

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a new password or PIN applies it, rather than pressing "Add user".
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        targets: dict[QWidget, QPushButton] = {
            self.new_password: self.reset_password,
            self.new_pin: self.set_pin,
        }
        target = targets.get(self.focusWidget())
        if enter and target is not None:
            target.click()
            return
        super().keyPressEvent(event)

    def selected_name(self) -> str | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.vm.users) or not self.table.selectedItems():
            return None
        return self.vm.users[row].name

    def _on_selected(self, act: Callable[[str], None]) -> None:
        name = self.selected_name()
        if name is not None:
            act(name)

    def _toggle_active(self, name: str) -> None:
        user = self.vm.user(name)
        if user is not None:
            self.vm.set_active(name, not user.active)

    def _selection_changed(self) -> None:
        user = self.vm.user(self.selected_name() or "")
        self.selected_box.setEnabled(user is not None)
        self.selected_box.setTitle(
            self.tr("Selected user: {0}").format(user.name) if user else self.tr("Selected user")
        )
        self.toggle_active.setText(
            self.tr("Activate") if user is not None and not user.active else self.tr("Deactivate")
        )
        self.unlock.setEnabled(user is not None and user.locked_until is not None)

    def _add(self) -> None:
        self.vm.add(self.name.text(), Role(self.role.currentData()), self.password.text(), self.pin.text())

    def _clear(self) -> None:
        for field in (self.name, self.password, self.pin, self.new_password, self.new_pin):
            field.clear()

    def _show(self) -> None:
        name = self.selected_name()
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
        for n, u in enumerate(self.vm.users):
            if u.name == name:
                self.table.selectRow(n)
        self._selection_changed()


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(widgets[0], 1)
    for widget in widgets[1:]:
        row.addWidget(widget)
    return row
