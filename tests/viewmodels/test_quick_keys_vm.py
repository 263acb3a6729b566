"""Quick keys at the till (a tap adds like a scan) and a manager's editor for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.domain.quick_keys import QuickKey, QuickKeys, QuickPage
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.quick_key_editor import QuickKeyEditor
from pos_app.viewmodels.quick_keys import QuickKeysViewModel
from tests.gui import SessionFor

KEYS = QuickKeys(
    (
        QuickPage("Counter", (QuickKey("Card", "CARD", "pink"), QuickKey("Tea bags", "TEA", "green"))),
        QuickPage("Mugs", (QuickKey("Blue mug", "MUG", "blue"),)),
    )
)


@pytest.fixture
def keyed(services: Services, manager: Actor) -> QuickKeys:
    return services.quick_keys.save(manager, KEYS)


@pytest.mark.usefixtures("keyed")
def test_a_tap_adds_the_product_like_a_scan(session_for: SessionFor, clerk: Actor, tmp_path: Path) -> None:
    sale = CheckoutViewModel(session_for(clerk), tmp_path / "cart.json")
    keys = QuickKeysViewModel(sale.session, sale)
    assert keys.pages == ["Counter", "Mugs"] and not keys.can_edit
    assert [(k.label, k.colour, k.price) for k in keys.keys] == [
        ("Card", "pink", "£1.99"),
        ("Tea bags", "green", "£2.55"),
    ]
    assert keys.press(0) and keys.press(0)
    keys.show_page(1)
    assert keys.press(0)
    assert [(line.sku, line.qty) for line in sale.cart.lines] == [("CARD", 2), ("MUG", 1)]
    assert sale.message_text == "Blue Mug × 1"


@pytest.mark.usefixtures("keyed")
def test_a_key_whose_product_is_gone_says_so(
    session_for: SessionFor, clerk: Actor, manager: Actor, services: Services, tmp_path: Path
) -> None:
    services.catalog.edit_product(manager, "CARD", active=False)
    sale = CheckoutViewModel(session_for(clerk), tmp_path / "cart.json")
    keys = QuickKeysViewModel(sale.session, sale)
    assert not keys.keys[0].sold
    assert not keys.press(0)
    assert sale.message_text == "“Card” is not sold any more: a manager can change the key"
    assert sale.cart.lines == ()


def test_keys_saved_in_the_editor_show_at_the_till(
    session_for: SessionFor, manager: Actor, tmp_path: Path
) -> None:
    session = session_for(manager)
    sale = CheckoutViewModel(session, tmp_path / "cart.json")
    keys = QuickKeysViewModel(session, sale)
    assert keys.pages == [] and keys.can_edit
    editor = QuickKeyEditor(session)
    assert not editor.add_key(0, "Bag", "CARD", "grey")
    assert editor.message_text == "add a page first, then its keys"
    assert editor.add_page("Bakery") and editor.add_page("Bags")
    assert not editor.add_page(" bakery ")
    assert editor.message_text == "there are two quick-key pages called “bakery”"
    assert editor.add_key(0, "", "4006381333931", "amber")  # a scanned barcode; the label: its name
    assert editor.add_key(0, "Tea", "TEA", "green")
    assert not editor.add_key(0, "Bread", "BREAD", "green")
    assert editor.message_text == "no product with barcode or SKU 'BREAD'"
    assert editor.move_key(0, 1, -1) == 0
    assert [k.label for k in editor.keys(0)] == ["Tea", "Blue Mug"]
    assert editor.product_text("MUG") == "Blue Mug  ·  MUG  ·  £4.00"
    assert editor.remove_page(1) and editor.dirty
    editor.save()
    assert editor.message_text == "quick keys saved" and not editor.dirty
    assert keys.pages == ["Bakery"]  # the till follows at once
    assert [k.label for k in keys.keys] == ["Tea", "Blue Mug"]


@pytest.mark.usefixtures("keyed")
def test_a_clerk_cannot_save_keys(session_for: SessionFor, clerk: Actor, services: Services) -> None:
    editor = QuickKeyEditor(session_for(clerk))
    assert editor.remove_page(0)
    editor.save()
    assert editor.message_text == "a clerk may not change settings"
    assert services.quick_keys.current() == KEYS
