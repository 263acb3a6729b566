"""The catalogue: products, lookup by scan or name, CSV import and export."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pos_app.domain.barcode import validate_barcode
from pos_app.domain.catalog_csv import PRODUCT_COLUMNS, REQUIRED_COLUMNS
from pos_app.domain.errors import InvalidInput, NotFound
from pos_app.domain.money import parse_amount, plain_amount
from pos_app.domain.numbers import (
    AMOUNT,
    ON_HAND,
    ON_HAND_GRAMS,
    TAX_RATE_BP,
    check_int,
    parse_int,
    parse_scaled,
)
from pos_app.domain.policy import Action, require
from pos_app.domain.records import Product
from pos_app.domain.settings import StoreSettings
from pos_app.domain.text import bad_character, escape_controls
from pos_app.domain.users import Actor
from pos_app.domain.variable_measure import GRAMS_PER_KG, Label, SoldBy, qty_text, read_label
from pos_app.services.guard import Guard
from pos_app.store.files import open_new_text
from pos_app.store.ids import new_id, utc_now
from pos_app.store.uow import Database

CSV_HEADER = list(PRODUCT_COLUMNS)
IMPORT_BATCH = 2000
Progress = Callable[[int, int], None]


def parse_tax_rate(text: str) -> int:
    """'20' or '20.0' percent -> 2000 basis points (ASCII digits, at most 2 decimals)."""
    try:
        return parse_scaled(text, 2, TAX_RATE_BP, what="a percentage")
    except InvalidInput:
        shown = escape_controls(text.strip()[:20])
        raise InvalidInput(f"'{shown}' is not a tax rate between 0 and 100 with at most 2 decimals") from None


def check_sku(sku: str) -> str:
    sku = sku.strip()
    if bad_character(sku[:64]):
        raise InvalidInput(f"SKU '{escape_controls(sku[:64])}' holds a control character; remove it")
    if not sku or len(sku) > 64 or any(c.isspace() for c in sku) or bad_character(sku):
        raise InvalidInput(f"SKU '{escape_controls(sku[:64])}' must be 1-64 characters without spaces")
    return sku


def check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise InvalidInput("a product needs a name of 1-200 characters")
    if bad_character(name):
        raise InvalidInput("a product name cannot hold control characters")
    return name


CATEGORY_MAX = 60


def check_category(category: str) -> str:
    """A product's category as reports group by it: spaces collapsed, '' for none."""
    category = " ".join(category.split())
    if len(category) > CATEGORY_MAX:
        raise InvalidInput(f"a category is at most {CATEGORY_MAX} characters")
    if bad_character(category):
        raise InvalidInput("a category cannot hold control characters")
    return category


# A spreadsheet runs a cell starting with one of these as a formula (CSV injection): exports
# put an apostrophe before such text, as OWASP advises, and imports take it off again.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _needs_apostrophe(text: str) -> bool:
    # Text already starting with an apostrophe before such a character gets one more, so that
    # unescape_cell(escape_cell(x)) == x for every x.
    return text.startswith(_FORMULA_START) or (
        text.startswith("'") and text[1:].startswith((*_FORMULA_START, "'"))
    )


def escape_cell(text: str) -> str:
    """Text for a CSV cell that a spreadsheet shows as text; unescape_cell takes it back."""
    return "'" + text if _needs_apostrophe(text) else text


def unescape_cell(text: str) -> str:
    if text.startswith("'") and text[1:].startswith((*_FORMULA_START, "'")):
        return text[1:]
    return text


@dataclass(frozen=True)
class ImportRow:
    sku: str
    barcode: str | None
    name: str
    price: int
    tax_rate_bp: int
    on_hand: int  # items, or grams sold by weight
    sold_by: SoldBy | None = None  # None: the file does not say (each for a new product)
    category: str | None = None  # None: the file has no category column (kept as it is)


def stock_text(on_hand: int, sold_by: SoldBy) -> str:
    """On-hand as a file holds it: items, or kg with 3 decimals ('12.500')."""
    if sold_by is SoldBy.WEIGHT:
        return f"{Decimal(on_hand).scaleb(-3):f}"
    return str(on_hand)


