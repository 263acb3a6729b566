"""The order use cases on a million-order file, beside the same work in plain sqlite3.

    .venv/bin/python bench/core.py [--orders N] [--keep PATH] [--runs R]

The database is built once with `pos-app demo --orders N` and cached under bench/out/ (or at
--keep PATH); this process opens it fresh. Reads run on the cached file; checkouts run on a
scratch copy of it, so the cache stays as built.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sqlite3
import sys
import uuid
from pathlib import Path

from common import OUT, Table, ms, peak_rss_mib, remove_db, run_cli, timed

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.orders import OrderStatus
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.services import Services
from pos_app.services.orders import OrderQuery

PAGE = 50
DEEP_PAGE = 10_000
CUSTOMER = "Carol Jones"  # one of the demo customers: about one order in fifteen
RARE_STATUS = OrderStatus.SHIPPED  # only a few of the demo's hand-made orders
SUMMARY = (
    "id, number, created_at, customer_name, item_count, total, currency, status, payment_summary, "
    "till, version"
)


def cached_db(orders: int, keep: Path | None) -> Path:
    path = keep or OUT / f"orders-{orders}.sqlite3"
    if path.exists():
        print(f"using {path}", file=sys.stderr)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    remove_db(building)
    print(f"building {path} ({orders:,} orders), once", file=sys.stderr)
    run_cli(["--db", str(building), "demo", "--orders", str(orders)])
    building.rename(path)
    return path


def plain_connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=5000", "synchronous=FULL"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def plain_page(conn: sqlite3.Connection, where: str = "", args: tuple[object, ...] = ()) -> list[object]:
    sql = f"SELECT {SUMMARY} FROM orders {where} ORDER BY created_at DESC, id DESC LIMIT {PAGE + 1}"
    return conn.execute(sql, args).fetchall()


def plain_get(conn: sqlite3.Connection, number: str) -> tuple[object, ...]:
    (order_id,) = conn.execute("SELECT id FROM orders WHERE number = ?", (number,)).fetchone()
    header = conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
    lines = conn.execute(
        "SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no", (order_id,)
    ).fetchall()
    pays = conn.execute(
        "SELECT * FROM payments WHERE order_id = ? ORDER BY created_at, id", (order_id,)
    ).fetchall()
    events = conn.execute(
        "SELECT * FROM order_events WHERE order_id = ? ORDER BY at, id", (order_id,)
    ).fetchall()
    return header, lines, pays, events


def reads(path: Path, runs: int, table: Table) -> None:
    services = Services.open(path)
    plain = plain_connect(path)
    try:
        clerk = services.auth.login("clerk", "clerk123")
        orders = services.orders

        ours = timed(lambda _i: orders.list_orders(clerk, limit=PAGE), runs)
        theirs = timed(lambda _i: plain_page(plain), runs)
        table.timing("order list, first page (50)", ours, theirs, "< 2 ms")

        def plain_customer(_i: int) -> None:
            (cid,) = plain.execute("SELECT id FROM customers WHERE name = ?", (CUSTOMER,)).fetchone()
            plain_page(plain, "WHERE customer_id = ?", (cid,))

        query = OrderQuery(customer=CUSTOMER)
        ours = timed(lambda _i: orders.list_orders(clerk, query, limit=PAGE), runs)
        table.timing("  filtered by customer", ours, timed(plain_customer, runs), "< 2 ms")

        for status in (OrderStatus.COMPLETED, RARE_STATUS):
            query = OrderQuery(status=status)
            ours = timed(lambda _i, q=query: orders.list_orders(clerk, q, limit=PAGE), runs)
            theirs = timed(lambda _i, s=status: plain_page(plain, "WHERE status = ?", (s.value,)), runs)
            table.timing(f"  filtered by status {status.value}", ours, theirs, "< 2 ms")

        # The cursor of page deep - 1, i.e. the last row before page `deep` (10,000 at a million).
        total = plain.execute("SELECT count(*) FROM orders").fetchone()[0]
        deep = max(2, min(DEEP_PAGE, total // PAGE))
        skip = PAGE * (deep - 1) - 1
        created_at, order_id = plain.execute(
            "SELECT created_at, id FROM orders ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?", (skip,)
        ).fetchone()
        cursor = f"{created_at}~{order_id}"
        ours = timed(lambda _i: orders.list_orders(clerk, limit=PAGE, after=cursor), runs)
        keyset = "WHERE created_at <= ? AND (created_at < ? OR id < ?)"
        theirs = timed(lambda _i: plain_page(plain, keyset, (created_at, created_at, order_id)), runs)
        table.timing(f"page {deep:,} by keyset cursor", ours, theirs, "< 2 ms")
        offset = timed(
            lambda _i: plain.execute(
                f"SELECT {SUMMARY} FROM orders ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                (PAGE, PAGE * (deep - 1)),
            ).fetchall(),
            5,
        )
        table.add(
            f"  page {deep:,} by OFFSET (why keyset)",
            "not used",
            f"{ms(offset.median)} (p95 {ms(offset.p95)})",
            "",
            "~150 ms in plain sqlite3",
        )

        top = plain.execute("SELECT max(rowid) FROM orders").fetchone()[0]
        rng = random.Random(5)
        numbers = [
            plain.execute("SELECT number FROM orders WHERE rowid = ?", (rng.randint(1, top),)).fetchone()[0]
            for _ in range(2 * (runs + 1))
        ]
        ours = timed(lambda i: orders.get_order(clerk, numbers[i]), runs)
        theirs = timed(lambda i: plain_get(plain, numbers[runs + 1 + i]), runs)
        table.timing("one order: lines, payments, history", ours, theirs, "< 2 ms")
    finally:
        plain.close()
        services.close()


def plain_checkout(conn: sqlite3.Connection, skus: list[str], key: str, user_id: str) -> None:
    """What Services.checkout does, as plain statements: the session's user, the key and the
    products read in a read transaction, the request's fingerprint, then the same checks again
    and the writes in one synchronous=FULL write transaction."""
    tenders = [["cash", 5000, ""]]
    marks = ",".join("?" * len(skus))
    conn.execute("BEGIN")
    conn.execute("SELECT role, active FROM users WHERE id = ?", (user_id,)).fetchone()
    conn.execute("SELECT id, checkout_fingerprint FROM orders WHERE checkout_key = ?", (key,)).fetchone()
    conn.execute("SELECT key, value FROM settings").fetchall()
    conn.execute(
        f"SELECT id, sku, name, price, tax_rate_bp FROM products WHERE sku IN ({marks})", skus
    ).fetchall()
    conn.execute("COMMIT")
    request = json.dumps({"lines": [[s, 1] for s in skus], "payments": tenders}, sort_keys=True)
    print_ = hashlib.sha256(request.encode()).hexdigest()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("SELECT role, active FROM users WHERE id = ?", (user_id,)).fetchone()
    conn.execute("SELECT id, checkout_fingerprint FROM orders WHERE checkout_key = ?", (key,)).fetchone()
    conn.execute("SELECT key, value FROM settings").fetchall()
    found = conn.execute(
        f"SELECT id, sku, name, price, tax_rate_bp FROM products WHERE sku IN ({marks})", skus
    ).fetchall()
    (seq,) = conn.execute(
        "UPDATE till_counters SET last_seq = last_seq + 1 WHERE till = 'T1' RETURNING last_seq"
    ).fetchone()
    now = "2026-11-25T12:00:00.000000Z"
    order_id, number = str(uuid.uuid4()), f"T1-{seq:06d}"
    total = sum(p[3] for p in found)
    tax = total // 6
    conn.execute(
        "INSERT INTO orders (id, number, till, seq, status, fulfilment, customer_id, customer_name, "
        "clerk_name, currency, subtotal, discount, tax, total, prices_include_tax, cash_rounding, paid, "
        "change_given, refunded, item_count, payment_summary, ship_to, tracking, note, checkout_key, "
        "checkout_fingerprint, created_at, updated_at, version) VALUES (?,?,'T1',?,'completed','in_store',"
        "NULL,'','clerk','GBP',?,0,?,?,1,0,?,0,0,?,'cash','','','',?,?,?,?,1)",
        (order_id, number, seq, total, tax, total, total, len(found), key, print_, now, now),
    )
    lines = [
        (str(uuid.uuid4()), order_id, n, p[0], p[1], p[2], p[3], 1, 0, p[4], p[3] // 6, p[3])
        for n, p in enumerate(found, 1)
    ]
    conn.executemany(
        "INSERT INTO order_lines (id, order_id, line_no, product_id, sku, name, unit_price, qty, discount, "
        "tax_rate_bp, tax, total, refunded_qty, refunded_amount) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,0)",
        lines,
    )
    conn.execute(
        "INSERT INTO payments (id, order_id, kind, method, amount, tendered, change, reference, created_at) "
        "VALUES (?,?,'payment','cash',?,?,0,'',?)",
        (str(uuid.uuid4()), order_id, total, total, now),
    )
    # The change record that travels to the other tills: the order as placed, as JSON.
    (last,) = conn.execute("SELECT coalesce(max(device_seq), 0) FROM changes WHERE device = 'T1'").fetchone()
    record = json.dumps({"order": [order_id, number, total], "lines": lines}, sort_keys=True)
    conn.execute(
        "INSERT INTO changes (id, device, device_seq, hlc, entity, entity_id, kind, payload, created_at) "
        "VALUES (?, 'T1', ?, ?, 'order', ?, 'placed', ?, ?)",
        (str(uuid.uuid4()), last + 1, f"{seq:015d}.000000", order_id, record, now),
    )
    conn.executemany(
        "INSERT INTO stock_movements (id, product_id, qty, reason, order_id, note, user_name, created_at) "
        "VALUES (?,?,-1,'sale',?,'','clerk',?)",
        [(str(uuid.uuid4()), p[0], order_id, now) for p in found],
    )
    conn.executemany("UPDATE products SET on_hand = on_hand - 1 WHERE id = ?", [(p[0],) for p in found])
    conn.execute(
        "INSERT INTO order_events (id, order_id, at, user_name, approver_name, action, from_status, "
        "to_status, detail) VALUES (?,?,?,'clerk','','placed','','completed',?)",
        (str(uuid.uuid4()), order_id, now, f"{number} paid by cash"),
    )
    (previous,) = conn.execute("SELECT hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
    # Every field of the sale, as pos_app's journal now holds it.
    payload = json.dumps(
        {
            "cash_rounding": 0,
            "change": 0,
            "clerk": "clerk",
            "created_at": now,
            "currency": "GBP",
            "customer_id": None,
            "customer_name": "",
            "discount": 0,
            "fulfilment": "in_store",
            "id": order_id,
            "kind": "sale",
            "lines": [
                [line[2], line[4], line[5], line[6], 1, 0, line[9], line[10], line[11]] for line in lines
            ],
            "number": number,
            "paid": total,
            "payments": [["cash", total, total, 0, ""]],
            "prices_include_tax": True,
            "status": "completed",
            "subtotal": total,
            "tax": tax,
            "till": "T1",
            "total": total,
            "v": 2,
        },
        sort_keys=True,
        separators=(",", ":"),
    )
    digest = hashlib.sha256((previous + payload).encode()).hexdigest()
    conn.execute(
        "INSERT INTO journal (kind, order_id, payload, prev_hash, hash) VALUES ('sale', ?, ?, ?, ?)",
        (order_id, payload, previous, digest),
    )
    conn.execute("COMMIT")


def checkouts(path: Path, runs: int, table: Table) -> None:
    scratch = OUT / "checkout-scratch.sqlite3"
    OUT.mkdir(parents=True, exist_ok=True)
    remove_db(scratch)
    shutil.copyfile(path, scratch)
    os.sync()  # the copy's writeback would otherwise land on the checkouts' fsyncs
    services = Services.open(scratch)
    plain = plain_connect(scratch)
    try:
        clerk = services.auth.login("clerk", "clerk123")
        skus = [r[0] for r in plain.execute("SELECT sku FROM products ORDER BY sku LIMIT 5")]
        # Enough stock for every run, whatever the history left.
        manager = services.auth.login("manager", "manager123")
        for sku in skus:
            services.stock.receive(manager, sku, 10 * (runs + 1))
        cart = Cart(tuple(CartLine(sku, 1) for sku in skus))
        due = services.checkout.quote(cart).cash_due
        tender = (Tender(PaymentMethod.CASH, due + 500),)
        ours = timed(
            lambda i: services.checkout.checkout(
                clerk, CheckoutRequest(cart, tender, key=f"bench-{uuid.uuid4()}")
            ),
            runs,
        )
        theirs = timed(lambda i: plain_checkout(plain, skus, f"plain-{uuid.uuid4()}", clerk.user_id), runs)
        table.timing("checkout, 5 lines, synchronous=FULL", ours, theirs, "< 3 ms")
    finally:
        plain.close()
        services.close()
        remove_db(scratch)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="database file to use (built there if missing)")
    parser.add_argument("--runs", type=int, default=200, help="timed calls after the cold one")
    args = parser.parse_args()
    path = cached_db(args.orders, args.keep)
    with sqlite3.connect(path) as conn:
        count = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
        lines = conn.execute("SELECT count(*) FROM order_lines").fetchone()[0]
    table = Table(f"Orders: {count:,} orders, {lines:,} lines, file {path.stat().st_size / 2**30:.2f} GiB")
    reads(path, args.runs, table)
    checkouts(path, min(args.runs, 100), table)
    table.add("peak memory (this process)", f"{peak_rss_mib():.0f} MiB", "", "", "")
    table.print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
