"""The first-run window: no database at the path; create a new shop, or quit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.viewmodels.first_run import FirstRunViewModel


class FirstRunDialog(QDialog):
    """Accepted once the new shop exists; rejected by Quit."""

    def __init__(self, vm: FirstRunViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.setWindowTitle(self.tr("No database"))
        self.setObjectName("firstRunDialog")
        self.setMinimumWidth(520)

        self.explanation = QLabel(vm.explanation)
        self.explanation.setWordWrap(True)
        self.explanation.setAccessibleName(self.tr("No database at the path"))
        self.store_name = QLineEdit(self.tr("My shop"))
        self.till = QLineEdit("T1")
        self.manager = QLineEdit()
        self.manager.setPlaceholderText(self.tr("your own user name"))
        self.password = QLineEdit()
        self.again = QLineEdit()
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Store name"), self.store_name)
        form.addRow(self.tr("Till name"), self.till)
        form.addRow(self.tr("Manager's user name"), self.manager)
        form.addRow(self.tr("Manager's password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        for label, field in (
            (self.tr("Store name"), self.store_name),
            (self.tr("Till name"), self.till),
            (self.tr("Manager's user name"), self.manager),
            (self.tr("Manager's password"), self.password),
            (self.tr("Manager's password again"), self.again),
        ):
            field.setAccessibleName(label)

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.create_button = QPushButton(self.tr("Create a new shop"))
        self.create_button.setObjectName("primary")
        self.create_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.create_button.clicked.connect(self._create)
        self.again.returnPressed.connect(self._create)
        self.quit_button.clicked.connect(self.reject)
        vm.error_changed.connect(self._show_error)
        vm.created.connect(self.accept)
        self.manager.setFocus()

    def _create(self) -> None:
        self.vm.create(
            self.store_name.text(),
            self.till.text(),
            self.manager.text(),
            self.password.text(),
            self.again.text(),
        )

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        if message:
            self.password.clear()
            self.again.clear()
