"""The catalogue: CSV import of real shop data, bad rows, export round trip, search and lookup.

Real data: the first invoices of the UCI "Online Retail II" set (a UK gift shop), kept in
/work/shared/data beside the repository; its invoices are also replayed through checkout.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from pos_app.domain.barcode import gtin_check_digit
from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.errors import InvalidInput, NotFound, PermissionDenied
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.services.catalog import CSV_HEADER
from tests.helpers import count, dump, raw, sell

SHOP_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "online_retail_II_sample.csv"
STOCK_EACH = 500


def shop_rows() -> list[dict[str, str]]:
    if not SHOP_DATA.is_file():
        pytest.skip(f"the real shop data is not there ({SHOP_DATA.resolve()}); these tests need it")
    with SHOP_DATA.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def ean13(n: int) -> str:
    body = f"50{n:010d}"
    return body + str(gtin_check_digit(body))


def write_shop_catalog(path: Path) -> dict[str, dict[str, str]]:
    """The shop's products in the import format; returns them by SKU."""
    products: dict[str, dict[str, str]] = {}
    for row in shop_rows():
        products.setdefault(
            row["StockCode"],
            {
                "sku": row["StockCode"],
                "barcode": ean13(len(products) + 1),
                "name": row["Description"],
                "price": row["Price"],
                "tax_rate": "20",
                "on_hand": str(STOCK_EACH),
            },
        )
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, CSV_HEADER)
        writer.writeheader()
        writer.writerows(products.values())
    return products


def pence(text: str) -> int:
    return int(Decimal(text) * 100)


@pytest.fixture
def shop(services: Services, manager: Actor, tmp_path: Path) -> dict[str, dict[str, str]]:
    path = tmp_path / "shop.csv"
    products = write_shop_catalog(path)
    assert services.catalog.import_csv(manager, path) == len(products) == 72
    return products


def test_the_real_catalogue_imports_with_prices_in_pence_and_stock_in_the_ledger(
    services: Services, manager: Actor, shop: dict[str, dict[str, str]]
) -> None:
    lantern = services.catalog.find("71053")
    assert (lantern.name, lantern.price, lantern.tax_rate_bp, lantern.on_hand) == (
        "WHITE METAL LANTERN",
        339,
        2000,
        STOCK_EACH,
    )
    assert services.catalog.find("POST").price == 1800
    # Stray spaces in the shop's descriptions are tidied.
    assert services.catalog.find("22900").name == "SET 2 TEA TOWELS I LOVE LONDON"
    levels = services.stock.levels(manager)
    assert len(levels) == 3 + len(shop)
    assert all(level.on_hand == level.ledger_sum for level in levels)


