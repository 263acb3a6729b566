"""Applying change records pulled from the other tills of the shop, and what push needs.

Applying is idempotent and order-insensitive: a record already held is skipped; fact rows
(payments, history, stock and credit movements) are inserted by their ids; an order is
re-folded from all the records it has (domain.order_fold), so one that arrives late takes its
place; products, customers and users are folded from their records too, each column as the
latest record (clock stamp, device, id) that changed it says.
Caches (on-hand, credit balance) are recomputed from their ledgers for what was touched.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, and_, bindparam, func, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pos_app.domain import hlc
from pos_app.domain.order_fold import Folded, OrderChange, fold
from pos_app.domain.users import name_key
from pos_app.store.changelog import (
    CHANGED,
    ENTITY_TABLES,
    entity_row,
    placed_payload,
    read_state,
    wall_ms,
    write_records,
    write_state,
)
from pos_app.store.drawer_repo import claim_late_sales, is_closed, note_late_sale
from pos_app.store.misc_repo import TILL_OWN_SETTINGS
from pos_app.store.schema import (
    cash_movements,
    cash_sessions,
    changes,
    credit_movements,
    customers,
    order_events,
    order_lines,
    orders,
    payments,
    products,
    settings,
    stock_movements,
)

Row = dict[str, Any]
FACT_TABLES: dict[str, Table] = {
    "payments": payments,
    "order_events": order_events,
    "stock_movements": stock_movements,
    "credit_movements": credit_movements,
    "cash_movements": cash_movements,
}
# Values two tills may both have chosen while apart; the row made later gives way (see _claim).
UNIQUE: dict[str, tuple[str, ...]] = {
    "products": ("sku", "barcode"),
    "customers": ("name",),
    "users": ("name_key",),
    "orders": ("number", "checkout_key"),
}
KEPT_ON_REFOLD = frozenset({"id", "number", "checkout_key", "checkout_fingerprint"})
CONFLICT_ACTION = "conflict"
_CONFLICT_IDS = uuid.UUID("6f2a1c9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b")
_IN_CHUNK = 500  # values in one IN (...) list
CHANGE_COLUMNS = (
    "id",
    "device",
    "device_seq",
    "hlc",
    "entity",
    "entity_id",
    "kind",
    "payload",
    "base_version",
    "central_seq",
)

_CHANGE_INSERT = sqlite_insert(changes).on_conflict_do_nothing()


@dataclass
class Applied:
    """What a batch of pulled records changed here (views refresh just these)."""

    new: int = 0
    orders: set[str] = field(default_factory=set)
    products: set[str] = field(default_factory=set)
    customers: set[str] = field(default_factory=set)
    users: set[str] = field(default_factory=set)
    flagged: set[str] = field(default_factory=set)
    cash_sessions: set[str] = field(default_factory=set)
    settings: bool = False

    def merge(self, other: Applied) -> None:
        self.new += other.new
        self.settings = self.settings or other.settings
        for name in ("orders", "products", "customers", "users", "flagged", "cash_sessions"):
            getattr(self, name).update(getattr(other, name))


def apply_records(conn: Connection, records: Sequence[Row], clock: Callable[[], int] = wall_ms) -> Applied:
    """Apply pulled records (dicts of CHANGE_COLUMNS) in one transaction the caller holds."""
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    applied = Applied()
    before = hlc.parse(read_state(conn, "hlc", hlc.ZERO))
    newest = before
    stock_of: set[str] = set()
    credit_of: set[str] = set()
    closing: dict[str, int] = {}  # drawer sessions this batch closes: where their close comes
    for index, record in enumerate(records):
        if _batched(record):
            continue  # order, stock and credit records: all at once below
        row: dict[str, Any] = _change_row(record)
        done = conn.execute(_CHANGE_INSERT, row).rowcount
        if done != 1:
            continue  # already held: pulled twice, or our own
        applied.new += 1
        newest = max(newest, hlc.parse(str(row["hlc"])))
        payload = json.loads(str(row["payload"]))
        entity, entity_id = str(row["entity"]), str(row["entity_id"])
        if entity == "setting":
            if _is_latest(conn, row) and entity_id not in TILL_OWN_SETTINGS:
                _upsert_setting(conn, payload)
            applied.settings = True
            continue
        if entity == "cash_session":
            if payload.get("state") == "closed" and not is_closed(conn, entity_id):
                closing.setdefault(entity_id, index)
            if _is_latest(conn, row):
                _upsert_session(conn, payload)
            applied.cash_sessions.add(entity_id)
            continue
        _fold_entity(conn, entity, entity_id)
        getattr(applied, f"{entity}s").add(entity_id)
        if entity == "product":
            stock_of.add(entity_id)
        elif entity == "customer":
            credit_of.add(entity_id)
    stored = _store_changes(conn, [r for r in records if _batched(r)])
    applied.new += len(stored)
    for row in stored:
        newest = max(newest, hlc.parse(str(row["hlc"])))
    as_placed = _apply_batched(conn, stored, applied, stock_of, credit_of)
    _note_late_sales(conn, records, stored, closing)
    for order_id in applied.orders:
        if order_id not in as_placed and refold(conn, order_id):
            applied.flagged.add(order_id)
    _recount(conn, stock_of, credit_of)
    applied.products |= stock_of
    applied.customers |= credit_of
    write_state(conn, {"hlc": hlc.receive(before, newest, clock()).text()})
    return applied


def _change_row(record: Row) -> Row:
    row = {name: record.get(name) for name in CHANGE_COLUMNS}
    row["created_at"] = record.get("created_at") or ""
    return row


def _batched(record: Row) -> bool:
    """Order, stock and credit records: applied in bulk (products, customers, users and
    settings go one at a time, each against the latest record held)."""
    entity = str(record.get("entity"))
    return entity != "setting" and entity not in ENTITY_TABLES


# -- order, stock and credit records in bulk -------------------------------------------------
# The same outcome as taking them one at a time: a record's rows only meet rows of its own
# kind, so each table is written with one executemany, in the records' order.


def _store_changes(conn: Connection, records: Sequence[Row]) -> list[Row]:
    """Store the records' change rows; those new here, in order (one already held, by id or by
    device and sequence, or repeated within `records`, is left out)."""
    rows = [_change_row(r) for r in records]
    held = _existing(conn, changes.c.id, [r["id"] for r in rows])
    fresh: list[Row] = []
    for row in rows:
        if row["id"] not in held:
            held.add(row["id"])
            fresh.append(row)
    if not fresh:
        return []
    if _insert_many(conn, changes, fresh) != len(fresh):  # a device and sequence held under another id
        stored = _existing(conn, changes.c.id, [r["id"] for r in fresh])
        fresh = [r for r in fresh if r["id"] in stored]
    return fresh


def _apply_batched(
    conn: Connection, stored: Sequence[Row], applied: Applied, stock_of: set[str], credit_of: set[str]
) -> set[str]:
    """Insert the orders, lines and fact rows the new records carry. Returns the orders that
    stand exactly as placed (their one record is the placing, their row is new here): folding
    them would write what the insert wrote."""
    payloads = [json.loads(str(row["payload"])) for row in stored]
    placed = [
        (str(row["entity_id"]), body)
        for row, body in zip(stored, payloads, strict=True)
        if row["entity"] == "order" and row["kind"] == "placed"
    ]
    headers = [_columns(orders, body["order"]) for _id, body in placed]
    earlier = _existing(conn, orders.c.id, [h["id"] for h in headers])
    if _clashes(conn, headers):
        for header in headers:
            _insert(conn, orders, [header], claim=True)
        new_orders: set[str] = set()
    else:
        _insert_many(conn, orders, headers)
        new_orders = {h["id"] for h in headers} - earlier
    rows_by_table: dict[str, list[Row]] = {}
    for row, body in zip(stored, payloads, strict=True):
        if row["entity"] == "order" and row["kind"] == "placed":
            rows_by_table.setdefault("order_lines", []).extend(body["lines"])
        for name, rows in body.get("rows", {}).items():
            if name in FACT_TABLES:
                rows_by_table.setdefault(name, []).extend(rows)
        if row["entity"] == "order":
            applied.orders.add(str(row["entity_id"]))
    for name, rows in rows_by_table.items():
        _insert_many(conn, order_lines if name == "order_lines" else FACT_TABLES[name], rows)
        if name == "stock_movements":
            stock_of.update(r["product_id"] for r in rows)
        elif name == "credit_movements":
            credit_of.update(r["customer_id"] for r in rows)
    return _as_placed(conn, placed, new_orders)


def _as_placed(conn: Connection, placed: Sequence[tuple[str, Row]], new_orders: set[str]) -> set[str]:
    counted = Counter(order_id for order_id, _body in placed if order_id in new_orders)
    once = [order_id for order_id, n in counted.items() if n == 1]
    more: set[str] = set()
    for start in range(0, len(once), _IN_CHUNK):
        more.update(
            conn.execute(
                select(changes.c.entity_id)
                .where(changes.c.entity == "order", changes.c.entity_id.in_(once[start : start + _IN_CHUNK]))
                .group_by(changes.c.entity_id)
                .having(func.count() > 1)
            ).scalars()
        )
    kept: set[str] = set()
    for order_id, body in placed:
        if counted.get(order_id) != 1 or order_id in more:
            continue
        events = body.get("rows", {}).get("order_events", [])
        if any(e.get("action") == CONFLICT_ACTION for e in events):
            continue
        if body["order"].get("attention", "") or Folded(dict(body["order"]), {}).attention:
            continue
        kept.add(order_id)
    return kept


def _clashes(conn: Connection, headers: Sequence[Row]) -> bool:
    """Whether any of these orders' numbers or checkout keys is taken by another order, here or
    among them (then each is placed in turn, as _claim decides)."""
    for column in UNIQUE["orders"]:
        mine: dict[Any, str] = {}
        for header in headers:
            value = header.get(column)
            if value is None:
                continue
            if mine.setdefault(value, header["id"]) != header["id"]:
                return True
        values = list(mine)
        for start in range(0, len(values), _IN_CHUNK):
            found = conn.execute(
                select(orders.c.id, orders.c[column]).where(
                    orders.c[column].in_(values[start : start + _IN_CHUNK])
                )
            ).all()
            if any(mine[value] != order_id for order_id, value in found):
                return True
    return False


def _existing(conn: Connection, column: Any, values: Sequence[Any]) -> set[Any]:
    found: set[Any] = set()
    for start in range(0, len(values), _IN_CHUNK):
        found.update(
            conn.execute(select(column).where(column.in_(values[start : start + _IN_CHUNK]))).scalars()
        )
    return found


def _insert_many(conn: Connection, table: Table, rows: Sequence[Row]) -> int:
    """INSERT .. ON CONFLICT DO NOTHING of each row in turn, as tuples through the driver: one
    executemany for each run of rows with the same columns. Returns how many were inserted."""
    names = _names(table)
    done = 0
    run: list[tuple[Any, ...]] = []
    keys: tuple[str, ...] = ()
    seen: Any = None  # the previous row's keys
    pick: Any = None
    for row in rows:
        if row.keys() != seen:
            seen = row.keys()
            these = tuple(name for name in names if name in row)
            if these != keys:
                done += _execute_many(conn, table, keys, run)
                keys, run = these, []
                pick = itemgetter(*keys)
        values = pick(row)
        run.append(values if len(keys) > 1 else (values,))
    return done + _execute_many(conn, table, keys, run)


def _execute_many(conn: Connection, table: Table, keys: tuple[str, ...], rows: list[tuple[Any, ...]]) -> int:
    if not rows:
        return 0
    columns = ", ".join(f'"{key}"' for key in keys)
    marks = ", ".join("?" * len(keys))
    sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks}) ON CONFLICT DO NOTHING'
    return int(conn.exec_driver_sql(sql, rows).rowcount)


@cache
def _names(table: Table) -> tuple[str, ...]:
    return tuple(c.name for c in table.columns)


def _upsert_setting(conn: Connection, payload: Row) -> None:
    statement = sqlite_insert(settings).values(key=payload["key"], value=payload["value"])
    conn.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": payload["value"]}))


def _upsert_session(conn: Connection, payload: Row) -> None:
    """A drawer session as its till last wrote it; a closed one is final (a trigger keeps it)."""
    if is_closed(conn, payload["id"]):
        return
    new = conn.execute(select(cash_sessions.c.id).where(cash_sessions.c.id == payload["id"])).scalar() is None
    _upsert(conn, cash_sessions, payload)
    if new and payload.get("state") == "open":
        claim_late_sales(conn, str(payload["till"]), str(payload["id"]))


def _note_late_sales(
    conn: Connection, records: Sequence[Row], stored: Sequence[Row], closing: dict[str, int]
) -> None:
    """A sale that reaches its drawer session after the session closed here stays booked to it
    and is listed as late on the till's next report. Sessions are applied before the batched
    orders, so "after" is told by where the sale's record comes: after the close in this batch,
    or in a batch after the one that closed it."""
    placed = [str(r["entity_id"]) for r in stored if r["entity"] == "order" and r["kind"] == "placed"]
    if not placed:
        return
    candidates: list[tuple[str, str, str]] = []
    for start in range(0, len(placed), _IN_CHUNK):
        candidates += [
            (str(o), str(s), str(t))
            for o, s, t in conn.execute(
                select(orders.c.id, orders.c.session_id, cash_sessions.c.till)
                .join(cash_sessions, cash_sessions.c.id == orders.c.session_id)
                .where(orders.c.id.in_(placed[start : start + _IN_CHUNK]), cash_sessions.c.state == "closed")
            ).all()
        ]
    if not candidates:
        return
    where = {
        str(r.get("entity_id")): index
        for index, r in enumerate(records)
        if r.get("entity") == "order" and r.get("kind") == "placed"
    }
    for order_id, session_id, till in candidates:
        if session_id not in closing or where.get(order_id, -1) > closing[session_id]:
            note_late_sale(conn, order_id, session_id, till)


def _is_latest(conn: Connection, row: Row) -> bool:
    latest = conn.execute(
        select(changes.c.id)
        .where(changes.c.entity == row["entity"], changes.c.entity_id == row["entity_id"])
        .order_by(changes.c.hlc.desc(), changes.c.device.desc(), changes.c.id.desc())
        .limit(1)
    ).scalar()
    return bool(latest == row["id"])


def _fold_entity(conn: Connection, entity: str, entity_id: str) -> None:
    """A customer's, product's or user's row from all its records in (stamp, device, id)
    order: each column as the latest record that changed it says (changelog.CHANGED)."""
    folded: Row = {}
    whole = False
    for (payload,) in conn.execute(
        select(changes.c.payload)
        .where(changes.c.entity == entity, changes.c.entity_id == entity_id)
        .order_by(changes.c.hlc, changes.c.device, changes.c.id)
    ):
        body = json.loads(payload)
        changed = body.pop(CHANGED, None)
        whole = whole or changed is None
        folded.update(body if changed is None else {k: body[k] for k in changed if k in body})
    if whole:  # else the record that made it has not arrived yet: folded when it does
        _upsert(conn, ENTITY_TABLES[entity], folded)


def _columns(table: Table, row: Row) -> Row:
    return {name: row[name] for name in _names(table) if name in row}


def _upsert(conn: Connection, table: Table, payload: Row) -> None:
    row = _columns(table, payload)
    _claim(conn, table, row)
    rest = {k: v for k, v in row.items() if k != "id"}
    statement = sqlite_insert(table).values(**row).on_conflict_do_update(index_elements=["id"], set_=rest)
    conn.execute(statement)


def _insert(conn: Connection, table: Table, rows: Iterable[Row], *, claim: bool = False) -> None:
    for payload in rows:
        row = _columns(table, payload)
        if claim:
            _claim(conn, table, row)
        conn.execute(sqlite_insert(table).values(**row).on_conflict_do_nothing())


def _claim(conn: Connection, table: Table, row: Row) -> None:
    """Two tills apart may both take a name, SKU, barcode or order number: the row with the
    later id (ids are time-ordered, made on the device) gives way on every replica alike."""
    for column in UNIQUE.get(table.name, ()):
        value = row.get(column)
        if value is None:
            continue
        other = conn.execute(
            select(table.c.id).where(table.c[column] == value, table.c.id != row["id"])
        ).scalar()
        if other is None:
            continue
        if str(other) > row["id"]:
            conn.execute(
                update(table).where(table.c.id == other).values(**_set_apart(table, column, value, other))
            )
        else:
            row.update(_set_apart(table, column, value, row["id"]))


def _set_apart(table: Table, column: str, value: Any, row_id: str) -> Row:
    if column in ("barcode", "checkout_key"):
        return {column: None}
    tag = f"~{row_id[-6:]}"
    if table.name == "users":
        name = conn_safe_name(str(value), tag)
        return {"name": name, "name_key": name_key(name)}
    width = table.c[column].type.length or 80  # type: ignore[attr-defined]
    return {column: f"{str(value)[: width - len(tag)]}{tag}"}


def conn_safe_name(name: str, tag: str) -> str:
    return f"{name[: 80 - len(tag)]}{tag}"


# refold's statements, made once: the SET clause takes the columns its parameters name.
_ORDER_RECORDS = (
    select(changes.c.id, changes.c.kind, changes.c.payload)
    .where(changes.c.entity == "order", changes.c.entity_id == bindparam("the_order"))
    .order_by(changes.c.hlc, changes.c.device, changes.c.id)
)
_SET_ORDER = update(orders).where(orders.c.id == bindparam("the_order"))
_SET_LINE = (
    update(order_lines)
    .where(and_(order_lines.c.order_id == bindparam("the_order"), order_lines.c.line_no == bindparam("n")))
    .values(refunded_qty=bindparam("q"), refunded_amount=bindparam("a"))
)
_DROP_CONFLICTS = order_events.delete().where(
    order_events.c.order_id == bindparam("the_order"), order_events.c.action == CONFLICT_ACTION
)


def _fold_records(conn: Connection, order_id: str) -> tuple[Folded, list[OrderChange]] | None:
    """The order as its records fold, and its later changes; None before its placing arrived."""
    records = conn.execute(_ORDER_RECORDS, {"the_order": order_id}).all()
    placed = next((json.loads(r[2]) for r in records if r[1] == "placed"), None)
    if placed is None:
        return None
    later = []
    for change_id, kind, payload in records:
        if kind != "changed":
            continue
        body = json.loads(payload)
        user, at = body.get("user", ""), body.get("at", "")
        later.append(OrderChange(change_id, user, at, body["set"], body["lines"]))
    return fold(placed["order"], placed["lines"], later), later


def refold(conn: Connection, order_id: str) -> bool:
    """Rebuild an order's changing fields from all its records; True when it needs attention."""
    found = _fold_records(conn, order_id)
    if found is None:
        return False  # its placing has not arrived yet: folded when it does
    folded, later = found
    header = {k: v for k, v in _columns(orders, folded.header).items() if k not in KEPT_ON_REFOLD}
    header["attention"] = folded.attention
    conn.execute(_SET_ORDER, {"the_order": order_id, **header})
    if folded.lines:
        conn.execute(
            _SET_LINE,
            [
                {"the_order": order_id, "n": n, "q": line["refunded_qty"], "a": line["refunded_amount"]}
                for n, line in folded.lines.items()
            ],
        )
    conn.execute(_DROP_CONFLICTS, {"the_order": order_id})
    by_id = {c.id: c for c in later}
    for change_id, what in folded.conflicts:
        change = by_id[change_id]
        conn.execute(
            order_events.insert().values(
                id=str(uuid.uuid5(_CONFLICT_IDS, change_id)),
                order_id=order_id,
                at=change.at,
                user_name=change.user[:80],
                approver_name="",
                action=CONFLICT_ACTION,
                from_status="",
                to_status="",
                detail=what,
            )
        )
    return bool(folded.attention)


