"""Find a product by name on the sale screen (F3): suggestions as the clerk types, each shown in
full (name, SKU and price) at the till's type size, in a list as wide as the screen allows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QListView, QWidget

from pos_app.ui.checkout_style import TILL_POPUP_STYLE
from pos_app.viewmodels.product_search import ProductSearch

MARGIN = 18  # from the window's edge
ROOM = 56  # beside the text: padding and a scroll bar


class NameSearch(QLineEdit):
    picked = Signal(str)  # the SKU chosen
    not_found = Signal(str)  # Enter with no suggestion for what was typed

    def __init__(self, search: ProductSearch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = search
        self.setPlaceholderText(self.tr("Find by name  (F3)"))
        self.setAccessibleName(self.tr("Find product by name"))
        self.completer_ = QCompleter(search.model, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(10)
        popup = QListView()
        popup.setObjectName("suggestions")
        popup.setAccessibleName(self.tr("Products found"))
        popup.setWordWrap(True)  # a name longer than the screen is wide goes onto two lines
        popup.setTextElideMode(Qt.TextElideMode.ElideNone)
        popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        popup.setStyleSheet(TILL_POPUP_STYLE)
        self.completer_.setPopup(popup)
        self.setCompleter(self.completer_)
        # The line edit places the list under itself, as wide as itself; it is re-placed (wider,
        # within the window) whenever that happens.
        popup.installEventFilter(self)
        self._wanted = 0  # the width the suggestions shown need
        self.textEdited.connect(self._typed)
        self.returnPressed.connect(self._enter)
        self.completer_.activated.connect(self._picked)  # the text overload

    @property
    def popup(self) -> QListView:
        popup = self.completer_.popup()
        assert isinstance(popup, QListView)
        return popup

    def _typed(self, text: str) -> None:
        if self.search.search(text):
            labels = self.search.model.stringList()
            metrics = self.popup.fontMetrics()
            self._wanted = max((metrics.horizontalAdvance(label) for label in labels), default=0) + ROOM
            self.completer_.complete()

    def popup_rect(self) -> QRect:
        """Where the list goes (screen coordinates): under the field, as wide as its longest
        suggestion needs, moved left rather than past the window's right edge."""
        popup, window = self.popup, self.window()
        width = max(self.width(), min(self._wanted, window.width() - 2 * MARGIN))
        inside = window.mapToGlobal(window.rect().topLeft()).x()
        x = self.mapToGlobal(self.rect().topLeft()).x()
        x = max(min(x, inside + window.width() - MARGIN - width), inside + MARGIN)
        return QRect(x, popup.y(), width, popup.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.popup and event.type() in (QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.Move):
            wanted = self.popup_rect()
            if self.popup.geometry() != wanted:
                self.popup.setGeometry(wanted)
        return super().eventFilter(watched, event)

    def _enter(self) -> None:
        popup = self.popup
        if popup.isVisible():
            if popup.currentIndex().isValid():
                return  # the completer takes the highlighted suggestion itself
            popup.hide()
        labels = self.search.model.stringList()
        if labels:
            self._picked(labels[0])  # Enter without choosing takes the best match
        elif self.text().strip():
            self.not_found.emit(self.text())

    def _picked(self, label: str) -> None:
        sku = self.search.sku_for(label)
        if sku is not None:
            self.picked.emit(sku)
        # The completer writes the label into the field after this; clear it once it has.
        QTimer.singleShot(0, self.clear)
