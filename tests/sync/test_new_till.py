"""A shop's history goes to the centre when its till is linked, and a second till is one
command: `pos-app --db NEW sync setup URL` makes it from the centre."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from pos_app.sync import central
from tests.helpers import count, raw
from tests.sync.conftest import PgServer
from tests.sync.helpers import run
from tests.sync.shop import new_code, normalized_dump


@pytest.fixture
def owner(pg_server: PgServer) -> str:
    url = pg_server.new_database()
    central.init(url, "Demo shop")
    return url


def test_a_demo_shop_linked_then_a_second_till_made_from_the_centre_hold_the_same_shop(
    owner: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    shop, second = tmp_path / "shop.sqlite3", tmp_path / "second.sqlite3"
    # Bulk-made history (no records yet) and today's orders made through the checkout.
    assert run(capsys, "--db", str(shop), "demo", "--orders", "90").code == 0
    first_url = central.add_till(owner, new_code("V")).url
    second_url = central.add_till(owner, new_code("V")).url
    monkeypatch.setenv("POS_APP_PASSWORD", "manager123")

    linked = run(capsys, "--db", str(shop), "--user", "manager", "sync", "setup", first_url)
    assert linked.code == 0, linked.err
    assert "records of this till's history go to the centre" in linked.out
    assert "up to date" in linked.out

    # The URL holds the till's password: read from stdin, it stays out of the process list.
    monkeypatch.setattr("sys.stdin", io.StringIO(second_url + "\n"))
    made = run(capsys, "--db", str(second), "sync", "setup", "-")
    assert made.code == 0, made.err
    assert "90 orders" in made.out
    assert count(second, "orders") == 90

    monkeypatch.setenv("POS_APP_PASSWORD", "clerk123")  # the demo clerk logs in at the new till
    status = run(capsys, "--db", str(second), "--user", "clerk", "sync", "status")
    assert status.code == 0 and status.out.startswith("sync: up to date"), status.out
    # Same orders, lines, payments, histories, stock, users and settings on both.
    assert normalized_dump(shop) == normalized_dump(second)
    with raw(second, read_only=True) as conn:
        settled = conn.execute("SELECT count(*) FROM products WHERE on_hand != 0").fetchone()[0]
    assert settled > 0


def test_making_a_till_from_an_empty_centre_leaves_no_file(
    owner: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    url = central.add_till(owner, new_code("V")).url
    target = tmp_path / "till.sqlite3"
    monkeypatch.setenv("POS_APP_TILL_URL", url)
    result = run(capsys, "--db", str(target), "sync", "setup")
    assert result.code == 5
    assert "holds no shop yet" in result.err
    assert not target.exists()
    assert list(tmp_path.glob("*.sqlite3*")) == []


def test_sync_now_without_a_link_says_how_to_make_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], services: object
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("POS_APP_PASSWORD", "clerk123")
    db = tmp_path / "pos.sqlite3"
    status = run(capsys, "--db", str(db), "--user", "clerk", "sync", "status")
    assert status.code == 0 and status.out.strip() == "sync off"
    now = run(capsys, "--db", str(db), "--user", "clerk", "sync", "now")
    assert now.code == 5 and "sync setup" in now.err
    monkeypatch.setenv("POS_APP_PASSWORD", "alice123")
    denied = run(capsys, "--db", str(db), "--user", "alice", "sync", "status")
    assert denied.code == 3
