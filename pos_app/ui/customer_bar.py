"""Who the sale is for and how they get the goods: the customer, then a segmented choice of
taken now / collect later / delivery (one touch, all three always in view), and the address."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.orders import Fulfilment
from pos_app.ui.checkout_style import till_button

FULFILMENT_NAMES = {  # translated where shown (context "CustomerBar")
    Fulfilment.IN_STORE: QT_TRANSLATE_NOOP("CustomerBar", "Taken now"),
    Fulfilment.PICKUP: QT_TRANSLATE_NOOP("CustomerBar", "Collect later"),
    Fulfilment.DELIVERY: QT_TRANSLATE_NOOP("CustomerBar", "Delivery"),
}


class CustomerBar(QFrame):
    fulfilment_chosen = Signal(object)  # Fulfilment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.setAccessibleName(self.tr("Customer and fulfilment"))
        heading = QLabel(self.tr("CUSTOMER"))
        heading.setProperty("heading", True)
        self.customer_label = QLabel()
        self.customer_label.setAccessibleName(self.tr("Customer on this sale"))
        self.customer_label.setWordWrap(True)
        self.customer_button = till_button(self.tr("Customer  (F4)"), self.tr("Choose customer"))
        self.fulfilment = QButtonGroup(self)
        self.fulfilment_buttons: dict[Fulfilment, QPushButton] = {}
        segments = QHBoxLayout()
        segments.setSpacing(0)
        for value, english in FULFILMENT_NAMES.items():
            name = QCoreApplication.translate("CustomerBar", str(english))
            button = till_button(name, self.tr("Fulfilment: {name}").format(name=name), "segment")
            button.setCheckable(True)
            self.fulfilment.addButton(button)
            self.fulfilment_buttons[value] = button
            segments.addWidget(button)
            button.clicked.connect(lambda _=False, v=value: self.fulfilment_chosen.emit(v))
        self.ship_to = QLineEdit()
        self.ship_to.setPlaceholderText(self.tr("Delivery address"))
        self.ship_to.setAccessibleName(self.tr("Delivery address"))
        who = QVBoxLayout()
        who.setSpacing(0)
        who.addWidget(heading)
        who.addWidget(self.customer_label)
        row = QHBoxLayout()
        row.addLayout(who, 1)
        row.addWidget(self.customer_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addLayout(segments)
        layout.addWidget(self.ship_to)
