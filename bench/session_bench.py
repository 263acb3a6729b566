"""Closing a cash drawer session of 10,000 orders, Z report included, beside the same sums in
plain sqlite3.

    .venv/bin/python bench/session_bench.py [--orders N] [--history N] [--keep PATH] [--runs R]

The shop is built once and cached under bench/out/: `pos-app demo --orders HISTORY` (years of
history at other tills), then one session at T1 of N sales made through the real checkout
(cash with change, card, split tenders, some refunds, pay-ins and pay-outs, a voided line in
one sale of 20). Each timed close
runs on a fresh copy of it: pos_app's `CashSessionService.close` (the sums, the Z report, its
journal entry, the session's update and its change record, in one write transaction), then
plain sqlite3 running the same sums on another copy.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import sys
import time
from pathlib import Path

from common import OUT, Table, Timing, peak_rss_mib, remove_db, run_cli, timed

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.denominations import count_of_sum
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.voids import VoidedLine, VoidKind
from pos_app.services import Services

SUMS = {
    "sales": "SELECT count(*), sum(subtotal), sum(discount), sum(total) FROM orders WHERE session_id = :s",
    "first": "SELECT number FROM orders WHERE session_id = :s ORDER BY seq LIMIT 1",
    "last": "SELECT number FROM orders WHERE session_id = :s ORDER BY seq DESC LIMIT 1",
    "taxes": "SELECT l.tax_rate_bp, sum(l.total), sum(l.tax) FROM orders o JOIN order_lines l "
    "ON l.order_id = o.id WHERE o.session_id = :s GROUP BY l.tax_rate_bp",
    "money": "SELECT kind, method, count(*), sum(amount) FROM payments WHERE session_id = :s "
    "GROUP BY kind, method",
    "refunded": "SELECT count(DISTINCT order_id) FROM payments WHERE session_id = :s AND kind = 'refund'",
    "cash": "SELECT kind, count(*), sum(amount) FROM cash_movements WHERE session_id = :s GROUP BY kind",
    "entries": "SELECT kind, amount, reason, user_name, approver_name, created_at FROM cash_movements "
    "WHERE session_id = :s AND kind IN ('pay_in', 'pay_out') ORDER BY created_at, id",
    "voided": "SELECT user_name, count(*), sum(amount) FROM voided_lines WHERE session_id = :s "
    "GROUP BY user_name",
}


def build(path: Path, orders: int, history: int) -> None:
    building = path.with_name(path.name + ".building")
    remove_db(building)
    print(f"building {path}: {history:,} orders of history, then {orders:,} in one session", file=sys.stderr)
    run_cli(["--db", str(building), "demo", "--orders", str(history)])
    services = Services.open(building)
    try:
        clerk = services.auth.login("clerk", "clerk123")
        manager = services.auth.login("manager", "manager123")
        cash = services.cash
        cash.close(manager, count_of_sum(cash.status(manager).expected))  # the demo's own day
        cash.open(clerk, count_of_sum(20000))
        with sqlite3.connect(building) as conn:
            skus = [r[0] for r in conn.execute("SELECT sku FROM products ORDER BY sku LIMIT 40")]
        rng = random.Random(31548)
        start = time.perf_counter()
        for n in range(orders):
            picked = rng.sample(skus, rng.randint(1, 5))
            cart = Cart(tuple(CartLine(sku, rng.randint(1, 3)) for sku in picked))
            total = services.checkout.quote(cart).priced.total
            kind = n % 10
            if kind < 4:
                tenders: tuple[Tender, ...] = (Tender(PaymentMethod.CARD, total, f"AUTH{n}"),)
            elif kind == 4 and total > 200:
                half = Tender(PaymentMethod.CARD, total // 2, f"AUTH{n}")
                tenders = (half, Tender(PaymentMethod.CASH, total))
            else:
                tenders = (Tender(PaymentMethod.CASH, -(-total // 500) * 500),)
            order = services.checkout.checkout(clerk, CheckoutRequest(cart, tenders, key=f"bench-{n}"))
            if n % 100 == 7:
                services.orders.refund(manager, order.number, lines={cart.lines[0].sku: 1})
            if n % 20 == 3:  # one more of the first item rung up, then taken off before paying
                line = VoidedLine(VoidKind.QTY, cart.lines[0].sku, cart.lines[0].sku, 1, 100)
                services.voids.record(clerk, f"bench-{n}", [line])
            if n % 500 == 11:
                cash.cash_in(clerk, 5000, "change from the bank")
            if n % 500 == 13:
                cash.cash_out(manager, 2000, "bank drop")
            if n % 1000 == 999:
                took = time.perf_counter() - start
                print(f"\r{n + 1:,} / {orders:,} ({took:.0f} s)", end="", file=sys.stderr)
        print(file=sys.stderr)
    finally:
        services.close()
    conn = sqlite3.connect(building)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything into the file before the rename
    finally:
        conn.close()
    building.rename(path)
    remove_db(Path(f"{building}"))


def fresh_copy(path: Path, name: str) -> Path:
    copy = OUT / name
    remove_db(copy)
    shutil.copyfile(path, copy)
    return copy


def close_once(path: Path) -> float:
    """One close on a fresh copy: milliseconds for the service call alone."""
    copy = fresh_copy(path, "session-close-scratch.sqlite3")
    services = Services.open(copy)
    try:
        clerk = services.auth.login("clerk", "clerk123")
        expected = services.cash.status(clerk).expected
        started = time.perf_counter()
        closed = services.cash.close(clerk, count_of_sum(expected))
        elapsed = (time.perf_counter() - started) * 1000
        assert closed.report.difference == 0 and closed.report.facts.sales > 0
    finally:
        services.close()
        remove_db(copy)
    return elapsed


def plain_once(path: Path) -> float:
    copy = fresh_copy(path, "session-plain-scratch.sqlite3")
    conn = sqlite3.connect(copy)
    try:
        (session,) = conn.execute("SELECT id FROM cash_sessions WHERE state = 'open'").fetchone()
        started = time.perf_counter()
        for sql in SUMS.values():
            conn.execute(sql, {"s": session}).fetchall()
        return (time.perf_counter() - started) * 1000
    finally:
        conn.close()
        remove_db(copy)


def repeat(fn: object, path: Path, runs: int) -> Timing:
    samples: list[float] = []

    def one(_i: int) -> None:
        samples.append(fn(path))  # type: ignore[operator]

    timed(one, runs)  # the copy is not part of the time: each call reports its own
    cold, rest = samples[0], sorted(samples[1:])
    p95 = rest[min(len(rest) - 1, round(0.95 * (len(rest) - 1)))]
    return Timing(cold, rest[len(rest) // 2], p95, len(rest))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=10_000, help="sales in the session")
    parser.add_argument("--history", type=int, default=100_000, help="orders of history before it")
    parser.add_argument("--keep", type=Path, help="database file to use (built there if missing)")
    parser.add_argument("--runs", type=int, default=10, help="timed closes after the cold one")
    args = parser.parse_args()
    path = args.keep or OUT / f"session-{args.orders}-{args.history}.sqlite3"
    OUT.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        build(path, args.orders, args.history)
    Services.open(path).close()  # a shop cached by an older build is upgraded first
    with sqlite3.connect(path) as conn:
        (session,) = conn.execute("SELECT id FROM cash_sessions WHERE state = 'open'").fetchone()
        sales = conn.execute("SELECT count(*) FROM orders WHERE session_id = ?", (session,)).fetchone()[0]
        lines = conn.execute(
            "SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.session_id = ?",
            (session,),
        ).fetchone()[0]
        total = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
    table = Table(
        f"Cash session close: {sales:,} sales ({lines:,} lines) in the session, {total:,} orders in the file"
    )
    ours = repeat(close_once, path, args.runs)
    plain = repeat(plain_once, path, args.runs)
    table.timing("close with the Z report (sums, report, journal, change record)", ours, plain, "< 1 s")
    table.add("peak memory (this process)", f"{peak_rss_mib():.0f} MiB", "", "", "")
    table.print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