def parse_stock(text: str, sold_by: SoldBy | None) -> int:
    """On-hand typed or read from a file: whole items, or kg (to the gram) for a weighed product."""
    if sold_by is SoldBy.WEIGHT:
        try:
            return parse_scaled(text.strip() or "0", 3, ON_HAND_GRAMS, what="a weight in kg")
        except InvalidInput as exc:
            if "decimal places" in exc.message:
                raise InvalidInput("stock by weight is kg with at most 3 decimals (a gram)") from None
            raise InvalidInput(
                f"'{escape_controls(text.strip()[:20])}' is not kg of stock from 0 to "
                f"{ON_HAND_GRAMS.high // GRAMS_PER_KG}"
            ) from None
    return parse_int(text.strip() or "0", ON_HAND)


def _parse_row(row: dict[str, str], currency: str) -> ImportRow:
    def field(name: str, parse: Callable[[str], Any]) -> Any:
        try:
            return parse(row.get(name) or "")
        except InvalidInput as exc:
            raise _ColumnError(name, exc.message) from None

    sold_by = field("sold_by", lambda t: SoldBy.parse(t) if t.strip() else None)
    return ImportRow(
        sku=field("sku", lambda t: check_sku(unescape_cell(t))),
        barcode=field("barcode", lambda t: validate_barcode(t) if t.strip() else None),
        name=field("name", lambda t: check_name(unescape_cell(t))),
        price=field("price", lambda t: parse_amount(t, currency)),
        tax_rate_bp=field("tax_rate", parse_tax_rate),
        on_hand=field("on_hand", lambda t: parse_stock(t, sold_by)),
        sold_by=sold_by,
        category=(
            field("category", lambda t: check_category(unescape_cell(t))) if "category" in row else None
        ),
    )


@dataclass(frozen=True)
class ImportResult:
    products: int  # added or updated
    levels_set: int  # stock levels booked from the file (new products; counted ones)
    levels_ignored: int = 0  # existing products whose file level differed and was left alone


