"""`pos-app verify` on the million-order file, beside the same walk in plain sqlite3 + hashlib.

    .venv/bin/python bench/verify.py [--orders N] [--db PATH]

pos_app runs as a user would run it, `pos-app --db PATH --user manager verify`, in a new
process under /usr/bin/time -v (wall time, peak memory). The plain walk runs in a new process
too (this script with --plain): PRAGMA integrity_check, then the journal newest first in
batches of 2,000, each entry's sha256 and its link to the next, its JSON read, and each sale
compared with its order's row, lines and payments (read 2,000 orders at a time, as verify
does); an order with later entries (refunds, status changes) is compared on what a sale fixes
only, where pos_app folds the entries. Then the stock ledger and the money totals.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from common import OUT, POS_APP, ROOT, Table, seconds

BATCH = 2000
GENESIS = "0" * 64
HEADER = (
    "number, till, status, fulfilment, customer_id, customer_name, clerk_name, currency, subtotal, discount, "
    "tax, total, prices_include_tax, cash_rounding, paid, change_given, created_at"
)
SALE_KEYS = (
    "number",
    "till",
    "status",
    "fulfilment",
    "customer_id",
    "customer_name",
    "clerk",
    "currency",
    "subtotal",
    "discount",
    "tax",
    "total",
    "prices_include_tax",
    "cash_rounding",
    "paid",
    "change",
    "created_at",
)
FIXED = {"number", "till", "customer_id", "clerk", "currency", "subtotal", "discount", "tax", "total"}
LINE = "order_id, line_no, sku, name, unit_price, qty, discount, tax_rate_bp, tax, total"
PAYMENT = "order_id, method, amount, tendered, change, reference"


def timed_child(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) and stdout of a command run under /usr/bin/time -v."""
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-v", *command],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        check=False,
    )
    wall = time.perf_counter() - start
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"{command} failed:\n{done.stderr}")
    print(done.stdout.strip(), file=sys.stderr)
    return wall, int(found.group(1)) / 1024, done.stdout


