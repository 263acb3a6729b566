"""The sync worker on its own thread against the real PostgreSQL: it syncs soon after a sale,
backs off while the centre is unreachable, stops promptly, and never holds up a sale."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from pos_app.store.uow import Database
from pos_app.sync import engine
from pos_app.sync.worker import Applied, SyncStatus, SyncWorker, backoff
from tests.helpers import dead_central_url, sell
from tests.sync.background.helpers import hanging_server, wait_for
from tests.sync.helpers import connected
from tests.sync.shop import Till


class Seen:
    """What the worker told, from its thread."""

    def __init__(self) -> None:
        self.statuses: list[SyncStatus] = []
        self.applied: list[Applied] = []

    @property
    def line(self) -> str:
        return self.statuses[-1].line() if self.statuses else ""


@contextmanager
def running(db: Database, url: str, **options: float) -> Iterator[tuple[SyncWorker, Seen]]:
    seen = Seen()
    worker = SyncWorker(db, url, on_status=seen.statuses.append, on_applied=seen.applied.append, **options)
    worker.start()
    try:
        yield worker, seen
    finally:
        assert worker.stop(timeout=3), "the worker did not stop"


def test_backoff_doubles_from_two_seconds_up_to_a_minute() -> None:
    assert [backoff(n) for n in range(0, 8)] == [0, 2, 4, 8, 16, 32, 60, 60]
    assert backoff(10_000) == 60


def test_a_sale_goes_out_soon_after_it_is_made_not_at_the_next_interval(
    two_tills: tuple[Till, Till],
) -> None:
    one, _two = two_tills
    with running(one.services.db, one.url, interval=60) as (worker, seen):
        wait_for(lambda: seen.line == "sync: up to date", what="the first round")
        sell(one.services, one.login("clerk"))  # the unit of work wakes the worker
        wait_for(lambda: worker.rounds == 2 and seen.line == "sync: up to date", what="the sale to go out")
    assert engine.status(one.services.db, True).waiting == 0


def test_what_another_till_changed_is_told_by_order_id(two_tills: tuple[Till, Till]) -> None:
    one, two = two_tills
    order = sell(two.services, two.login("clerk"))
    two.sync()
    with running(one.services.db, one.url, interval=0.1) as (_worker, seen):
        wait_for(lambda: any(order.id in a.orders for a in seen.applied), what="the pulled order")


def test_an_unreachable_centre_is_an_error_line_and_the_worker_backs_off(
    two_tills: tuple[Till, Till],
) -> None:
    one, _two = two_tills
    sell(one.services, one.login("clerk"))
    with running(one.services.db, dead_central_url(), interval=0.05, backoff_first=0.2) as (worker, seen):
        wait_for(lambda: worker.failures >= 2, what="two failed rounds")
        assert seen.line.startswith("sync error: cannot reach the central store: ")
        assert "(last synced " in seen.line  # the fixture synced this till once
        assert "secret" not in seen.line
        time.sleep(0.3)
        assert worker.failures <= 3  # 0.2 s, then 0.4 s: not every 0.05 s
        rounds = worker.rounds
        worker.wake()  # a sale while backing off: the count is told, no new attempt yet
        time.sleep(0.05)
        assert worker.rounds == rounds
    status = engine.status(one.services.db, True)
    assert status.waiting == 1 and status.last_error


def test_stop_joins_at_once_while_the_worker_waits(two_tills: tuple[Till, Till]) -> None:
    one, _two = two_tills
    worker = SyncWorker(one.services.db, one.url, interval=60)
    worker.start()
    wait_for(lambda: worker.rounds == 1, what="the first round")
    time.sleep(0.1)
    started = time.monotonic()
    assert worker.stop()
    assert time.monotonic() - started < 0.5
    assert worker.wake not in one.services.db.after_logged


def test_a_checkout_completes_while_the_worker_is_stuck_connecting(two_tills: tuple[Till, Till]) -> None:
    one, _two = two_tills
    with hanging_server() as server:
        worker = SyncWorker(one.services.db, server.url, interval=60)
        worker.start()
        wait_for(lambda: bool(server.accepted), what="the worker to connect")
        started = time.monotonic()
        order = sell(one.services, one.login("clerk"))
        took = time.monotonic() - started
        assert worker.running and worker.rounds == 1 and worker.failures == 0  # still connecting
    assert took < 1.0, f"the checkout waited {took:.2f} s"
    assert worker.stop(timeout=3)
    assert one.services.orders.get_order(one.login("manager"), order.number).id == order.id


def _shop_id(centre: str) -> int:
    with connected(centre) as conn:
        return int(conn.exec_driver_sql("SELECT min(id) FROM shops").scalar_one())


def test_a_checkout_completes_while_a_push_waits_inside_its_central_transaction(
    two_tills: tuple[Till, Till], centre: str
) -> None:
    """The push holds a PostgreSQL transaction, blocked on the shop's lock: no SQLite lock."""
    one, _two = two_tills
    sell(one.services, one.login("clerk"))
    holder = threading.Event()
    release = threading.Event()

    def hold_the_shop_lock() -> None:
        with connected(centre) as conn:
            conn.exec_driver_sql(f"SELECT pg_advisory_lock({engine._LOCK_CLASS}, {_shop_id(centre)})")
            holder.set()
            release.wait(10)
            conn.exec_driver_sql("SELECT pg_advisory_unlock_all()")

    locker = threading.Thread(target=hold_the_shop_lock)
    locker.start()
    assert holder.wait(5)
    try:
        with running(one.services.db, one.url, interval=60) as (worker, seen):
            with connected(centre) as watch:
                wait_for(
                    lambda: (
                        watch.exec_driver_sql(
                            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pos_app till' "
                            "AND wait_event_type = 'Lock'"
                        ).scalar_one()
                        == 1
                    ),
                    what="the push to wait for the shop's lock",
                )
            started = time.monotonic()
            sell(one.services, one.login("clerk"))
            took = time.monotonic() - started
            release.set()
            wait_for(lambda: seen.line == "sync: up to date", what="the push to go through")
            assert worker.failures == 0
    finally:
        release.set()
        locker.join(5)
    assert took < 1.0, f"the checkout waited {took:.2f} s"


@pytest.mark.parametrize("interval", [0.05])
def test_a_round_that_fails_unexpectedly_is_an_error_line_and_the_thread_goes_on(
    two_tills: tuple[Till, Till], interval: float
) -> None:
    one, _two = two_tills
    calls: list[int] = []

    def broken(db: Database, url: str) -> engine.SyncReport:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a bug")
        return engine.sync_once(db, url)

    seen = Seen()
    worker = SyncWorker(
        one.services.db,
        one.url,
        interval=interval,
        backoff_first=0.05,
        on_status=seen.statuses.append,
        sync=broken,
    )
    worker.start()
    try:
        wait_for(lambda: "could not be applied" in seen.line, what="the error line")
        wait_for(lambda: seen.line == "sync: up to date", what="the next round")
    finally:
        assert worker.stop()