def fold_differences(conn: Connection, order_ids: Iterable[str]) -> list[str]:
    """Orders whose rows no longer match the fold of their sync records (verify)."""
    problems = []
    for order_id in order_ids:
        found = _fold_records(conn, order_id)
        row = conn.execute(select(orders).where(orders.c.id == order_id)).mappings().first()
        if found is None or row is None:
            continue
        folded = found[0]
        expected = {k: v for k, v in _columns(orders, folded.header).items() if k not in KEPT_ON_REFOLD}
        expected["attention"] = folded.attention
        diffs = [f"{k} {row[k]!r} (records say {v!r})" for k, v in expected.items() if row[k] != v]
        lines = conn.execute(
            select(order_lines.c.line_no, order_lines.c.refunded_qty, order_lines.c.refunded_amount).where(
                order_lines.c.order_id == order_id
            )
        ).all()
        for line_no, qty, amount in lines:
            line = folded.lines.get(int(line_no))
            if line is not None and (line["refunded_qty"], line["refunded_amount"]) != (qty, amount):
                diffs.append(f"line {line_no} refunds")
        if diffs:
            problems.append(f"order {row['number']} does not match its sync records: {'; '.join(diffs)}")
    return problems


def _recount(conn: Connection, product_ids: set[str], customer_ids: set[str]) -> None:
    if product_ids:
        ledger = (
            select(func.coalesce(func.sum(stock_movements.c.qty), 0))
            .where(stock_movements.c.product_id == products.c.id)
            .scalar_subquery()
        )
        conn.execute(update(products).where(products.c.id.in_(product_ids)).values(on_hand=ledger))
    if customer_ids:
        balance = (
            select(func.coalesce(func.sum(credit_movements.c.amount), 0))
            .where(credit_movements.c.customer_id == customers.c.id)
            .scalar_subquery()
        )
        conn.execute(update(customers).where(customers.c.id.in_(customer_ids)).values(credit_balance=balance))


