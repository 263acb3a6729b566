"""What the customer-facing screen shows: a welcome while the till is idle, the lines as they are
scanned with the total, and at the end what was paid and the change. It follows the sale's
signals; nothing is polled."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal

from pos_app.domain.formatting import number
from pos_app.domain.records import OrderDetail
from pos_app.domain.variable_measure import SoldBy
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.measure_text import qty_at_price
from pos_app.viewmodels.money_text import money
from pos_app.viewmodels.session import Session

THANKS_MS = 20_000  # how long "thank you" and the change stay before the welcome comes back
SHOWN_LINES = 8  # the latest lines: a customer watches what was scanned last


class DisplayMode(StrEnum):
    IDLE = "idle"
    SALE = "sale"
    PAID = "paid"


@dataclass(frozen=True)
class DisplayLine:
    name: str
    qty: str  # '2 × £4.00' ('' for one)
    total: str


class CustomerDisplayViewModel(QObject):
    changed = Signal()

    def __init__(
        self, session: Session, parent: QObject | None = None, *, thanks_ms: int = THANKS_MS
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.sale: CheckoutViewModel | None = None
        self.mode = DisplayMode.IDLE
        self.lines: list[DisplayLine] = []
        self.more_lines = 0  # lines scanned before those shown
        self.total = ""
        self.items = ""
        self.discount = ""
        self.paid = ""
        self.change = ""
        self._thanks = QTimer(self)
        self._thanks.setSingleShot(True)
        self._thanks.setInterval(thanks_ms)
        self._thanks.timeout.connect(self._idle)

    @property
    def shop_name(self) -> str:
        return self.session.settings.store_name

    @property
    def welcome(self) -> str:
        return self.tr("Welcome")

    @property
    def placement(self) -> str:
        """Where the display goes: 'off', 'half' or a screen number (the till's setting)."""
        return self.session.settings.customer_display

    def follow(self, sale: CheckoutViewModel) -> None:
        """Show `sale` from now on (the sale screen opened)."""
        self.stop()
        self.sale = sale
        sale.changed.connect(self._sale_changed)
        sale.finished.connect(self._finished)
        self._sale_changed()

    def stop(self) -> None:
        """The sale screen closed (or the till locked): back to the welcome."""
        if self.sale is not None:
            self.sale.changed.disconnect(self._sale_changed)
            self.sale.finished.disconnect(self._finished)
            self.sale = None
        self._idle()

    def _sale_changed(self) -> None:
        sale = self.sale
        if sale is None:
            return
        if not sale.cart.lines:
            if self.mode is not DisplayMode.PAID:  # an empty cart after a sale keeps the thanks
                self._idle()
            return
        self._thanks.stop()
        totals, cur = sale.totals, sale.totals.currency
        rows = [sale.lines.row_at(n) for n in range(sale.lines.rowCount())]
        self.mode = DisplayMode.SALE
        self.more_lines = max(len(rows) - SHOWN_LINES, 0)
        self.lines = [
            DisplayLine(
                row.name,
                qty_at_price(row.qty, row.measure, row.unit_price, cur)
                if row.qty != 1 or row.measure is SoldBy.WEIGHT
                else "",
                money(row.total, cur),
            )
            for row in rows[-SHOWN_LINES:]
        ]
        many = self.tr("{count} items").format(count=number(totals.items))
        self.items = self.tr("1 item") if totals.items == 1 else many
        self.discount = f"-{money(totals.discount, cur)}" if totals.discount else ""
        self.total = money(totals.total, cur)
        self.paid = self.change = ""
        self.changed.emit()

    def _finished(self, order: OrderDetail) -> None:
        cur = order.currency
        self.mode = DisplayMode.PAID
        self.lines, self.more_lines, self.discount = [], 0, ""
        self.total = money(order.total, cur)
        self.paid = money(order.paid + order.change_given, cur) if order.paid else ""
        self.change = money(order.change_given, cur) if order.change_given else ""
        self.changed.emit()
        self._thanks.start()

    def _idle(self) -> None:
        self._thanks.stop()
        self.mode = DisplayMode.IDLE
        self.lines, self.more_lines = [], 0
        self.total = self.items = self.discount = self.paid = self.change = ""
        self.changed.emit()
