"""A manager sets up the quick keys: pages on the left, the chosen page's keys in the middle, the
key being made or changed on the right (label, product, colour). Saved for every till at once."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.quick_keys import COLOURS, LABEL_MAX, PAGE_NAME_MAX
from pos_app.ui.checkout_style import apply_till_style, show_message, till_button
from pos_app.ui.name_search import NameSearch
from pos_app.ui.quick_keys_panel import KEY_COLOURS, KEY_WIDTH, QuickKey
from pos_app.viewmodels.product_search import ProductSearch
from pos_app.viewmodels.quick_key_editor import QuickKeyEditor
from pos_app.viewmodels.session import Session


def swatch(colour: str) -> QIcon:
    """A key's colour as a small rounded square, for lists (a selected row keeps it visible)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(KEY_COLOURS[colour][0]))
    painter.setPen(QColor("#94a3b8"))
    painter.drawRoundedRect(1, 1, 30, 30, 6, 6)
    painter.end()
    return QIcon(pixmap)


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("card", True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 10, 12, 12)
    layout.setSpacing(8)
    heading = QLabel(title)
    heading.setProperty("heading", True)
    layout.addWidget(heading)
    return frame, layout


class QuickKeysEditor(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = QuickKeyEditor(session, self)
        self.search = ProductSearch(session, self)
        self.product_sku = ""
        self._discard_asked = False
        self.setWindowTitle(self.tr("Quick keys"))
        self.setAccessibleName(self.tr("Quick keys editor"))
        apply_till_style(self)
        room = self.screen().availableGeometry()
        self.resize(min(980, room.width()), min(680, room.height()))

        pages, pages_layout = _card(self.tr("PAGES"))
        self.pages = QListWidget()
        self.pages.setAccessibleName(self.tr("Quick-key pages"))
        self.page_name = QLineEdit()
        self.page_name.setMaxLength(PAGE_NAME_MAX)
        self.page_name.setPlaceholderText(self.tr("Page name, e.g. Bakery"))
        self.page_name.setAccessibleName(self.tr("Page name"))
        self.add_page_button = till_button(self.tr("Add page"), self.tr("Add page"))
        self.rename_button = till_button(self.tr("Rename"), self.tr("Rename page"))
        self.page_left = till_button("◀", self.tr("Move page earlier"))
        self.page_right = till_button("▶", self.tr("Move page later"))
        self.remove_page_button = till_button(self.tr("Remove"), self.tr("Remove page"), "danger")
        page_buttons = QGridLayout()
        page_buttons.addWidget(self.add_page_button, 0, 0, 1, 2)
        page_buttons.addWidget(self.rename_button, 0, 2)
        page_buttons.addWidget(self.page_left, 1, 0)
        page_buttons.addWidget(self.page_right, 1, 1)
        page_buttons.addWidget(self.remove_page_button, 1, 2)
        pages_layout.addWidget(self.pages, 1)
        pages_layout.addWidget(self.page_name)
        pages_layout.addLayout(page_buttons)

        keys, self.keys_layout = _card(self.tr("KEYS ON THIS PAGE"))
        self.keys = QListWidget()
        self.keys.setAccessibleName(self.tr("Keys on this page"))
        self.keys.setWordWrap(True)
        self.keys.setIconSize(QSize(32, 32))
        self.keys.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.key_up = till_button(self.tr("▲ Earlier"), self.tr("Move key earlier"))
        self.key_down = till_button(self.tr("▼ Later"), self.tr("Move key later"))
        self.remove_key_button = till_button(self.tr("Remove key"), self.tr("Remove key"), "danger")
        key_buttons = QHBoxLayout()
        for button in (self.key_up, self.key_down, self.remove_key_button):
            key_buttons.addWidget(button)
        self.keys_layout.addWidget(self.keys, 1)
        self.keys_layout.addLayout(key_buttons)

        form, form_layout = _card(self.tr("KEY"))
        self.label = QLineEdit()
        self.label.setMaxLength(LABEL_MAX)
        self.label.setPlaceholderText(self.tr("Label (empty: the product's name)"))
        self.label.setAccessibleName(self.tr("Key label"))
        self.product = NameSearch(self.search)
        self.product.setPlaceholderText(self.tr("Product: scan, SKU or name"))
        self.product.setAccessibleName(self.tr("Key product"))
        self.product_label = QLabel(self.tr("No product chosen"))
        self.product_label.setWordWrap(True)
        self.product_label.setProperty("muted", True)
        self.colours = QButtonGroup(self)
        swatches = QGridLayout()
        swatches.setSpacing(6)
        for n, colour in enumerate(COLOURS):
            swatch = QPushButton()
            swatch.setCheckable(True)
            swatch.setAutoDefault(False)
            swatch.setAccessibleName(self.tr("Colour {0}").format(colour))
            swatch.setToolTip(colour)
            swatch.setProperty("colour", colour)
            swatch.setMinimumSize(48, 48)
            background, _text = KEY_COLOURS[colour]
            swatch.setStyleSheet(
                f"QPushButton {{ background: {background}; border: 1px solid #94a3b8; border-radius: 8px; }}"
                "QPushButton:checked { border: 4px solid #0f172a; }"
            )
            self.colours.addButton(swatch, n)
            swatches.addWidget(swatch, n // 4, n % 4)
        self.colours.button(0).setChecked(True)
        self.add_key_button = till_button(self.tr("Add key"), self.tr("Add key to this page"))
        self.update_key_button = till_button(self.tr("Change key"), self.tr("Change the selected key"))
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.add_key_button)
        form_buttons.addWidget(self.update_key_button)
        colour_heading = QLabel(self.tr("COLOUR"))
        colour_heading.setProperty("heading", True)
        for widget in (self.label, self.product, self.product_label, colour_heading):
            form_layout.addWidget(widget)
        form_layout.addLayout(swatches)
        looks = QLabel(self.tr("AT THE TILL"))
        looks.setProperty("heading", True)
        form_layout.addWidget(looks)
        self.preview_row = QHBoxLayout()
        self.preview_row.addStretch(1)
        self.preview: QuickKey | None = None
        form_layout.addLayout(self.preview_row)
        form_layout.addStretch(1)
        form_layout.addLayout(form_buttons)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing() + 22)
        show_message(self.message, "", error=False)
        self.close_button = till_button(self.tr("Close  (Esc)"), self.tr("Close quick keys"))
        self.save_button = till_button(self.tr("Save for every till"), self.tr("Save quick keys"), "go")
        bottom = QHBoxLayout()
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.save_button, 2)
        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addWidget(pages, 3)
        columns.addWidget(keys, 4)
        columns.addWidget(form, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(10)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self._bind()
        self.refresh()
        self._show_preview()
        self.page_name.setFocus()

    def _bind(self) -> None:
        vm = self.vm
        vm.changed.connect(self.refresh)
        vm.message.connect(lambda text, error: show_message(self.message, text, error=error))
        vm.saved.connect(self.accept)
        self.pages.currentRowChanged.connect(self._page_chosen)
        self.keys.currentRowChanged.connect(self._key_chosen)
        self.page_name.returnPressed.connect(self.add_page)
        self.add_page_button.clicked.connect(self.add_page)
        self.rename_button.clicked.connect(lambda: vm.rename_page(self.page, self.page_name.text()))
        self.page_left.clicked.connect(lambda: self._select_page(vm.move_page(self.page, -1)))
        self.page_right.clicked.connect(lambda: self._select_page(vm.move_page(self.page, 1)))
        self.remove_page_button.clicked.connect(lambda: vm.remove_page(self.page))
        self.key_up.clicked.connect(lambda: self._select_key(vm.move_key(self.page, self.key, -1)))
        self.key_down.clicked.connect(lambda: self._select_key(vm.move_key(self.page, self.key, 1)))
        self.remove_key_button.clicked.connect(lambda: vm.remove_key(self.page, self.key))
        self.product.picked.connect(self._product_chosen)
        self.product.not_found.connect(self._code_typed)
        self.add_key_button.clicked.connect(self.add_key)
        self.update_key_button.clicked.connect(self.update_key)
        self.save_button.clicked.connect(vm.save)
        self.label.textChanged.connect(self._show_preview)
        self.colours.idToggled.connect(self._colour_toggled)
        self.close_button.clicked.connect(self.reject)

    @property
    def page(self) -> int:
        return self.pages.currentRow()

    @property
    def key(self) -> int:
        return self.keys.currentRow()

    @property
    def colour(self) -> str:
        return COLOURS[max(self.colours.checkedId(), 0)]

    def refresh(self) -> None:
        page = self.page
        self.pages.blockSignals(True)
        self.pages.clear()
        self.pages.addItems(self.vm.pages)
        self.pages.blockSignals(False)
        self._select_page(min(max(page, 0), self.pages.count() - 1))

    def _select_page(self, page: int) -> None:
        self.pages.setCurrentRow(page)
        self._page_chosen(page)

    def _page_chosen(self, page: int) -> None:
        key = self.key
        self.keys.blockSignals(True)
        self.keys.clear()
        for view in self.vm.keys(page):
            item = QListWidgetItem(swatch(view.colour), f"{view.label}\n{self.vm.product_text(view.sku)}")
            item.setToolTip(self.vm.product_text(view.sku))
            self.keys.addItem(item)
        self.keys.blockSignals(False)
        if self.keys.count():
            self._select_key(min(max(key, 0), self.keys.count() - 1))
        has_page = page >= 0
        for button in (self.rename_button, self.page_left, self.page_right, self.remove_page_button):
            button.setEnabled(has_page)
        for widget in (self.add_key_button, self.label, self.product):
            widget.setEnabled(has_page)
        self._key_buttons()

    def _select_key(self, key: int) -> None:
        self.keys.setCurrentRow(key)

    def _key_chosen(self, key: int) -> None:
        keys = self.vm.keys(self.page)
        if 0 <= key < len(keys):
            view = keys[key]
            self.label.setText(view.label)
            self.product_sku = view.sku
            self.product_label.setText(self.vm.product_text(view.sku))
            self.colours.button(COLOURS.index(view.colour)).setChecked(True)
        self._key_buttons()
        self._show_preview()

    def _colour_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._show_preview()

    def _show_preview(self) -> None:
        if self.preview is not None:
            self.preview.hide()
            self.preview.deleteLater()
        self.preview = QuickKey(self.vm.preview(self.label.text(), self.product_sku, self.colour))
        self.preview.setFixedWidth(KEY_WIDTH)
        self.preview_row.insertWidget(0, self.preview)

    def _key_buttons(self) -> None:
        has_key = self.key >= 0
        for button in (self.key_up, self.key_down, self.remove_key_button, self.update_key_button):
            button.setEnabled(has_key)

    def add_page(self) -> None:
        if self.vm.add_page(self.page_name.text()):
            self.page_name.clear()
            self._select_page(self.pages.count() - 1)
            self.product.setFocus()

    def _product_chosen(self, sku: str) -> None:
        self.product_sku = sku
        self.product_label.setText(self.vm.product_text(sku))
        self._show_preview()

    def _code_typed(self, code: str) -> None:
        product = self.vm.find(code)
        if product is not None:
            self._product_chosen(product.sku)
            self.product.clear()

    def add_key(self) -> None:
        if self.vm.add_key(self.page, self.label.text(), self._code(), self.colour):
            self._select_key(self.keys.count() - 1)  # the form shows it: change it, or make the next
            self.product.setFocus()

    def update_key(self) -> None:
        key = self.key
        if self.vm.update_key(self.page, key, self.label.text(), self._code(), self.colour):
            self._select_key(key)

    def _code(self) -> str:
        return self.product.text().strip() or self.product_sku

    def reject(self) -> None:
        if self.vm.dirty and not self._discard_asked:
            self._discard_asked = True
            show_message(
                self.message,
                self.tr("The keys are not saved: Close again to leave them as they were."),
                error=True,
            )
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # Enter belongs to the fields; no default button
        super().keyPressEvent(event)
