"""Commands that write files never destroy data: not the live database, not a backup, not an
existing file unless asked; a full disk or a busy database is said plainly and leaves nothing."""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from pos_app import cli
from pos_app.services import admin
from pos_app.store import migrate, uow
from pos_app.store.files import mode_of
from tests.cli.test_cli import EXIT_REFUSED, Cli, cart, one_line
from tests.helpers import count, dump, raw

# -- products export -------------------------------------------------------------------------


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
@pytest.mark.parametrize("how", ["same-path", "other-path", "symlink"])
def test_export_never_writes_over_the_live_database(
    run: Cli, tmp_path: Path, how: str, force: list[str]
) -> None:
    before = dump(run.db)
    size = run.db.stat().st_size
    target = {
        "same-path": run.db,
        "other-path": tmp_path / "." / ".." / tmp_path.name / run.db.name,
        "symlink": tmp_path / "catalog.csv",
    }[how]
    if how == "symlink":
        target.symlink_to(run.db)
    result = run("products", "export", str(target), *force)
    assert result.code == EXIT_REFUSED
    assert "is the live database" in one_line(result)
    assert run.db.stat().st_size == size and dump(run.db) == before
    # The next command finds the shop as it was.
    assert run("orders", "list", "--json").code == 0


def test_export_never_writes_over_a_backup_even_with_force(run: Cli, tmp_path: Path) -> None:
    backup = tmp_path / "monday.sqlite3"
    assert run("backup", str(backup)).code == 0
    before = backup.read_bytes()
    result = run("products", "export", str(backup), "--force")
    assert result.code == EXIT_REFUSED and "is a SQLite database" in one_line(result)
    assert backup.read_bytes() == before


