"""Find a product by name as the clerk types: a short list from the search index, never the
whole catalogue."""

from __future__ import annotations

from PySide6.QtCore import QObject, QStringListModel

from pos_app.domain.errors import PosError
from pos_app.viewmodels.money_text import money
from pos_app.viewmodels.session import Session

MIN_CHARS = 2
LIMIT = 12


class ProductSearch(QObject):
    """`model` holds the labels a completer shows; `sku_for(label)` maps a pick back."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = QStringListModel(self)
        self._skus: dict[str, str] = {}
        self._last = ""

    def search(self, words: str) -> int:
        """Refresh the suggestions for `words`; returns how many there are."""
        words = " ".join(words.split())
        if words == self._last:
            return len(self._skus)
        self._last = words
        try:
            found = self.session.services.catalog.search(words, LIMIT) if len(words) >= MIN_CHARS else []
        except PosError:
            found = []
        currency = self.session.settings.currency
        labels = [f"{p.name}  ·  {p.sku}  ·  {money(p.price, currency)}" for p in found]
        self._skus = dict(zip(labels, (p.sku for p in found), strict=True))
        self.model.setStringList(labels)
        return len(labels)

    def sku_for(self, label: str) -> str | None:
        return self._skus.get(label)
