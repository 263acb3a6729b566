"""A manager's editor for the quick keys: pages, and on each the keys in order, edited as a copy
and saved at once (the service checks who saves and that every product is sold)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from pos_app.domain.errors import InvalidInput, PosError
from pos_app.domain.quick_keys import LABEL_MAX, MAX_KEYS, QuickKey, QuickKeys, QuickPage, check_quick_keys
from pos_app.domain.records import Product
from pos_app.viewmodels.money_text import money
from pos_app.viewmodels.quick_keys import KeyView
from pos_app.viewmodels.session import Session


class QuickKeyEditor(QObject):
    changed = Signal()  # the copy being edited changed
    message = Signal(str, bool)  # text, is it an error ('' clears)
    saved = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.services = session.services
        self._pages: list[QuickPage] = list(self.services.quick_keys.current().pages)
        self._products: dict[str, Product] = self.services.quick_keys.products(
            QuickKeys(tuple(self._pages)).skus
        )
        self.dirty = False
        self.message_text = ""

    # -- what is shown -------------------------------------------------------------------

    @property
    def pages(self) -> list[str]:
        return [page.name for page in self._pages]

    def keys(self, page: int) -> list[QuickKey]:
        return list(self._pages[page].keys) if 0 <= page < len(self._pages) else []

    def product_text(self, sku: str) -> str:
        """'Blue Mug · MUG · £4.00', or why the key would not sell."""
        product = self._products.get(sku)
        if product is None:
            return self.tr("{0}: not sold").format(sku)
        return f"{product.name}  ·  {sku}  ·  {money(product.price, self.session.settings.currency)}"

    def preview(self, label: str, sku: str, colour: str) -> KeyView:
        """How a key with these would look at the till."""
        product = self._products.get(sku)
        name = product.name if product else ""
        price = money(product.price, self.session.settings.currency) if product else ""
        return KeyView(
            label.strip() or name[:LABEL_MAX].strip() or self.tr("New key"), colour, sku, price, name
        )

    # -- pages ---------------------------------------------------------------------------

    def add_page(self, name: str) -> bool:
        return self._set([*self._pages, QuickPage(name)], self.tr("page “{0}” added").format(name.strip()))

    def rename_page(self, page: int, name: str) -> bool:
        if not 0 <= page < len(self._pages):
            return self._refuse(self.tr("choose a page first"))
        pages = list(self._pages)
        pages[page] = replace(pages[page], name=name)
        return self._set(pages)

    def remove_page(self, page: int) -> bool:
        if not 0 <= page < len(self._pages):
            return self._refuse(self.tr("choose a page first"))
        return self._set(self._pages[:page] + self._pages[page + 1 :])

    def move_page(self, page: int, step: int) -> int:
        """Move a page left (-1) or right (+1); returns where it is now."""
        to = page + step
        if not (0 <= page < len(self._pages) and 0 <= to < len(self._pages)):
            return page
        pages = list(self._pages)
        pages[page], pages[to] = pages[to], pages[page]
        self._set(pages)
        return to

    # -- keys ----------------------------------------------------------------------------

    def find(self, code: str) -> Product | None:
        """The product a barcode or SKU names, or None (and a message)."""
        try:
            product = self.services.catalog.find(code)
        except PosError as exc:
            self._refuse(exc.message)
            return None
        self._products[product.sku] = product
        return product

    def add_key(self, page: int, label: str, code: str, colour: str) -> bool:
        if not 0 <= page < len(self._pages):
            return self._refuse(self.tr("add a page first, then its keys"))
        if len(self._pages[page].keys) >= MAX_KEYS:
            return self._refuse(self.tr("a page holds at most {0} keys: start another page").format(MAX_KEYS))
        key = self._key(label, code, colour)
        if key is None:
            return False
        return self._set_keys(
            page, [*self._pages[page].keys, key], self.tr("key “{0}” added").format(key.label)
        )

    def update_key(self, page: int, index: int, label: str, code: str, colour: str) -> bool:
        keys = self.keys(page)
        if not 0 <= index < len(keys):
            return self._refuse(self.tr("choose a key first"))
        key = self._key(label, code, colour)
        if key is None:
            return False
        keys[index] = key
        return self._set_keys(page, keys, self.tr("key “{0}” changed").format(key.label))

    def remove_key(self, page: int, index: int) -> bool:
        keys = self.keys(page)
        if not 0 <= index < len(keys):
            return self._refuse(self.tr("choose a key first"))
        del keys[index]
        return self._set_keys(page, keys)

    def move_key(self, page: int, index: int, step: int) -> int:
        """Move a key earlier (-1) or later (+1) on its page; returns where it is now."""
        keys, to = self.keys(page), index + step
        if not (0 <= index < len(keys) and 0 <= to < len(keys)):
            return index
        keys[index], keys[to] = keys[to], keys[index]
        self._set_keys(page, keys)
        return to

    # -- saving --------------------------------------------------------------------------

    def save(self) -> None:
        """Save the keys for every till; `saved` or `message` tells how it went."""
        service, actor, keys = self.services.quick_keys, self.session.actor, QuickKeys(tuple(self._pages))
        self.session.runner.submit(lambda: service.save(actor, keys), self._saved, self._failed)

    def _saved(self, _keys: QuickKeys) -> None:
        self.dirty = False
        self._say(self.tr("quick keys saved"), error=False)
        self.session.settings_changed.emit()
        self.saved.emit()

    def _failed(self, exc: Exception) -> None:
        self._refuse(
            exc.message if isinstance(exc, PosError) else self.tr("the keys could not be saved (see the log)")
        )

    # -- internals -----------------------------------------------------------------------

    def _key(self, label: str, code: str, colour: str) -> QuickKey | None:
        if not code.strip():
            self._refuse(self.tr("choose the key's product: scan it, type its SKU or find it by name"))
            return None
        product = self.find(code)
        if product is None:
            return None
        return QuickKey(label.strip() or product.name[:LABEL_MAX].strip(), product.sku, colour)

    def _set_keys(self, page: int, keys: list[QuickKey], note: str = "") -> bool:
        pages = list(self._pages)
        pages[page] = replace(pages[page], keys=tuple(keys))
        return self._set(pages, note)

    def _set(self, pages: list[QuickPage], note: str = "") -> bool:
        try:
            checked = check_quick_keys(QuickKeys(tuple(pages)))
        except InvalidInput as exc:
            return self._refuse(exc.message)
        self._pages = list(checked.pages)
        self.dirty = True
        self._say(note, error=False)
        self.changed.emit()
        return True

    def _refuse(self, text: str) -> bool:
        self._say(text, error=True)
        return False

    def _say(self, text: str, *, error: bool) -> None:
        self.message_text = text
        self.message.emit(text, error)
