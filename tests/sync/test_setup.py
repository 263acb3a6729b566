"""`pos-app sync setup TILL_URL`: the till learns its code from the centre; the URL with its
password goes to a private file beside no database; a URL that does not work changes nothing."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from pos_app.services import Services
from pos_app.store.files import mode_of
from pos_app.sync import central, link
from tests.conftest import FAST_HASHER
from tests.helpers import dump, raw, sell
from tests.sync.conftest import PgServer
from tests.sync.helpers import Result, run


@pytest.fixture(scope="module")
def centre_url(pg_server: PgServer) -> str:
    owner = pg_server.new_database()
    central.init(owner, "Corner shop")
    return owner


_codes = itertools.count(1)


@pytest.fixture
def till(pg_server: PgServer, centre_url: str) -> str:
    """A new till's URL (one per test, so each test links a till of its own)."""
    # Codes apart from the other sync tests' (roles are cluster-wide).
    return central.add_till(centre_url, f"L{next(_codes)}").url


Setup = Callable[..., Result]


@pytest.fixture
def setup_cli(
    services: Services,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Setup:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr("pos_app.services.auth.till_hasher", lambda: FAST_HASHER)

    def setup(url: str, user: str = "manager") -> Result:
        monkeypatch.setenv("POS_APP_PASSWORD", f"{user}123")
        return run(capsys, "--db", str(db_path), "--user", user, "sync", "setup", url)

    return setup


def _stored_till(db_path: Path) -> str | None:
    with raw(db_path, read_only=True) as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = 'till'").fetchone()
    return None if row is None else str(row[0])


def test_setup_keeps_the_url_in_a_private_file_and_takes_the_till_code(
    setup_cli: Setup, till: str, db_path: Path, tmp_path: Path
) -> None:
    role, password = make_url(till).username, make_url(till).password
    assert role and password
    code = role.removeprefix(central.ROLE_PREFIX).upper()

    result = setup_cli(till)

    assert result.code == 0, result.err
    assert f"as till {code}" in result.out and "Corner shop" in result.out
    assert password not in result.out + result.err
    path = link.link_path(db_path)
    assert path.is_relative_to(tmp_path / "config")
    assert mode_of(path) == 0o600 and mode_of(path.parent) == 0o700
    assert link.read_link(db_path) == till
    assert _stored_till(db_path) == code
    # The password is in no file beside the database, nor in the database itself.
    for file in db_path.parent.glob(f"{db_path.name}*"):
        assert password.encode() not in file.read_bytes(), file
    # Order numbers now carry the centre's till code.
    fresh = Services.open(db_path, hasher=FAST_HASHER)
    try:
        clerk = fresh.auth.login("clerk", "clerk123")
        assert sell(fresh, clerk).number.startswith(code)
    finally:
        fresh.close()


@pytest.mark.parametrize(
    "bad",
    [
        "not a url",
        "mysql://pos@127.0.0.1/shop",
        "postgresql+psycopg://{prefix}nobody:secretpw99@127.0.0.1:5432/{db}",  # no such role
        "postgresql+psycopg://postgres:secretpw99@127.0.0.1:5432/{db}",  # a role that is no till
        "postgresql+psycopg://pos:secretpw99@127.0.0.1:1/shop",  # nothing listening
        "postgresql+psycopg://pos:secretpw99@127.0.0.1:port/shop",  # not a URL after all
    ],
)
def test_a_url_that_does_not_work_is_one_line_exit_5_and_changes_nothing(
    setup_cli: Setup, bad: str, pg_server: PgServer, centre_url: str, db_path: Path
) -> None:
    url = bad.format(prefix=pg_server.prefix, db=make_url(centre_url).database)
    before = dump(db_path)

    result = setup_cli(url)

    assert result.code == 5
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert "secretpw99" not in result.err + result.out
    assert dump(db_path) == before
    assert link.read_link(db_path) is None and not link.link_path(db_path).exists()


def test_only_a_manager_links_the_till(setup_cli: Setup, till: str, db_path: Path) -> None:
    before = dump(db_path)
    result = setup_cli(till, user="clerk")
    assert result.code == 3
    assert dump(db_path) == before and link.read_link(db_path) is None
