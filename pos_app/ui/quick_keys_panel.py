"""The quick-keys grid beside the cart: a row of pages (bakery, drinks, bags), then the page's
keys, each in its colour with its label and price. A tap adds the product like a scan."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos_app.ui.checkout_style import till_button
from pos_app.viewmodels.quick_keys import KeyView, QuickKeysViewModel

# Each palette name as (background, text): shades chosen so the label stays readable.
KEY_COLOURS = {
    "grey": ("#e2e8f0", "#0f172a"),
    "blue": ("#2563eb", "#ffffff"),
    "green": ("#15803d", "#ffffff"),
    "amber": ("#fbbf24", "#1f2937"),
    "red": ("#dc2626", "#ffffff"),
    "purple": ("#7c3aed", "#ffffff"),
    "teal": ("#0f766e", "#ffffff"),
    "pink": ("#db2777", "#ffffff"),
}
KEY_WIDTH = 120  # a column more for every this many px of the panel's width
KEY_HEIGHT = 64
PAGES_PER_ROW = 4


def key_style(colour: str) -> str:
    background, text = KEY_COLOURS.get(colour, KEY_COLOURS["grey"])
    return (
        f"QPushButton {{ background: {background}; border: 1px solid #94a3b8; border-radius: 10px; }}"
        f"QPushButton:pressed {{ border: 3px solid #0f172a; }}"
        f"QPushButton:disabled {{ background: #f1f5f9; }}"
        f"QLabel {{ color: {text}; background: transparent; }}"
    )


class QuickKey(QPushButton):
    """A key: its label (wrapped onto two lines if need be) over its price."""

    def __init__(self, key: KeyView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickKey")
        self.setAutoDefault(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus for the scanner
        self.setMinimumSize(KEY_WIDTH // 2, KEY_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.label = QLabel(key.label)
        self.label.setObjectName("quickKeyLabel")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.price = QLabel(key.price or self.tr("not sold"))
        self.price.setObjectName("quickKeyPrice")
        self.price.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.label, self.price):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.price)
        self.setStyleSheet(key_style(key.colour if key.sold else "grey"))
        self.setAccessibleName(
            self.tr("Quick key {label}, {price}").format(
                label=key.label, price=key.price or self.tr("not sold")
            )
        )
        self.setToolTip(
            f"{key.product}  ·  {key.price}"
            if key.sold
            else self.tr("no longer sold: a manager can change it")
        )


class QuickKeysPanel(QFrame):
    edit_requested = Signal()

    def __init__(self, vm: QuickKeysViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.setObjectName("quickKeys")
        self.setProperty("card", True)
        self.setAccessibleName(self.tr("Quick keys"))
        self.page_buttons: list[QPushButton] = []
        self.keys: list[QuickKey] = []
        self._columns = 3
        self.pages_row = QGridLayout()
        self.pages_row.setSpacing(0)
        self.edit_button = till_button(self.tr("Edit keys"), self.tr("Edit quick keys"))
        self.edit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit_button.clicked.connect(self.edit_requested)
        top = QHBoxLayout()
        top.addLayout(self.pages_row, 1)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        self.empty = QLabel(self.tr("No quick keys yet. A manager sets them up with “Edit keys”."))
        self.empty.setWordWrap(True)
        self.empty.setProperty("muted", True)
        self.grid_widget = QWidget()
        self.grid_widget.setObjectName("quickKeyGrid")
        self.grid = QGridLayout(self.grid_widget)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.key_area = QScrollArea()
        self.key_area.setWidget(self.grid_widget)
        self.key_area.setWidgetResizable(True)
        self.key_area.setFrameShape(QFrame.Shape.NoFrame)
        self.key_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.key_area.setMinimumHeight(KEY_HEIGHT * 2 + 6)
        self.key_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.key_area.setObjectName("quickKeyArea")  # a tap leaves the scanner's field focused
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.key_area, 1)
        vm.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        vm = self.vm
        for button in self.page_buttons:
            button.hide()
            button.deleteLater()
        self.page_buttons = []
        names = vm.pages
        for n, name in enumerate(names if len(names) > 1 else []):  # one page needs no tab
            button = till_button(name, self.tr("Quick keys page {name}").format(name=name), "segment")
            button.setCheckable(True)
            button.setChecked(n == vm.page)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, page=n: self.vm.show_page(page))
            self.pages_row.addWidget(button, n // PAGES_PER_ROW, n % PAGES_PER_ROW)
            self.page_buttons.append(button)
        self.edit_button.setVisible(vm.can_edit)
        self.empty.setVisible(not names)
        self.key_area.setVisible(bool(names))
        self._lay_keys()

    def _lay_keys(self) -> None:
        for key in self.keys:
            key.hide()
            key.deleteLater()
        self.keys = []
        for n, view in enumerate(self.vm.keys):
            key = QuickKey(view)
            key.clicked.connect(lambda _=False, index=n: self.vm.press(index))
            self.grid.addWidget(key, n // self._columns, n % self._columns)
            self.keys.append(key)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 1 if column < self._columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        columns = max(2, (event.size().width() - 20) // KEY_WIDTH)  # the panel's own: its children lag
        if columns != self._columns:
            self._columns = columns
            self._lay_keys()
