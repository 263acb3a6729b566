"""Plain frozen records the services hand out: what a window, the CLI or a script reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from pos_app.domain.orders import CLOSED, Fulfilment, OrderStatus
from pos_app.domain.payments import balance_due
from pos_app.domain.users import Role
from pos_app.domain.variable_measure import SoldBy


@dataclass(frozen=True)
class Product:
    id: str
    sku: str
    barcode: str | None
    name: str
    price: int
    tax_rate_bp: int
    track_stock: bool
    active: bool
    on_hand: int  # items, or grams for a product sold by weight
    version: int = 1
    sold_by: SoldBy = SoldBy.EACH  # by weight: `price` is per kg
    category: str = ""  # '' for none


@dataclass(frozen=True)
class Customer:
    id: str
    name: str
    email: str = ""
    phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class UserRecord:
    id: str
    name: str
    role: Role
    customer_id: str | None
    active: bool
    locked_until: str | None
    has_pin: bool


@dataclass(frozen=True)
class OrderSummary:
    """One row of the order list."""

    id: str
    number: str
    created_at: str
    customer_name: str
    item_count: int
    total: int
    currency: str
    status: OrderStatus
    payment_summary: str
    till: str
    version: int
    attention: str = ""  # why a manager should look at it (a sync conflict); "" when all is well


@dataclass(frozen=True)
class OrderLineView:
    line_no: int
    sku: str
    name: str
    unit_price: int
    qty: int
    discount: int
    tax_rate_bp: int
    tax: int
    total: int
    refunded_qty: int
    refunded_amount: int
    measure: SoldBy = SoldBy.EACH  # by weight: qty and refunded_qty are grams, unit_price per kg


@dataclass(frozen=True)
class PaymentView:
    kind: str  # payment or refund
    method: str
    amount: int
    tendered: int
    change: int
    reference: str
    created_at: str


@dataclass(frozen=True)
class OrderEventView:
    at: str
    user_name: str
    approver_name: str
    action: str
    from_status: str
    to_status: str
    detail: str


@dataclass(frozen=True)
class OrderDetail:
    id: str
    number: str
    till: str
    status: OrderStatus
    fulfilment: Fulfilment
    customer_id: str | None
    customer_name: str
    clerk_name: str
    currency: str
    subtotal: int
    discount: int
    tax: int
    total: int
    prices_include_tax: bool
    cash_rounding: int
    paid: int
    change_given: int
    refunded: int
    ship_to: str
    tracking: str
    note: str
    created_at: str
    updated_at: str
    version: int
    lines: tuple[OrderLineView, ...] = ()
    payments: tuple[PaymentView, ...] = ()
    events: tuple[OrderEventView, ...] = ()
    journal_hash: str = ""  # the sale's entry in the hash chain, printed on the receipt
    attention: str = ""  # why a manager should look at it (a sync conflict); "" when all is well

    @property
    def balance_due(self) -> int:
        """What the customer still owes: 0 once paid, and for a cancelled or refunded order."""
        if self.status in CLOSED:
            return 0
        returned = sum(line.refunded_amount for line in self.lines)
        return balance_due(self.total, self.cash_rounding, self.paid, self.refunded, returned)

    @property
    def awaiting_payment(self) -> bool:
        return self.balance_due > 0


@dataclass(frozen=True)
class OrderFilter:
    status: OrderStatus | None = None
    customer_id: str | None = None
    customer_ids: tuple[str, ...] | None = None  # from a name search
    till: str | None = None
    since: str | None = None  # inclusive, UTC text
    until: str | None = None  # exclusive, UTC text
    number: str | None = None
    seq: int | None = None
    attention: bool = False  # only the orders flagged for a manager
    ids: tuple[str, ...] | None = None  # only these orders


@dataclass(frozen=True)
class Page:
    rows: tuple[OrderSummary, ...]
    next_cursor: str | None  # pass back as `after` for the next page; None at the end


@dataclass(frozen=True)
class HeldSale:
    id: str
    label: str
    till: str
    created_by: str
    created_at: str
    cart: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class StockLevel:
    sku: str
    name: str
    on_hand: int
    ledger_sum: int
    track_stock: bool
    sold_by: SoldBy = SoldBy.EACH  # by weight: on_hand and ledger_sum are grams

    @property
    def short(self) -> bool:
        """More was sold than the shop held (the last unit sold at two tills apart, or a count
        that was off): the stock report says so until a count puts it right."""
        return self.track_stock and self.on_hand < 0
