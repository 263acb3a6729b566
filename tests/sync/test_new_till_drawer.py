"""A till made from the centre (`pos-app --db NEW sync setup URL`) takes cash into drawer
sessions from the start, as a new shop's till does; an existing till linked to the centre keeps
the way it took cash (each till's own setting)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from pos_app.services import Services
from pos_app.sync import central
from tests.sync.conftest import PgServer
from tests.sync.helpers import run
from tests.sync.shop import new_code

PREFIX = "DS"  # till codes of this file


def test_a_till_made_from_the_centre_opens_its_drawer_before_taking_cash(
    pg_server: PgServer,
    services: Services,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    owner = pg_server.new_database()
    central.init(owner, "Corner shop")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("POS_APP_PASSWORD", "manager123")
    # The first till is a shop from before drawer sessions: it takes cash without them.
    url = central.add_till(owner, new_code(PREFIX)).url
    first = run(capsys, "--db", str(db_path), "--user", "manager", "sync", "setup", url)
    assert first.code == 0, first.err
    old = run(capsys, "--db", str(db_path), "--user", "manager", "session", "status", "--json")
    assert json.loads(old.out)["cash_drawer"] == "untracked"

    second = tmp_path / "second.sqlite3"
    made = run(capsys, "--db", str(second), "sync", "setup", central.add_till(owner, new_code(PREFIX)).url)
    assert made.code == 0, made.err
    monkeypatch.setenv("POS_APP_PASSWORD", "clerk123")
    shown = run(capsys, "--db", str(second), "--user", "clerk", "session", "status", "--json")
    status = json.loads(shown.out)
    assert (status["cash_drawer"], status["open"], status["takes_cash"]) == ("sessions", False, False)
    cart = {"lines": [{"sku": "MUG", "qty": 1}], "payments": [{"method": "cash", "tendered": 500}]}
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(cart)))
    refused = run(capsys, "--db", str(second), "--user", "clerk", "checkout", "--json")
    assert refused.code != 0 and "no cash drawer session is open" in refused.err
    opened = run(capsys, "--db", str(second), "--user", "clerk", "session", "open", "--float", "50.00")
    assert opened.code == 0 and "with a float of £50.00" in opened.out