def test_progress_is_reported(services: Services, manager: Actor, tmp_path: Path) -> None:
    path = tmp_path / "shop.csv"
    products = write_shop_catalog(path)
    calls: list[tuple[int, int]] = []
    services.catalog.import_csv(manager, path, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (len(products), len(products))


def test_real_invoices_replayed_through_checkout_cost_what_the_shop_charged(
    services: Services, clerk: Actor, manager: Actor, shop: dict[str, dict[str, str]]
) -> None:
    invoices: dict[str, list[dict[str, str]]] = {}
    for row in shop_rows():
        invoices.setdefault(row["Invoice"], []).append(row)
    sold: dict[str, int] = {}
    for number, rows in invoices.items():
        expected = sum(int(r["Quantity"]) * pence(r["Price"]) for r in rows)
        cart = Cart(tuple(CartLine(r["StockCode"], int(r["Quantity"])) for r in rows))
        assert services.checkout.quote(cart).priced.total == expected, number
        order = services.checkout.checkout(
            clerk, CheckoutRequest(cart, (Tender(PaymentMethod.CASH, expected),), key=f"invoice-{number}")
        )
        assert order.total == expected == sum(line.total for line in order.lines), number
        assert order.change_given == 0
        # Prices include 20 % VAT: the tax is a sixth of each line, to the penny.
        for line in order.lines:
            assert abs(line.tax * 6 - line.total) <= 6
        for r in rows:
            sold[r["StockCode"]] = sold.get(r["StockCode"], 0) + int(r["Quantity"])
    assert len(services.orders.list_orders(manager, limit=100).rows) == len(invoices) == 14
    for sku, qty in sold.items():
        assert services.stock.levels(manager, sku)[0].on_hand == STOCK_EACH - qty
    assert services.admin.verify(manager).ok


GOOD = "sku,barcode,name,price,tax_rate,on_hand\nSCARF,,Wool Scarf,15.00,20,3\n"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (GOOD + "HAT,,Wool Hat,12.5x,20,3\n", "line 3, column price"),
        (GOOD + "HAT,,Wool Hat,-2.00,20,3\n", "line 3, column price"),
        (GOOD + "HAT,,Wool Hat,1.999,20,3\n", "line 3, column price"),
        (
            GOOD + "HAT,4006381333932,Wool Hat,12.00,20,3\n",
            "line 3, column barcode: barcode '4006381333932' has a wrong check digit",
        ),
        (GOOD + "HAT,12345,Wool Hat,12.00,20,3\n", "line 3, column barcode"),
        (GOOD + "SCARF,,Another Scarf,12.00,20,3\n", "line 3, column sku: SCARF appears twice"),
        (GOOD + "HAT,,Wool Hat,12.00,120,3\n", "line 3, column tax_rate"),
        (GOOD + "HAT,,Wool Hat,12.00,20,lots\n", "line 3, column on_hand"),
        (GOOD + "HAT,,,12.00,20,3\n", "line 3, column name"),
        (GOOD + "BAD SKU,,Wool Hat,12.00,20,3\n", "line 3, column sku"),
        ("sku,barcode,name,tax_rate,on_hand\nSCARF,,Wool Scarf,20,3\n", "line 1: missing column(s) price"),
    ],
    ids=[
        "price-junk",
        "price-negative",
        "price-fraction",
        "barcode-check-digit",
        "barcode-length",
        "duplicate-sku",
        "tax-over-100",
        "stock-not-a-number",
        "no-name",
        "sku-with-space",
        "missing-column",
    ],
)
def test_a_bad_row_names_line_and_column_and_imports_nothing(
    services: Services, manager: Actor, db_path: Path, tmp_path: Path, text: str, where: str
) -> None:
    path = tmp_path / "new.csv"
    path.write_text(text)
    before = dump(db_path)
    with pytest.raises(InvalidInput) as caught:
        services.catalog.import_csv(manager, path)
    assert f"new.csv {where}" in caught.value.message
    assert dump(db_path) == before


def test_a_barcode_already_on_another_product_is_refused_with_its_line(
    services: Services, manager: Actor, db_path: Path, tmp_path: Path
) -> None:
    # 4006381333931 is the Blue Mug's (conftest catalogue).
    path = tmp_path / "new.csv"
    path.write_text(GOOD + "HAT,4006381333931,Wool Hat,12.00,20,3\n")
    before = dump(db_path)
    with pytest.raises(InvalidInput, match=r"new\.csv line 3, column barcode: .*4006381333931.* MUG"):
        services.catalog.import_csv(manager, path)
    assert dump(db_path) == before


def test_a_barcode_on_another_product_is_refused_when_editing(services: Services, manager: Actor) -> None:
    with pytest.raises(InvalidInput, match="4006381333931 is already on another product"):
        services.catalog.edit_product(manager, "TEA", barcode="4006381333931")
    with pytest.raises(InvalidInput, match="already on another product"):
        services.catalog.add_product(manager, "HAT", "Wool Hat", 1200, 2000, barcode="4006381333931")
    assert services.catalog.find("TEA").barcode == "5012345000008"


