"""Sales reports: what a report over a range of the shop's days says, and what each figure means.

Every figure is an integer in minor units, summed from the lines of the orders rung up in the
range (the shop's local days), cancelled orders left out:

- gross: listed price times quantity, before any discount (tax included when the shop's prices
  include tax, as the shelf shows them);
- discounts: line discounts and each line's share of order discounts;
- refunds: the value of the goods given back on those orders (whenever they were given back);
- tax: the tax charged on the lines as sold (included in the prices or added to them);
- net: what the customers pay for what they kept: the lines' totals less refunds, that is
  gross - discounts - refunds, plus tax where prices exclude it.

By payment method the figures are money instead: taken, given back, and net.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pos_app.domain.errors import InvalidInput
from pos_app.domain.money import minor_digits

MAX_DAYS = 3 * 366  # the longest range one report covers


class Grouping(StrEnum):
    DAY = "day"
    HOUR = "hour"  # hour of the day, 00-23, over the whole range
    PRODUCT = "product"
    CATEGORY = "category"
    CLERK = "clerk"
    TILL = "till"
    METHOD = "method"  # payment method: money taken and given back


@dataclass(frozen=True)
class DateRange:
    """From `first` to `last`, both included, in the shop's local days."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidInput(
                f"the range ends ({self.last.isoformat()}) before it starts ({self.first.isoformat()})"
            )
        if (self.last - self.first).days >= MAX_DAYS:
            raise InvalidInput(f"a report covers at most {MAX_DAYS} days; choose a shorter range")

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class Figures:
    """Sales of one group (or of the whole range)."""

    orders: int = 0
    quantity: int = 0  # units sold (grams for weighed goods), before refunds
    gross: int = 0
    discounts: int = 0
    refunds: int = 0
    tax: int = 0
    total: int = 0  # the lines' totals as charged, before refunds

    @property
    def net(self) -> int:
        return self.total - self.refunds


@dataclass(frozen=True)
class MethodFigures:
    """Money of one payment method."""

    orders: int = 0
    taken: int = 0
    given_back: int = 0

    @property
    def net(self) -> int:
        return self.taken - self.given_back


@dataclass(frozen=True)
class ReportRow:
    key: str  # what it is grouped by, as a machine reads it: 2026-11-25, 14, a SKU, a name
    label: str  # as a person reads it
    sales: Figures | None = None
    money: MethodFigures | None = None

    @property
    def net(self) -> int:
        if self.sales is not None:
            return self.sales.net
        assert self.money is not None
        return self.money.net


@dataclass(frozen=True)
class Totals:
    """The whole range: the sales, and where the money stands."""

    sales: Figures
    taken: int  # money paid less money given back, on these orders
    awaiting_orders: int  # orders still owed money
    awaiting: int  # what they still owe
    cash_rounding: int  # cash rounding kept on these orders (taken, not in the lines)
    cancelled_orders: int  # left out of every figure
    cancelled_value: int


@dataclass(frozen=True)
class SalesReport:
    range: DateRange
    grouping: Grouping
    currency: str
    rows: tuple[ReportRow, ...]
    totals: Totals
    timezone: str  # the local time the days and hours are in, e.g. "GMT" or "+01:00"

    @property
    def by_money(self) -> bool:
        return self.grouping is Grouping.METHOD


@dataclass(frozen=True)
class Dashboard:
    """What the reports window shows: the report, sales over time and the best sellers."""

    report: SalesReport
    over_time: tuple[ReportRow, ...]  # by day, or by hour for a single day
    top_products: tuple[ReportRow, ...]


TOP_PRODUCTS = 10

# The columns of a report, in order, for screens and files: (key, heading).
SALES_COLUMNS = (
    ("orders", "Orders"),
    ("quantity", "Qty"),
    ("gross", "Gross"),
    ("discounts", "Discounts"),
    ("refunds", "Refunds"),
    ("net", "Net"),
    ("tax", "Tax"),
)
MONEY_COLUMNS = (("orders", "Orders"), ("taken", "Taken"), ("given_back", "Given back"), ("net", "Net"))
COUNT_COLUMNS = frozenset({"orders", "quantity"})


def columns(grouping: Grouping) -> tuple[tuple[str, str], ...]:
    return MONEY_COLUMNS if grouping is Grouping.METHOD else SALES_COLUMNS


def row_values(row: ReportRow) -> list[int]:
    """The row's figures in the order of `columns`."""
    if row.sales is not None:
        s = row.sales
        return [s.orders, s.quantity, s.gross, s.discounts, s.refunds, s.net, s.tax]
    assert row.money is not None
    m = row.money
    return [m.orders, m.taken, m.given_back, m.net]


def totals_row(report: SalesReport) -> list[int]:
    """The totals in the order of `columns`: the sum of the rows, but orders counted once."""
    if report.by_money:
        taken = sum(r.money.taken for r in report.rows if r.money)
        back = sum(r.money.given_back for r in report.rows if r.money)
        return [report.totals.sales.orders, taken, back, taken - back]
    s = report.totals.sales
    return [s.orders, s.quantity, s.gross, s.discounts, s.refunds, s.net, s.tax]


GROUP_HEADINGS: dict[Grouping, tuple[str, ...]] = {
    Grouping.DAY: ("Date",),
    Grouping.HOUR: ("Hour",),
    Grouping.PRODUCT: ("SKU", "Product"),
    Grouping.CATEGORY: ("Category",),
    Grouping.CLERK: ("Clerk",),
    Grouping.TILL: ("Till",),
    Grouping.METHOD: ("Payment method",),
}


def group_cells(grouping: Grouping, row: ReportRow) -> list[str]:
    """What a row is, in the columns of GROUP_HEADINGS, for files: ISO dates, 24-hour hours."""
    if grouping is Grouping.DAY:
        return [row.key]
    if grouping is Grouping.HOUR:
        return [f"{row.key}:00"]
    if grouping is Grouping.PRODUCT:
        return [row.key, row.label]
    if grouping in (Grouping.CATEGORY, Grouping.METHOD):
        return [row.label]
    return [row.key]


def title(report: SalesReport) -> str:
    dates = report.range
    span = (
        dates.first.isoformat()
        if dates.days == 1
        else f"{dates.first.isoformat()} to {dates.last.isoformat()}"
    )
    return f"Sales by {report.grouping.value}, {span}"


def decimal_text(minor: int, currency: str) -> str:
    """Minor units as plain decimal text for files: 123456 GBP -> '1234.56', -5 -> '-0.05'."""
    digits = minor_digits(currency)
    sign = "-" if minor < 0 else ""
    whole, fraction = divmod(abs(minor), 10**digits)
    return f"{sign}{whole}.{fraction:0{digits}d}" if digits else f"{sign}{whole}"
