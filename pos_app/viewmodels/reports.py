"""The reports window: a range of days and a grouping chosen, the report read on the task runner
(a slower answer to an older choice is dropped), its rows as a table model, its totals as lines,
the points of its two charts, and saving it as CSV or Excel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from pos_app.domain.errors import PosError
from pos_app.domain.reports import (
    COUNT_COLUMNS,
    GROUP_HEADINGS,
    Dashboard,
    Grouping,
    ReportRow,
    SalesReport,
    columns,
    row_values,
    totals_row,
)
from pos_app.viewmodels.money_text import money
from pos_app.viewmodels.names import method_name
from pos_app.viewmodels.session import Session

if TYPE_CHECKING:
    from pos_app.services.report_files import FileKind

AnyIndex = QModelIndex | QPersistentModelIndex
# The domain's column headings, for lupdate: the table shows them translated.
_HEADINGS = (
    QT_TRANSLATE_NOOP("ReportColumns", "Orders"),
    QT_TRANSLATE_NOOP("ReportColumns", "Qty"),
    QT_TRANSLATE_NOOP("ReportColumns", "Gross"),
    QT_TRANSLATE_NOOP("ReportColumns", "Discounts"),
    QT_TRANSLATE_NOOP("ReportColumns", "Refunds"),
    QT_TRANSLATE_NOOP("ReportColumns", "Net"),
    QT_TRANSLATE_NOOP("ReportColumns", "Tax"),
    QT_TRANSLATE_NOOP("ReportColumns", "Taken"),
    QT_TRANSLATE_NOOP("ReportColumns", "Given back"),
    QT_TRANSLATE_NOOP("ReportColumns", "Date"),
    QT_TRANSLATE_NOOP("ReportColumns", "Hour"),
    QT_TRANSLATE_NOOP("ReportColumns", "SKU"),
    QT_TRANSLATE_NOOP("ReportColumns", "Product"),
    QT_TRANSLATE_NOOP("ReportColumns", "Category"),
    QT_TRANSLATE_NOOP("ReportColumns", "Clerk"),
    QT_TRANSLATE_NOOP("ReportColumns", "Till"),
    QT_TRANSLATE_NOOP("ReportColumns", "Payment method"),
    QT_TRANSLATE_NOOP("ReportColumns", "Total"),
)


def _heading(text: str) -> str:
    return QCoreApplication.translate("ReportColumns", text)


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class Preset:
    """Ranges a manager asks for most, by name: (first, last) from today."""

    TODAY = "Today"
    YESTERDAY = "Yesterday"
    LAST_7 = "Last 7 days"
    THIS_MONTH = "This month"
    LAST_MONTH = "Last month"
    ALL = (TODAY, YESTERDAY, LAST_7, THIS_MONTH, LAST_MONTH)


def preset_range(name: str, today: date) -> tuple[date, date]:
    if name == Preset.YESTERDAY:
        day = today - timedelta(days=1)
        return day, day
    if name == Preset.LAST_7:
        return today - timedelta(days=6), today
    if name == Preset.THIS_MONTH:
        return today.replace(day=1), today
    if name == Preset.LAST_MONTH:
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    return today, today


@dataclass(frozen=True)
class Point:
    label: str
    key: str
    value: int  # minor units


class ReportTableModel(QAbstractTableModel):
    """One row per group, then the totals row; amounts in the shop's currency."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report: SalesReport | None = None
        self._rows: list[tuple[str, list[int]]] = []
        self._heads: list[str] = []
        self._counts: list[bool] = []

    def show(self, report: SalesReport | None) -> None:
        self.beginResetModel()
        self.report = report
        self._rows = []
        if report is not None:
            self._rows = [(self._label(report.grouping, r), row_values(r)) for r in report.rows]
            self._rows.append((_heading("Total"), totals_row(report)))
            heads = columns(report.grouping)
            group = " / ".join(_heading(h) for h in GROUP_HEADINGS[report.grouping])
            self._heads = [group, *(_heading(h) for _k, h in heads)]
            self._counts = [key in COUNT_COLUMNS for key, _h in heads]
        self.endResetModel()

    @staticmethod
    def _label(grouping: Grouping, row: ReportRow) -> str:
        if grouping is Grouping.PRODUCT:
            return f"{row.key} {row.label}"
        if grouping is Grouping.METHOD:
            return method_name(row.key)  # in the till's language
        return row.label

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._heads)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._heads[section] if section < len(self._heads) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.report is None:
            return None
        label, values = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return label
        value = values[column - 1]
        return str(value) if self._counts[column - 1] else money(value, self.report.currency)

    def is_total(self, row: int) -> bool:
        return row == len(self._rows) - 1


