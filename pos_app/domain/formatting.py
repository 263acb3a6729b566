"""Numbers, money, dates and weights as people read them, in the shop's locale (Babel's CLDR
data): the one place text for people is formatted. JSON and files keep minor units and ISO.

The shop's locale is process-wide: set once it is known (start-up, the settings read or saved;
see `use_locale`) and read by every formatter, on any thread. Passing `locale=` overrides it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from babel.numbers import format_currency, format_decimal, get_decimal_symbol, get_group_symbol

from pos_app.domain.errors import InvalidInput
from pos_app.domain.money import minor_digits, parse_amount, plain_amount

DEFAULT_LOCALE = "en_GB"  # the look the till had before the shop could choose
_UNKNOWN = (ValueError, TypeError, UnknownLocaleError)  # what Babel raises for a tag it cannot read


def _parse(tag: str) -> Locale:
    text = tag.strip().replace("-", "_")
    if not text or len(text) > 20 or not text.replace("_", "").isascii():
        raise ValueError(tag)
    return Locale.parse(text)


def check_locale(tag: str) -> str:
    """'de-DE' -> 'de_DE'; a locale Babel does not know is refused with a message for a manager."""
    try:
        return str(_parse(tag))
    except _UNKNOWN:
        shown = "".join(c if c.isprintable() else "?" for c in tag.strip()[:20])
        raise InvalidInput(f"'{shown}' is not a known locale; write it like en_GB, de_DE or en_US") from None


# One reference, replaced whole (never mutated): a reader on any thread sees the old locale or
# the new one, never half of each, so no lock is needed.
_current: Locale = Locale.parse(DEFAULT_LOCALE)


# Offered in the Settings window (any other Babel locale can be set with `pos-app settings`).
COMMON_LOCALES = (
    "en_GB", "en_US", "en_IE", "de_DE", "de_AT", "de_CH", "fr_FR", "nl_NL", "es_ES", "it_IT", "ja_JP",
)  # fmt: skip


def locale_name(tag: str) -> str:
    """'de_DE' -> 'Deutsch (Deutschland)': the locale's name in its own language."""
    try:
        loc = _parse(tag)
    except _UNKNOWN:
        return tag
    return loc.get_display_name(loc) or tag


def use_locale(tag: str) -> None:
    """Make `tag` the locale every formatter uses from now on (unknown tags: the default)."""
    global _current
    if tag == str(_current):
        return  # every settings read calls this: the usual case costs a comparison
    try:
        chosen = _parse(tag)
    except _UNKNOWN:
        chosen = Locale.parse(DEFAULT_LOCALE)
    if str(chosen) != str(_current):
        _current = chosen


def current_locale() -> str:
    return str(_current)


def _loc(locale: str | None) -> Locale:
    return _current if locale is None else _parse(locale)


def _major(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-minor_digits(currency))


def _places(digits: int) -> str:
    return "#,##0" + ("." + "0" * digits if digits else "")


def money(minor: int, currency: str, *, locale: str | None = None) -> str:
    """1250, 'GBP' -> '£12.50' (en_GB), '12,50 £' (de_DE); -1250 -> '-£12.50'."""
    loc = _loc(locale)
    pattern = _currency_pattern(loc, minor_digits(currency))
    return format_currency(_major(minor, currency), currency, pattern, locale=loc, currency_digits=False)


def _currency_pattern(loc: Locale, digits: int) -> str:
    """The locale's currency pattern with the decimals the amounts are stored in (the stored
    minor units decide, not CLDR's idea of the currency)."""
    pattern = str(loc.currency_formats["standard"].pattern).split(";")[0]
    return pattern.replace("#,##0.00", _places(digits))


def amount(minor: int, currency: str, *, locale: str | None = None) -> str:
    """1250, 'GBP' -> '12.50' (en_GB), '12,50' (de_DE): no symbol, for columns and messages."""
    return format_decimal(_major(minor, currency), _places(minor_digits(currency)), locale=_loc(locale))


def number(value: int | Decimal, *, locale: str | None = None) -> str:
    """1234 -> '1,234' (en_GB), '1.234' (de_DE)."""
    return format_decimal(value, locale=_loc(locale))


