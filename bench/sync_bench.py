"""Sync with the central PostgreSQL: push, pull, a week offline, and a checkout while it runs.

    .venv/bin/python bench/sync_bench.py [--pg URL] [--orders N] [--offline N] [--runs R]
                                         [--repeats N] [--rebuild]

Needs a PostgreSQL server: --pg URL or POS_TEST_PG_URL (a superuser's URL, as for the sync
tests); without one it says so and stops. It makes databases and roles whose names start with
a prefix of its own, and drops them at the end.

The tills' files are built once and cached under bench/out/ (two or three minutes): a shop's
first till (catalogue, stock, users, customers) linked to a throwaway centre, a second till
made from that centre, then N sales (default 10,000, two to four lines each, cash, card, some
to a customer) at the first, one in twenty of them later refunded in part, and 5,000 at the
second over a week-long clock, all through the real services, so the change records are those
the app writes. The first till's records are then marked as never sent. Each run starts from
copies of those files on new central databases:

- push: the first till sends its N orders (`sync.engine.push`); the floor reads the same rows
  with sqlite3 and loads them with one psycopg COPY into a table made like the central
  `changes` (same columns, keys and indexes), as the database owner;
- pull: a new, empty till receives and applies them (`sync.engine.pull`); the floor copies the
  same records out with COPY, then inserts them and the rows they carry (orders, lines,
  payments, history, stock movements, products, users, settings) with sqlite3 executemany and
  sets the refunds' later values with executemany updates (no fold, no checks), all in one
  synchronous=FULL transaction into an empty till's tables;
- push and pull are done --repeats times (default 3), each on a new centre; the median shows;
- a week offline: the second till pushes its 5,000 sales, then the new till pulls them;
- checkout at the new till, sync off and on: the second till sells (and syncs every ten sales)
  in another process throughout; with sync on, a worker thread here runs `sync_once` every
  half second, as the till's sync worker would.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import secrets
import shutil
import sqlite3
import statistics
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from common import OUT, ROOT, Table, ms, peak_rss_mib, remove_db, seconds
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

import pos_app.store.engine as store_engine
from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.users import Role
from pos_app.services import Services
from pos_app.sync import central, engine, link
from pos_app.sync.setup import attach

PG_ENV = "POS_TEST_PG_URL"
CATALOGUE = ROOT / "resources" / "demo_catalog.csv"
FIRST, SECOND, NEW = "BSRC", "BOFF", "BNEW"  # till codes (roles get this run's prefix)
WEEK_MS = 7 * 24 * 3600 * 1000
REFUND_EVERY = 20
BLOCKS = 4  # checkouts timed with sync off, then on, this many times
# Sources whose change the cached tills must follow: the records, the schema, checkout.
CACHE_SOURCES = (
    "pos_app/store/changelog.py",
    "pos_app/store/schema.py",
    "pos_app/store/orders_repo.py",
    "pos_app/services/checkout.py",
)
BUILD = 2  # the cached tills' recipe below: a new number builds them again
CHANGE_COLUMNS = "id, device, device_seq, hlc, entity, entity_id, kind, payload, base_version"


class SyncTable(Table):
    HEADER = ("measure", "pos_app", "floor", "ratio", "target")


# -- the PostgreSQL side -------------------------------------------------------------------


class Server:
    """Databases and roles of this run, named with a prefix of its own; dropped by close()."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.prefix = f"pb{secrets.token_hex(4)}_"
        self.databases: list[str] = []
        # Roles are cluster-wide: this run's are named apart from anyone else's.
        central.GROUP_ROLE = f"{self.prefix}group"
        central.ROLE_PREFIX = self.prefix

    def _admin(self) -> Any:
        return create_engine(self.url, poolclass=NullPool, isolation_level="AUTOCOMMIT")

    def centre(self, shop: str = "Bench shop") -> str:
        """The owner's URL of a new central database, initialised."""
        name = f"{self.prefix}db{len(self.databases)}"
        admin = self._admin()
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        finally:
            admin.dispose()
        self.databases.append(name)
        central.ROLE_PREFIX = f"{name}_"  # each centre's tills have roles of their own
        owner = make_url(self.url).set(database=name).render_as_string(hide_password=False)
        central.init(owner, shop)
        return owner

    def close(self) -> None:
        admin = self._admin()
        try:
            with admin.connect() as conn:
                for name in self.databases:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                roles = conn.exec_driver_sql(
                    "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %(p)s)", {"p": self.prefix}
                ).scalars()
                for role in list(roles):
                    conn.exec_driver_sql(f'DROP ROLE "{role}"')
        finally:
            admin.dispose()


