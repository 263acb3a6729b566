"""The safe-write helpers: what they refuse, and that a failed write leaves nothing behind."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.errors import InvalidInput, StorageFull
from pos_app.store.files import check_target, replacing
from pos_app.store.migrate import open_engine


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "pos.sqlite3"
    engine = open_engine(path, create=True)
    with engine.connect() as conn:  # keep the -wal and -shm beside it, as on a running till
        conn.exec_driver_sql("SELECT 1")
        yield path
    engine.dispose()


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
def test_the_files_sqlite_keeps_beside_a_database_are_refused(db: Path, suffix: str) -> None:
    companion = db.with_name(db.name + suffix)
    assert companion.exists()
    before = companion.read_bytes()
    with pytest.raises(InvalidInput, match="database"):
        check_target(companion, force=True)
    with pytest.raises(InvalidInput, match="is the live database"):
        check_target(companion, force=True, protect=[db])
    assert companion.read_bytes() == before


def test_a_write_that_fails_leaves_neither_target_nor_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with pytest.raises(ValueError), replacing(target) as temp:
        temp.write_text("half")
        raise ValueError("stopped")
    full = pytest.raises(StorageFull, match="the disk is full: the export was not saved")
    with full, replacing(target, what="the export") as temp:
        temp.write_text("half")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("keep me")
    with pytest.raises(InvalidInput, match="--force"), replacing(target) as temp:
        temp.write_text("new")
    assert target.read_text() == "keep me"
    with replacing(target, force=True) as temp:
        temp.write_text("new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
