"""The tables, as typed declarative mappings. Queries use their Core tables for speed."""

from __future__ import annotations

from typing import cast

from sqlalchemy import ForeignKey, Index, Integer, String, Table, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    credit_balance: Mapped[int] = mapped_column(Integer, server_default="0")  # cache of credit_movements
    created_at: Mapped[str] = mapped_column(String(27))
    updated_at: Mapped[str] = mapped_column(String(27))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (Index("ix_customers_name", "name", unique=True),)


class User(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    # The name as compared: normalized, case-folded, look-alike letters mapped (domain.users).
    name_key: Mapped[str] = mapped_column(String(80), server_default=text("''"))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(Text)
    pin_hash: Mapped[str | None] = mapped_column(Text, nullable=True)
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"), nullable=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[str | None] = mapped_column(String(27), nullable=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[str] = mapped_column(String(27))
    updated_at: Mapped[str] = mapped_column(String(27))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (Index("ix_users_name_key", "name_key", unique=True),)


class LoginThrottle(Base):
    """Failed log-ins per typed name (known or not) and kind (login, approve): the wait grows."""

    __tablename__ = "login_throttle"
    name_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    wait_until: Mapped[str | None] = mapped_column(String(27), nullable=True)
    last_failure_at: Mapped[str] = mapped_column(String(27))


class Product(Base):
    __tablename__ = "products"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    barcode: Mapped[str | None] = mapped_column(String(14), unique=True, nullable=True)
    name: Mapped[str] = mapped_column(String(200))
    price: Mapped[int] = mapped_column(Integer)
    tax_rate_bp: Mapped[int] = mapped_column(Integer)
    track_stock: Mapped[bool] = mapped_column(default=True)
    active: Mapped[bool] = mapped_column(default=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)  # cache of the ledger's sum
    # "each" or "weight" (domain SoldBy): by weight, price is per kg and stock counts grams.
    sold_by: Mapped[str] = mapped_column(String(8), server_default=text("'each'"))
    created_at: Mapped[str] = mapped_column(String(27))
    updated_at: Mapped[str] = mapped_column(String(27))
    version: Mapped[int] = mapped_column(Integer, default=1)
    category: Mapped[str] = mapped_column(String(60), server_default=text("''"))  # '' for none


class StockMovement(Base):
    __tablename__ = "stock_movements"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    qty: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(16))
    order_id: Mapped[str | None] = mapped_column(ForeignKey("orders.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    user_name: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[str] = mapped_column(String(27))
    # A product's on-hand summed from the index alone: pulled movements recount it.
    __table_args__ = (Index("ix_stock_movements_product_qty", "product_id", "qty"),)


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    till: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(Integer, index=True)
    status: Mapped[str] = mapped_column(String(16))
    fulfilment: Mapped[str] = mapped_column(String(16))
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"), nullable=True)
    customer_name: Mapped[str] = mapped_column(String(120), default="")
    clerk_name: Mapped[str] = mapped_column(String(80))
    currency: Mapped[str] = mapped_column(String(3))
    subtotal: Mapped[int] = mapped_column(Integer)
    discount: Mapped[int] = mapped_column(Integer)
    tax: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    prices_include_tax: Mapped[bool] = mapped_column()
    cash_rounding: Mapped[int] = mapped_column(Integer, default=0)
    paid: Mapped[int] = mapped_column(Integer)
    change_given: Mapped[int] = mapped_column(Integer, default=0)
    refunded: Mapped[int] = mapped_column(Integer, default=0)
    item_count: Mapped[int] = mapped_column(Integer)
    payment_summary: Mapped[str] = mapped_column(String(40))
    ship_to: Mapped[str] = mapped_column(Text, default="")
    tracking: Mapped[str] = mapped_column(String(80), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    checkout_key: Mapped[str | None] = mapped_column(String(120), unique=True, nullable=True)
    # What the keyed request asked for: a replay with another cart is refused, not answered.
    checkout_fingerprint: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # Why a manager should look at it ('' when nothing): sync conflicts, more refunded than paid.
    attention: Mapped[str] = mapped_column(String(400), server_default=text("''"))
    # The cash drawer session of the till it was rung up at (None: no session was open).
    session_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    created_at: Mapped[str] = mapped_column(String(27))
    updated_at: Mapped[str] = mapped_column(String(27))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (
        # One index per way the order list is read; (created_at, id) is the keyset.
        Index("ix_orders_created", "created_at", "id"),
        Index("ix_orders_status_created", "status", "created_at", "id"),
        Index("ix_orders_customer_created", "customer_id", "created_at", "id"),
        Index("ix_orders_till_created", "till", "created_at", "id"),
        Index("ix_orders_attention", "created_at", "id", sqlite_where=text("attention != ''")),
        Index("ix_orders_session", "session_id", "seq"),
    )


class OrderLine(Base):
    __tablename__ = "order_lines"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"))
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    unit_price: Mapped[int] = mapped_column(Integer)
    qty: Mapped[int] = mapped_column(Integer)
    discount: Mapped[int] = mapped_column(Integer)
    tax_rate_bp: Mapped[int] = mapped_column(Integer)
    tax: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    refunded_qty: Mapped[int] = mapped_column(Integer, default=0)
    refunded_amount: Mapped[int] = mapped_column(Integer, default=0)
    # "each" or "weight": by weight, qty and refunded_qty are grams and unit_price is per kg.
    measure: Mapped[str] = mapped_column(String(8), server_default=text("'each'"))
    __table_args__ = (
        Index("ix_order_lines_order", "order_id", "line_no", unique=True),
        # The few lines with goods given back: sales reports sum their value by day, clerk, till.
        Index("ix_order_lines_returned", "order_id", sqlite_where=text("refunded_qty > 0")),
    )


class Payment(Base):
    __tablename__ = "payments"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # payment or refund
    method: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Integer)
    tendered: Mapped[int] = mapped_column(Integer)
    change: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[str] = mapped_column(String(27))
    # The drawer session open at the till where the money changed hands (None: none was).
    session_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)


class OrderEvent(Base):
    __tablename__ = "order_events"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"))
    at: Mapped[str] = mapped_column(String(27))
    user_name: Mapped[str] = mapped_column(String(80))
    approver_name: Mapped[str] = mapped_column(String(80), default="")
    action: Mapped[str] = mapped_column(String(24))
    from_status: Mapped[str] = mapped_column(String(16), default="")
    to_status: Mapped[str] = mapped_column(String(16), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_order_events_order", "order_id", "at"),)


class CreditMovement(Base):
    """A customer's store credit account: signed movements; the balance never goes below 0."""

    __tablename__ = "credit_movements"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"))
    amount: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(16))
    order_id: Mapped[str | None] = mapped_column(ForeignKey("orders.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    user_name: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[str] = mapped_column(String(27))
    __table_args__ = (Index("ix_credit_movements_customer", "customer_id", "created_at"),)


class PaymentIntent(Base):
    """A card payment taken before its order is written: authorizing, captured, booked or voided.

    One left 'captured' (the till died between the terminal and the database) is resolved at
    the next start: booked with its checkout key, or given back."""

    __tablename__ = "payment_intents"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    checkout_key: Mapped[str | None] = mapped_column(String(120), nullable=True)
    request_json: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(80))
    state: Mapped[str] = mapped_column(String(16), index=True)
    order_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    detail: Mapped[str] = mapped_column(Text)
    user_name: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[str] = mapped_column(String(27))
    updated_at: Mapped[str] = mapped_column(String(27))


class JournalEntry(Base):
    """Hash-chained record of sales, every money or status change after them, and the Z
    reports of closed cash drawer sessions (an entry names an order or a session)."""

    __tablename__ = "journal"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    order_id: Mapped[str | None] = mapped_column(ForeignKey("orders.id"), nullable=True)
    session_id: Mapped[str | None] = mapped_column(ForeignKey("cash_sessions.id"), nullable=True)
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    __table_args__ = (Index("ix_journal_order", "order_id", "kind"),)


class CashSession(Base):
    """A till's cash drawer from its opening float to its count; once closed, its Z report
    (and the row) never change: a trigger refuses it."""

    __tablename__ = "cash_sessions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    till: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(Integer)  # the till's session number (its Z number)
    state: Mapped[str] = mapped_column(String(8))
    opened_by: Mapped[str] = mapped_column(String(80))
    opened_at: Mapped[str] = mapped_column(String(27))
    float_amount: Mapped[int] = mapped_column("float", Integer)
    opening_count: Mapped[str] = mapped_column(Text, server_default=text("''"))  # JSON, '' for a sum
    closed_by: Mapped[str] = mapped_column(String(80), server_default=text("''"))
    closed_at: Mapped[str | None] = mapped_column(String(27), nullable=True)
    counted: Mapped[int | None] = mapped_column(Integer, nullable=True)
    expected: Mapped[int | None] = mapped_column(Integer, nullable=True)
    approver_name: Mapped[str] = mapped_column(String(80), server_default=text("''"))
    z_report: Mapped[str | None] = mapped_column(Text, nullable=True)  # the journal entry's payload
    z_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    updated_at: Mapped[str] = mapped_column(String(27))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (
        Index("ix_cash_sessions_till_seq", "till", "seq", unique=True),
        # One open session per till.
        Index("ix_cash_sessions_open", "till", unique=True, sqlite_where=text("state = 'open'")),
    )


class CashMovement(Base):
    """Cash into (positive) or out of (negative) a session's drawer: the float, cash kept from
    sales, cash refunds, pay-ins and pay-outs."""

    __tablename__ = "cash_movements"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("cash_sessions.id"))
    kind: Mapped[str] = mapped_column(String(8))
    amount: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, server_default=text("''"))
    order_id: Mapped[str | None] = mapped_column(ForeignKey("orders.id"), nullable=True)
    user_name: Mapped[str] = mapped_column(String(80))
    approver_name: Mapped[str] = mapped_column(String(80), server_default=text("''"))
    created_at: Mapped[str] = mapped_column(String(27))
    __table_args__ = (Index("ix_cash_movements_session", "session_id", "kind"),)