# -- this till's side of a push -------------------------------------------------------------


def pending(conn: Connection, device: str, limit: int) -> list[Row]:
    """Own records not yet at the centre, in device order."""
    rows = conn.execute(
        select(*(changes.c[name] for name in CHANGE_COLUMNS))
        .where(changes.c.device == device, changes.c.central_seq.is_(None))
        .order_by(changes.c.device_seq)
        .limit(limit)
    ).mappings()
    return [dict(r) for r in rows]


def pending_count(conn: Connection, device: str) -> int:
    return int(
        conn.execute(
            select(func.count())
            .select_from(changes)
            .where(changes.c.device == device, changes.c.central_seq.is_(None))
        ).scalar_one()
    )


def mark_pushed(conn: Connection, central: Iterable[tuple[str, int]]) -> None:
    conn.execute(
        update(changes).where(changes.c.id == bindparam("cid")).values(central_seq=bindparam("cs")),
        [{"cid": change_id, "cs": seq} for change_id, seq in central],
    )


def adopt_device(conn: Connection, old: str, new: str) -> int:
    """Before a till's first push: its records take the code the centre gave it, and everything
    that existed before the change log began gets a record first, so the centre holds the whole
    history. Returns how many records were written for that history."""
    if old != new:
        conn.execute(
            update(changes).where(changes.c.device == old, changes.c.central_seq.is_(None)).values(device=new)
        )
    history = list(_history_records(conn))
    if not history:
        return 0
    pushed = conn.execute(
        select(func.count()).where(changes.c.device == new, changes.c.central_seq.is_not(None))
    ).scalar_one()
    if pushed:  # history found after the first push (a bulk load) simply follows
        write_records(conn, history)
        return len(history)
    # The history takes sequence numbers 1..n: the records after it name its products and
    # customers. Two steps, so no number is ever held twice during the update.
    count = len(history)
    top = conn.execute(
        select(func.coalesce(func.max(changes.c.device_seq), 0)).where(changes.c.device == new)
    ).scalar_one()
    far = int(top) + count + 1
    for shift in (far, count - far):
        conn.execute(
            update(changes).where(changes.c.device == new).values(device_seq=changes.c.device_seq + shift)
        )
    write_records(conn, history, first_seq=1)
    return count


