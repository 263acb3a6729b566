"""Tools for the sync fault tests: a busy till's database made once and copied, a sync run in a
process of its own that the tests kill with SIGKILL, and what the centre holds of a till."""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import random
import signal
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from sqlalchemy import text

from pos_app.domain.cart import CartLine
from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.users import Role
from pos_app.services import Services
from pos_app.store.migrate import open_engine
from pos_app.store.uow import Database
from pos_app.sync import central, engine, link
from pos_app.sync.setup import attach
from tests.conftest import CATALOG, FAST_HASHER
from tests.helpers import sell
from tests.sync.helpers import connected
from tests.sync.shop import Till, new_code

# A fork server that has imported pos_app already: a killed run is started again in milliseconds.
_FORKS = multiprocessing.get_context("forkserver")
_FORKS.set_forkserver_preload([__name__])
KILLED = -signal.SIGKILL
SALES = 120
PREFIX = "F"  # these tests' till codes
_shops = itertools.count(1)


def build_busy_till(path: Path) -> None:
    """A till's database, not yet linked, with some 150 change records of every kind: sales in
    cash and by card, refunds in full and in part, cancels (one to store credit), status
    changes, stock received and adjusted. Made once per test module and copied: selling takes
    a second or two."""
    services = Services.open(path, create=True, hasher=FAST_HASHER)
    try:
        services.auth.add_user(None, "manager", Role.MANAGER, "manager123", "1234")
        manager = services.auth.login("manager", "manager123")
        services.auth.add_user(manager, "clerk", Role.CLERK, "clerk123", "1111")
        services.auth.add_user(manager, "alice", Role.CUSTOMER, "alice123")
        catalog = path.with_suffix(".csv")
        catalog.write_text(CATALOG)
        services.catalog.import_csv(manager, catalog)
        services.customers.add(manager, "Dana Shopper", "dana@example.com")
        for sku in ("MUG", "TEA", "CARD"):
            services.stock.receive(manager, sku, 400, "delivery")
        clerk = services.auth.login("clerk", "clerk123")
        shapes = [(CartLine("MUG", 1),), (CartLine("TEA", 2), CartLine("CARD", 1)), (CartLine("CARD", 3),)]
        numbers = []
        for n in range(SALES):
            lines = shapes[n % len(shapes)]
            if n % 20 == 7:
                order = sell(services, clerk, customer="alice", fulfilment=Fulfilment.DELIVERY, lines=lines)
            else:
                order = sell(services, clerk, lines=lines, cash=0 if n % 10 == 3 else 5000)
            numbers.append(order.number)
        for n in range(5, 60, 9):
            services.orders.refund(manager, numbers[n], lines={"CARD": 1} if n % 3 else None)
        for number in numbers[7:SALES:40]:
            services.orders.update_order(manager, number, status=OrderStatus.PROCESSING)
        for number in numbers[27:SALES:40]:  # delivery orders, not yet shipped
            services.orders.cancel(manager, number, to_credit=number == numbers[67])
        services.stock.adjust(manager, "TEA", -3, "damaged")
    finally:
        services.close()


def new_shop(centre: str) -> str:
    """A shop of its own at the centre (one centre database serves a test module: each
    database dropped costs PostgreSQL a checkpoint)."""
    name = f"Fault Street {next(_shops)}"
    central.init(centre, name)
    return name


def copy_till(template: Path, centre: str, folder: Path) -> Till:
    """A copy of the template linked to the centre as a new till (its records take its code).
    The copies' records have the same ids: one centre database holds one copy only."""
    code = new_code(PREFIX)
    url = central.add_till(centre, code).url
    path = folder / f"{code}.sqlite3"
    with sqlite3.connect(template) as source, sqlite3.connect(path) as target:
        source.backup(target)
    source.close()
    target.close()
    services = Services.open(path, hasher=FAST_HASHER)
    attach(services.db, link.identify(url))
    return Till(code.upper(), url, path, services)


# -- a sync in a process of its own ----------------------------------------------------------


def _sync_in_child(path: str, url: str, batch: int, ready: Connection, die_at: str, nth: int) -> None:
    os.environ[engine.BATCH_ENV] = str(batch)
    if die_at:
        reached = itertools.count(1)

        def die(point: str) -> None:
            if point == die_at and next(reached) == nth:
                os.kill(os.getpid(), signal.SIGKILL)

        engine.fault_point = die
    db = Database(open_engine(Path(path)))
    ready.send_bytes(b"go")
    ready.close()
    engine.sync_once(db, url)
    db.close()


