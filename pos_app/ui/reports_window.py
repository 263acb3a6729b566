"""Manager screen: sales reports. A range of days (or a preset such as "This month") and what to
group by; the rows with their totals, net sales over time and the best sellers as charts, and
"Save as…" to CSV or Excel. Usable by keyboard: Alt+R range, Alt+F and Alt+U the days, Alt+G
grouping, Enter shows, Ctrl+S saves, Esc closes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.reports import Grouping
from pos_app.ui.report_charts import ChartView
from pos_app.ui.screen_fit import fit_to_screen
from pos_app.viewmodels.reports import Preset, ReportsViewModel, preset_range
from pos_app.viewmodels.session import Session


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ReportsDialog(QDialog):
    def __init__(self, session: Session, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsDialog")
        self.setWindowTitle(self.tr("Sales reports"))
        fit_to_screen(self, 1100, 760)
        self.vm = ReportsViewModel(session, today or date.today(), self)

        self.preset = QComboBox()
        self.preset.setObjectName("reportRange")
        # In the order of Preset.ALL, then the range typed by hand.
        self.preset.addItems(
            [
                self.tr("Today"),
                self.tr("Yesterday"),
                self.tr("Last 7 days"),
                self.tr("This month"),
                self.tr("Last month"),
                self.tr("Custom"),
            ]
        )
        self.first = self._date_edit("reportFrom")
        self.last = self._date_edit("reportTo")
        self.grouping = QComboBox()
        self.grouping.setObjectName("reportGrouping")
        for g, name in (
            (Grouping.DAY, self.tr("Day")),
            (Grouping.HOUR, self.tr("Hour of the day")),
            (Grouping.PRODUCT, self.tr("Product")),
            (Grouping.CATEGORY, self.tr("Category")),
            (Grouping.CLERK, self.tr("Clerk")),
            (Grouping.TILL, self.tr("Till")),
            (Grouping.METHOD, self.tr("Payment method")),
        ):
            self.grouping.addItem(name, g.value)
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setObjectName("primary")
        self.show_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.setToolTip(self.tr("Save the report as Excel or CSV (Ctrl+S)"))
        controls = QHBoxLayout()
        for text, field in (
            (self.tr("&Range"), self.preset),
            (self.tr("&From"), self.first),
            (self.tr("&Until"), self.last),
            (self.tr("&Group by"), self.grouping),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            label.setContentsMargins(6, 0, 0, 0)
            controls.addWidget(label)
            controls.addWidget(field)
        controls.addStretch(1)
        controls.addWidget(self.show_button)

        self.table = QTableView()
        self.table.setObjectName("reportTable")
        self.table.setModel(self.vm.table)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.totals_box = QGroupBox(self.tr("Totals"))
        self.totals_form = QFormLayout(self.totals_box)
        self.totals_box.setMinimumWidth(240)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setObjectName("hint")
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        side = QVBoxLayout()
        side.addWidget(self.totals_box)
        side.addWidget(self.caption)
        side.addStretch(1)
        side.addWidget(self.save_button)
        middle.addLayout(side)

        self.over_time = ChartView("overTimeChart")
        self.top_products = ChartView("topProductsChart")
        charts = QHBoxLayout()
        charts.addWidget(self.over_time, 1)
        charts.addWidget(self.top_products, 1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(middle, 1)
        layout.addLayout(charts)
        layout.addWidget(self.message)

        self.preset.activated.connect(self._preset_chosen)
        self.grouping.activated.connect(lambda _i: self.show_report())
        self.first.editingFinished.connect(self._dates_typed)
        self.last.editingFinished.connect(self._dates_typed)
        self.show_button.clicked.connect(self.show_report)
        self.save_button.clicked.connect(self.ask_save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.ask_save)
        self.vm.loaded.connect(self._loaded)
        self.vm.message.connect(lambda text: self._say(text, error=True))
        self.vm.saved.connect(lambda text: self._say(text, error=False))
        self.vm.busy_changed.connect(lambda busy: self.show_button.setEnabled(not busy))
        self._set_dates(self.vm.first, self.vm.last)
        self.preset.setFocus()
        self.show_report()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumWidth(130)
        return edit

    def _set_dates(self, first: date, last: date) -> None:
        self.first.setDate(_qdate(first))
        self.last.setDate(_qdate(last))

    # -- choosing --------------------------------------------------------------------------

    def _preset_chosen(self, index: int) -> None:
        if index < len(Preset.ALL):
            self._set_dates(*preset_range(Preset.ALL[index], self.vm.today))
            self.show_report()

    def _dates_typed(self) -> None:
        if (_day(self.first.date()), _day(self.last.date())) != (self.vm.first, self.vm.last):
            self.preset.setCurrentIndex(len(Preset.ALL))  # "Custom"
            self.show_report()

    def choose(self, first: date, last: date, grouping: Grouping) -> None:
        """As a user would: type the days, pick the grouping, show."""
        self._set_dates(first, last)
        self.grouping.setCurrentIndex(list(Grouping).index(grouping))
        self.preset.setCurrentIndex(len(Preset.ALL))
        self.show_report()

    def show_report(self) -> None:
        self.message.setVisible(False)
        grouping = self.grouping.currentData()
        self.vm.choose(_day(self.first.date()), _day(self.last.date()), Grouping(grouping))

    # -- showing ---------------------------------------------------------------------------

    def _loaded(self) -> None:
        header = self.table.horizontalHeader()
        for column in range(self.vm.table.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if column == 0 else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        while self.totals_form.rowCount():
            self.totals_form.removeRow(0)
        for what, value in self.vm.totals():
            shown = QLabel(value)
            shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.totals_form.addRow(what, shown)
        self.caption.setText(self.vm.caption())
        title, points = self.vm.over_time()
        self.over_time.over_time(title, points, self.vm.currency)
        self.top_products.top_products(
            self.tr("Top products (net)"), self.vm.top_products(), self.vm.currency
        )

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setObjectName("error" if error else "ok")
        self.message.style().polish(self.message)
        self.message.setVisible(True)

    # -- saving ----------------------------------------------------------------------------

    def ask_save(self) -> None:
        excel, text = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV file (*.csv)")
        name, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), self.vm.suggested_name("xlsx"), f"{excel};;{text}"
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_name(f"{path.name}.{'csv' if chosen == text else 'xlsx'}")
        self.vm.save(path)