class ReportsViewModel(QObject):
    loaded = Signal()  # a new dashboard is shown
    message = Signal(str)  # a refusal or failure
    saved = Signal(str)  # the file a report went into
    busy_changed = Signal(bool)

    def __init__(self, session: Session, today: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today
        self.first, self.last = preset_range(Preset.TODAY, today)
        self.grouping = Grouping.DAY
        self.dashboard: Dashboard | None = None
        self.table = ReportTableModel(self)
        self.busy = False
        self._asked = 0  # the newest request; an older one's answer is dropped

    # -- choosing --------------------------------------------------------------------------

    def choose(self, first: date, last: date, grouping: Grouping) -> None:
        """Read the report for that range and grouping (the range's days are the shop's)."""
        self.first, self.last, self.grouping = first, last, grouping
        if last < first:
            self.message.emit(self.tr("The last day is before the first: choose the range again"))
            return
        reports, actor = self.session.services.reports, self.session.actor
        self._asked += 1
        asked = self._asked
        self._set_busy(True)
        self.session.runner.submit(
            lambda: reports.dashboard(actor, first, last, grouping),
            lambda found: self._loaded(asked, found),
            lambda exc: self._failed(asked, exc),
        )

    def _loaded(self, asked: int, found: Dashboard) -> None:
        if asked != self._asked:
            return
        self._set_busy(False)
        self.dashboard = found
        self.table.show(found.report)
        self.loaded.emit()

    def _failed(self, asked: int, exc: Exception) -> None:
        if asked != self._asked:
            return
        self._set_busy(False)
        self._say(exc)

    # -- what the window shows ----------------------------------------------------------

    @property
    def currency(self) -> str:
        return self.dashboard.report.currency if self.dashboard else self.session.settings.currency

    def money(self, minor: int) -> str:
        return money(minor, self.currency)

    def totals(self) -> list[tuple[str, str]]:
        """The totals panel: what each figure is and its value."""
        if self.dashboard is None:
            return []
        t = self.dashboard.report.totals
        s = t.sales
        m = self.money
        lines = [
            (self.tr("Orders"), str(s.orders)),
            (self.tr("Gross sales"), m(s.gross)),
            (self.tr("Discounts"), m(s.discounts)),
            (self.tr("Refunds"), m(s.refunds)),
            (self.tr("Net sales"), m(s.net)),
            (self.tr("Tax"), m(s.tax)),
            (self.tr("Taken"), m(t.taken)),
            (self.tr("Awaiting payment"), f"{m(t.awaiting)} ({t.awaiting_orders})"),
        ]
        if t.cash_rounding:
            lines.append((self.tr("Cash rounding"), m(t.cash_rounding)))
        if t.cancelled_orders:
            lines.append((self.tr("Cancelled, left out"), f"{t.cancelled_orders} ({m(t.cancelled_value)})"))
        return lines

    def caption(self) -> str:
        if self.dashboard is None:
            return ""
        report = self.dashboard.report
        return self.tr("{days} day(s), times in {zone}; cancelled orders left out").format(
            days=report.range.days, zone=report.timezone
        )

    def over_time(self) -> tuple[str, list[Point]]:
        """The chart of net sales over time: by hour for one day, else by day."""
        if self.dashboard is None:
            return "", []
        rows = self.dashboard.over_time
        hourly = len(rows) == 24 and self.dashboard.report.range.days == 1
        title = self.tr("Net sales by hour") if hourly else self.tr("Net sales by day")
        return title, [Point(r.key if hourly else r.key[8:], r.key, r.net) for r in rows]

    def top_products(self) -> list[Point]:
        if self.dashboard is None:
            return []
        return [_point(r) for r in self.dashboard.top_products]

    # -- saving ----------------------------------------------------------------------------

    def suggested_name(self, kind: str) -> str:
        span = self.first.isoformat() if self.first == self.last else f"{self.first}_{self.last}"
        return f"sales-by-{self.grouping.value}-{span}.{kind}"

    def save(self, path: Path, kind: FileKind | None = None) -> None:
        """Save the report shown (the save dialog has asked before replacing a file)."""
        if self.dashboard is None:
            self.message.emit(self.tr("Show a report first"))
            return
        reports, report = self.session.services.reports, self.dashboard.report
        self.session.runner.submit(
            lambda: reports.save(report, path, kind, force=True),
            lambda _kind: self.saved.emit(self.tr("Saved {name}").format(name=path.name)),
            self._say,
        )

    def _say(self, exc: Exception) -> None:
        self.message.emit(
            exc.message if isinstance(exc, PosError) else self.tr("that failed; see the log file")
        )

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busy_changed.emit(busy)


def _point(row: ReportRow) -> Point:
    return Point(row.label, row.key, row.net)
