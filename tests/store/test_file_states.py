"""Each state of a database file gets a message saying exactly what is wrong, and the file (and
its folder) is never written to. Tests run as root, which passes os.access for any file, so the
permission cases use the permission bits, which pos_app honours for root too."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.errors import DatabaseError
from pos_app.store import dbfile
from pos_app.store.migrate import open_engine, read_revision
from pos_app.store.peek import peek_settings
from tests.helpers import raw


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "shop"
    path = folder / "pos.sqlite3"
    open_engine(path, create=True).dispose()
    yield path
    folder.chmod(0o700)
    path.chmod(0o600)


def _snapshot(folder: Path) -> dict[str, bytes]:
    # SQLite's own -wal/-shm may be checkpointed away by a read-only look; the rest must stay.
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm"))}


def _refused(path: Path, *needles: str, peeked: bool = False) -> str:
    before = _snapshot(path.parent)
    with pytest.raises(DatabaseError) as caught:
        open_engine(path).dispose()
    message = caught.value.message
    for needle in needles:
        assert needle in message
    assert "damaged" not in message
    assert _snapshot(path.parent) == before
    if not peeked:  # the window then opens it the full way, at once, and shows why
        assert peek_settings(path) is None
    return message


def test_an_empty_file_is_not_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "pos.sqlite3"
    path.touch()
    _refused(path, "is empty (0 bytes)", "left unchanged")
    assert path.stat().st_size == 0


def test_a_read_only_file_is_called_read_only(shop: Path) -> None:
    shop.chmod(0o444)
    _refused(shop, f"{shop} is read-only", "left unchanged")


def test_a_read_only_folder_is_called_read_only(shop: Path) -> None:
    shop.parent.chmod(0o555)
    _refused(shop, f"the folder {shop.parent} is read-only: pos_app needs to write beside the database")


def test_an_unreadable_file_is_called_unreadable(shop: Path) -> None:
    shop.chmod(0o000)
    _refused(shop, "may not read", "permission denied")


def test_permissions_denied_by_the_system_are_reported_too(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A user other than root: os.access says no although the bits look writable.
    real = os.access
    monkeypatch.setattr(dbfile.os, "access", lambda p, mode: real(p, mode) and Path(p) != shop.parent)
    _refused(shop, f"the folder {shop.parent} is read-only")


def test_a_missing_file_is_created_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "typo" / "pos.sqlite3"
    with pytest.raises(DatabaseError, match="there is no database at"):
        open_engine(path)
    assert not path.parent.exists()


def test_a_folder_instead_of_a_file_is_named_as_such(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        open_engine(tmp_path)


def test_an_empty_schema_version_is_refused(shop: Path) -> None:
    with raw(shop) as conn:
        conn.execute("DELETE FROM alembic_version")
    _refused(shop, "the schema version is missing", "left unchanged", peeked=True)
    with pytest.raises(DatabaseError, match="the schema version is missing"):
        read_revision(shop)


def test_a_made_up_schema_version_is_refused(shop: Path) -> None:
    with raw(shop) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'x'")
    _refused(shop, "unknown schema version 'x': written by a newer pos_app or edited by hand", peeked=True)


def test_an_older_version_written_over_newer_tables_is_not_upgraded_over_them(shop: Path) -> None:
    with raw(shop) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    with pytest.raises(DatabaseError, match="does not match its tables") as caught:
        open_engine(shop).dispose()
    assert "left unchanged" in caught.value.message
    assert read_revision(shop) == "0001"  # the upgrade was rolled back as one transaction
