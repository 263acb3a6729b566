"""Store settings: what the shop configures once, stored as text key/values."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from typing import Any

from pos_app.domain.drawer import DrawerMode
from pos_app.domain.errors import InvalidInput
from pos_app.domain.formatting import DEFAULT_LOCALE, check_locale
from pos_app.domain.numbers import (
    CASH_STEP,
    DIFFERENCE_LIMIT,
    DISCOUNT_LIMIT_BP,
    PAYOUT_LIMIT,
    IntRange,
    parse_int,
)
from pos_app.domain.pricing import PricingSettings, TaxRounding
from pos_app.domain.printer import PAPER_WIDTHS, PrinterSetup, check_paper, printer_from_text
from pos_app.domain.quick_keys import QuickKeys, check_quick_keys, parse_quick_keys
from pos_app.domain.text import SHIP_TO_MAX, check_text, escape_controls
from pos_app.domain.variable_measure import LabelLayout, parse_prefixes

# Free text printed on receipts and screens: (what a manager calls it, limit, may span lines).
_TEXT: dict[str, tuple[str, int, bool]] = {
    "store_name": ("store name", 80, False),
    "store_address": ("store address", SHIP_TO_MAX, True),
    "receipt_footer": ("receipt footer", 500, True),
}  # the till's name and the currency have stricter checks of their own, below
_NUMBERS: dict[str, IntRange] = {
    "cash_increment": CASH_STEP,
    "clerk_discount_limit_bp": DISCOUNT_LIMIT_BP,
    "cash_payout_limit": PAYOUT_LIMIT,
    "cash_difference_limit": DIFFERENCE_LIMIT,
}
# Where this till shows the customer display: off, the right half of the till's own screen (to
# try it without a second monitor), or a screen by its number (1 is the till's first screen).
DISPLAY_OFF, DISPLAY_HALF = "off", "half"
DISPLAY_SCREENS = tuple(str(n) for n in range(1, 10))
# The language of this till's screens: the computer's own, or one the till has a translation for.
LANGUAGE_SYSTEM = "system"
LANGUAGES = (LANGUAGE_SYSTEM, "en", "de")


@dataclass(frozen=True)
class StoreSettings:
    store_name: str = "pos_app shop"
    store_address: str = ""
    currency: str = "GBP"
    locale: str = DEFAULT_LOCALE  # how money, numbers and dates are written (Babel: en_GB, de_DE)
    prices_include_tax: bool = True
    tax_rounding: TaxRounding = TaxRounding.LINE
    cash_increment: int = 1
    receipt_footer: str = "Thank you for shopping with us"
    till: str = "T1"
    clerk_discount_limit_bp: int = 1000  # clerks may give up to 10 % without a manager
    allow_negative_stock: bool = True  # shelves are the truth: sell what the customer holds
    quick_keys: str = ""  # the sale screen's quick keys, as JSON (domain/quick_keys.py)
    customer_display: str = DISPLAY_OFF  # this till's own (not synced): DISPLAY_* or a screen number
    # This till's own: how it takes cash. A shop made by init, demo or the first-run window
    # says "sessions"; a database from before drawer sessions existed, which says nothing,
    # keeps taking cash as it did until a manager turns sessions on.
    cash_drawer: DrawerMode = DrawerMode.UNTRACKED
    cash_payout_limit: int = 5000  # minor units a clerk may pay out of the drawer without a manager
    cash_difference_limit: int = 500  # over/short a clerk may close a drawer with, without a manager
    # Scale labels (GS1 prefixes 02 and 20-29): which prefixes carry grams, which a price in
    # minor units, and how many digits the item code takes (domain/variable_measure.py).
    label_weight_prefixes: str = "21,22,23,24,25"
    label_price_prefixes: str = "02,20,26,27,28,29"
    label_item_digits: int = 5
    # This till's own receipt printer (domain/printer.py) and its paper width in mm.
    receipt_printer: str = "none"
    receipt_paper: int = 80
    language: str = LANGUAGE_SYSTEM  # this till's own (not synced): LANGUAGES

    @property
    def pricing(self) -> PricingSettings:
        return PricingSettings(self.prices_include_tax, self.tax_rounding, self.cash_increment)

    @property
    def label_layout(self) -> LabelLayout:
        return LabelLayout(
            parse_prefixes(self.label_weight_prefixes),
            parse_prefixes(self.label_price_prefixes),
            self.label_item_digits,
        )

    @property
    def printer(self) -> PrinterSetup:
        return printer_from_text(self.receipt_printer, stored=True)

    @property
    def quick_key_pages(self) -> QuickKeys:
        """The quick keys; a faulty stored key is left out rather than stopping the till."""
        return parse_quick_keys(self.quick_keys, strict=False)

    def to_text(self) -> dict[str, str]:
        return {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in asdict(self).items()}

    @classmethod
    def from_text(cls, values: dict[str, str]) -> StoreSettings:
        return cls().updated(values, stored=True)

    def updated(self, values: dict[str, Any], *, stored: bool = False) -> StoreSettings:
        """A copy with `values` applied (text or typed), each checked; unknown keys refused.

        `stored` values were checked when saved: free text read back is taken as it is (an
        older file's footer must not stop the till; screens escape it), numbers still checked."""
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, raw in values.items():
            if key not in known:
                raise InvalidInput(f"unknown setting '{escape_controls(str(key)[:40])}'")
            current = getattr(self, key)
            text = str(raw).strip()
            if key in _TEXT:
                what, limit, multiline = _TEXT[key]
                changes[key] = text if stored else check_text(text, what, limit, multiline=multiline)
                continue
            if key in _NUMBERS:
                changes[key] = parse_int(text, _NUMBERS[key])
                continue
            if key == "quick_keys":
                if stored:  # kept as written (perhaps by a newer till); read leniently
                    changes[key] = text
                    continue
                keys = raw if isinstance(raw, QuickKeys) else parse_quick_keys(text)
                changes[key] = check_quick_keys(keys).to_json() if keys.pages else ""
                continue
            if key in ("label_weight_prefixes", "label_price_prefixes"):
                changes[key] = ",".join(parse_prefixes(text))
                continue
            if key == "receipt_printer":
                changes[key] = printer_from_text(text, stored=stored).to_text()
                continue
            if key == "receipt_paper":
                if stored and text not in [str(w) for w in PAPER_WIDTHS]:
                    continue  # a width this version cannot print: the default roll
                changes[key] = check_paper(int(text) if text.isascii() and text.isdigit() else 0)
                continue
            if key == "customer_display":
                changes[key] = _display(text, stored=stored)
                continue
            if key == "locale":  # a stored tag this Babel does not know formats as the default
                changes[key] = text if stored else check_locale(text)
                continue
            if key == "language":
                changes[key] = _language(text, stored=stored)
                continue
            try:
                if isinstance(current, bool):
                    if text.lower() not in ("true", "false"):
                        raise ValueError
                    value: Any = text.lower() == "true"
                elif isinstance(current, StrEnum):
                    value = type(current)(text)
                elif isinstance(current, int):
                    value = int(text)
                    if value < 0:
                        raise ValueError
                else:
                    value = text
            except ValueError:
                shown = escape_controls(str(raw)[:40])
                raise InvalidInput(f"'{shown}' is not a valid value for {key}") from None
            changes[key] = value
        result = replace(self, **changes)
        if len(result.currency) != 3 or not (result.currency.isascii() and result.currency.isalpha()):
            raise InvalidInput("currency must be a three-letter code such as GBP")
        till = result.till.replace("_", "")
        if not result.till or len(result.till) > 8 or not (till.isascii() and till.isalnum()):
            raise InvalidInput("till name must be 1-8 letters or digits, such as T1")
        if result.cash_increment < 1:
            raise InvalidInput("cash rounding step must be at least 1")
        result.label_layout  # noqa: B018  (refuses a prefix given two meanings, a bad item length)
        return replace(result, currency=result.currency.upper())


def _display(text: str, *, stored: bool) -> str:
    value = text.lower()
    if value in (DISPLAY_OFF, DISPLAY_HALF, *DISPLAY_SCREENS):
        return value
    if stored:
        return DISPLAY_OFF  # a value this version does not know: no display rather than no till
    raise InvalidInput(
        f"customer display must be '{DISPLAY_OFF}', '{DISPLAY_HALF}' or a screen number 1-9, "
        f"not '{escape_controls(text[:20])}'"
    )


def _language(text: str, *, stored: bool) -> str:
    value = text.lower()
    if value in LANGUAGES:
        return value
    if stored:
        return LANGUAGE_SYSTEM
    raise InvalidInput(f"language must be one of {', '.join(LANGUAGES)}, not '{escape_controls(text[:20])}'")