def test_import_updates_existing_products_but_leaves_their_stock_to_the_ledger(
    services: Services, manager: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "update.csv"
    path.write_text("sku,barcode,name,price,tax_rate,on_hand\nMUG,4006381333931,Blue Mug Large,4.50,20,12\n")
    movements = count(services.db.path, "stock_movements")
    result = services.catalog.import_products(manager, path)
    assert (result.products, result.levels_set, result.levels_ignored) == (1, 0, 1)
    mug = services.catalog.find("MUG")
    assert (mug.name, mug.price, mug.on_hand) == ("Blue Mug Large", 450, 10)
    assert count(services.db.path, "stock_movements") == movements


def test_reimporting_an_older_export_never_rewinds_stock(
    services: Services, manager: Actor, clerk: Actor, tmp_path: Path
) -> None:
    old = tmp_path / "old.csv"
    services.catalog.export_csv(manager, old)  # MUG 10 on hand
    services.stock.receive(clerk, "MUG", 5)
    sell(services, clerk, lines=(CartLine("MUG", 2),))
    services.catalog.import_csv(manager, old)
    assert services.catalog.find("MUG").on_hand == 13
    assert not services.admin.verify(manager).problems


def test_set_stock_books_the_counted_difference_in_the_users_name(
    services: Services, manager: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "count.csv"
    path.write_text(
        "sku,barcode,name,price,tax_rate,on_hand\n"
        "MUG,4006381333931,Blue Mug,4.00,20,7\n"
        "TEA,5012345000008,Green Tea 50 bags,2.55,20,20\n"
        "NEW,,New thing,1.00,20,4\n"
    )
    result = services.catalog.import_products(manager, path, set_stock=True)
    assert (result.products, result.levels_set) == (3, 2)  # MUG counted, NEW stocked; TEA as it was
    assert services.catalog.find("MUG").on_hand == 7
    assert services.catalog.find("NEW").on_hand == 4
    with raw(services.db.path, read_only=True) as conn:
        rows = conn.execute(
            "SELECT m.qty, m.reason, m.note, m.user_name FROM stock_movements m "
            "JOIN products p ON p.id = m.product_id WHERE p.sku IN ('MUG', 'NEW')"
        ).fetchall()
    assert (-3, "count", "counted: count.csv", "manager") in rows
    assert (4, "import", "", "manager") in rows
    assert not services.admin.verify(manager).problems


def test_export_then_import_round_trip(
    services: Services, manager: Actor, shop: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    services.catalog.edit_product(manager, "CARD", tax_rate_bp=1750, name='Card, "Happy Birthday" – 5×7')
    first = tmp_path / "first.csv"
    assert services.catalog.export_csv(manager, first) == 3 + len(shop)
    with first.open(newline="") as handle:
        exported = list(csv.DictReader(handle))
    assert [r["sku"] for r in exported] == sorted(r["sku"] for r in exported)
    assert next(r for r in exported if r["sku"] == "CARD")["tax_rate"] == "17.5"
    assert next(r for r in exported if r["sku"] == "POST")["price"] == "18.00"

    other = Services.open(tmp_path / "other.sqlite3", create=True)
    try:
        other.auth.add_user(None, "boss", manager.role, "boss1234")
        boss = other.auth.login("boss", "boss1234")
        assert other.catalog.import_csv(boss, first) == len(exported)
        second = tmp_path / "second.csv"
        other.catalog.export_csv(boss, second)
    finally:
        other.close()
    assert second.read_text() == first.read_text()

    # Importing the same file again changes no product and books no stock.
    movements = count(services.db.path, "stock_movements")
    services.catalog.import_csv(manager, first)
    assert count(services.db.path, "stock_movements") == movements


def test_search_by_name_finds_word_starts_in_any_order(
    services: Services, shop: dict[str, dict[str, str]]
) -> None:
    assert [p.sku for p in services.catalog.search("hand warm")] == ["22632", "22633"]
    assert [p.name for p in services.catalog.search("warmer jack")] == ["HAND WARMER UNION JACK"]
    assert {p.sku for p in services.catalog.search("t-light")} == {"85123A", "21730", "21733"}
    assert len(services.catalog.search("lunch", limit=2)) == 2
    assert services.catalog.search("zebra") == []
    assert services.catalog.search("   ") == []


@pytest.mark.parametrize("typed", ['"', "*", "'", "(", "a:b", "NEAR", "OR", "-", "^", "\\", '""x'])
def test_search_copes_with_whatever_is_typed(services: Services, typed: str) -> None:
    assert isinstance(services.catalog.search(typed), list)


def test_search_follows_renames_and_skips_inactive_products(services: Services, manager: Actor) -> None:
    services.catalog.edit_product(manager, "MUG", name="Red Mug")
    assert [p.sku for p in services.catalog.search("red")] == ["MUG"]
    assert services.catalog.search("blue") == []
    services.catalog.edit_product(manager, "MUG", active=False)
    assert services.catalog.search("red") == []


def test_lookup_by_barcode_or_sku(services: Services, manager: Actor) -> None:
    assert services.catalog.find("4006381333931").sku == "MUG"
    assert services.catalog.find(" TEA ").barcode == "5012345000008"
    assert services.catalog.find("CARD").barcode is None
    with pytest.raises(NotFound, match="no product with barcode or SKU '4006381333948'"):
        services.catalog.find("4006381333948")
    services.catalog.edit_product(manager, "CARD", active=False)
    with pytest.raises(NotFound):
        services.catalog.find("CARD")


def test_a_manager_opens_a_product_to_edit_even_when_inactive(
    services: Services, manager: Actor, clerk: Actor
) -> None:
    services.catalog.edit_product(manager, "CARD", active=False)
    card = services.catalog.product(manager, "CARD")
    assert (card.name, card.active, card.price) == ("Birthday Card", False, 199)
    assert services.catalog.edit_product(manager, "CARD", active=True).active
    with pytest.raises(NotFound, match="no product with SKU HAT"):
        services.catalog.product(manager, "HAT")
    with pytest.raises(PermissionDenied):
        services.catalog.product(clerk, "CARD")


def test_only_a_manager_changes_the_catalogue(services: Services, clerk: Actor, tmp_path: Path) -> None:
    path = tmp_path / "new.csv"
    path.write_text(GOOD)
    with pytest.raises(PermissionDenied):
        services.catalog.import_csv(clerk, path)
    with pytest.raises(PermissionDenied):
        services.catalog.export_csv(clerk, tmp_path / "out.csv")
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("sku,barcode,name,price,tax_rate,on_hand\nHAT,,Café Hat,12.00,20,3\n".encode("latin-1"), "UTF-8"),
        (b"sku,barcode,name,price,tax_rate,on_hand\nHAT,,Wool Hat" + b"x" * 200_000 + b",1,20,3\n", "line 2"),
    ],
    ids=["latin-1", "huge-field"],
)
def test_a_file_that_is_not_csv_text_is_refused_readably(
    services: Services, manager: Actor, db_path: Path, tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(content)
    before = dump(db_path)
    with pytest.raises(InvalidInput, match=words):
        services.catalog.import_csv(manager, path)
    assert dump(db_path) == before


def test_editing_checks_what_is_typed(services: Services, manager: Actor, db_path: Path) -> None:
    before = dump(db_path)
    for bad in ({"tax_rate_bp": -1}, {"tax_rate_bp": 10_001}, {"price": -1}, {"name": "  "}, {"on_hand": 5}):
        with pytest.raises(InvalidInput):
            services.catalog.edit_product(manager, "MUG", **bad)
    assert dump(db_path) == before


def test_clearing_barcodes_with_empty_text(services: Services, manager: Actor) -> None:
    services.catalog.edit_product(manager, "MUG", barcode="")
    services.catalog.edit_product(manager, "TEA", barcode=" ")
    assert services.catalog.find("MUG").barcode is None
    assert services.catalog.find("TEA").barcode is None