def percent(basis_points: int, *, locale: str | None = None) -> str:
    """1750 -> '17.5%' (en_GB), '17,5 %' (de_DE); 2000 -> '20%'."""
    loc = _loc(locale)
    pattern = str(loc.percent_formats[None].pattern).split(";")[0].replace("#,##0", "#,##0.##")
    return format_decimal(Decimal(basis_points).scaleb(-4), pattern, locale=loc)


def weight(grams: int, *, locale: str | None = None) -> str:
    """452 -> '0.452 kg' (en_GB), '0,452 kg' (de_DE)."""
    return f"{format_decimal(Decimal(grams).scaleb(-3), '#,##0.000', locale=_loc(locale))} kg"


def day_text(day: date, *, locale: str | None = None) -> str:
    """A report's day with its weekday: 'Wed 25 Nov 2026' (en_GB), 'Mi. 25.11.2026' (de_DE)."""
    loc = _loc(locale)
    weekday = loc.days["format"]["abbreviated"][day.weekday()]
    return f"{weekday} {format_date(day, 'medium', locale=loc)}"


def _date_pattern(loc: Locale) -> str:
    """The locale's short date with the year in full ('dd.MM.yy' -> 'dd.MM.y'): a receipt is
    kept for years."""
    pattern = str(loc.date_formats["short"].pattern)
    return pattern.replace("yyyy", "y").replace("yy", "y")


def date_text(day: date, *, locale: str | None = None) -> str:
    """2026-01-02 -> '02/01/2026' (en_GB), '02.01.2026' (de_DE), '1/2/2026' (en_US)."""
    loc = _loc(locale)
    return format_date(day, _date_pattern(loc), locale=loc)


def time_text(moment: time | datetime, *, seconds: bool = False, locale: str | None = None) -> str:
    """14:05 -> '14:05' (en_GB, de_DE), '2:05 PM' (en_US)."""
    return format_time(moment, "medium" if seconds else "short", locale=_loc(locale))


def datetime_text(moment: datetime, *, seconds: bool = False, locale: str | None = None) -> str:
    """A date and a time as `date_text` and `time_text` write them, in `moment`'s own zone."""
    loc = _loc(locale)
    return (
        f"{date_text(moment.date(), locale=str(loc))} {time_text(moment, seconds=seconds, locale=str(loc))}"
    )


def local_moment(utc_text: str, zone: tzinfo | None = None) -> datetime | None:
    """A stored UTC moment ('2026-01-02T10:00:00.000000Z') in this computer's time zone (or
    `zone`); None for text that is not such a moment."""
    try:
        moment = datetime.fromisoformat(utc_text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone)


def local_datetime(
    utc_text: str, *, seconds: bool = False, zone: tzinfo | None = None, locale: str | None = None
) -> str:
    """A stored UTC moment as the locale writes it, in this computer's time zone (or `zone`);
    text that is not such a moment is returned unchanged."""
    moment = local_moment(utc_text, zone)
    return utc_text if moment is None else datetime_text(moment, seconds=seconds, locale=locale)


def editable_amount(minor: int, currency: str, *, locale: str | None = None) -> str:
    """An amount put in a field to be edited: no grouping, the locale's decimal mark
    ('1234.50' in en_GB, '1234,50' in de_DE), read back by `parse_money`."""
    return plain_amount(minor, currency).replace(".", get_decimal_symbol(_loc(locale)))


def typed_amount_text(text: str, *, locale: str | None = None) -> str:
    """What a clerk typed, with the locale's separators turned into the point form the amount
    parser reads: in de_DE '1.234,50' -> '1234.50' and '12,5' -> '12.5'; a lone point still
    means the decimal point ('12.50'), as numeric keypads and habit type it. Locales writing a
    decimal point are left exactly as typed (commas there group thousands)."""
    loc = _loc(locale)
    decimal_mark = get_decimal_symbol(loc)
    if decimal_mark == "." or decimal_mark not in text:
        return text
    groups = {get_group_symbol(loc), ".", " ", "\u00a0", "\u202f", "'", "’"} - {decimal_mark}
    cleaned = "".join(c for c in text if c not in groups)
    return cleaned.replace(decimal_mark, ".")


def parse_money(text: str, currency: str, *, allow_zero: bool = True, locale: str | None = None) -> int:
    """An amount a clerk typed, in the locale's way or with a point ('12,50' or '12.50' in
    de_DE), into minor units; refused as `parse_amount` refuses."""
    return parse_amount(typed_amount_text(text, locale=locale), currency, allow_zero=allow_zero)
