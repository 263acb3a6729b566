"""Building the big demo database with `pos-app demo --orders N`, beside plain sqlite3 inserts.

    .venv/bin/python bench/build.py [--orders N] [--keep PATH]

pos_app's build runs in a new process, as a user would run it. The plain sqlite3 build
inserts the same rows (orders, three lines each, a payment, an event, a hash-chained journal
entry) into the same schema, in the same chunks, with the least Python it can.
--keep PATH keeps pos_app's database there (bench/core.py can then use it).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sqlite3
import sys
import time
from pathlib import Path

from common import OUT, Table, children_peak_rss_mib, peak_rss_mib, remove_db, run_cli, seconds

CHUNK = 50_000


def pos_app_build(orders: int, path: Path) -> float:
    remove_db(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return run_cli(["--db", str(path), "demo", "--orders", str(orders)])


def plain_build(orders: int, schema_from: Path, path: Path) -> float:
    """The same rows through plain executemany; ids are a counter, not UUIDv7."""
    remove_db(path)
    source = sqlite3.connect(schema_from)
    schema = [
        sql
        for (sql,) in source.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'products_fts_%' "
            "ORDER BY type = 'index', rowid"
        )
    ]
    source.close()
    start = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    for sql in schema:
        conn.execute(sql)
    rng = random.Random(1)
    products = [(f"P{n:05d}", f"SKU{n}", f"Product {n}", 100 + n) for n in range(70)]
    conn.executemany(
        "INSERT INTO products (id, sku, name, price, tax_rate_bp, track_stock, active, on_hand, created_at, "
        "updated_at, version) VALUES (?, ?, ?, ?, 2000, 1, 1, 0, '', '', 1)",
        products,
    )
    customers = [(f"C{n:04d}", f"Customer {n}") for n in range(20)]
    conn.executemany(
        "INSERT INTO customers (id, name, email, phone, address, created_at, updated_at, version) "
        "VALUES (?, ?, '', '', '', '', '', 1)",
        customers,
    )
    prefix = os.urandom(4).hex()
    counter = 0
    previous = "0" * 64
    at_step = 90_000_000
    done = 0
    while done < orders:
        size = min(CHUNK, orders - done)
        order_rows, line_rows, pay_rows, event_rows, journal_rows = [], [], [], [], []
        for i in range(done, done + size):
            counter += 6
            oid = f"{prefix}-0000-7000-8000-{counter:012x}"
            seconds_since = i * at_step // 1000
            at = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(1_600_000_000 + seconds_since // 1000)) + (
                f".{rng.randrange(1_000_000):06d}Z"
            )
            number = f"T2-{i + 1:06d}"
            picks = rng.sample(products, 3)
            total = sum(p[3] for p in picks)
            tax = total // 6
            customer_id, customer_name = rng.choice(customers) if rng.random() < 0.6 else (None, "")
            method = "card" if rng.random() < 0.6 else "cash"
            reference = f"AUTH{i}" if method == "card" else ""
            order_rows.append(
                (oid, number, i + 1, customer_id, customer_name, total, tax, total, total, method, at, at)
            )
            lines_json = []
            for n, p in enumerate(picks, 1):
                line_rows.append(
                    (
                        f"{prefix}-0000-7000-8001-{counter + n:012x}",
                        oid,
                        n,
                        p[0],
                        p[1],
                        p[2],
                        p[3],
                        p[3] // 6,
                        p[3],
                    )
                )
                lines_json.append(f'[{n},"{p[1]}","{p[2]}",{p[3]},1,0,2000,{p[3] // 6},{p[3]}]')
            pay_rows.append(
                (f"{prefix}-0000-7000-8002-{counter:012x}", oid, method, total, total, reference, at)
            )
            event_rows.append(
                (f"{prefix}-0000-7000-8003-{counter:012x}", oid, at, f"{number} paid by {method}")
            )
            # Every field of the sale, as pos_app's journal now holds it (canonical JSON, sorted keys).
            customer_json = f'"{customer_id}"' if customer_id else "null"
            payload = (
                f'{{"cash_rounding":0,"change":0,"clerk":"clerk","created_at":"{at}","currency":"GBP",'
                f'"customer_id":{customer_json},"customer_name":"{customer_name}","discount":0,'
                f'"fulfilment":"in_store","id":"{oid}","kind":"sale","lines":[{",".join(lines_json)}],'
                f'"number":"{number}","paid":{total},"payments":[["{method}",{total},{total},0,"{reference}"]],'
                f'"prices_include_tax":true,"status":"completed","subtotal":{total},"tax":{tax},"till":"T2",'
                f'"total":{total},"v":2}}'
            )
            digest = hashlib.sha256((previous + payload).encode()).hexdigest()
            journal_rows.append((oid, payload, previous, digest))
            previous = digest
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO orders (id, number, till, seq, status, fulfilment, customer_id, customer_name, "
            "clerk_name, currency, subtotal, discount, tax, total, prices_include_tax, cash_rounding, paid, "
            "change_given, refunded, item_count, payment_summary, ship_to, tracking, note, checkout_key, "
            "created_at, updated_at, version) VALUES (?, ?, 'T2', ?, 'completed', 'in_store', ?, ?, "
            "'clerk', 'GBP', ?, 0, ?, ?, 1, 0, ?, 0, 0, 3, ?, '', '', '', NULL, ?, ?, 1)",
            order_rows,
        )
        conn.executemany(
            "INSERT INTO order_lines (id, order_id, line_no, product_id, sku, name, unit_price, qty, "
            "discount, tax_rate_bp, tax, total, refunded_qty, refunded_amount) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, 2000, ?, ?, 0, 0)",
            line_rows,
        )
        conn.executemany(
            "INSERT INTO payments (id, order_id, kind, method, amount, tendered, change, reference, "
            "created_at) VALUES (?, ?, 'payment', ?, ?, ?, 0, ?, ?)",
            pay_rows,
        )
        conn.executemany(
            "INSERT INTO order_events (id, order_id, at, user_name, approver_name, action, from_status, "
            "to_status, detail) VALUES (?, ?, ?, 'clerk', '', 'placed', '', 'completed', ?)",
            event_rows,
        )
        conn.executemany(
            "INSERT INTO journal (kind, order_id, payload, prev_hash, hash) VALUES ('sale', ?, ?, ?, ?)",
            journal_rows,
        )
        conn.execute("COMMIT")
        done += size
    conn.close()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="keep pos_app's database at this path")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    ours_path = args.keep or OUT / "build-pos_app.sqlite3"
    plain_path = OUT / "build-plain.sqlite3"
    print(f"pos-app demo --orders {args.orders:,} ...", file=sys.stderr, flush=True)
    ours = pos_app_build(args.orders, ours_path)
    ours_peak = children_peak_rss_mib()
    size = ours_path.stat().st_size / 2**30
    print("plain sqlite3 ...", file=sys.stderr, flush=True)
    plain = plain_build(args.orders, ours_path, plain_path)
    remove_db(plain_path)
    if args.keep is None:
        remove_db(ours_path)
    table = Table(f"Building a demo database of {args.orders:,} orders ({size:.2f} GiB)")
    table.add(
        f"pos-app demo --orders {args.orders:,}",
        seconds(ours),
        seconds(plain),
        f"{ours / plain:.1f}×",
        "< 2 min" if args.orders >= 1_000_000 else "(< 2 min at 1,000,000)",
    )
    table.add(
        "peak memory (argon2 log-ins included)", f"{ours_peak:.0f} MiB", f"{peak_rss_mib():.0f} MiB", "", ""
    )
    table.print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
