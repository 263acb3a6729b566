"""The quick keys beside the cart: a page at a time, each key adding its product like a scan."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from pos_app.domain.errors import PosError
from pos_app.domain.quick_keys import QuickKeys
from pos_app.viewmodels.money_text import money
from pos_app.viewmodels.open_sale import OpenSale
from pos_app.viewmodels.session import Session


@dataclass(frozen=True)
class KeyView:
    label: str
    colour: str
    sku: str
    price: str  # '' when the product is no longer sold
    product: str  # the product's own name, for the key's tooltip

    @property
    def sold(self) -> bool:
        return bool(self.price)


class QuickKeysViewModel(QObject):
    changed = Signal()  # pages or keys to show changed (settings saved here or pulled by sync)

    def __init__(self, session: Session, sale: OpenSale, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.sale = sale
        self._layout = QuickKeys()
        self._keys: list[list[KeyView]] = []
        self._page = 0
        session.settings_changed.connect(self.reload)
        self.reload()

    @property
    def pages(self) -> list[str]:
        return [page.name for page in self._layout.pages]

    @property
    def page(self) -> int:
        return self._page

    @property
    def keys(self) -> list[KeyView]:
        """The keys of the page shown."""
        return self._keys[self._page] if self._keys else []

    @property
    def can_edit(self) -> bool:
        return self.session.is_manager

    def reload(self) -> None:
        """Read the keys and their products' prices again (one read for every page)."""
        services, currency = self.session.services, self.session.settings.currency
        try:
            layout = services.quick_keys.current()
            products = services.quick_keys.products(layout.skus) if layout.skus else {}
        except PosError as exc:
            self.sale.refuse(exc.message)
            return
        self._layout = layout
        self._keys = [
            [
                KeyView(
                    key.label,
                    key.colour,
                    key.sku,
                    money(products[key.sku].price, currency) if key.sku in products else "",
                    products[key.sku].name if key.sku in products else "",
                )
                for key in page.keys
            ]
            for page in layout.pages
        ]
        self._page = min(self._page, max(len(self._keys) - 1, 0))
        self.changed.emit()

    def show_page(self, page: int) -> None:
        if 0 <= page < len(self._keys) and page != self._page:
            self._page = page
            self.changed.emit()

    def press(self, index: int) -> bool:
        """Add the key's product to the sale, as a scan of it would."""
        keys = self.keys
        if not 0 <= index < len(keys):
            return False
        key = keys[index]
        if not key.sold:
            return self.sale.refuse(
                self.tr("“{0}” is not sold any more: a manager can change the key").format(key.label)
            )
        return self.sale.add_sku(key.sku)
