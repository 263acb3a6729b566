"""Cash drawer sessions travel: a session opened, used and closed at one till is at every till
of the shop, closed, with the same Z report and hash, its cash movements and its sales."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from pos_app.domain.denominations import count_of_sum
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.sync.link import TillIdentity
from pos_app.sync.setup import attach
from tests.helpers import sell
from tests.sync.conftest import PgServer
from tests.sync.shop import Till, assert_converged, new_code, open_till, sync_all

DRAWER_TABLES = ("cash_sessions", "cash_movements")


@pytest.fixture
def tills(pg_server: PgServer, tmp_path: Path) -> Iterator[list[Till]]:
    from pos_app.sync import central

    owner = pg_server.new_database()
    central.init(owner, "High Street")
    first = open_till(owner, tmp_path, first=True, code=new_code("Z"))
    first.sync()
    second = open_till(owner, tmp_path, code=new_code("Z"))
    second.sync()
    yield [first, second]
    for till in (first, second):
        till.services.close()


def rows(till: Till, table: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(f"file:{till.path}?mode=ro", uri=True) as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()


def test_a_closed_session_and_its_z_report_reach_the_other_tills(tills: list[Till]) -> None:
    one, two = tills
    manager, clerk = one.login("manager"), one.login("clerk")
    one.services.settings.update(manager, {"cash_drawer": "sessions"})
    session = one.services.cash.open(clerk, count_of_sum(10000))
    sell(one.services, clerk, cash=2000)
    one.services.cash.cash_out(clerk, 500, "window cleaner")
    sync_all(tills)
    assert rows(two, "cash_sessions") == rows(one, "cash_sessions")  # open, at both
    sell(one.services, clerk)
    closed = one.services.cash.close(clerk, count_of_sum(one.services.cash.status(clerk).expected))
    sync_all(tills)
    for table in DRAWER_TABLES:
        assert rows(two, table) == rows(one, table), table
    here = two.services.db
    with here.read() as uow:
        replica = uow.drawer.get(session.id)
        stored = uow.drawer.z_report(session.id)
    assert replica is not None and not replica.is_open and replica.z_hash == closed.journal_hash
    with one.services.db.read() as uow:
        assert stored == uow.drawer.z_report(session.id)
    assert two.services.settings.current().cash_drawer.value == "untracked"  # a till's own setting
    assert_converged(tills)
    for till in tills:
        assert till.services.admin.verify(till.login("manager")).ok


def test_an_open_drawer_follows_the_till_to_the_code_the_centre_gives_it(
    services: Services, clerk: Actor, manager: Actor
) -> None:
    """Linking renames the till (T1 -> Z9): its open session can still be closed there, and the
    session's last record says where it is now. (No central store needed.)"""
    services.settings.update(manager, {"cash_drawer": "sessions"})
    services.cash.open(clerk, count_of_sum(1000))
    sell(services, clerk, cash=2000)
    attach(services.db, TillIdentity("Z9", "High Street", "z9", "postgresql://centre/shop"))
    status = services.cash.status(clerk)
    assert status.session is not None and status.session.label == "Z9-S0001"
    sell(services, clerk, cash=2000)
    closed = services.cash.close(clerk, count_of_sum(status.expected + 1055))
    assert (closed.report.till, closed.report.facts.sales) == ("Z9", 2)
    with services.db.read() as uow:
        last = uow.conn.execute(
            text("SELECT payload FROM changes WHERE entity = 'cash_session' ORDER BY device_seq DESC LIMIT 1")
        ).scalar_one()
    assert '"till":"Z9"' in last and '"state":"closed"' in last
    assert services.admin.verify(manager).ok