def pg_connect(url: str) -> psycopg.Connection[Any]:
    return psycopg.connect(engine.conninfo(url))


# -- the tills' files, built once ----------------------------------------------------------


@contextmanager
def fast_writes() -> Iterator[None]:
    """While the cached files are built only: synchronous=OFF (what is built is the same)."""
    store_engine.SYNCHRONOUS = "OFF"
    try:
        yield
    finally:
        store_engine.SYNCHRONOUS = "FULL"


def cache_key(orders: int, offline: int) -> str:
    digest = hashlib.sha256()
    for name in CACHE_SOURCES:
        digest.update((ROOT / name).read_bytes())
    return f"sync-{orders}-{offline}-{BUILD}-{digest.hexdigest()[:12]}"


@dataclass(frozen=True)
class Built:
    first: Path
    second: Path


def built_tills(server: Server, orders: int, offline: int, rebuild: bool) -> Built:
    folder = OUT / cache_key(orders, offline)
    done = Built(folder / f"{FIRST}.sqlite3", folder / f"{SECOND}.sqlite3")
    if not rebuild and done.first.exists() and done.second.exists():
        print(f"using {folder}", file=sys.stderr)
        return done
    if folder.exists():
        shutil.rmtree(folder)
    building = folder.with_name(folder.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    print(f"building {folder} once ({orders:,} + {offline:,} sales through checkout)", file=sys.stderr)
    started = time.perf_counter()
    owner = server.centre()
    with fast_writes():
        first = Services.open(building / done.first.name, create=True)
        try:
            manager = _first_till(first, building)
            first_url = central.add_till(owner, FIRST).url
            attach(first.db, link.identify(first_url))
            engine.sync_once(first.db, first_url)  # the catalogue goes to the centre
            second = Services.open(building / done.second.name, create=True)
            try:
                second_url = central.add_till(owner, SECOND).url
                attach(second.db, link.identify(second_url))
                engine.sync_once(second.db, second_url)  # a till made from the centre
                # A week away: the second till's clock starts a week back and reaches now.
                start = time.time_ns() // 1_000_000 - WEEK_MS
                count = [0]
                second.db.clock = lambda: start + count[0] * WEEK_MS // max(offline, 1)
                _sell(second, second.auth.login("clerk", "clerk123"), offline, random.Random(2), count)
            finally:
                second.close()
            sold = _sell(first, manager, orders, random.Random(1), [0])
            # Later, one order in twenty is refunded in part: records that change an order.
            for number, sku in sold[::REFUND_EVERY]:
                first.orders.refund(manager, number, lines={sku: 1})
        finally:
            first.close()
    # Each run's new centre gets the first till's records first, in the same order, so they
    # take the same central numbers there: the second till keeps what it pulled (the
    # catalogue) and its cursor, and sends its own records again.
    with closing(sqlite3.connect(building / done.first.name)) as conn, conn:
        conn.execute("UPDATE changes SET central_seq = NULL")
        conn.execute("DELETE FROM sync_state WHERE key != 'hlc'")
    with closing(sqlite3.connect(building / done.second.name)) as conn, conn:
        conn.execute("UPDATE changes SET central_seq = NULL WHERE device = ?", (SECOND,))
        (cursor,) = conn.execute("SELECT max(central_seq) FROM changes").fetchone()
        conn.execute("UPDATE sync_state SET value = ? WHERE key = 'cursor'", (str(cursor),))
    for path in (done.first, done.second):  # one file each, nothing left in a -wal
        with closing(sqlite3.connect(building / path.name)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    building.rename(folder)
    print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return done


def _first_till(services: Services, folder: Path) -> Any:
    services.auth.add_user(None, "manager", Role.MANAGER, "manager123", "1234")
    manager = services.auth.login("manager", "manager123")
    services.auth.add_user(manager, "clerk", Role.CLERK, "clerk123", "1111")
    services.catalog.import_csv(manager, CATALOGUE)
    for name in ("Carol Jones", "Dev Patel", "Erin O'Neill", "Farah Khan", "George Smith"):
        services.customers.add(manager, name)
    for sku in skus():
        services.stock.receive(manager, sku, 50_000, "bench delivery")
    return manager


def skus() -> list[str]:
    return [line.split(",", 1)[0] for line in CATALOGUE.read_text().splitlines()[1:] if line]


def _sell(
    services: Services, who: Any, count: int, rng: random.Random, done: list[int]
) -> list[tuple[str, str]]:
    """`count` sales of about three lines: mostly cash with change, some by card, a few to a
    customer; every one through `CheckoutService.checkout`. Their numbers and first SKUs."""
    sold = []
    names = skus()
    customers = (None,) * 17 + ("Carol Jones", "Dev Patel", "Farah Khan")
    for i in range(count):
        size = rng.choice((2, 3, 3, 3, 4))
        lines = tuple(CartLine(sku, rng.randint(1, 3)) for sku in rng.sample(names, size))
        cart = Cart(lines, rng.choice(customers))
        quote = services.checkout.quote(cart)
        if rng.random() < 0.3:
            tender = Tender(PaymentMethod.CARD, quote.priced.total, f"R{i}")
        else:
            tender = Tender(PaymentMethod.CASH, -(-quote.cash_due // 500) * 500)
        order = services.checkout.checkout(who, CheckoutRequest(cart, (tender,), key=str(uuid.uuid4())))
        sold.append((order.number, lines[0].sku))
        done[0] += 1
        if (i + 1) % 1000 == 0:
            print(f"  .. {i + 1:,} sales", file=sys.stderr, flush=True)
    return sold


# -- a run ---------------------------------------------------------------------------------


@dataclass
class Till:
    code: str
    url: str
    path: Path
    services: Services


def open_till(owner: str, code: str, path: Path, source: Path | None) -> Till:
    remove_db(path)
    if source is not None:
        shutil.copyfile(source, path)
    services = Services.open(path, create=source is None)
    url = central.add_till(owner, code).url
    attach(services.db, link.identify(url))
    return Till(code, url, path, services)


def push_till(till: Till) -> int:
    with engine.central_connection(till.url) as conn:
        return engine.push(till.services.db, conn)


def pull_till(till: Till) -> int:
    with engine.central_connection(till.url) as conn:
        fetched, _applied = engine.pull(till.services.db, conn)
        return fetched


def counts(path: Path) -> tuple[int, ...]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("orders", "order_lines", "payments", "order_events", "stock_movements")
        )


def floor_push(owner: str, source: Path) -> tuple[float, int]:
    """Seconds to read the till's unsent records with sqlite3 and COPY them into a table made
    like the central changes table; how many rows."""
    with pg_connect(owner) as pg:
        pg.execute("DROP TABLE IF EXISTS floor_changes")
        pg.execute(
            "CREATE TABLE floor_changes (LIKE changes INCLUDING ALL, "
            "FOREIGN KEY (shop_id) REFERENCES shops (id), FOREIGN KEY (device) REFERENCES tills (code))"
        )
        (shop,) = pg.execute("SELECT id FROM shops").fetchone() or (None,)
        pg.commit()
        os.sync()
        start = time.perf_counter()
        lite = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        rows = lite.execute(
            f"SELECT {CHANGE_COLUMNS} FROM changes WHERE central_seq IS NULL ORDER BY device_seq"
        ).fetchall()
        lite.close()
        with (
            pg.cursor() as cur,
            cur.copy(
                "COPY floor_changes (shop_id, id, device, device_seq, hlc, entity, entity_id, kind, payload, "
                "base_version) FROM STDIN"
            ) as copy,
        ):
            for row in rows:
                copy.write_row((shop, *row))
        pg.commit()
        took = time.perf_counter() - start
        pg.execute("DROP TABLE floor_changes")
        pg.commit()
    return took, len(rows)


# Where the floor puts each kind of row a record carries.
_FACTS = ("payments", "order_events", "stock_movements", "credit_movements")
_ENTITY = {"product": "products", "customer": "customers", "user": "users"}
_LOCAL = {"product": {"on_hand": 0}, "user": {"failed_logins": 0}}  # columns no record carries


def floor_pull(owner: str, empty: Path, target: Path) -> float:
    """Seconds to COPY the centre's records out and insert them, and the rows they carry, into
    an empty till's tables with sqlite3 executemany, in one synchronous=FULL transaction."""
    remove_db(target)
    shutil.copyfile(empty, target)
    os.sync()
    start = time.perf_counter()
    columns = CHANGE_COLUMNS.replace("id,", "id::text,", 1).replace("payload", "payload::text")
    out = f"COPY (SELECT {columns}, central_seq FROM changes ORDER BY central_seq) TO STDOUT"
    with pg_connect(owner) as pg, pg.cursor() as cur, cur.copy(out) as copy:
        copy.set_types(["text", "text", "int8", "text", "text", "text", "text", "text", "int4", "int8"])
        records = list(copy.rows())
    lite = sqlite3.connect(target, isolation_level=None)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=FULL"):
        lite.execute(f"PRAGMA {pragma}")
    now = "2026-01-01T00:00:00.000000Z"
    grouped: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
    replace: set[str] = set()
    sets: dict[str, list[tuple[Any, str]]] = {}
    line_sets: list[tuple[int, int, str, int]] = []

    def add(table: str, row: dict[str, Any]) -> None:
        keys = tuple(row)
        grouped.setdefault((table, keys), []).append(tuple(row[k] for k in keys))

    for record in records:
        add(
            "changes",
            {
                **dict(zip([*CHANGE_COLUMNS.split(", "), "central_seq"], record, strict=True)),
                "created_at": now,
            },
        )
        entity, kind, body = record[4], record[6], json.loads(record[7])
        if entity == "setting":
            add("settings", {"key": body["key"], "value": body["value"]})
            replace.add("settings")
        elif entity in _ENTITY:
            add(_ENTITY[entity], {**_LOCAL.get(entity, {}), **body})
            replace.add(_ENTITY[entity])
        if kind == "placed":
            add("orders", body["order"])
            for line in body["lines"]:
                add("order_lines", line)
        elif kind == "changed":  # the later values as they stand, no fold
            for column, (_before, after) in body["set"].items():
                sets.setdefault(column, []).append((after, record[5]))
            for line_no, (_before, after) in body["lines"].items():
                line_sets.append((after[0], after[1], record[5], int(line_no)))
        for table, rows in body.get("rows", {}).items():
            for row in rows:
                add(table, row)
    lite.execute("BEGIN IMMEDIATE")
    lite.execute("PRAGMA defer_foreign_keys=ON")
    order = ("settings", "users", "customers", "products", "orders", "order_lines", *_FACTS, "changes")
    for table in order:
        for (name, keys), rows in grouped.items():
            if name != table:
                continue
            verb = "INSERT OR REPLACE" if table in replace else "INSERT OR IGNORE"
            lite.executemany(
                f"{verb} INTO {table} ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})", rows
            )
    for column, values in sets.items():
        lite.executemany(f'UPDATE orders SET "{column}" = ? WHERE id = ?', values)
    lite.executemany(
        "UPDATE order_lines SET refunded_qty = ?, refunded_amount = ? WHERE order_id = ? AND line_no = ?",
        line_sets,
    )
    lite.execute("COMMIT")
    lite.close()
    return time.perf_counter() - start


def checkout_times(till: Till, runs: int, rng: random.Random, pause: float = 0.02) -> list[float]:
    clerk = till.services.auth.login("clerk", "clerk123")
    names = skus()
    samples = []
    for _ in range(runs):
        cart = Cart(tuple(CartLine(sku, 1) for sku in rng.sample(names, 3)))
        request = CheckoutRequest(cart, (Tender(PaymentMethod.CASH, 100_00),), key=str(uuid.uuid4()))
        start = time.perf_counter()
        till.services.checkout.checkout(clerk, request)
        samples.append((time.perf_counter() - start) * 1000)
        time.sleep(pause)  # the next customer: the worker gets its turns meanwhile
    return samples


def other_till(path: str, url: str, stop: Any, per_second: float) -> None:
    """Another till of the shop, in its own process: sells about `per_second` sales a second and
    syncs after every ten."""
    services = Services.open(Path(path))
    try:
        clerk = services.auth.login("clerk", "clerk123")
        rng = random.Random(3)
        names = skus()
        sold = 0
        while not stop.is_set():
            cart = Cart(tuple(CartLine(sku, 1) for sku in rng.sample(names, 3)))
            request = CheckoutRequest(cart, (Tender(PaymentMethod.CASH, 100_00),), key=str(uuid.uuid4()))
            services.checkout.checkout(clerk, request)
            sold += 1
            if sold % 10 == 0:
                engine.sync_once(services.db, url)
            time.sleep(1 / per_second)
    finally:
        services.close()


class Worker(threading.Thread):
    """What the till's sync worker does: `sync_once` on its own thread, every half second."""

    def __init__(self, till: Till) -> None:
        super().__init__(name="sync-worker", daemon=True)
        self.till = till
        self.stop = threading.Event()
        self.rounds = 0
        self.pulled = 0

    def run(self) -> None:
        while True:  # at once (what came in while it was off), then every half second
            report = engine.sync_once(self.till.services.db, self.till.url)
            self.rounds += 1
            self.pulled += report.pulled
            if self.stop.wait(0.5):
                return


def summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{ms(statistics.median(ordered))} (p95 {ms(p95)}, max {ms(ordered[-1])})"


def rate(count: int, took: float) -> str:
    return f"{count / took:,.0f}/s ({took:.2f} s)"


def took(value: float) -> str:
    return seconds(value) if value >= 10 else f"{value:.2f} s"


@dataclass
class Round:
    """One new centre: the first till pushes, a new till pulls, and the floors of both."""

    owner: str
    first: Till
    new: Till
    sent: int
    fetched: int
    push_s: float
    push_floor_s: float
    pull_s: float
    pull_floor_s: float


def push_and_pull(server: Server, built: Built, work: Path, empty: Path) -> Round:
    owner = server.centre()
    first = open_till(owner, FIRST, work / f"{FIRST}.sqlite3", built.first)
    os.sync()  # the copy's writeback would otherwise land on the timed fsyncs
    start = time.perf_counter()
    sent = push_till(first)
    push_s = time.perf_counter() - start
    push_floor_s, floor_rows = floor_push(owner, built.first)
    assert floor_rows == sent, (floor_rows, sent)
    new = open_till(owner, NEW, work / f"{NEW}.sqlite3", None)
    push_till(new)  # its own few records first, as sync_once would
    os.sync()
    start = time.perf_counter()
    fetched = pull_till(new)
    pull_s = time.perf_counter() - start
    assert counts(new.path)[:4] == counts(first.path)[:4], (counts(new.path), counts(first.path))
    pull_floor_s = floor_pull(owner, empty, work / "floor-pull.sqlite3")
    return Round(owner, first, new, sent, fetched, push_s, push_floor_s, pull_s, pull_floor_s)


def run(args: argparse.Namespace, server: Server, table: SyncTable) -> None:
    built = built_tills(server, args.orders, args.offline, args.rebuild)
    work = OUT / "sync-run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    empty = work / "empty.sqlite3"
    Services.open(empty, create=True).close()

    # a. push and b. pull, on a new centre each round; the median round is shown
    rounds: list[Round] = []
    for i in range(args.repeats):
        if rounds:
            rounds[-1].first.services.close()
            rounds[-1].new.services.close()
        rounds.append(push_and_pull(server, built, work, empty))
        done = rounds[-1]
        print(
            f"  .. round {i + 1}: push {done.push_s:.2f} s (floor {done.push_floor_s:.2f} s), "
            f"pull {done.pull_s:.2f} s (floor {done.pull_floor_s:.2f} s)",
            file=sys.stderr,
            flush=True,
        )
    last = rounds[-1]
    push_s = statistics.median(r.push_s for r in rounds)
    push_floor = statistics.median(r.push_floor_s for r in rounds)
    pull_s = statistics.median(r.pull_s for r in rounds)
    pull_floor = statistics.median(r.pull_floor_s for r in rounds)
    many = f", median of {len(rounds)}" if len(rounds) > 1 else ""
    table.add(
        f"push {args.orders:,} orders ({last.sent:,} records), orders/s{many}",
        rate(args.orders, push_s),
        rate(args.orders, push_floor),
        f"{push_s / push_floor:.1f}×",
        "within 3× of the floor",
    )
    table.add(
        f"pull them into a new till ({last.fetched:,} records), orders/s{many}",
        rate(args.orders, pull_s),
        rate(args.orders, pull_floor),
        f"{pull_s / pull_floor:.1f}×",
        "",
    )
    owner, first, new = last.owner, last.first, last.new
    # d. a week offline
    second = open_till(owner, SECOND, work / f"{SECOND}.sqlite3", built.second)
    os.sync()
    start = time.perf_counter()
    sent = push_till(second)
    week_push_s = time.perf_counter() - start
    start = time.perf_counter()
    fetched = pull_till(new)
    week_pull_s = time.perf_counter() - start
    table.add(
        f"a week offline: {args.offline:,} sales pushed ({sent:,} records)",
        took(week_push_s),
        "",
        "",
        "< 10 s",
    )
    table.add(
        f"  then pulled by a till holding {args.orders:,} ({fetched:,} records)",
        took(week_pull_s),
        "",
        "",
        "< 10 s",
    )
    # c. checkout, sync off and on, while another till sells and syncs
    engine.sync_once(second.services.db, second.url)  # both up to date first
    engine.sync_once(new.services.db, new.url)
    second.services.close()
    first.services.close()
    rng = random.Random(4)
    checkout_times(new, 10, rng)  # warm
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    seller = context.Process(target=other_till, args=(str(second.path), second.url, stop, args.rate))
    seller.start()
    off: list[float] = []
    on: list[float] = []
    rounds = pulled = 0
    try:
        time.sleep(3)  # its start-up
        # Off and on in turns, so that the machine's drift falls on both alike.
        for _ in range(BLOCKS):
            off += checkout_times(new, args.runs // BLOCKS, rng)
            worker = Worker(new)
            worker.start()
            on += checkout_times(new, args.runs // BLOCKS, rng)
            worker.stop.set()
            worker.join()
            rounds, pulled = rounds + worker.rounds, pulled + worker.pulled
    finally:
        stop.set()
        seller.join()
    table.add(f"checkout, 3 lines, sync off (another till selling {args.rate:g}/s)", summary(off), "", "", "")
    table.add(
        f"  sync on: sync_once every 0.5 s ({rounds} rounds, {pulled} records pulled)",
        summary(on),
        "",
        f"{statistics.median(on) / statistics.median(off):.2f}× off",
        "not slower",
    )
    new.services.close()
    table.add("peak memory (this process)", f"{peak_rss_mib():.0f} MiB", "", "", "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pg", help=f"a PostgreSQL superuser's URL (default: ${PG_ENV})")
    parser.add_argument("--orders", type=int, default=10_000, help="orders pushed and pulled")
    parser.add_argument("--offline", type=int, default=5_000, help="sales made during the week offline")
    parser.add_argument("--runs", type=int, default=200, help="checkouts timed, sync off and on")
    parser.add_argument("--rate", type=float, default=10, help="the other till's sales a second")
    parser.add_argument(
        "--repeats", type=int, default=3, help="rounds of push and pull, each on a new centre"
    )
    parser.add_argument("--rebuild", action="store_true", help="build the cached tills again")
    args = parser.parse_args()
    url = args.pg or os.environ.get(PG_ENV)
    if not url:
        print(
            f"sync benchmark skipped: no PostgreSQL server given (set {PG_ENV} or pass --pg URL, "
            "a superuser's URL such as postgresql+psycopg://postgres@127.0.0.1:5432/postgres)",
            file=sys.stderr,
        )
        return 0
    server = Server(url)
    table = SyncTable(f"Sync: {args.orders:,} orders through the central PostgreSQL")
    try:
        run(args, server, table)
    finally:
        server.close()
    table.print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
