"""Sales reports (managers): a range of the shop's local days grouped by day, hour, product,
category, clerk, till or payment method, with totals that add up to the orders to the penny.
What each figure means is written in domain/reports.py."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TypeVar

from pos_app.domain.errors import InvalidInput
from pos_app.domain.formatting import day_text
from pos_app.domain.payments import PaymentMethod
from pos_app.domain.policy import Action, require
from pos_app.domain.reports import (
    TOP_PRODUCTS,
    Dashboard,
    DateRange,
    Figures,
    Grouping,
    MethodFigures,
    ReportRow,
    SalesReport,
    Totals,
)
from pos_app.domain.users import Actor
from pos_app.services.guard import Guard
from pos_app.services.report_files import FileKind, kind_of, write_csv, write_xlsx
from pos_app.services.settings import SettingsService
from pos_app.store import report_queries as q
from pos_app.store.ids import to_text
from pos_app.store.uow import Database, UnitOfWork

T = TypeVar("T")
NO_CATEGORY = "(no category)"
METHOD_LABELS = {
    PaymentMethod.CASH: "Cash",
    PaymentMethod.CARD: "Card",
    PaymentMethod.STORE_CREDIT: "Store credit",
}


def local_midnight_utc(day: date) -> str:
    """The shop's (this computer's) local midnight starting `day`, as stored UTC text."""
    return to_text(datetime.combine(day, time.min).astimezone())


def local_zone() -> str:
    return datetime.now().astimezone().tzname() or "local time"


def _figures(values: Iterable[Any]) -> Figures:
    return Figures(*(int(v) for v in values))


def _add(a: Figures, b: Figures) -> Figures:
    return Figures(
        a.orders + b.orders,
        a.quantity + b.quantity,
        a.gross + b.gross,
        a.discounts + b.discounts,
        a.refunds + b.refunds,
        a.tax + b.tax,
        a.total + b.total,
    )


def _local(utc_hour: str, quarter: int) -> datetime:
    """A UTC quarter-hour bucket of report_queries as the shop's local time."""
    start = datetime.strptime(utc_hour, "%Y-%m-%dT%H").replace(tzinfo=UTC)
    return (start + timedelta(minutes=15 * quarter)).astimezone()


def _by_day(buckets: list[q.Row], dates: DateRange) -> tuple[ReportRow, ...]:
    days = {dates.first + timedelta(days=n): Figures() for n in range(dates.days)}
    for row in buckets:
        day = _local(row[0], row[1]).date()
        if day in days:  # always: the range's bounds are local midnights
            days[day] = _add(days[day], _figures(row[2:]))
    return tuple(ReportRow(d.isoformat(), day_text(d), f) for d, f in days.items())


def _by_hour(buckets: list[q.Row]) -> tuple[ReportRow, ...]:
    hours = [Figures()] * 24
    for row in buckets:
        hour = _local(row[0], row[1]).hour
        hours[hour] = _add(hours[hour], _figures(row[2:]))
    return tuple(ReportRow(f"{h:02d}", f"{h:02d}:00–{(h + 1) % 24:02d}:00", f) for h, f in enumerate(hours))


def _biggest_first(rows: Iterable[ReportRow]) -> tuple[ReportRow, ...]:
    return tuple(sorted(rows, key=lambda r: (-r.net, r.key)))


def _product_rows(found: list[q.Row]) -> tuple[ReportRow, ...]:
    return _biggest_first(ReportRow(str(r[1]), str(r[2]), _figures(r[3:])) for r in found)


def _method_label(method: str) -> str:
    try:
        return METHOD_LABELS[PaymentMethod(method)]
    except ValueError:
        return method  # a method a newer till knows