class LateSale(Base):
    """A sale booked to a session that was already closed when it reached this database; listed
    on the next report of that till (`noted_in`, set when that session opens)."""

    __tablename__ = "late_sales"
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("cash_sessions.id"))
    till: Mapped[str] = mapped_column(String(16))
    noted_in: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    arrived_at: Mapped[str] = mapped_column(String(27))


class VoidedLine(Base):
    """A line taken off a sale before payment (removed, its quantity lowered, the sale voided
    or a parked sale discarded): kept on this till only, never changed (triggers), summed on
    the X and Z reports of the session open when it was taken off."""

    __tablename__ = "voided_lines"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    till: Mapped[str] = mapped_column(String(16))
    session_id: Mapped[str | None] = mapped_column(ForeignKey("cash_sessions.id"), nullable=True)
    sale_key: Mapped[str] = mapped_column(String(120))  # the lines of one sale share it
    kind: Mapped[str] = mapped_column(String(8))
    sku: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(Text)
    qty: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Integer)
    user_name: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[str] = mapped_column(String(27))
    __table_args__ = (Index("ix_voided_lines_session", "session_id", "user_name"),)


class Change(Base):
    """An immutable change record (store.changelog): this till's own, waiting to be pushed
    while central_seq is NULL, and those pulled from the other tills of the shop."""

    __tablename__ = "changes"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device: Mapped[str] = mapped_column(String(16))
    device_seq: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(String(22))
    entity: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(16))
    payload: Mapped[str] = mapped_column(Text)
    base_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    central_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[str] = mapped_column(String(27))
    __table_args__ = (
        Index("ix_changes_device_seq", "device", "device_seq", unique=True),
        Index("ix_changes_entity", "entity", "entity_id", "hlc"),
        # Own records not yet pushed: found without reading the pushed ones.
        Index("ix_changes_pending", "device", "device_seq", sqlite_where=text("central_seq IS NULL")),
    )