def plain_verify(path: Path) -> int:
    """The plain walk; prints its problems and the seconds each part took."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    problems: list[str] = []
    start = time.perf_counter()
    (status,) = conn.execute("PRAGMA integrity_check").fetchone()
    if status != "ok":
        problems.append(status)
    integrity = time.perf_counter() - start
    start = time.perf_counter()
    later_prev: str | None = None
    later_ids: set[str] = set()
    sales = 0
    before = conn.execute("SELECT max(seq) FROM journal").fetchone()[0] + 1
    sha256, loads = hashlib.sha256, json.loads
    while True:
        batch = conn.execute(
            "SELECT seq, kind, order_id, payload, prev_hash, hash FROM journal WHERE seq < ? "
            "ORDER BY seq DESC LIMIT ?",
            (before, BATCH),
        ).fetchall()
        if not batch:
            break
        before = batch[-1][0]
        sold: list[tuple[str, dict[str, object]]] = []
        for seq, kind, order_id, text, prev, digest in batch:
            if sha256((prev + text).encode()).hexdigest() != digest:
                problems.append(f"entry {seq} altered")
            if later_prev is not None and later_prev != digest:
                problems.append(f"chain broken at {seq}")
            later_prev = prev
            payload = loads(text)
            if kind == "sale":
                sold.append((order_id, payload))
            else:
                later_ids.add(order_id)
        ids = [order_id for order_id, _p in sold]
        marks = ",".join("?" * len(ids))
        headers = {
            r[0]: r[1:] for r in conn.execute(f"SELECT id, {HEADER} FROM orders WHERE id IN ({marks})", ids)
        }
        lines: dict[str, list[list[object]]] = {}
        for row in conn.execute(
            f"SELECT {LINE} FROM order_lines WHERE order_id IN ({marks}) ORDER BY 1, 2", ids
        ):
            lines.setdefault(row[0], []).append(list(row[1:]))
        pays: dict[str, list[list[object]]] = {}
        for row in conn.execute(
            f"SELECT {PAYMENT} FROM payments WHERE order_id IN ({marks}) ORDER BY order_id, created_at, id",
            ids,
        ):
            pays.setdefault(row[0], []).append(list(row[1:]))
        for order_id, sale in sold:
            sales += 1
            header = headers.get(order_id)
            if header is None:
                problems.append(f"{sale['number']} deleted")
                continue
            row = dict(zip(SALE_KEYS, header, strict=True))
            row["prices_include_tax"] = bool(row["prices_include_tax"])
            keys = FIXED if order_id in later_ids else SALE_KEYS
            if sale.get("v") != 2:
                keys = {"number", "total"}
            if any(sale.get(k) != row[k] for k in keys):
                problems.append(f"{sale['number']} changed")
            if (
                order_id not in later_ids
                and sale.get("v") == 2
                and (sale["lines"] != lines.get(order_id, []) or sale["payments"] != pays.get(order_id, []))
            ):
                problems.append(f"{sale['number']} lines or payments changed")
    if later_prev not in (None, GENESIS):
        problems.append("chain does not start at genesis")
    (orders,) = conn.execute("SELECT count(*) FROM orders").fetchone()
    if orders != sales:
        problems.append(f"{orders} orders, {sales} sales")
    conn.execute("SELECT coalesce(sum(refunded), 0) FROM orders").fetchone()
    conn.execute("SELECT coalesce(sum(amount), 0) FROM payments WHERE kind = 'refund'").fetchone()
    off = conn.execute(
        "SELECT count(*) FROM products p LEFT JOIN (SELECT product_id, sum(qty) AS s FROM stock_movements "
        "GROUP BY product_id) m ON m.product_id = p.id WHERE p.on_hand != coalesce(m.s, 0)"
    ).fetchone()[0]
    if off:
        problems.append(f"{off} products off their ledger")
    walk = time.perf_counter() - start
    conn.close()
    for problem in problems[:20]:
        print(problem)
    print(f"plain: {sales} sales, {len(problems)} problems; integrity {integrity:.2f} s; walk {walk:.2f} s")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="the database (default: bench/out/orders-N.sqlite3)")
    parser.add_argument("--plain", type=Path, help=argparse.SUPPRESS)  # the child's own run
    args = parser.parse_args()
    if args.plain:
        return plain_verify(args.plain)
    path = args.db or OUT / f"orders-{args.orders}.sqlite3"
    if not path.exists():
        raise SystemExit(f"{path} is missing: run bench/core.py (or run_all.py) first to build it")
    print(f"pos-app verify on {path} ...", file=sys.stderr, flush=True)
    ours, ours_peak, _out = timed_child(
        [*POS_APP, "--db", str(path), "--user", "manager", "verify"], {"POS_APP_PASSWORD": "manager123"}
    )
    print("plain sqlite3 + hashlib ...", file=sys.stderr, flush=True)
    theirs, theirs_peak, out = timed_child([sys.executable, __file__, "--plain", str(path)])
    parts = re.search(r"integrity ([\d.]+) s; walk ([\d.]+) s", out)
    assert parts is not None
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        entries = conn.execute("SELECT count(*) FROM journal").fetchone()[0]
    size = path.stat().st_size / 2**30
    table = Table(f"verify: {entries:,} journal entries, file {size:.2f} GiB")
    table.add(
        "pos-app verify (new process, wall)", seconds(ours), seconds(theirs), f"{ours / theirs:.1f}×", ""
    )
    table.add(
        "  of which PRAGMA integrity_check / chain walk and orders",
        "",
        f"{float(parts.group(1)):.1f} s / {float(parts.group(2)):.1f} s",
        "",
        "",
    )
    table.add("peak memory (/usr/bin/time -v)", f"{ours_peak:.0f} MiB", f"{theirs_peak:.0f} MiB", "", "")
    table.print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
