"""The store settings read with the standard library's sqlite3, before SQLAlchemy is loaded.

Start-up uses them to show the log-in window (store name, till) while the rest of the
application loads and the file is opened the full way (schema checked, upgraded if older).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pos_app.domain.errors import PosError
from pos_app.domain.settings import StoreSettings
from pos_app.store.dbfile import check_database_file
from pos_app.store.files import SQLITE_HEADER


def peek_settings(path: Path) -> StoreSettings | None:
    """The settings in the database at `path`, read without writing; None when they cannot be
    read that way (no file, a file pos_app may not write or write beside, not SQLite, no settings
    table, a value this build does not know): the full open then says exactly why."""
    try:
        check_database_file(path)
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                return None
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            values = dict(conn.execute("SELECT key, value FROM settings").fetchall())
        finally:
            conn.close()
        return StoreSettings.from_text(values)
    except (OSError, sqlite3.Error, PosError):
        return None