class SyncState(Base):
    """This replica's clock, pull cursor and last sync outcome."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class TillCounter(Base):
    __tablename__ = "till_counters"
    till: Mapped[str] = mapped_column(String(16), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)


class HeldSale(Base):
    """A parked cart: survives restarts until it is resumed or thrown away."""

    __tablename__ = "held_sales"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    label: Mapped[str] = mapped_column(String(80))
    till: Mapped[str] = mapped_column(String(16))
    cart_json: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[str] = mapped_column(String(27))


customers: Table = cast(Table, Customer.__table__)
users: Table = cast(Table, User.__table__)
products: Table = cast(Table, Product.__table__)
stock_movements: Table = cast(Table, StockMovement.__table__)
orders: Table = cast(Table, Order.__table__)
order_lines: Table = cast(Table, OrderLine.__table__)
payments: Table = cast(Table, Payment.__table__)
order_events: Table = cast(Table, OrderEvent.__table__)
journal: Table = cast(Table, JournalEntry.__table__)
changes: Table = cast(Table, Change.__table__)
sync_state: Table = cast(Table, SyncState.__table__)
till_counters: Table = cast(Table, TillCounter.__table__)
held_sales: Table = cast(Table, HeldSale.__table__)
settings: Table = cast(Table, Setting.__table__)
login_throttle: Table = cast(Table, LoginThrottle.__table__)
credit_movements: Table = cast(Table, CreditMovement.__table__)
payment_intents: Table = cast(Table, PaymentIntent.__table__)
cash_sessions: Table = cast(Table, CashSession.__table__)
cash_movements: Table = cast(Table, CashMovement.__table__)
late_sales: Table = cast(Table, LateSale.__table__)
voided_lines: Table = cast(Table, VoidedLine.__table__)
