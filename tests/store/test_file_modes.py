"""Everything pos_app writes is readable by its owner only (files 0600, folders 0700), whatever
the umask: the database and SQLite's -wal/-shm beside it, backups, exports, the open cart, the
log."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.cart import Cart, CartLine
from pos_app.domain.users import Role
from pos_app.services import Services
from pos_app.store.files import mode_of
from pos_app.viewmodels.open_cart import OpenCartFile
from tests.conftest import CATALOG, FAST_HASHER


@pytest.fixture(params=[0o022, 0o000], ids=["umask-022", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_the_database_its_companions_and_its_copies_are_private(tmp_path: Path, umask: int) -> None:
    db = tmp_path / "new" / "shop" / "pos.sqlite3"
    services = Services.open(db, create=True, hasher=FAST_HASHER)
    try:
        services.auth.add_user(None, "boss", Role.MANAGER, "boss1234")
        boss = services.auth.login("boss", "boss1234")
        catalog = tmp_path / "catalog.csv"
        catalog.write_text(CATALOG)
        services.catalog.import_csv(boss, catalog)
        services.admin.backup(boss, tmp_path / "backup.sqlite3")
        services.catalog.export_csv(boss, tmp_path / "export.csv")
        wal, shm = db.with_name("pos.sqlite3-wal"), db.with_name("pos.sqlite3-shm")
        assert wal.exists() and shm.exists()
        modes = {p.name: mode_of(p) for p in (db, wal, shm)}
        assert modes == {"pos.sqlite3": 0o600, "pos.sqlite3-wal": 0o600, "pos.sqlite3-shm": 0o600}
    finally:
        services.close()
    assert mode_of(tmp_path / "backup.sqlite3") == 0o600
    assert mode_of(tmp_path / "export.csv") == 0o600
    assert mode_of(db.parent) == 0o700 and mode_of(db.parent.parent) == 0o700


def test_the_open_cart_file_is_private(tmp_path: Path, umask: int) -> None:
    cart_file = OpenCartFile(tmp_path / "pos.open-cart.json")
    cart_file.save(Cart((CartLine("MUG", 1),)), "key-1")
    cart_file.flush()
    assert mode_of(cart_file.path) == 0o600


def test_the_log_file_and_its_folder_are_private(
    tmp_path: Path, umask: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pos_app.ui import launch

    monkeypatch.setattr(launch, "log_dir", lambda: tmp_path / "logs" / "pos_app")
    handlers = list(logging.getLogger().handlers)
    level = logging.getLogger().level
    try:
        path = launch.setup_logging()
        logging.getLogger("test").warning("a line")
    finally:
        for handler in logging.getLogger().handlers:
            if handler not in handlers:
                logging.getLogger().removeHandler(handler)
                handler.close()
        logging.getLogger().setLevel(level)
    assert mode_of(path) == 0o600
    assert mode_of(path.parent) == 0o700