class _ColumnError(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


MAX_IMPORT_BYTES = 256 * 1024 * 1024


def _csv_lines(path: Path) -> Iterator[str]:
    """The file's lines as text, read as they are needed (a big catalogue is never all in
    memory): strict UTF-8 (a BOM is allowed), no NUL bytes; else say which line."""
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise InvalidInput(f"{path.name} is larger than {MAX_IMPORT_BYTES // 2**20} MB: split it")
    # No UTF-8 sequence holds a newline byte, so the file can be split on b"\n" first.
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    line = 0
    with path.open("rb") as handle:
        for line, data in enumerate(handle, 1):
            if line == 1 and data.startswith(codecs.BOM_UTF8):
                data = data[len(codecs.BOM_UTF8) :]
            try:
                text = decoder.decode(data)
            except UnicodeDecodeError:
                # Spreadsheets often save in their own encoding; say so rather than crash.
                raise InvalidInput(
                    f"{path.name} line {line}: the file is not UTF-8 text (save it as CSV UTF-8)"
                ) from None
            if "\0" in text:
                raise InvalidInput(f"{path.name} line {line}: a NUL byte; this is not a CSV text file")
            yield text
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InvalidInput(
            f"{path.name} line {line}: the file is not UTF-8 text (save it as CSV UTF-8)"
        ) from None


def _read_rows(path: Path, currency: str) -> Iterator[tuple[int, ImportRow]]:
    reader = csv.DictReader(_csv_lines(path), strict=True)
    start = 1  # the line the row being read starts on (a quoted field may span lines)
    try:
        header = [h.strip() for h in reader.fieldnames or []]
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise InvalidInput(f"{path.name} line 1: missing column(s) {', '.join(missing)}")
        reader.fieldnames = header
        start = reader.line_num + 1
        for row in reader:
            try:
                yield start, _parse_row(row, currency)
            except _ColumnError as exc:
                raise InvalidInput(f"{path.name} line {start}, column {exc.column}: {exc.message}") from None
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InvalidInput(f"{path.name} line {start}: {_csv_problem(str(exc))}") from None


def _csv_problem(message: str) -> str:
    if message == "unexpected end of data":
        return "a quoted field is not closed"
    if message.startswith("field larger than field limit"):
        return f"a field is longer than {csv.field_size_limit():,} characters"
    if "expected after" in message:
        return 'a quote inside a quoted field must be doubled ("")'
    return message


def measure_change(product: Product, sold_by: SoldBy | None) -> str:
    """Why a product cannot switch between sold each and sold by weight now (None: a file that
    does not say how it is sold, for a product sold by weight)."""
    if sold_by is None:
        how = _how(product.sold_by)
        return f"{product.sku} is sold {how}: say so in the sold_by column (on_hand is then kg)"
    stock = qty_text(product.on_hand, product.sold_by)
    return f"{product.sku} has {stock} in stock: count it to 0 before selling it {_how(sold_by)}"


def _how(sold_by: SoldBy) -> str:
    return "by weight" if sold_by is SoldBy.WEIGHT else "each"


@dataclass(frozen=True)
class Scanned:
    product: Product
    label: Label | None = None  # set when the code was a scale label: one item of this weight or price


class CatalogService:
    def __init__(self, db: Database, currency: Callable[[], str], guard: Guard) -> None:
        self.db = db
        self.currency = currency
        self.guard = guard

    def find(self, code: str) -> Product:
        """A scanned barcode or a typed SKU."""
        code = code.strip()
        with self.db.read() as uow:
            product = uow.products.by_barcode(code) if code.isdigit() else None
            product = product or uow.products.by_sku(code)
        if product is None or not product.active:
            raise NotFound(f"no product with barcode or SKU '{code}'")
        return product

    def scan(self, code: str) -> Scanned:
        """A scanned barcode or typed SKU, or a scale label (GS1 02/20-29) in the shop's layout.

        A code that is a product's barcode or SKU is that product; otherwise a scale label is the
        product whose barcode is the label's item code with zeros for the weight or price."""
        code = code.strip()
        with self.db.read() as uow:
            product = uow.products.by_barcode(code) if code.isdigit() else None
            product = product or uow.products.by_sku(code)
            label = None
            if product is None:
                label = read_label(code, StoreSettings.from_text(uow.settings.all()).label_layout)
                product = uow.products.by_barcode(label.item_barcode) if label else None
        if product is None or not product.active:
            if label is not None:
                raise NotFound(f"no product with the item code of label {code}")
            raise NotFound(f"no product with barcode or SKU '{code}'")
        return Scanned(product, label)

    def product(self, actor: Actor, sku: str) -> Product:
        """The product with `sku` for editing, even when it is no longer sold (inactive)."""
        require(actor, Action.MANAGE_CATALOG)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.MANAGE_CATALOG)
            product = uow.products.by_sku(sku)
        if product is None:
            raise NotFound(f"no product with SKU {sku}")
        return product

    def search(self, words: str, limit: int = 20) -> list[Product]:
        with self.db.read() as uow:
            return uow.products.search(words, limit)

    def add_product(
        self,
        actor: Actor,
        sku: str,
        name: str,
        price: int,
        tax_rate_bp: int,
        barcode: str | None = None,
        track_stock: bool = True,
        sold_by: SoldBy = SoldBy.EACH,
        category: str = "",
    ) -> Product:
        """A new product; sold by weight, `price` is per kg and its stock counts grams."""
        require(actor, Action.MANAGE_CATALOG)
        sku, name, category = check_sku(sku), check_name(name), check_category(category)
        barcode = validate_barcode(barcode) if barcode else None
        check_int(price, AMOUNT, "a price")
        check_int(tax_rate_bp, TAX_RATE_BP)
        with self.db.write() as uow:
            self.guard.check(uow, actor, Action.MANAGE_CATALOG)
            if uow.products.by_sku(sku):
                raise InvalidInput(f"there is already a product with SKU {sku}")
            if barcode and uow.products.by_barcode(barcode):
                raise InvalidInput(f"barcode {barcode} is already on another product")
            uow.products.add(
                {
                    "sku": sku,
                    "barcode": barcode,
                    "name": name,
                    "price": price,
                    "tax_rate_bp": tax_rate_bp,
                    "track_stock": track_stock,
                    "sold_by": SoldBy(sold_by).value,
                    "category": category,
                }
            )
            product = uow.products.by_sku(sku)
        assert product is not None
        return product

    def edit_product(self, actor: Actor, sku: str, **changes: Any) -> Product:
        """Change name, price, tax_rate_bp, barcode, track_stock, active, category or sold_by (only
        while nothing is in stock: on-hand counts items or grams, and cannot mean both)."""
        require(actor, Action.MANAGE_CATALOG)
        allowed = {"name", "price", "tax_rate_bp", "barcode", "track_stock", "active", "sold_by", "category"}
        unknown = set(changes) - allowed
        if unknown:
            raise InvalidInput(f"cannot change {', '.join(sorted(unknown))}")
        if "name" in changes:
            changes["name"] = check_name(changes["name"])
        if "category" in changes:
            changes["category"] = check_category(changes["category"] or "")
        if "barcode" in changes:
            # Empty text clears the barcode: stored as NULL, as two empty strings would clash.
            code = (changes["barcode"] or "").strip()
            changes["barcode"] = validate_barcode(code) if code else None
        if "price" in changes:
            check_int(changes["price"], AMOUNT, "a price")
        if "tax_rate_bp" in changes:
            check_int(changes["tax_rate_bp"], TAX_RATE_BP)
        if "sold_by" in changes:
            changes["sold_by"] = SoldBy(changes["sold_by"])
        with self.db.write() as uow:
            self.guard.check(uow, actor, Action.MANAGE_CATALOG)
            product = uow.products.by_sku(sku)
            if product is None:
                raise NotFound(f"no product with SKU {sku}")
            if changes.get("sold_by", product.sold_by) is product.sold_by:
                changes.pop("sold_by", None)
            else:
                if product.on_hand:
                    raise InvalidInput(measure_change(product, changes["sold_by"]))
                changes["sold_by"] = changes["sold_by"].value
            owner = uow.products.by_barcode(changes["barcode"]) if changes.get("barcode") else None
            if owner is not None and owner.id != product.id:
                raise InvalidInput(f"barcode {changes['barcode']} is already on another product")
            uow.products.update(product.id, changes)
            updated = uow.products.by_sku(sku)
        assert updated is not None
        return updated

    def import_csv(
        self, actor: Actor, path: Path, progress: Progress | None = None, *, set_stock: bool = False
    ) -> int:
        """Add or update products from CSV in one transaction; a bad row imports nothing."""
        return self.import_products(actor, path, progress, set_stock=set_stock).products

    def import_products(
        self, actor: Actor, path: Path, progress: Progress | None = None, *, set_stock: bool = False
    ) -> ImportResult:
        """Add or update products from CSV in one transaction; a bad row imports nothing.

        The on_hand column stocks new products. Existing products keep their level (the file
        may be older than the ledger) unless `set_stock` counts stock: then the difference is
        booked as a count in the user's name."""
        require(actor, Action.MANAGE_CATALOG)
        if set_stock:
            require(actor, Action.ADJUST_STOCK)
        currency = self.currency()
        # First pass checks every row, so nothing is written when one is bad.
        seen_skus: set[str] = set()
        seen_barcodes: set[str] = set()
        total = 0
        for line, row in _read_rows(path, currency):
            if row.sku in seen_skus:
                raise InvalidInput(f"{path.name} line {line}, column sku: {row.sku} appears twice")
            if row.barcode and row.barcode in seen_barcodes:
                raise InvalidInput(f"{path.name} line {line}, column barcode: {row.barcode} appears twice")
            seen_skus.add(row.sku)
            if row.barcode:
                seen_barcodes.add(row.barcode)
            total += 1
        del seen_skus, seen_barcodes
        done = levels_set = ignored = 0
        with self.db.write() as uow:
            actor = self.guard.check(uow, actor, Action.MANAGE_CATALOG)
            batch: list[tuple[int, ImportRow]] = []
            for line, row in _read_rows(path, currency):
                batch.append((line, row))
                if len(batch) == IMPORT_BATCH:
                    counted = self._write_batch(uow, batch, actor.name, path.name, set_stock=set_stock)
                    levels_set, ignored = levels_set + counted[0], ignored + counted[1]
                    done += len(batch)
                    batch = []
                    if progress:
                        progress(done, total)
            counted = self._write_batch(uow, batch, actor.name, path.name, set_stock=set_stock)
            levels_set, ignored = levels_set + counted[0], ignored + counted[1]
            done += len(batch)
        if progress:
            progress(done, total)
        return ImportResult(done, levels_set, ignored)

    @staticmethod
    def _write_batch(
        uow: Any, batch: list[tuple[int, ImportRow]], user_name: str, source: str, *, set_stock: bool = False
    ) -> tuple[int, int]:
        """Write one batch; (stock levels set, existing levels left as they were)."""
        if not batch:
            return 0, 0
        existing = uow.products.by_skus(r.sku for _line, r in batch)
        # A barcode may already be on a product the file does not mention (or gives another SKU):
        # refuse it by line like any other bad row, inside the transaction so nothing is kept.
        owners = uow.products.by_barcodes(r.barcode for _line, r in batch if r.barcode)
        for line, row in batch:
            owner = owners.get(row.barcode or "")
            if owner is not None and owner.sku != row.sku:
                raise InvalidInput(
                    f"{source} line {line}, column barcode: {row.barcode} is already on product {owner.sku}"
                )
            old = existing.get(row.sku)
            if old is not None and (row.sold_by or SoldBy.EACH) is not old.sold_by:
                raise InvalidInput(
                    f"{source} line {line}, column sold_by: {measure_change(old, row.sold_by)}"
                )
        now = utc_now()
        new_rows, moves = [], []
        ignored = 0
        for _line, row in batch:
            values = {
                "barcode": row.barcode,
                "name": row.name,
                "price": row.price,
                "tax_rate_bp": row.tax_rate_bp,
            }
            if row.sold_by is not None:
                values["sold_by"] = row.sold_by.value
            if row.category is not None:
                values["category"] = row.category
            old = existing.get(row.sku)
            if old is None:
                product_id = new_id()
                new_rows.append(
                    values
                    | {
                        "id": product_id,
                        "sku": row.sku,
                        "track_stock": True,
                        "active": True,
                        "on_hand": 0,
                        "created_at": now,
                        "updated_at": now,
                        "version": 1,
                    }
                )
                if row.on_hand:
                    moves.append({"product_id": product_id, "qty": row.on_hand, "reason": "import"})
            else:
                product_id = old.id
                uow.products.update(product_id, values)
                # A file may be older than the ledger: its level only counts when asked to.
                delta = row.on_hand - old.on_hand
                if delta and set_stock:
                    note = f"counted: {source}"
                    moves.append({"product_id": product_id, "qty": delta, "reason": "count", "note": note})
                elif delta:
                    ignored += 1
        uow.products.add_many(new_rows)
        uow.stock.move(moves, user_name)
        return len(moves), ignored

    def export_csv(
        self, actor: Actor, path: Path, progress: Progress | None = None, *, force: bool = False
    ) -> int:
        """Write the catalogue to a new file (an existing one only with `force`; never the
        database or any SQLite file), through a temporary file renamed into place."""
        require(actor, Action.MANAGE_CATALOG)
        currency = self.currency()
        count = 0
        with self.db.read() as uow:  # before the file is opened: a refused caller writes nothing
            self.guard.check(uow, actor, Action.MANAGE_CATALOG)
        target = open_new_text(path, force=force, protect=[self.db.path], what="the export")
        with self.db.read() as uow, target as handle:
            total = uow.products.count()
            writer = csv.writer(handle)
            writer.writerow(CSV_HEADER)
            for product in uow.products.all_rows():
                rate = Decimal(product.tax_rate_bp).scaleb(-2).normalize()
                writer.writerow(
                    [
                        escape_cell(product.sku),
                        product.barcode or "",
                        escape_cell(product.name),
                        plain_amount(product.price, currency),  # files: a point, whatever the locale
                        f"{rate:f}",
                        stock_text(product.on_hand, product.sold_by),
                        product.sold_by.value,
                        escape_cell(product.category),
                    ]
                )
                count += 1
                if progress and count % IMPORT_BATCH == 0:
                    progress(count, total)
        if progress:
            progress(count, total)
        return count
