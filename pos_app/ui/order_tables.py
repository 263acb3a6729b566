"""Read-only tables and panels of the order detail: lines, totals, payments, history."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from pos_app.domain.records import OrderDetail
from pos_app.domain.variable_measure import SoldBy
from pos_app.viewmodels.format import local_time, money, percent
from pos_app.viewmodels.measure_text import price_text, qty_text
from pos_app.viewmodels.names import method_name, payment_kind_name, status_name

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def make_table(headers: Sequence[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels([_t(h) for h in headers])
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setAlternatingRowColors(True)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read-only: no cell cursor to draw
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def wrap_column(table: QTableWidget, column: int) -> None:
    """`column` (an item name) takes the room the others leave, and wraps onto a second line
    rather than cutting the name short; rows grow to fit."""
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


def fill(table: QTableWidget, rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(_RIGHT)
            table.setItem(r, c, item)


# Column names, translated by make_table (context "OrderTables").
LINE_HEADERS: tuple[str, ...] = (
    str(QT_TRANSLATE_NOOP("OrderTables", "SKU")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Item")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Qty")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Unit price")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Discount")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Tax")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Total")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Refunded")),
)
PAYMENT_HEADERS: tuple[str, ...] = (
    str(QT_TRANSLATE_NOOP("OrderTables", "When")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Kind")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Method")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Amount")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Tendered")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Change")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Reference")),
)
HISTORY_HEADERS: tuple[str, ...] = (
    str(QT_TRANSLATE_NOOP("OrderTables", "When")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Who")),
    str(QT_TRANSLATE_NOOP("OrderTables", "What")),
    str(QT_TRANSLATE_NOOP("OrderTables", "From → to")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Detail")),
)


def line_rows(order: OrderDetail) -> list[list[str]]:
    cur = order.currency
    return [
        [
            line.sku,
            line.name,
            qty_text(line.qty, line.measure),
            price_text(line.unit_price, line.measure, cur),
            money(-line.discount, cur) if line.discount else "—",
            f"{money(line.tax, cur)} ({percent(line.tax_rate_bp)})",  # no words: nothing to translate
            money(line.total, cur),
            f"{_refunded(line.refunded_qty, line.measure)} · {money(line.refunded_amount, cur)}"
            if line.refunded_qty
            else "—",
        ]
        for line in order.lines
    ]


def _refunded(qty: int, measure: SoldBy) -> str:
    return qty_text(qty, measure) if measure is SoldBy.WEIGHT else f"{qty} ×"


def payment_rows(order: OrderDetail) -> list[list[str]]:
    cur = order.currency
    return [
        [
            local_time(p.created_at),
            payment_kind_name(p.kind),
            method_name(p.method),
            money(p.amount if p.kind == "payment" else -p.amount, cur),
            money(p.tendered, cur) if p.tendered else "—",
            money(p.change, cur) if p.change else "—",
            p.reference or "—",
        ]
        for p in order.payments
    ]


def history_rows(order: OrderDetail) -> list[list[str]]:
    rows = []
    for e in order.events:
        approved = QCoreApplication.translate("OrderTables", " (approved by {name})").format(
            name=e.approver_name
        )
        who = e.user_name + (approved if e.approver_name else "")
        moved = (
            f"{status_name(e.from_status) if e.from_status else '—'} → {status_name(e.to_status)}"
            if e.to_status
            else ""
        )
        rows.append([local_time(e.at, seconds=True), who, e.action, moved, e.detail])
    return rows


TOTAL_NAMES: tuple[str, ...] = (
    str(QT_TRANSLATE_NOOP("OrderTables", "Subtotal")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Discount")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Tax")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Total")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Paid")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Change")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Refunded")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Due")),
)


def _t(text: str) -> str:
    """A name marked above, in the till's language."""
    return QCoreApplication.translate("OrderTables", text)


class TotalsPanel(QWidget):
    """Subtotal, discount, tax, the total (large), paid, change and refunded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totals")
        self.form = QFormLayout(self)
        self.form.setLabelAlignment(_RIGHT)
        self.labels: dict[str, QLabel] = {}
        for key in TOTAL_NAMES:
            value = QLabel()
            value.setAlignment(_RIGHT)
            if key == "Total":
                value.setObjectName("grandTotal")
            self.labels[key] = value
            self.form.addRow(_t(key), value)

    def show_order(self, order: OrderDetail) -> None:
        cur = order.currency
        tax_note = self.tr(" (included)") if order.prices_include_tax else ""
        values = {
            "Subtotal": money(order.subtotal, cur),
            "Discount": money(-order.discount, cur) if order.discount else "—",
            "Tax": money(order.tax, cur) + tax_note,
            "Total": money(order.total, cur),
            "Paid": money(order.paid, cur),
            "Change": money(order.change_given, cur) if order.change_given else "—",
            "Refunded": money(order.refunded, cur) if order.refunded else "—",
            "Due": money(order.balance_due, cur) + self.tr(" awaiting payment")
            if order.awaiting_payment
            else "—",
        }
        for key, text in values.items():
            self.labels[key].setText(text)
