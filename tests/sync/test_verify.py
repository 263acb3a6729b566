"""verify on tills that sync: orders from other tills are checked against the records they
were folded from, and the chain head the centre holds catches a journal cut short."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.cart import CartLine
from pos_app.sync import central, engine, link
from tests.helpers import raw, sell
from tests.sync.conftest import PgServer
from tests.sync.helpers import run
from tests.sync.shop import Till, open_till, sync_all


@pytest.fixture
def pair(pg_server: PgServer, tmp_path: Path) -> Iterator[tuple[Till, Till]]:
    owner = pg_server.new_database()
    central.init(owner, "Verify shop")
    first = open_till(owner, tmp_path, first=True, code=None)
    first.sync()
    second = open_till(owner, tmp_path)
    second.sync()
    yield first, second
    first.services.close()
    second.services.close()


def _trade(first: Till, second: Till) -> str:
    order = sell(first.services, first.login("clerk"))
    sell(second.services, second.login("clerk"), lines=(CartLine("TEA", 2),))
    sync_all([first, second])
    # Money changes at the other till: first's journal never sees this refund.
    second.services.orders.refund(second.login("manager"), order.number, lines={"MUG": 1})
    sync_all([first, second])
    return order.number


def test_verify_passes_on_every_till_after_trading_across_tills(pair: tuple[Till, Till]) -> None:
    first, second = pair
    _trade(first, second)
    for till in pair:
        report = till.services.admin.verify(till.login("manager"))
        assert report.problems == []
        problem, seq = engine.centre_head_problem(till.services.db, till.url)
        assert problem is None and seq


def test_an_order_from_another_till_edited_by_hand_is_caught(pair: tuple[Till, Till]) -> None:
    first, second = pair
    number = _trade(first, second)
    with raw(second.path) as conn:
        conn.execute("UPDATE orders SET refunded = 0 WHERE number = ?", (number,))
    problems = second.services.admin.verify(second.login("manager")).problems
    assert any(number in p and "sync records" in p for p in problems), problems


def test_a_journal_cut_short_after_a_push_is_caught_by_the_centres_head(
    pair: tuple[Till, Till],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = pair
    _trade(first, second)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    link.save_link(first.path, first.url)
    monkeypatch.setenv("POS_APP_PASSWORD", "manager123")
    first.services.close()
    ok = run(capsys, "--db", str(first.path), "--user", "manager", "verify")
    assert ok.code == 0, ok.err
    assert "centre's copy of the head" in ok.out
    with raw(first.path) as conn:  # the newest entry and its chain link removed: looks whole
        conn.execute("DELETE FROM journal WHERE seq = (SELECT max(seq) FROM journal)")
    cut = run(capsys, "--db", str(first.path), "--user", "manager", "verify")
    assert cut.code == 5
    assert "cut short or rebuilt" in cut.err
