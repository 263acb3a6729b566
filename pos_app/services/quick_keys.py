"""The sale screen's quick keys: read by every till, set up by a manager (a shop setting)."""

from __future__ import annotations

from collections.abc import Iterable

from pos_app.domain.errors import NotFound
from pos_app.domain.policy import Action, require
from pos_app.domain.quick_keys import QuickKeys, check_quick_keys
from pos_app.domain.records import Product
from pos_app.domain.users import Actor
from pos_app.services.guard import Guard
from pos_app.services.settings import SettingsService
from pos_app.store.uow import Database


class QuickKeyService:
    def __init__(self, db: Database, settings: SettingsService, guard: Guard) -> None:
        self.db = db
        self.settings = settings
        self.guard = guard

    def current(self) -> QuickKeys:
        """As stored now (not the settings' short cache: a till shows keys just pulled at once)."""
        with self.db.read() as uow:
            return self.settings.read(uow).quick_key_pages

    def products(self, skus: Iterable[str]) -> dict[str, Product]:
        """The products keys name, by SKU (one read); one no longer sold is left out."""
        with self.db.read() as uow:
            found = uow.products.by_skus(set(skus))
        return {sku: product for sku, product in found.items() if product.active}

    def save(self, actor: Actor, keys: QuickKeys) -> QuickKeys:
        """Replace the quick keys; every key must name a product that is sold."""
        require(actor, Action.MANAGE_SETTINGS)
        keys = check_quick_keys(keys)
        with self.db.write() as uow:
            self.guard.check(uow, actor, Action.MANAGE_SETTINGS)
            found = uow.products.by_skus(keys.skus)
            for page in keys.pages:
                for key in page.keys:
                    product = found.get(key.sku)
                    if product is None or not product.active:
                        where = f"key “{key.label}” on page “{page.name}”"
                        raise NotFound(f"{where}: no product with SKU {key.sku}")
            updated = self.settings.write(uow, {"quick_keys": keys})
        self.settings.remember(updated)
        return updated.quick_key_pages
