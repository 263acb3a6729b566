"""Helpers shared by the core tests: read a database file the way an outsider would."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path


@contextmanager
def raw(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection on the file (closed afterwards, committed if writable)."""
    uri = f"file:{path}?mode=ro" if read_only else f"file:{path}"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        yield conn
        if not read_only:
            conn.commit()


def dump(path: Path) -> str:
    """Every table's schema and rows as SQL text: equal dumps mean nothing was changed."""
    with raw(path, read_only=True) as conn:
        return "\n".join(conn.iterdump())


def count(path: Path, table: str) -> int:
    with raw(path, read_only=True) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
