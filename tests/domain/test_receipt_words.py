"""A German shop's receipts speak German, on the roll and on the page alike, and still fit the
roll; a shop of another language keeps the English ones."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pos_app.domain.orders import Fulfilment
from pos_app.domain.receipt import ReceiptKind, build_receipt
from pos_app.domain.receipt_text import PAPER_COLUMNS, receipt_text
from pos_app.domain.receipt_words import ENGLISH, GERMAN, receipt_words
from pos_app.domain.records import PaymentView
from tests.domain.test_receipt import SETTINGS, order

GERMAN_SHOP = replace(SETTINGS, locale="de_DE")


def test_the_words_follow_the_language_of_the_shops_locale() -> None:
    assert receipt_words("de_DE") is GERMAN and receipt_words("de_AT") is GERMAN
    assert receipt_words("en_GB") is ENGLISH and receipt_words("fr_FR") is ENGLISH


@pytest.mark.parametrize("paper", [58, 80])
def test_a_german_shops_receipt_is_in_german_and_fits_the_roll(paper: int) -> None:
    width = PAPER_COLUMNS[paper]
    refund = PaymentView("refund", "cash", 255, 0, 0, "", "")
    placed = replace(order(), payments=(*order().payments, refund))
    text = receipt_text(build_receipt(placed, GERMAN_SHOP, ReceiptKind.COPY), width)
    rows = text.splitlines()
    assert all(len(row) <= width for row in rows)
    for word in ("KASSENBON (KOPIE)", "*** KOPIE ***", "Zwischensumme", "Rückgeld", "SUMME GBP", "Bar"):
        assert word in text
    assert "Es bediente Sie" in text and "Kunde: Alice Doe" in text and "Erstattung: Bar" in text
    assert next(r for r in rows if r.startswith("Zwischensumme")).endswith("12.54")
    for english in ("RECEIPT", "COPY", "Subtotal", "Change", "TOTAL", "Served by", "Customer", "Refund"):
        assert english not in text


def test_a_german_gift_receipt_and_a_delivery() -> None:
    gift = receipt_text(build_receipt(order(), GERMAN_SHOP, ReceiptKind.GIFT), 32)
    assert "GESCHENKBON" in gift and "SUMME" not in gift
    sent = replace(order(), fulfilment=Fulfilment.DELIVERY, ship_to="Hauptstr. 1, Köln")
    assert "Lieferung an Hauptstr. 1, Köln" in receipt_text(build_receipt(sent, GERMAN_SHOP), 48)


def test_an_english_shop_keeps_its_english_receipt() -> None:
    text = receipt_text(build_receipt(order(), SETTINGS), 48)
    assert "RECEIPT" in text and "Subtotal" in text and "Change" in text and "Zwischensumme" not in text
