"""Weighed goods and scale labels.

A product is sold each (a line's quantity counts items, its price is per item) or by weight
(the quantity is integer grams, the price is per kg, and the line's amount is price × grams /
1000 rounded half up). Scale labels are GS1 restricted-circulation barcodes (prefixes 02 and
20-29) that carry an item code and a weight in grams or a price in minor units.

biip reads the code (its check digit, and whether its GS1 prefix is one for variable-measure
items in the shop's region); the shop's layout (settings) says which prefixes carry a weight
and which a price, and how many digits the item code takes. A product sold this way keeps, as
its ordinary barcode, the label's code with zeros where the weight or price goes
(`item_barcode`), so the catalogue needs no field of its own for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from biip import ParseError
from biip.checksums import gs1_standard_check_digit
from biip.gtin import Gtin
from biip.rcn import Rcn, RcnUsage

from pos_app.domain.errors import InvalidInput
from pos_app.domain.money import round_half_up
from pos_app.domain.numbers import GRAMS
from pos_app.domain.text import escape_controls

PREFIXES = ("02", *(str(n) for n in range(20, 30)))
ITEM_DIGITS = (4, 5, 6)  # the value takes the rest of the 10 digits between prefix and check digit
GRAMS_PER_KG = 1000
MAX_GRAMS = GRAMS.high  # 100 kg on one line: more is a scale or a finger slipping, not a sale
_MAX_WEIGHT_CHARS = 20


class SoldBy(StrEnum):
    """How a product is sold, and so what a line's quantity and a product's stock count."""

    EACH = "each"  # items; the price is per item
    WEIGHT = "weight"  # grams; the price is per kg

    @classmethod
    def parse(cls, text: str) -> SoldBy:
        cleaned = text.strip().lower()
        if cleaned in ("kg", "weight", "weighed", "by weight"):
            return cls.WEIGHT
        if cleaned in ("each", "item", "items", ""):
            return cls.EACH
        raise InvalidInput(f"'{escape_controls(text[:20])}' is not how a product is sold: each or weight")


class Measure(StrEnum):
    WEIGHT = "weight"  # the value is grams
    PRICE = "price"  # the value is the price in minor units


@dataclass(frozen=True)
class LabelLayout:
    """The shop's scale labels: which prefixes carry a weight, which a price; the item code's length."""

    weight_prefixes: tuple[str, ...] = ()
    price_prefixes: tuple[str, ...] = ()
    item_digits: int = 5

    def __post_init__(self) -> None:
        both = set(self.weight_prefixes) & set(self.price_prefixes)
        if both:
            raise InvalidInput(f"prefix {sorted(both)[0]} cannot mean both a weight and a price")
        for prefix in (*self.weight_prefixes, *self.price_prefixes):
            if prefix not in PREFIXES:
                raise InvalidInput(
                    f"'{escape_controls(prefix[:8])}' is not a scale-label prefix (02 or 20-29)"
                )
        if self.item_digits not in ITEM_DIGITS:
            raise InvalidInput("a scale label's item code is 4, 5 or 6 digits")

    def measure(self, prefix: str) -> Measure | None:
        if prefix in self.weight_prefixes:
            return Measure.WEIGHT
        if prefix in self.price_prefixes:
            return Measure.PRICE
        return None


def parse_prefixes(text: str) -> tuple[str, ...]:
    """'20, 21,28' -> ('20', '21', '28'), each checked."""
    prefixes = tuple(p.strip() for p in text.replace(";", ",").split(",") if p.strip())
    LabelLayout(weight_prefixes=prefixes)
    return prefixes


@dataclass(frozen=True)
class Label:
    """What a scanned scale label says."""

    code: str  # the 13 digits as scanned
    item_barcode: str  # the product's barcode: the same code with the value zeroed
    measure: Measure
    value: int  # grams, or minor units

    @property
    def grams(self) -> int | None:
        return self.value if self.measure is Measure.WEIGHT else None


def _gtin(code: str) -> Gtin | None:
    """The code read by biip, or None when it is no GTIN at all (a SKU typed at the till)."""
    if not code.isascii() or not code.isdigit() or len(code) not in (8, 12, 13):
        return None
    try:
        return Gtin.parse(code)
    except ParseError:
        raise InvalidInput(
            f"barcode {code} has a wrong check digit: scan it again or type the code"
        ) from None


def read_label(code: str, layout: LabelLayout) -> Label | None:
    """The scale label in `code`, or None when it is an ordinary code (or one the shop does not use).

    Raises InvalidInput for a GTIN whose check digit is wrong, whatever kind it is."""
    code = code.strip()
    gtin = _gtin(code)
    if not isinstance(gtin, Rcn) or gtin.usage is not RcnUsage.GEOGRAPHICAL:
        return None
    digits = gtin.as_gtin_13()
    measure = layout.measure(digits[:2])
    if measure is None:
        return None
    start = 2 + layout.item_digits
    value = int(digits[start:12])
    if value <= 0:
        raise InvalidInput(f"label {digits} shows no {measure.value}: weigh the item again")
    return Label(digits, item_barcode(digits, layout), measure, value)


def item_barcode(code: str, layout: LabelLayout) -> str:
    """The label's code with zeros for the weight or price and the check digit made again."""
    body = code[: 2 + layout.item_digits].ljust(12, "0")
    return body + str(gs1_standard_check_digit(body))


