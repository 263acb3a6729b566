"""A centre that refuses the connection, one that never answers, one that drops the connection
in the middle of a push, and a till database restored from an older copy: sales go on, the
status and the command line say why in one line without the password, and the next sync
completes with each change at the centre once."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from pos_app.services import Services
from pos_app.sync import central, engine, link
from pos_app.sync.errors import CentralUnreachable
from pos_app.sync.setup import attach
from tests.conftest import FAST_HASHER
from tests.helpers import sell
from tests.sync.conftest import PgServer
from tests.sync.faults import PREFIX, assert_pushed_once, held, new_shop, pending
from tests.sync.helpers import Result, connected, run
from tests.sync.shop import Till, new_code, open_till

SyncNow = Callable[[Till], Result]


@pytest.fixture(scope="module")
def centre(pg_server: PgServer) -> str:
    owner = pg_server.new_database()
    central.init(owner, "Fault Street")
    return owner


@pytest.fixture
def shop(centre: str) -> str:
    return new_shop(centre)


@pytest.fixture
def till(centre: str, shop: str, tmp_path: Path) -> Iterator[Till]:
    till = open_till(centre, tmp_path, first=True, code=new_code(PREFIX), shop=shop)
    till.sync()
    yield till
    till.services.close()


@pytest.fixture
def sync_now(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> SyncNow:
    """`pos-app --db TILL --user clerk sync now`, in this process."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("POS_APP_PASSWORD", "clerk123")
    monkeypatch.setattr("pos_app.services.auth.till_hasher", lambda: FAST_HASHER)
    return lambda till: run(capsys, "--db", str(till.path), "--user", "clerk", "sync", "now")


@contextmanager
def centre_at(kind: str) -> Iterator[int]:
    """A port where nothing listens ("refused"), or where a server accepts connections and
    never says a word ("silent")."""
    server = socket.create_server(("127.0.0.1", 0))
    port = int(server.getsockname()[1])
    if kind == "refused":
        server.close()
        yield port
        return
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.05)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield port
    finally:
        stop.set()
        thread.join()
        for conn in accepted:
            conn.close()
        server.close()


def assert_says_why(till: Till, result: Result, reason: str) -> None:
    password = make_url(till.url).password
    assert password
    line = engine.status(till.services.db, True).line()
    assert line.startswith(f"sync error: {reason}"), line
    assert result.code == CentralUnreachable.exit_code, result
    first, *rest = result.err.strip().splitlines()
    assert first.startswith(f"pos-app: {reason}"), result.err
    assert rest == [f"sales go on here; {pending(till)} changes wait for the next sync"], result.err
    assert password not in line + result.out + result.err


