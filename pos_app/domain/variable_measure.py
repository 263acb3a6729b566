"""Scale labels: GS1 restricted-circulation barcodes (prefixes 02 and 20-29) that carry an item
code and a weight in grams or a price in minor units.

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
from pos_app.domain.text import escape_controls

PREFIXES = ("02", *(str(n) for n in range(20, 30)))
ITEM_DIGITS = (4, 5, 6)  # the value takes the rest of the 10 digits between prefix and check digit
GRAMS_PER_KG = 1000


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


def kg_text(grams: int) -> str:
    """452 -> '0.452 kg' (en_GB), '0,452 kg' (de_DE): the shop's locale."""
    from pos_app.domain.formatting import weight  # formatting imports money, as this module does

    return weight(grams)