def weighed_price(price_per_kg: int, grams: int) -> int:
    """Price per kg × grams / 1000, rounded half up to minor units."""
    return round_half_up(Decimal(price_per_kg) * grams / GRAMS_PER_KG)


def label_price(label: Label, price_per_unit: int) -> int:
    """What one labelled item costs: its printed price, or its weight at the product's price per kg."""
    if label.measure is Measure.PRICE:
        return label.value
    return weighed_price(price_per_unit, label.value)


def line_gross(unit_price: int, qty: int, sold_by: SoldBy) -> int:
    """A line's amount before discounts: price × count, or price per kg × grams / 1000."""
    if sold_by is SoldBy.WEIGHT:
        return weighed_price(unit_price, qty)
    return unit_price * qty


def kg_text(grams: int) -> str:
    """452 -> '0.452 kg' (en_GB), '0,452 kg' (de_DE): the shop's locale."""
    from pos_app.domain.formatting import weight  # formatting imports money, as this module does

    return weight(grams)


def qty_text(qty: int, sold_by: SoldBy | str) -> str:
    """A line's or a stock level's quantity as people read it: '3', or '0.350 kg' for grams."""
    return kg_text(qty) if SoldBy(sold_by) is SoldBy.WEIGHT else str(qty)


def check_grams(grams: int) -> int:
    if grams <= 0:
        raise InvalidInput("a weight must be more than 0 kg")
    if grams > MAX_GRAMS:
        raise InvalidInput(f"{kg_text(grams)} is more than {kg_text(MAX_GRAMS)}: check what was weighed")
    return grams


def is_weight(text: str) -> bool:
    """Whether typed text is meant as a weight: a unit (kg, g) or a decimal point ('0.350')."""
    cleaned = text.strip().lower()
    return cleaned.endswith("g") or "." in cleaned


def parse_weight(text: str) -> int:
    """A weight as a clerk types it, in grams: '0.350', '0.35 kg', '350g' or '350 g'.

    A bare number is kg (as a scale shows it); 'g' marks grams. At most 3 decimals in kg (a
    gram), none in grams; ASCII digits only. Refused: 0, negatives, more than 100 kg."""
    return check_grams(read_grams(text))


def read_grams(text: str, *, signed: bool = False) -> int:
    """Grams from a weight typed as kg ('0.350', '1.5kg') or grams ('350g'), with a sign when
    `signed` (a stock adjustment); its range is the caller's to check."""
    from pos_app.domain.formatting import typed_amount_text  # as in kg_text

    shown = escape_controls(text.strip()[:_MAX_WEIGHT_CHARS])
    cleaned = typed_amount_text(text.strip().lower().replace(" ", ""))  # '0,350' where a comma is the mark
    bad = InvalidInput(f"'{shown}' is not a weight: type kg such as 0.350, or grams such as 350g")
    if len(cleaned) > _MAX_WEIGHT_CHARS or not cleaned.isascii():
        raise bad
    sign = 1
    if signed and cleaned[:1] in ("-", "+"):
        sign, cleaned = (-1 if cleaned[0] == "-" else 1), cleaned[1:]
    unit = "g" if cleaned.endswith("g") and not cleaned.endswith("kg") else "kg"
    number = cleaned.removesuffix("kg") if unit == "kg" else cleaned.removesuffix("g")
    whole, _, part = number.partition(".")
    if not (whole or part) or not (whole + part).isdigit() or (unit == "g" and "." in number):
        raise bad
    if len(whole) > 9:
        raise InvalidInput(f"'{shown}' is far more than a shop weighs: check what was typed")
    if unit == "g":
        return sign * int(number)
    if len(part) > 3:
        raise InvalidInput(f"'{shown}' is finer than a gram: at most 3 decimals in kg")
    return sign * (int(whole or "0") * GRAMS_PER_KG + int(part.ljust(3, "0")))


def grams_for_price(price: int, price_per_kg: int) -> int:
    """The grams a printed price buys at a price per kg (stock of a weighed product sold by a
    price label, which carries no weight): price × 1000 / price per kg, rounded half up."""
    if price_per_kg <= 0:
        return 0
    return round_half_up(Decimal(price) * GRAMS_PER_KG / price_per_kg)
