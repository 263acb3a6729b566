"""Mark an order shipped: the tracking number is asked for in the same step, with the address
shown to check against the parcel. A scanner's Enter after the number confirms."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.records import OrderDetail
from pos_app.domain.text import TRACKING_MAX


class ShipDialog(QDialog):
    """Accepted with `tracking()` once there is a number, or "no tracking number" is ticked."""

    def __init__(self, order: OrderDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ship {0}").format(order.number))
        self.setObjectName("shipDialog")
        self.setMinimumWidth(480)
        heading = QLabel(self.tr("Mark {0} shipped").format(order.number))
        heading.setObjectName("title")
        address = QLabel(order.ship_to or self.tr("— no address on the order"))
        address.setWordWrap(True)
        address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.field = QLineEdit(order.tracking)
        self.field.setObjectName("tracking")
        self.field.setMaxLength(TRACKING_MAX)
        self.field.setPlaceholderText(self.tr("type or scan it"))
        self.field.selectAll()
        self.untracked = QCheckBox(self.tr("&No tracking number (an untracked letter or parcel)"))
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("To"), address)
        form.addRow(self.tr("&Tracking"), self.field)
        form.addRow("", self.untracked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("Mark &shipped"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("primary")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)  # Esc cancels
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.untracked.toggled.connect(self._untracked)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ok.setDefault(True)  # Enter confirms: set once the dialog holds its buttons
        self.field.setFocus()

    def tracking(self) -> str:
        return "" if self.untracked.isChecked() else self.field.text().strip()

    def confirm(self) -> None:
        if not self.tracking() and not self.untracked.isChecked():
            self.error.setText(self.tr("Type or scan the tracking number, or tick “No tracking number”."))
            self.error.setVisible(True)
            self.field.setFocus()
            return
        self.accept()

    def _untracked(self, untracked: bool) -> None:
        self.field.setEnabled(not untracked)
        self.error.setVisible(False)
