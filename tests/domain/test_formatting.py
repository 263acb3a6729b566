"""Money, numbers, dates and weights as each locale writes them (Babel's CLDR data)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from pos_app.domain import formatting as f
from pos_app.domain.errors import InvalidInput
from pos_app.domain.money import format_amount
from pos_app.domain.settings import StoreSettings
from pos_app.viewmodels.money_text import money


@pytest.mark.parametrize(
    ("locale", "gbp", "eur", "negative", "yen"),
    [
        ("en_GB", "£1,234.50", "€1,234.50", "-£12.50", "JP¥1,234"),
        ("de_DE", "1.234,50\xa0£", "1.234,50\xa0€", "-12,50\xa0£", "1.234\xa0¥"),
        ("en_US", "£1,234.50", "€1,234.50", "-£12.50", "¥1,234"),
        ("ja_JP", "£1,234.50", "€1,234.50", "-£12.50", "￥1,234"),
    ],
)
def test_money_in_each_locale(locale: str, gbp: str, eur: str, negative: str, yen: str) -> None:
    assert f.money(123450, "GBP", locale=locale) == gbp
    assert f.money(123450, "EUR", locale=locale) == eur
    assert f.money(-1250, "GBP", locale=locale) == negative
    assert f.money(1234, "JPY", locale=locale) == yen  # yen has no minor digits


def test_the_shops_locale_reaches_the_old_entry_points() -> None:
    assert (money(123450, "GBP"), format_amount(123450, "GBP")) == ("£1,234.50", "1,234.50")
    f.use_locale("de_DE")
    try:
        assert (money(123450, "EUR"), format_amount(-123450, "EUR")) == ("1.234,50\xa0€", "-1.234,50")
        assert format_amount(1234, "JPY") == "1.234"
    finally:
        f.use_locale("en_GB")
    assert money(-5, "GBP") == "-£0.05"


def test_numbers_percentages_and_weights() -> None:
    assert f.number(1234567, locale="en_GB") == "1,234,567"
    assert f.number(1234567, locale="de_DE") == "1.234.567"
    assert [f.percent(bp, locale="en_GB") for bp in (2000, 1750, 5, 0)] == ["20%", "17.5%", "0.05%", "0%"]
    assert f.percent(1750, locale="de_DE") == "17,5\xa0%"
    assert (f.weight(452, locale="en_GB"), f.weight(1452, locale="de_DE")) == ("0.452 kg", "1,452 kg")
    assert f.amount(100050, "KWD", locale="en_GB") == "100.050"


def test_dates_and_times() -> None:
    day = date(2026, 1, 2)
    assert [f.date_text(day, locale=loc) for loc in ("en_GB", "de_DE", "en_US", "ja_JP")] == [
        "02/01/2026",
        "02.01.2026",
        "1/2/2026",
        "2026/01/02",
    ]
    moment = datetime(2026, 1, 2, 14, 5, 9, tzinfo=UTC)
    assert f.datetime_text(moment, locale="de_DE") == "02.01.2026 14:05"
    assert f.datetime_text(moment, seconds=True, locale="en_GB") == "02/01/2026 14:05:09"
    assert f.time_text(moment, locale="en_US") == "2:05\u202fPM"
    stored = "2026-01-02T14:05:09.000000Z"
    assert f.local_datetime(stored, zone=UTC, locale="en_GB") == "02/01/2026 14:05"
    assert f.local_datetime("not a moment") == "not a moment"


def test_typed_amounts_in_the_locales_way() -> None:
    assert f.parse_money("1.234,50", "EUR", locale="de_DE") == 123450
    assert f.parse_money("12,5", "EUR", locale="de_DE") == 1250
    assert f.parse_money("12.50", "EUR", locale="de_DE") == 1250  # the keypad's point still works
    assert f.parse_money("1,234.50", "GBP", locale="en_GB") == 123450  # en_GB exactly as before
    with pytest.raises(InvalidInput, match="more than 2 decimal places"):
        f.parse_money("1.234", "EUR", locale="de_DE")  # never read as a thousand
    with pytest.raises(InvalidInput, match="negative"):
        f.parse_money("-1,00", "EUR", locale="de_DE")
    assert f.editable_amount(123450, "EUR", locale="de_DE") == "1234,50"
    assert f.parse_money(f.editable_amount(-5, "GBP", locale="en_GB").lstrip("-"), "GBP") == 5


def test_the_locale_setting_is_checked_against_babel() -> None:
    assert StoreSettings().locale == "en_GB"  # old shops keep their look
    assert StoreSettings().updated({"locale": "de-DE"}).locale == "de_DE"
    with pytest.raises(InvalidInput, match="not a known locale"):
        StoreSettings().updated({"locale": "xx_QQ"})
    with pytest.raises(InvalidInput, match="language must be one of"):
        StoreSettings().updated({"language": "klingon"})
    assert StoreSettings.from_text({"locale": "zz"}).locale == "zz"  # a stored value never stops the till
    f.use_locale("zz")
    assert f.current_locale() == "en_GB"