class ReportService:
    def __init__(self, db: Database, settings: SettingsService, guard: Guard) -> None:
        self.db = db
        self.settings = settings
        self.guard = guard

    def sales(self, actor: Actor, first: date, last: date, grouping: Grouping) -> SalesReport:
        """Sales from `first` to `last` (both included, local days) grouped by `grouping`."""
        return self._read(actor, first, last, lambda uow, dates: self._report(uow, dates, grouping))

    def dashboard(self, actor: Actor, first: date, last: date, grouping: Grouping) -> Dashboard:
        """The report, sales over time (by hour for a single day, else by day) and the best
        sellers, read in one transaction so they agree."""

        def build(uow: UnitOfWork, dates: DateRange) -> Dashboard:
            start, end = self._bounds(dates)
            buckets = q.grouped_orders(uow.conn, start, end, "time")  # read once, for both
            report = self._report(uow, dates, grouping, buckets)
            over_time = _by_hour(buckets) if dates.days == 1 else _by_day(buckets, dates)
            top = _product_rows(q.grouped_lines(uow.conn, start, end, "product", TOP_PRODUCTS))
            return Dashboard(report, over_time, top)

        return self._read(actor, first, last, build)

    def save(
        self, report: SalesReport, path: Path, kind: FileKind | None = None, *, force: bool = False
    ) -> FileKind:
        """Write a report made by `sales` (for a manager, so no database is read here) to a new
        file (an existing one only with `force`; never the database): CSV or Excel, as `kind`
        or the file's name says."""
        kind = kind or kind_of(path)
        write = write_csv if kind is FileKind.CSV else write_xlsx
        write(report, path, force=force, protect=[self.db.path])
        return kind

    def _read(self, actor: Actor, first: date, last: date, build: Callable[[UnitOfWork, DateRange], T]) -> T:
        require(actor, Action.VIEW_REPORTS)
        dates = DateRange(first, last)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.VIEW_REPORTS)
            return build(uow, dates)

    @staticmethod
    def _bounds(dates: DateRange) -> tuple[str, str]:
        return local_midnight_utc(dates.first), local_midnight_utc(dates.last + timedelta(days=1))

    def _report(
        self, uow: UnitOfWork, dates: DateRange, grouping: Grouping, buckets: list[q.Row] | None = None
    ) -> SalesReport:
        """`buckets`: the range's sums by quarter-hour, when already read."""
        start, end = self._bounds(dates)
        conn = uow.conn
        rows: tuple[ReportRow, ...]
        if grouping in (Grouping.DAY, Grouping.HOUR):
            found = buckets if buckets is not None else q.grouped_orders(conn, start, end, "time")
            rows = _by_day(found, dates) if grouping is Grouping.DAY else _by_hour(found)
        elif grouping is Grouping.PRODUCT:
            rows = _product_rows(q.grouped_lines(conn, start, end, "product"))
        elif grouping is Grouping.METHOD:
            rows = _biggest_first(
                ReportRow(str(m), _method_label(str(m)), money=MethodFigures(int(n), int(t), int(b)))
                for m, n, t, b in q.by_method(conn, start, end)
            )
        else:
            key = grouping.value
            found = (
                q.grouped_lines(conn, start, end, key)
                if key in q.LINE_KEYS
                else q.grouped_orders(conn, start, end, key)
            )
            rows = _biggest_first(
                ReportRow(str(r[0]), str(r[0]) or NO_CATEGORY, _figures(r[1:])) for r in found
            )
        sums = q.range_totals(conn, start, end)
        totals = Totals(
            sales=_figures(sums.figures),
            taken=sums.taken,
            awaiting_orders=sums.awaiting_orders,
            awaiting=sums.awaiting,
            cash_rounding=sums.cash_rounding,
            cancelled_orders=sums.cancelled_orders,
            cancelled_value=sums.cancelled_value,
        )
        currency = self.settings.read(uow).currency
        return SalesReport(dates, grouping, currency, rows, totals, local_zone())


def parse_grouping(text: str) -> Grouping:
    try:
        return Grouping(text.strip().lower())
    except ValueError:
        choices = ", ".join(g.value for g in Grouping)
        raise InvalidInput(f"reports group by {choices}, not '{text[:20]}'") from None
