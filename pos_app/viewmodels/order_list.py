"""The order list as a lazy table model: keyset pages fetched as the view scrolls."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

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
from pos_app.domain.orders import OrderStatus
from pos_app.domain.records import OrderSummary, Page
from pos_app.services.orders import OrderQuery
from pos_app.viewmodels.format import local_time, money
from pos_app.viewmodels.names import status_name
from pos_app.viewmodels.session import Session

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (  # translated when shown (context "OrderListModel")
    str(QT_TRANSLATE_NOOP("OrderListModel", "Number")),
    str(QT_TRANSLATE_NOOP("OrderListModel", "Date")),
    str(QT_TRANSLATE_NOOP("OrderListModel", "Customer")),
    str(QT_TRANSLATE_NOOP("OrderListModel", "Items")),
    str(QT_TRANSLATE_NOOP("OrderListModel", "Total")),
    str(QT_TRANSLATE_NOOP("OrderListModel", "Status")),
    str(QT_TRANSLATE_NOOP("OrderListModel", "Payment")),
    str(QT_TRANSLATE_NOOP("OrderListModel", "Till")),
)
NUMBER, DATE, CUSTOMER, ITEMS, TOTAL, STATUS, PAYMENT, TILL = range(len(COLUMNS))
ROW_ROLE = Qt.ItemDataRole.UserRole  # the OrderSummary of a row
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
ATTENTION_MARK = "⚠ "  # before the status of an order that needs a manager's attention
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


class OrderListModel(QAbstractTableModel):
    """Rows arrive a page at a time; a filter or sort change starts again from the first page."""

    error = Signal(str)
    loaded = Signal()  # a page arrived (or the list was found empty)

    def __init__(self, session: Session, page_size: int = 100, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.page_size = page_size
        self._query = OrderQuery()
        self._rows: list[OrderSummary] = []
        self._texts: list[tuple[str, ...] | None] = []  # each row's column texts, made when shown
        self._cursor: str | None = None
        self._started = False  # the first page has been asked for
        self._loading = False
        self._generation = 0  # results of an older query are dropped

    # -- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("OrderListModel", COLUMNS[section])
                if 0 <= section < len(COLUMNS)
                else None
            )
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        # Called for every visible cell and role at each paint: the common case is kept cheap
        # and each row's texts are made once, when first shown.
        if role == _DISPLAY:
            row = index.row()
            if not 0 <= row < len(self._rows) or not index.isValid():
                return None
            texts = self._texts[row]
            if texts is None:
                texts = self._texts[row] = self._row_texts(self._rows[row])
            return texts[index.column()] if 0 <= index.column() < len(texts) else None
        if role == _ALIGNMENT:
            return _RIGHT if index.isValid() and index.column() in (ITEMS, TOTAL) else None
        if role == ROW_ROLE:
            return self.order_at(index.row()) if index.isValid() else None
        if role == _TOOLTIP and index.isValid() and index.column() == STATUS:
            row_data = self.order_at(index.row())
            if row_data and row_data.attention:
                return QCoreApplication.translate("OrderListModel", "Needs attention: {0}").format(
                    row_data.attention
                )
            return None
        return None

    @staticmethod
    def _row_texts(row: OrderSummary) -> tuple[str, ...]:
        return (
            row.number,
            local_time(row.created_at),
            row.customer_name or "—",
            str(row.item_count),
            money(row.total, row.currency),
            (ATTENTION_MARK if row.attention else "") + status_name(row.status),
            row.payment_summary,
            row.till,
        )

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._loading or not self.session.logged_in:
            return False
        return not self._started or self._cursor is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._started = True
        self._loading = True
        generation, query, after = self._generation, self._query, self._cursor
        orders, actor, limit = self.session.services.orders, self.session.actor, self.page_size
        self.session.runner.submit(
            lambda: orders.list_orders(actor, query, limit=limit, after=after),
            lambda page: self._arrived(generation, page),
            lambda exc: self._failed(generation, exc),
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # Only the date has a keyset index both ways; other columns keep the date order.
        if column == DATE:
            self.set_newest_first(order is Qt.SortOrder.DescendingOrder)

    # -- state -----------------------------------------------------------------------------

    @property
    def query(self) -> OrderQuery:
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def complete(self) -> bool:
        """Every matching order is in the model."""
        return self._started and not self._loading and self._cursor is None

    def order_at(self, row: int) -> OrderSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_status(self, status: OrderStatus | None) -> None:
        self._set(status=status)

    def set_since(self, day: date | None) -> None:
        self._set(since=day)

    def set_until(self, day: date | None) -> None:
        self._set(until=day)

    def set_customer(self, name: str) -> None:
        self._set(customer=name.strip() or None)

    def set_till(self, till: str) -> None:
        self._set(till=till.strip().upper() or None)

    def set_search(self, text: str) -> None:
        self._set(search=text.strip() or None)

    def set_attention(self, only_flagged: bool) -> None:
        """Only the orders that need a manager's attention (staff)."""
        self._set(attention=only_flagged)

    def set_newest_first(self, newest_first: bool) -> None:
        self._set(newest_first=newest_first)

    def _set(self, **changes: Any) -> None:
        query = replace(self._query, **changes)
        if query != self._query:
            self._query = query
            self.reload()

    def reset_query(self) -> None:
        """Every filter and the search off, newest first (a new user at the till); no reload."""
        self._query = OrderQuery()

    def clear(self) -> None:
        """Show nothing (nobody is logged in) until the next reload."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._texts = []
        self._cursor = None
        self._started = True
        self._loading = False
        self.endResetModel()

    def reload(self) -> None:
        """Forget the rows and fetch the first page of the current query."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._texts = []
        self._cursor = None
        self._started = False
        self._loading = False
        self.endResetModel()
        self.fetchMore()

    def refresh_orders(self, ids: Iterable[str]) -> None:
        """Re-read these orders (changed at another till, or by an edit here) and update the
        list in place: a shown row is redrawn, or removed when it no longer matches the filter;
        a new match is inserted where it sorts among the rows already fetched (later ones come
        with their page). Other rows, the selection and the scroll position stay."""
        wanted = frozenset(ids)
        if not wanted or not self._started or not self.session.logged_in:
            return
        generation, query = self._generation, self._query
        orders, actor = self.session.services.orders, self.session.actor
        self.session.runner.submit(
            lambda: orders.orders_by_id(actor, query, wanted),
            lambda rows: self._refreshed(generation, wanted, rows),
            lambda exc: self._refresh_failed(generation, exc),
        )

    # -- results ---------------------------------------------------------------------------

    def _arrived(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._cursor = page.next_cursor
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._texts.extend([None] * len(page.rows))
            self.endInsertRows()
        self.loaded.emit()

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._cursor = None  # nothing more to fetch for a query that fails
        self.error.emit(exc.message if isinstance(exc, PosError) else self.tr("the orders could not be read"))
        self.loaded.emit()

    def _refreshed(self, generation: int, wanted: frozenset[str], fresh: tuple[OrderSummary, ...]) -> None:
        if generation != self._generation:
            return  # the list was reloaded meanwhile: it holds the orders as they are now
        found = {row.id: row for row in fresh}
        for row_no in reversed(range(len(self._rows))):
            order_id = self._rows[row_no].id
            if order_id not in wanted:
                continue
            new = found.pop(order_id, None)
            if new is None:
                self.beginRemoveRows(QModelIndex(), row_no, row_no)
                del self._rows[row_no]
                del self._texts[row_no]
                self.endRemoveRows()
            elif new != self._rows[row_no]:
                self._rows[row_no] = new
                self._texts[row_no] = None
                self.dataChanged.emit(self.index(row_no, 0), self.index(row_no, len(COLUMNS) - 1))
        for new in found.values():  # not shown yet: new here, or newly matching
            at = self._place(new)
            if at is not None:
                self.beginInsertRows(QModelIndex(), at, at)
                self._rows.insert(at, new)
                self._texts.insert(at, None)
                self.endInsertRows()

    def _place(self, row: OrderSummary) -> int | None:
        """Where `row` sorts among the fetched rows; None when it sorts after the last one
        and more pages are to come (it arrives with its page)."""
        newest_first = self._query.newest_first
        key = (row.created_at, row.id)
        for at, shown in enumerate(self._rows):
            if ((shown.created_at, shown.id) < key) == newest_first:
                return at
        return len(self._rows) if self._cursor is None and not self._loading else None

    def _refresh_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        if not isinstance(exc, PosError):
            log.error("refreshing orders failed: %r", exc)
        self.error.emit(exc.message if isinstance(exc, PosError) else self.tr("the orders could not be read"))
