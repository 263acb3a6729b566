"""The product form: a new product, or changes to one, with each refusal tied to its field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, Signal

from pos_app.domain.errors import InvalidInput, PosError
from pos_app.domain.formatting import editable_amount, parse_money
from pos_app.domain.records import Product
from pos_app.domain.variable_measure import SoldBy
from pos_app.services.catalog import parse_tax_rate
from pos_app.viewmodels.admin import AdminViewModel
from pos_app.viewmodels.session import Session

FIELDS = ("sku", "name", "barcode", "price", "tax_rate", "sold_by", "category")
# The service's refusals are plain sentences; the word they name says which field to mark.
_WORDS = (
    ("sold_by", "in stock: count it"),
    ("category", "category"),
    ("barcode", "barcode"),
    ("sku", "sku"),
    ("price", "price"),
    ("tax_rate", "tax"),
    ("name", "name"),
)


@dataclass(frozen=True)
class ProductInput:
    """The form as typed."""

    sku: str = ""
    name: str = ""
    barcode: str = ""
    price: str = ""
    tax_rate: str = ""
    track_stock: bool = True
    active: bool = True
    sold_by: SoldBy = SoldBy.EACH  # by weight: the price is per kg, stock counts grams
    category: str = ""


def field_of(message: str) -> str:
    """The form field a refusal is about, or '' for the form as a whole."""
    lowered = re.sub(r"'[^']*'", "", message).lower()  # not what was typed, which may hold any word
    return next((key for key, word in _WORDS if word in lowered), "")


def rate_text(basis_points: int) -> str:
    return f"{Decimal(basis_points).scaleb(-2).normalize():f}"


class ProductFormViewModel(AdminViewModel):
    problems = Signal(dict)  # field name ('' for the form) -> message; empty once all is well

    def __init__(
        self, session: Session, product: Product | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(session, parent)
        self.product = product
        self.currency = session.settings.currency

    @property
    def is_new(self) -> bool:
        return self.product is None

    def initial(self) -> ProductInput:
        p = self.product
        if p is None:
            return ProductInput()
        return ProductInput(
            sku=p.sku,
            name=p.name,
            barcode=p.barcode or "",
            price=editable_amount(p.price, self.currency),
            tax_rate=rate_text(p.tax_rate_bp),
            track_stock=p.track_stock,
            active=p.active,
            sold_by=p.sold_by,
            category=p.category,
        )

    def submit(self, typed: ProductInput) -> None:
        """Parse what was typed and save it; `problems` names what stops it, `saved` says it went."""
        problems: dict[str, str] = {}
        numbers: dict[str, int] = {}
        try:
            numbers["price"] = parse_money(typed.price, self.currency)
        except InvalidInput as exc:
            problems["price"] = exc.message
        try:
            numbers["tax_rate_bp"] = parse_tax_rate(typed.tax_rate)
        except InvalidInput as exc:
            problems["tax_rate"] = exc.message
        if problems:
            self.problems.emit(problems)
            return
        catalog, actor, product = self.session.services.catalog, self.session.actor, self.product
        if product is None:
            self._run(
                lambda: catalog.add_product(
                    actor,
                    typed.sku,
                    typed.name,
                    numbers["price"],
                    numbers["tax_rate_bp"],
                    barcode=typed.barcode.strip() or None,
                    track_stock=typed.track_stock,
                    sold_by=typed.sold_by,
                    category=typed.category,
                ),
                lambda p: self._done(self.tr("added {0} {1}").format(p.sku, p.name)),
            )
            return
        wanted: dict[str, Any] = {
            "name": typed.name,
            "barcode": typed.barcode.strip() or None,
            "track_stock": typed.track_stock,
            "active": typed.active,
            "sold_by": typed.sold_by,
            "category": " ".join(typed.category.split()),
            **numbers,
        }
        # Only what changed is sent, so an untouched form leaves the product's version alone.
        changes = {k: v for k, v in wanted.items() if getattr(product, k) != v}
        if not changes:
            self._done(self.tr("{0}: nothing changed").format(product.sku))
            return
        self._run(
            lambda: catalog.edit_product(actor, product.sku, **changes),
            lambda p: self._done(self.tr("saved {0} {1}").format(p.sku, p.name)),
        )

    def _done(self, text: str) -> None:
        self.problems.emit({})
        self.saved.emit(text)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, PosError):
            self.problems.emit({field_of(exc.message): exc.message})
        else:
            self.problems.emit({"": self.tr("that failed; see the log file")})
