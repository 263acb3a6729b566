"""The order list: a filter bar over a lazily filled table. Double-click or Enter opens an order."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.numbers import LAST_DAY
from pos_app.domain.orders import OrderStatus
from pos_app.domain.users import Role
from pos_app.viewmodels.order_list import CUSTOMER, DATE, NUMBER, PAYMENT, STATUS, TILL, OrderListModel

SEARCH_DELAY_MS = 250
_NO_DATE = QDate(2000, 1, 1)  # the minimum of a date box, shown as "any"


class _OrderTable(QTableView):
    open_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


def _date_box(tip: str) -> QDateEdit:
    box = QDateEdit()
    box.setCalendarPopup(True)
    box.setDisplayFormat("yyyy-MM-dd")
    box.setMinimumDate(_NO_DATE)
    box.setMaximumDate(QDate(LAST_DAY.year, LAST_DAY.month, LAST_DAY.day))  # the stated range
    box.setSpecialValueText("any day")
    box.setDate(_NO_DATE)
    box.setToolTip(tip)
    return box


def _day(box: QDateEdit) -> date | None:
    value = box.date()
    return None if value == _NO_DATE else date(value.year(), value.month(), value.day())


class OrderListWidget(QWidget):
    open_order = Signal(str)  # order id

    def __init__(self, model: OrderListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Find: order number or customer name  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem("All statuses", None)
        for status in OrderStatus:
            self.status.addItem(status.value.capitalize(), status)
        self.since = _date_box("first day (any day: no limit)")
        self.until = _date_box("last day (any day: no limit)")
        self.customer = QLineEdit()
        self.customer.setPlaceholderText("customer")
        self.customer.setClearButtonEnabled(True)
        self.till = QLineEdit()
        self.till.setPlaceholderText("till")
        self.till.setMaximumWidth(80)
        self.attention = QCheckBox("Needs attention")
        self.attention.setObjectName("attentionFilter")
        self.attention.setToolTip("Only orders a sync conflict flagged for a manager")
        self.attention.setVisible(False)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.status)
        bar.addWidget(QLabel("from"))
        bar.addWidget(self.since)
        bar.addWidget(QLabel("to"))
        bar.addWidget(self.until)
        bar.addWidget(self.customer, 1)
        bar.addWidget(self.till)
        bar.addWidget(self.attention)

        self.table = _OrderTable()
        self.table.setObjectName("orderTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CUSTOMER, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        for column, width in ((NUMBER, 120), (DATE, 150), (STATUS, 130), (PAYMENT, 150), (TILL, 70)):
            self.table.setColumnWidth(column, width)

        self.info = QLabel()
        self.info.setObjectName("hint")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.info)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(lambda: self.model.set_search(self.search.text()))
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._search_now)
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.since.dateChanged.connect(lambda _d: self.model.set_since(_day(self.since)))
        self.until.dateChanged.connect(lambda _d: self.model.set_until(_day(self.until)))
        self.customer.editingFinished.connect(lambda: self.model.set_customer(self.customer.text()))
        self.till.editingFinished.connect(lambda: self.model.set_till(self.till.text()))
        self.attention.toggled.connect(self.model.set_attention)
        header.sortIndicatorChanged.connect(self._sort)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.open_row.connect(self._open)
        model.error.connect(self._show_error)
        model.loaded.connect(self._update_info)
        model.modelReset.connect(self._reset)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_role(self, role: Role) -> None:
        """Customers see their own orders only: filters by customer or till mean nothing to them."""
        staff = role is not Role.CUSTOMER
        self.customer.setVisible(staff)
        self.till.setVisible(staff)
        manager = role is Role.MANAGER
        if not manager:
            self.attention.setChecked(False)
        self.attention.setVisible(manager)

    def _status_chosen(self) -> None:
        value = self.status.currentData()  # Qt hands the enum back as its text
        self.model.set_status(OrderStatus(value) if value else None)

    def _search_now(self) -> None:
        self._debounce.stop()
        self.model.set_search(self.search.text())

    def _sort(self, section: int, order: Qt.SortOrder) -> None:
        if section != DATE:
            # Only the date order is indexed; keep the indicator honest.
            newest = self.model.query.newest_first
            self.table.horizontalHeader().setSortIndicator(
                DATE, Qt.SortOrder.DescendingOrder if newest else Qt.SortOrder.AscendingOrder
            )
            return
        self.model.set_newest_first(order is Qt.SortOrder.DescendingOrder)

    def _open(self, row: int) -> None:
        order = self.model.order_at(row)
        if order is not None:
            self.open_order.emit(order.id)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def _reset(self) -> None:
        self.error.setVisible(False)  # a new query: an old error no longer applies
        self._update_info()

    def _update_info(self) -> None:
        count = self.model.rowCount()
        if self.model.loading:
            text = "loading…"
        elif count == 0:
            text = "no orders match"
        else:
            more = "" if self.model.complete else " — scroll for more"
            text = f"{count:,} order{'s' if count != 1 else ''} shown{more}"
        self.info.setText(text)
