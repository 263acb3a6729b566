"""Goods sold by weight through the services: a sale takes grams off the stock, a refund gives
back part or all of a line's grams (and money in proportion), the journal still verifies and
catches a weight read as a count, and the catalogue file carries how each product is sold."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.errors import InsufficientStock, InvalidInput
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.records import OrderDetail
from pos_app.domain.users import Actor
from pos_app.domain.variable_measure import SoldBy
from pos_app.services import Services
from pos_app.services.journal_check import verify_database
from tests.helpers import raw

APPLES_ITEM = "2100001000004"  # a weight label's item code (prefix 21, item 00001), value zeroed
APPLES_350G = "2100001003500"  # 350 g
APPLES_1_234KG = "2100001012342"  # 1.234 kg
CHEESE_PACK_2_00 = "2800001002007"  # a price label for the cheese (prefix 28, item 00001): 2.00


@pytest.fixture
def shop(services: Services, manager: Actor) -> Services:
    services.catalog.add_product(
        manager, "APPLES", "Apples", 400, 0, barcode=APPLES_ITEM, sold_by=SoldBy.WEIGHT
    )  # 4.00 per kg
    services.stock.receive(manager, "APPLES", 5_000)  # 5 kg
    return services


def on_hand(services: Services, manager: Actor, sku: str) -> int:
    level = services.stock.levels(manager, sku)[0]
    assert level.on_hand == level.ledger_sum
    return level.on_hand


def sell(services: Services, clerk: Actor, *lines: CartLine) -> OrderDetail:
    cart = Cart(lines)
    total = services.checkout.quote(cart).priced.total
    return services.checkout.checkout(
        clerk, CheckoutRequest(cart, (Tender(PaymentMethod.CARD, total, "R1"),))
    )


def test_a_sale_takes_the_grams_off_the_stock(shop: Services, clerk: Actor, manager: Actor) -> None:
    order = sell(
        shop,
        clerk,
        CartLine("APPLES", 350, label=APPLES_350G, weighed=True),
        CartLine("APPLES", 1234, label=APPLES_1_234KG, weighed=True),
        CartLine("APPLES", 500, weighed=True),  # weighed at the till, typed as 0.500
    )
    assert [(line.qty, line.total) for line in order.lines] == [(350, 140), (1234, 494), (500, 200)]
    assert order.total == 834  # 1.40 + 4.936 -> 4.94 + 2.00
    assert on_hand(shop, manager, "APPLES") == 5_000 - 350 - 1234 - 500
    assert order.lines[0].measure is SoldBy.WEIGHT
    with raw(shop.db.path) as conn:  # the order list counts a weighed item as one item
        assert conn.execute("SELECT item_count FROM orders").fetchone()[0] == 3


def test_a_price_label_on_a_weighed_product_is_its_printed_price(
    shop: Services, clerk: Actor, manager: Actor
) -> None:
    shop.catalog.add_product(
        manager, "CHEESE", "Cheese", 1600, 0, barcode="2800001000003", sold_by=SoldBy.WEIGHT
    )
    shop.stock.receive(manager, "CHEESE", 2_000)
    order = sell(shop, clerk, CartLine("CHEESE", 1, label=CHEESE_PACK_2_00))
    line = order.lines[0]
    assert (line.qty, line.unit_price, line.total, line.measure) == (1, 200, 200, SoldBy.EACH)
    assert on_hand(shop, manager, "CHEESE") == 2_000 - 125  # 2.00 buys 125 g at 16.00 per kg
    shop.orders.refund(manager, order.number)
    assert on_hand(shop, manager, "CHEESE") == 2_000


def test_part_of_a_weighed_line_is_refunded_in_grams(shop: Services, clerk: Actor, manager: Actor) -> None:
    order = sell(shop, clerk, CartLine("APPLES", 350, weighed=True), CartLine("MUG", 1))
    refunded = shop.orders.refund(manager, order.number, lines={"APPLES": 100})
    apples = refunded.lines[0]
    assert (apples.refunded_qty, apples.refunded_amount) == (100, 40)  # 1.40 × 100/350
    assert refunded.refunded == 40 and refunded.status.value == "completed"
    assert on_hand(shop, manager, "APPLES") == 5_000 - 350 + 100
    assert "0.100 kg × APPLES" in refunded.events[-1].detail
    with pytest.raises(InvalidInput, match=r"only 0\.250 kg of APPLES left to refund"):
        shop.orders.refund(manager, order.number, lines={"APPLES": 300})
    rest = shop.orders.refund(manager, order.number, lines={"APPLES": 250})
    assert rest.lines[0].refunded_amount == 140  # the last grams take the exact remainder
    assert on_hand(shop, manager, "APPLES") == 5_000
    assert verify_database(shop.db).problems == []


def test_a_refund_typed_in_the_wrong_unit_is_refused(shop: Services, clerk: Actor, manager: Actor) -> None:
    order = sell(shop, clerk, CartLine("APPLES", 350, weighed=True), CartLine("MUG", 2))
    with pytest.raises(InvalidInput, match="APPLES was sold by weight: give the weight"):
        shop.orders.refund(manager, order.number, lines={"APPLES": 1}, weights=set())
    with pytest.raises(InvalidInput, match="MUG was sold each"):
        shop.orders.refund(manager, order.number, lines={"MUG": 1000}, weights={"MUG"})
    assert shop.orders.get_order(manager, order.number).refunded == 0


def test_short_stock_is_said_in_kg(shop: Services, clerk: Actor, manager: Actor) -> None:
    shop.settings.update(manager, {"allow_negative_stock": "false"})
    with pytest.raises(InsufficientStock, match=r"only 5\.000 kg of Apples in stock, 6\.000 kg wanted"):
        sell(shop, clerk, CartLine("APPLES", 6_000, weighed=True))
    assert on_hand(shop, manager, "APPLES") == 5_000


def test_a_count_for_a_weighed_product_is_refused(shop: Services) -> None:
    with pytest.raises(InvalidInput, match="Apples is sold by weight"):
        shop.checkout.quote(Cart((CartLine("APPLES", 2),)))


def test_verify_catches_a_weight_turned_into_a_count(shop: Services, clerk: Actor) -> None:
    order = sell(shop, clerk, CartLine("APPLES", 350, weighed=True))
    assert verify_database(shop.db).problems == []
    with raw(shop.db.path) as conn:
        conn.execute("UPDATE order_lines SET measure = 'each' WHERE order_id = ?", (order.id,))
    problems = verify_database(shop.db).problems
    assert any("measure 'each' (journal 'weight')" in p for p in problems), problems


def test_a_product_changes_how_it_is_sold_only_with_no_stock(shop: Services, manager: Actor) -> None:
    with pytest.raises(InvalidInput, match=r"APPLES has 5\.000 kg in stock: count it to 0"):
        shop.catalog.edit_product(manager, "APPLES", sold_by=SoldBy.EACH)
    shop.stock.adjust(manager, "APPLES", -5_000, "counted: none left")
    assert shop.catalog.edit_product(manager, "APPLES", sold_by=SoldBy.EACH).sold_by is SoldBy.EACH


def test_the_catalogue_file_carries_how_each_product_is_sold(
    shop: Services, manager: Actor, tmp_path: Path
) -> None:
    exported = tmp_path / "export.csv"
    shop.catalog.export_csv(manager, exported)
    lines = exported.read_text().splitlines()
    assert lines[0] == "sku,barcode,name,price,tax_rate,on_hand,sold_by,category"
    assert f"APPLES,{APPLES_ITEM},Apples,4.00,0,5.000,weight," in lines  # in no category
    assert "MUG,4006381333931,Blue Mug,4.00,20,10,each," in lines
    new = tmp_path / "new.csv"
    new.write_text("sku,barcode,name,price,tax_rate,on_hand,sold_by\nNUTS,,Mixed nuts,15.00,0,2.5,weight\n")
    shop.catalog.import_csv(manager, new)
    nuts = shop.catalog.find("NUTS")
    assert (nuts.sold_by, nuts.price, nuts.on_hand) == (SoldBy.WEIGHT, 1500, 2_500)
    # A file from before weighed goods still imports; it cannot say what a weighed row's number means.
    old = tmp_path / "old.csv"
    old.write_text("sku,barcode,name,price,tax_rate,on_hand\nAPPLES,,Apples,4.50,0,5\n")
    with pytest.raises(InvalidInput, match=r"old\.csv line 2, column sold_by: APPLES is sold by weight"):
        shop.catalog.import_csv(manager, old)
    bad = tmp_path / "bad.csv"
    bad.write_text("sku,barcode,name,price,tax_rate,on_hand,sold_by\nFIGS,,Figs,9.00,0,1.2345,weight\n")
    with pytest.raises(InvalidInput, match=r"bad\.csv line 2, column on_hand: .*at most 3 decimals"):
        shop.catalog.import_csv(manager, bad)
    assert shop.catalog.find("APPLES").price == 400
