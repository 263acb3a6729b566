"""Opening a database file: create it, or back up and upgrade an older one, or refuse clearly.

A corrupt file, a file that is not ours and a file from a newer pos_app are never written to.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from pos_app.domain.errors import DatabaseError
from pos_app.store.engine import make_engine

if TYPE_CHECKING:
    from alembic.config import Config

SQLITE_HEADER = b"SQLite format 3\x00"
# The newest schema this build writes. Kept as a constant so opening an up-to-date database
# never imports Alembic (a quarter of a second at start-up); a test checks it against Alembic.
SCHEMA_HEAD = "0003"
MIGRATIONS = str(Path(__file__).with_name("migrations"))


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    return config


def head_revision() -> str:
    """The head according to Alembic's scripts (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def read_revision(path: Path) -> str | None:
    """The schema revision stored in the file; None for an empty database. Never writes."""
    with path.open("rb") as handle:
        header = handle.read(16)
    if header and header != SQLITE_HEADER:
        raise DatabaseError(f"{path} is not a pos_app database (or it is damaged); it was left unchanged")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return None
            if "alembic_version" not in tables:
                raise DatabaseError(f"{path} is a database of some other program; it was left unchanged")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return None if row is None else str(row[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} is damaged ({exc}); it was left unchanged") from None


def backup_file(path: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup, safe while tills are writing."""
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = _alembic_config()
    with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def open_engine(path: Path, *, create: bool = False) -> Engine:
    """An engine on an up-to-date schema. Older files are copied aside, then upgraded."""
    path = Path(path)
    if not path.exists():
        if not create:
            raise DatabaseError(f"there is no database at {path}; run 'pos-app init' or 'pos-app demo'")
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(path)
        upgrade(engine)
        return engine
    current = read_revision(path)
    if current == SCHEMA_HEAD:
        return make_engine(path)
    if current is not None and current not in known_revisions():
        raise DatabaseError(
            f"{path} was written by a newer pos_app (schema {current}); "
            "update pos_app to open it. The file was left unchanged"
        )
    if current is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        backup_file(path, path.with_name(f"{path.stem}.before-{SCHEMA_HEAD}-{stamp}{path.suffix}"))
    engine = make_engine(path)
    upgrade(engine)
    return engine