def run_sync(
    till: Till,
    batch: int,
    *,
    kill_after: float | None = None,
    die_at: str = "",
    nth: int = 1,
    meanwhile: Callable[[], object] | None = None,
) -> int:
    """Sync `till` in a process of its own; with `kill_after`, SIGKILL it that many seconds
    after it began to sync (`meanwhile` runs here as soon as it has begun). With `die_at`, it
    kills itself at the nth time it reaches that fault point. Its exit code (KILLED when a
    kill found it running)."""
    receiving, sending = _FORKS.Pipe(duplex=False)
    process = _FORKS.Process(
        target=_sync_in_child, args=(str(till.path), till.url, batch, sending, die_at, nth), daemon=True
    )
    try:
        process.start()
        sending.close()
        try:
            if receiving.poll(30):
                receiving.recv_bytes()
        except EOFError:
            pass  # it ended before it began to sync: its exit code tells
        began = time.monotonic()
        if meanwhile is not None:
            meanwhile()
        if kill_after is not None:
            time.sleep(max(0.0, kill_after - (time.monotonic() - began)))
            if process.exitcode is None:
                with contextlib.suppress(ProcessLookupError):  # it ended just now
                    os.kill(process.pid, signal.SIGKILL)  # type: ignore[arg-type]
        process.join(60)
        assert process.exitcode is not None, "a sync process did not end within a minute"
        return process.exitcode
    finally:
        receiving.close()
        if process.exitcode is None and process.pid is not None:
            process.kill()
            process.join()
        process.close()


def kill_repeatedly(
    till: Till,
    batch: int,
    kills: int,
    rng: random.Random,
    left: Callable[[], int],
    meanwhile: Callable[[int], Callable[[], object] | None] = lambda n: None,
) -> list[tuple[float, int, int]]:
    """Sync `till` `kills` times in a process of its own, each SIGKILLed at a random moment.
    The moments are drawn from a window that shrinks when the work (`left()`) goes faster than
    half of it over all the kills, and grows when slower, so that on a fast machine or a slow
    one the kills land part-way. For each run: (seconds to the kill, exit code, work left)."""
    window, start, runs = 0.05, left(), []
    for n in range(kills):
        after = rng.uniform(0, window)
        code = run_sync(till, batch, kill_after=after, meanwhile=meanwhile(n))
        assert code in (KILLED, 0), f"a sync process ended with {code}"
        now = left()
        runs.append((round(after, 3), code, now))
        ahead = now < start * (1 - 0.5 * (n + 1) / kills)
        window = min(0.25, max(0.005, window * (0.7 if ahead else 1.2)))
    return runs


def landed(runs: list[tuple[float, int, int]]) -> int:
    """How many kills found the sync at work, with work left."""
    return sum(1 for _after, code, left in runs if code == KILLED and left > 0)


# -- what the till and the centre hold -------------------------------------------------------


@dataclass(frozen=True)
class Held:
    own: dict[str, int | None]  # the till's own records: id -> central_seq as the till has it
    centre: dict[str, int]  # the centre's records of that device: id -> central_seq
    per_seq: int  # the most records the centre holds under one (device, device_seq)


_MOST_PER_SEQ = (
    "SELECT coalesce(max(n), 0) FROM (SELECT count(*) n FROM changes GROUP BY device, device_seq) c"
)


def held(till: Till, centre_owner: str) -> Held:
    with sqlite3.connect(f"file:{till.path}?mode=ro", uri=True) as conn:
        own = dict(conn.execute("SELECT id, central_seq FROM changes WHERE device = ?", (till.code,)))
    conn.close()
    with connected(centre_owner) as pg:
        rows = pg.execute(
            text("SELECT id::text, central_seq FROM changes WHERE device = :d"), {"d": till.code}
        ).all()
        per_seq = pg.execute(text(_MOST_PER_SEQ)).scalar_one()
    return Held(own, {str(i): int(s) for i, s in rows}, int(per_seq))


def assert_pushed_once(till: Till, centre: str) -> None:
    """The centre holds each of the till's records once, and the till knows each as pushed."""
    state = held(till, centre)
    assert state.per_seq == 1
    assert set(state.centre) == set(state.own)
    assert state.own == state.centre, "a record is marked with another central number than it has"


def pending(till: Till) -> int:
    return _scalar(till, "SELECT count(*) FROM changes WHERE device = ? AND central_seq IS NULL", till.code)


def cursor(till: Till) -> int:
    return _scalar(till, "SELECT coalesce(max(CAST(value AS INT)), 0) FROM sync_state WHERE key = 'cursor'")


def _scalar(till: Till, query: str, *args: object) -> int:
    with sqlite3.connect(f"file:{till.path}?mode=ro", uri=True) as conn:
        value = conn.execute(query, args).fetchone()[0]
    conn.close()
    return int(value)


_OFF_LEDGER = """
SELECT p.sku, p.on_hand, (SELECT coalesce(sum(qty), 0) FROM stock_movements WHERE product_id = p.id) AS total
FROM products p WHERE on_hand != total
UNION ALL
SELECT c.name, c.credit_balance,
       (SELECT coalesce(sum(amount), 0) FROM credit_movements WHERE customer_id = c.id) AS total
FROM customers c WHERE credit_balance != total
"""


def off_ledger(till: Till) -> list[tuple[str, int, int]]:
    """Stock levels and credit balances that are not the sum of their ledger (should be none)."""
    with sqlite3.connect(f"file:{till.path}?mode=ro", uri=True) as conn:
        rows = conn.execute(_OFF_LEDGER).fetchall()
    conn.close()
    return rows
