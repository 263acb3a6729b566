"""Quick keys as a shop setting: checked when a manager saves them, read leniently when stored."""

from __future__ import annotations

import json

import pytest

from pos_app.domain.errors import InvalidInput
from pos_app.domain.quick_keys import MAX_KEYS, QuickKey, QuickKeys, QuickPage, parse_quick_keys
from pos_app.domain.settings import StoreSettings

BAKERY = QuickPage("Bakery", (QuickKey(" Bread ", "BREAD", "amber"), QuickKey("Rolls", "ROLL")))


def test_keys_round_trip_through_the_stored_json_trimmed() -> None:
    settings = StoreSettings().updated({"quick_keys": QuickKeys((BAKERY,))})
    stored = StoreSettings.from_text(settings.to_text())
    [page] = stored.quick_key_pages.pages
    assert page.name == "Bakery"
    assert page.keys == (QuickKey("Bread", "BREAD", "amber"), QuickKey("Rolls", "ROLL", "grey"))
    first = json.loads(stored.quick_keys)["pages"][0]["keys"][0]
    assert first == {"label": "Bread", "sku": "BREAD", "colour": "amber"}


def test_no_pages_is_stored_as_nothing() -> None:
    assert StoreSettings().updated({"quick_keys": QuickKeys()}).quick_keys == ""
    assert StoreSettings().quick_key_pages == QuickKeys()


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        (QuickKeys((QuickPage("", ()),)), "quick-key page 1 needs a name"),
        (QuickKeys((BAKERY, QuickPage("bakery"))), "two quick-key pages called “bakery”"),
        (QuickKeys((QuickPage("Bags", (QuickKey("", "BAG"),)),)), "key 1 on page “Bags” needs a label"),
        (QuickKeys((QuickPage("Bags", (QuickKey("Bag", " "),)),)), "(“Bag”) needs a product"),
        (QuickKeys((QuickPage("Bags", (QuickKey("Bag", "BAG", "#ff0000"),)),)), "not a key colour"),
        (QuickKeys((QuickPage("Bags", (QuickKey("Bag\x1b[2J", "BAG"),)),)), "control character"),
        (QuickKeys((QuickPage("Bags", (QuickKey("x" * 25, "BAG"),)),)), "longer than 24"),
        (QuickKeys((QuickPage("Bags", (QuickKey("Bag", "BAG"),) * (MAX_KEYS + 1)),)), "more than 36 keys"),
    ],
)
def test_a_manager_is_told_what_is_wrong(keys: QuickKeys, message: str) -> None:
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(").replace(")", r"\)")):
        StoreSettings().updated({"quick_keys": keys})


def test_typed_json_is_checked_as_strictly() -> None:
    with pytest.raises(InvalidInput, match="not valid JSON"):
        StoreSettings().updated({"quick_keys": "{pages"})
    with pytest.raises(InvalidInput, match='list of "pages"'):
        StoreSettings().updated({"quick_keys": '{"pages": 3}'})
    with pytest.raises(InvalidInput, match="must be text"):
        text = '{"pages": [{"name": "A", "keys": [{"label": 5, "sku": "X"}]}]}'
        StoreSettings().updated({"quick_keys": text})


def test_a_stored_fault_leaves_out_only_that_page_or_key() -> None:
    text = json.dumps(
        {
            "format": 2,
            "pages": [
                {"name": "Bakery", "keys": [{"label": "Bun", "sku": "BUN", "colour": "gold"}, {"sku": "X"}]},
                {"name": "", "keys": []},
                "not a page",
                {"name": "Bags", "keys": [{"label": "Bag", "sku": "BAG", "colour": "green", "size": 2}]},
                {"name": "BAGS", "keys": []},
            ],
        }
    )
    stored = StoreSettings.from_text({"quick_keys": text})
    assert stored.quick_keys == text  # kept as written: a newer till's extras survive a save here
    assert stored.quick_key_pages == QuickKeys(
        (QuickPage("Bakery", ()), QuickPage("Bags", (QuickKey("Bag", "BAG", "green"),)))
    )
    assert parse_quick_keys("not json", strict=False) == QuickKeys()


def test_the_customer_display_is_off_half_or_a_screen() -> None:
    assert StoreSettings().customer_display == "off"
    assert StoreSettings().updated({"customer_display": "2"}).customer_display == "2"
    assert StoreSettings().updated({"customer_display": "HALF"}).customer_display == "half"
    with pytest.raises(InvalidInput, match="customer display must be"):
        StoreSettings().updated({"customer_display": "left"})
    assert StoreSettings.from_text({"customer_display": "hologram"}).customer_display == "off"
