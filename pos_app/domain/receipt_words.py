"""The words printed on a receipt, in the language of the shop's locale (de_DE: German).

A receipt is the customer's: it speaks the shop's language, the one its money and dates are
written in, whichever till printed it and whatever that till's screens are set to. The thermal
printer's text, ESC/POS and the Qt page all take their words from here, so the words are a plain
table (no Qt, no message catalogue to compile): a language missing here prints English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReceiptWords:
    receipt: str = "RECEIPT"
    receipt_copy: str = "RECEIPT (COPY)"
    gift_receipt: str = "GIFT RECEIPT"
    copy_banner: str = "*** COPY ***"
    order: str = "Order"
    date: str = "Date"
    till: str = "Till"
    served_by: str = "Served by"
    discount: str = "Discount"
    returned: str = "({qty} returned)"
    subtotal: str = "Subtotal"
    discounts: str = "Discounts"
    tax: str = "Tax"
    total: str = "TOTAL"
    of_which_tax: str = "of which tax"
    cash_rounding: str = "Cash rounding"
    change: str = "Change"
    awaiting_payment: str = "Awaiting payment"
    net: str = "Net"
    gross: str = "Gross"
    tax_rate: str = "Tax {rate}"
    customer: str = "Customer: {name}"
    delivery_to: str = "Delivery to {address}"
    collect_in_store: str = "Collect in store"
    journal: str = "Journal {hash}"
    refund: str = "Refund: {method}"
    cash: str = "Cash"
    card: str = "Card"
    store_credit: str = "Store credit"

    def method(self, method: str) -> str:
        """A payment method's name; one this table does not know, as stored."""
        names = {"cash": self.cash, "card": self.card, "store_credit": self.store_credit}
        return names.get(method, method)


ENGLISH = ReceiptWords()

GERMAN = ReceiptWords(
    receipt="KASSENBON",
    receipt_copy="KASSENBON (KOPIE)",
    gift_receipt="GESCHENKBON",
    copy_banner="*** KOPIE ***",
    order="Bestellung",
    date="Datum",
    till="Kasse",
    served_by="Es bediente Sie",
    discount="Rabatt",
    returned="({qty} zurückgegeben)",
    subtotal="Zwischensumme",
    discounts="Rabatte",
    tax="MwSt.",
    total="SUMME",
    of_which_tax="darin MwSt.",
    cash_rounding="Bargeldrundung",
    change="Rückgeld",
    awaiting_payment="Noch zu zahlen",
    net="Netto",
    gross="Brutto",
    tax_rate="MwSt. {rate}",
    customer="Kunde: {name}",
    delivery_to="Lieferung an {address}",
    collect_in_store="Abholung im Laden",
    journal="Journal {hash}",
    refund="Erstattung: {method}",
    cash="Bar",
    card="Karte",
    store_credit="Guthaben",
)

_BY_LANGUAGE = {"en": ENGLISH, "de": GERMAN}


def receipt_words(locale: str) -> ReceiptWords:
    """The words for a shop of `locale` ('de_DE', 'de', 'en_GB'); English for any other."""
    language = locale.replace("-", "_").split("_")[0].lower()
    return _BY_LANGUAGE.get(language, ENGLISH)