@pytest.mark.parametrize(("kind", "reason"), [("refused", "refused"), ("silent", "timeout expired")])
def test_a_centre_out_of_reach_leaves_sales_going_and_says_why(
    kind: str, reason: str, till: Till, centre: str, sync_now: SyncNow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(engine.TIMEOUT_ENV, "1")  # PostgreSQL's client takes 2 s at least
    clerk = till.login("clerk")
    sell(till.services, clerk)
    with centre_at(kind) as port:
        away = make_url(till.url).set(host="127.0.0.1", port=port).render_as_string(hide_password=False)
        failed: list[BaseException] = []

        def sync() -> None:
            try:
                engine.sync_once(till.services.db, away)
            except CentralUnreachable as exc:
                failed.append(exc)

        worker = threading.Thread(target=sync)
        began = time.monotonic()
        worker.start()
        sell(till.services, clerk, cash=2000)  # while the sync waits for the centre
        sold_s = time.monotonic() - began
        worker.join(10)
        waited_s = time.monotonic() - began
        assert not worker.is_alive() and len(failed) == 1
        assert sold_s < 1.5 and waited_s < 5, (sold_s, waited_s)
        assert reason in str(failed[0])

        link.save_link(till.path, away)
        began = time.monotonic()
        result = sync_now(till)
        assert time.monotonic() - began < 5
        assert_says_why(till, result, "cannot reach the central store")
        assert reason in result.err
    sell(till.services, clerk)  # and after
    assert pending(till) == 3

    link.save_link(till.path, till.url)
    result = sync_now(till)

    assert result.code == 0, result.err
    assert pending(till) == 0
    assert_pushed_once(till, centre)
    assert engine.status(till.services.db, True).line() == "sync: up to date"


def test_a_centre_that_drops_the_connection_mid_push_leaves_nothing_half_done(
    till: Till, centre: str, sync_now: SyncNow, monkeypatch: pytest.MonkeyPatch
) -> None:
    clerk = till.login("clerk")
    for _ in range(3):
        sell(till.services, clerk)
    before = held(till, centre)
    role = make_url(till.url).username
    dropped: list[str] = []

    def drop(point: str) -> None:
        if point != "push: inserted":
            return
        # The push's transaction at the centre is open, and a sale here goes through.
        dropped.append(sell(till.services, clerk, cash=2000).number)
        with connected(centre) as admin:
            ended = admin.execute(
                text(
                    "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
                    "WHERE usename = :r AND state = 'idle in transaction'"
                ),
                {"r": role},
            ).scalars()
            assert list(ended) == [True]

    monkeypatch.setattr(engine, "fault_point", drop)
    with pytest.raises(CentralUnreachable, match="the central store broke off"):
        till.sync()
    assert len(dropped) == 1
    assert held(till, centre).centre == before.centre
    assert pending(till) == 4

    link.save_link(till.path, till.url)
    assert_says_why(till, sync_now(till), "the central store broke off")
    assert len(dropped) == 2 and held(till, centre).centre == before.centre

    monkeypatch.setattr(engine, "fault_point", lambda point: None)
    result = sync_now(till)

    assert result.code == 0, result.err
    assert pending(till) == 0
    assert_pushed_once(till, centre)
    assert len(held(till, centre).centre) == len(before.centre) + 5


def copy_of(path: Path, target: Path) -> None:
    with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    source.close()
    copy.close()


def assert_told_not_looping(till: Till, monkeypatch: pytest.MonkeyPatch) -> None:
    batches = []

    def bounded(point: str) -> None:
        batches.append(point)
        assert len(batches) < 20, "the push sends the same batch again and again"

    monkeypatch.setattr(engine, "fault_point", bounded)
    with pytest.raises(CentralUnreachable, match="put back from an older copy, or copied from another till"):
        till.sync()
    assert "put back from an older copy" in engine.status(till.services.db, True).line()


def test_a_database_put_back_from_an_older_copy_is_told_not_sent_again_and_again(
    till: Till, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clerk = till.login("clerk")
    sell(till.services, clerk)
    copy_of(till.path, tmp_path / "older.sqlite3")
    sell(till.services, clerk)
    till.sync()  # the centre holds the sale the older copy does not
    till.services.close()
    copy_of(tmp_path / "older.sqlite3", till.path)
    till.services = Services.open(till.path, hasher=FAST_HASHER)
    sell(till.services, till.login("clerk"))  # numbered as the sale the centre holds

    assert_told_not_looping(till, monkeypatch)


def test_a_till_copied_from_another_is_told_not_sent_again_and_again(
    till: Till, centre: str, shop: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sell(till.services, till.login("clerk"))
    code = new_code(PREFIX)
    copy_of(till.path, tmp_path / f"{code}.sqlite3")
    till.sync()
    url = central.add_till(centre, code, shop).url
    services = Services.open(tmp_path / f"{code}.sqlite3", hasher=FAST_HASHER)
    copied = Till(code, url, tmp_path / f"{code}.sqlite3", services)
    try:
        attach(services.db, link.identify(url))  # its unsent records take its code
        assert_told_not_looping(copied, monkeypatch)
    finally:
        services.close()


def test_a_till_stalled_mid_push_holds_the_other_tills_up_only_briefly(
    till: Till, centre: str, shop: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A till that stops inside its push's transaction (suspended, or its link gone without a
    word) holds its shop's push lock: the centre must end that session soon, not when it
    notices the dead link hours later, or every other till's push fails meanwhile."""
    monkeypatch.setattr(engine, "IDLE_IN_TRANSACTION_MS", 1000)
    monkeypatch.setattr(engine, "STATEMENT_TIMEOUT_MS", 6000)
    other = open_till(centre, tmp_path, code=new_code(PREFIX), shop=shop)
    other.sync()  # it has the shop's users now
    sell(till.services, till.login("clerk"))
    sell(other.services, other.login("clerk"))
    stalled, resume = threading.Event(), threading.Event()

    def stall(point: str) -> None:
        if point == "push: inserted" and threading.current_thread() is not threading.main_thread():
            stalled.set()
            resume.wait(10)

    monkeypatch.setattr(engine, "fault_point", stall)
    failed: list[BaseException] = []

    def push_and_stall() -> None:
        try:
            till.sync()
        except CentralUnreachable as exc:
            failed.append(exc)

    worker = threading.Thread(target=push_and_stall)
    worker.start()
    try:
        assert stalled.wait(5)
        began = time.monotonic()
        other.sync()  # waits for the shop's lock until the centre ends the stalled session
        took = time.monotonic() - began
    finally:
        resume.set()
        worker.join(10)
    other.services.close()

    assert took < 4, took
    assert len(failed) == 1 and "broke off" in str(failed[0])
    till.sync()
    assert pending(till) == pending(other) == 0
    assert_pushed_once(till, centre)
    assert_pushed_once(other, centre)