def test_export_replaces_an_existing_file_only_with_force(run: Cli, tmp_path: Path) -> None:
    target = tmp_path / "catalog.csv"
    target.write_text("my notes\n")
    refused = run("products", "export", str(target))
    assert refused.code == EXIT_REFUSED and "--force" in one_line(refused)
    assert target.read_text() == "my notes\n"
    assert run("products", "export", str(target), "--force").code == 0
    assert target.read_text().startswith("sku,")
    assert mode_of(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.csv", "pos.sqlite3"]


def test_an_export_onto_a_full_disk_leaves_no_file(
    run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv

    real_writer = csv.writer

    class FullDisk:
        def __init__(self, handle: Any) -> None:
            self.inner = real_writer(handle)
            self.rows = 0

        def writerow(self, row: Any) -> None:
            self.rows += 1
            if self.rows > 10:
                raise OSError(errno.ENOSPC, "No space left on device")
            self.inner.writerow(row)

    monkeypatch.setattr("pos_app.services.catalog.csv.writer", FullDisk)
    result = run("products", "export", str(tmp_path / "catalog.csv"))
    assert result.code == EXIT_REFUSED
    assert one_line(result) == "pos-app: the disk is full: the export was not saved"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pos.sqlite3"]


# -- backup --------------------------------------------------------------------------------------


def test_backup_never_writes_over_the_live_database(run: Cli) -> None:
    before = dump(run.db)
    result = run("backup", str(run.db), "--force")
    assert result.code == EXIT_REFUSED and "is the live database" in one_line(result)
    assert dump(run.db) == before


def test_a_backup_onto_a_full_disk_leaves_nothing_that_blocks_the_next(
    run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "backups" / "today.sqlite3"
    target.parent.mkdir()

    def half_then_full(_source: Path, temp: Path) -> None:
        temp.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
        raise OSError(errno.ENOSPC, "No space left on device", str(temp))

    monkeypatch.setattr(admin, "backup_file", half_then_full)
    result = run("backup", str(target))
    assert result.code == EXIT_REFUSED
    assert one_line(result) == "pos-app: the disk is full: the backup was not saved"
    assert list(target.parent.iterdir()) == []
    monkeypatch.setattr(admin, "backup_file", migrate.backup_file)
    again = run("backup", str(target))
    assert again.code == 0, again.err
    assert count(target, "orders") == count(run.db, "orders")
    assert mode_of(target) == 0o600


def test_sqlite_reporting_a_full_disk_during_a_backup_is_a_full_disk(run: Cli, tmp_path: Path) -> None:
    target = tmp_path / "small.sqlite3"
    # A destination SQLite may not grow: it answers SQLITE_FULL like a full disk.
    real_connect = sqlite3.connect

    def tiny(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real_connect(path, *args, **kwargs)
        if ".partial" in str(path):
            conn.execute("PRAGMA max_page_count=2")
        return conn

    run.monkeypatch.setattr(migrate.sqlite3, "connect", tiny)
    result = run("backup", str(target))
    assert result.code == EXIT_REFUSED
    assert one_line(result) == "pos-app: the disk is full: the backup was not saved"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("pos.sqlite3")) == []


# -- a full disk and a busy database at checkout -------------------------------------------------


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every connection may not grow the file: SQLite then answers "database or disk is full"."""
    real = migrate.make_engine

    def make(path: Path) -> Engine:
        engine = real(path)

        @event.listens_for(engine, "connect")
        def _cap(dbapi: Any, _record: Any) -> None:
            pages = dbapi.execute("PRAGMA page_count").fetchone()[0]
            dbapi.execute(f"PRAGMA max_page_count={pages}")

        return engine

    monkeypatch.setattr(migrate, "make_engine", make)


def test_a_checkout_on_a_full_disk_says_the_sale_was_not_saved(run: Cli) -> None:
    with raw(run.db, read_only=True) as conn:
        skus = [row[0] for row in conn.execute("SELECT sku FROM products WHERE active LIMIT 60")]
    # A sale of many lines needs new pages, which the full "disk" cannot give.
    lines = [{"sku": sku, "qty": 1} for sku in skus]
    before = dump(run.db)
    _full_disk(run.monkeypatch)
    payments = [{"method": "cash", "tendered": 1_000_000}]
    result = run("checkout", "--json", stdin=cart(key="full-1", lines=lines, payments=payments))
    assert result.code == EXIT_REFUSED, result.err
    assert one_line(result) == "pos-app: the disk is full: the sale was not saved"
    assert dump(run.db) == before


def _hold_write_lock(db: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def test_a_checkout_behind_a_long_import_is_refused_clearly(run: Cli) -> None:
    run.monkeypatch.setattr(uow, "WAIT_NOTICE_S", 0.05)
    before = count(run.db, "orders")
    holders: list[sqlite3.Connection] = []
    real_login = cli._login

    def login_then_import_starts(*args: Any) -> Any:
        actor = real_login(*args)  # a log-in takes the write lock itself: the import starts after it
        holders.append(_hold_write_lock(run.db))
        return actor

    run.monkeypatch.setattr(cli, "_login", login_then_import_starts)
    try:
        result = run("checkout", stdin=cart(key="busy-1"), env={uow.BUSY_LIMIT_ENV: "0.3"})
    finally:
        for holder in holders:
            holder.rollback()
            holder.close()
    assert result.code == EXIT_REFUSED
    assert result.err.splitlines() == [
        "waiting for the database (another till or an import is writing)…",
        "pos-app: the database is busy: the sale was not saved; try again",
    ]
    assert "locked" not in result.err and result.out == ""
    assert count(run.db, "orders") == before


def test_a_checkout_waits_for_the_writer_and_then_sells(run: Cli) -> None:
    run.monkeypatch.setattr(uow, "WAIT_NOTICE_S", 0.05)
    holder = _hold_write_lock(run.db)
    release = threading.Timer(0.4, holder.rollback)
    release.start()
    try:
        result = run("checkout", "--json", stdin=cart(key="busy-2"), env={uow.BUSY_LIMIT_ENV: "30"})
    finally:
        release.join()
        holder.close()
    assert result.code == 0, result.err
    assert result.err.count("waiting for the database") == 1
    assert result.json()["status"]


# -- demo --if-missing ---------------------------------------------------------------------------


def test_demo_if_missing_leaves_an_existing_database_alone(run: Cli) -> None:
    before = run.db.read_bytes()
    result = run("demo", "--if-missing", user=None)
    assert result.code == 0 and result.out == "" and result.err == ""
    assert run.db.read_bytes() == before
    refused = run("demo", user=None)
    assert refused.code == EXIT_REFUSED and "exists already" in one_line(refused)


def test_demo_if_missing_makes_one_and_prints_the_log_ins(run: Cli, tmp_path: Path) -> None:
    run.db = tmp_path / "new" / "shop.sqlite3"
    result = run("demo", "--if-missing", "--orders", "3", user=None)
    assert result.code == 0, result.err
    assert "manager" in result.out and "manager123" in result.out
    assert os.listdir(run.db.parent) == ["shop.sqlite3"]
    assert mode_of(run.db) == 0o600 and mode_of(run.db.parent) == 0o700


def test_init_that_fails_leaves_no_file(run: Cli, tmp_path: Path) -> None:
    run.db = tmp_path / "new.sqlite3"
    result = run("init", "--manager", "boss", user=None, env={"POS_APP_NEW_PASSWORD": "x"})
    assert result.code == EXIT_REFUSED and "at least 4 characters" in one_line(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pos.sqlite3"]