def _history_records(conn: Connection) -> Iterable[tuple[str, str, str, Any]]:
    logged = select(changes.c.entity_id).where(changes.c.entity == bindparam("entity"))
    for key, value in conn.execute(
        select(settings.c.key, settings.c.value).where(settings.c.key.not_in(logged.params(entity="setting")))
    ).all():
        if key not in TILL_OWN_SETTINGS:
            yield "setting", key, "upsert", {"key": key, "value": value}
    for entity, table in ENTITY_TABLES.items():
        made = table.c.created_at if "created_at" in table.c else table.c.opened_at
        ids = conn.execute(
            select(table.c.id).where(table.c.id.not_in(logged.params(entity=entity))).order_by(made)
        ).scalars()
        for entity_id in list(ids):
            row = entity_row(conn, table, entity_id)
            if row is not None:
                yield entity, entity_id, "upsert", row
    first = conn.execute(select(func.min(changes.c.created_at))).scalar() or "9999"
    for name, table, entity in (
        ("stock_movements", stock_movements, "stock"),
        ("credit_movements", credit_movements, "credit"),
    ):
        rows = [
            dict(r)
            for r in conn.execute(
                select(table)
                .where(table.c.order_id.is_(None), table.c.created_at < first)
                .order_by(table.c.created_at)
            ).mappings()
        ]
        for start in range(0, len(rows), 500):
            part = rows[start : start + 500]
            yield entity, part[0]["id"], "moved", {"rows": {name: part}}
    order_ids = conn.execute(
        select(orders.c.id)
        .where(orders.c.id.not_in(logged.params(entity="order")))
        .order_by(orders.c.created_at)
    ).scalars()
    for order_id in list(order_ids):
        facts = {name: _rows_of(conn, table, order_id) for name, table in FACT_TABLES.items()}
        yield (
            "order",
            order_id,
            "placed",
            placed_payload(conn, order_id, {k: v for k, v in facts.items() if v}),
        )


def _rows_of(conn: Connection, table: Table, order_id: str) -> list[Row]:
    return [dict(r) for r in conn.execute(select(table).where(table.c.order_id == order_id)).mappings()]


def count_flagged(conn: Connection) -> int:
    return int(conn.execute(text("SELECT count(*) FROM orders WHERE attention != ''")).scalar_one())
