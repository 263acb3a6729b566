"""Opening a database file: create it, or back up and upgrade an older one, or refuse clearly.

A corrupt, empty, unreadable or read-only file, a file that is not ours and a file from a newer
pos_app (or with a hand-edited schema version) are never written to.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from pos_app.domain.errors import DatabaseError
from pos_app.store.dbfile import check_database_file, folder_problem
from pos_app.store.engine import make_engine
from pos_app.store.files import (
    SQLITE_HEADER,
    create_private_file,
    make_private_dirs,
    remove_quietly,
    replacing,
)

if TYPE_CHECKING:
    from alembic.config import Config

# The newest schema this build writes. Kept as a constant so opening an up-to-date database
# never imports Alembic (a quarter of a second at start-up); a test checks it against Alembic.
SCHEMA_HEAD = "0008"
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


def read_revision(path: Path) -> str:
    """The schema revision stored in the file. Never writes; refuses (DatabaseError) a file that
    is missing, empty, unreadable, read-only, in a read-only folder, not ours, or unversioned."""
    check_database_file(path)
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != SQLITE_HEADER:
        raise DatabaseError(f"{path} is not a pos_app database (or it is damaged); it was left unchanged")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                kind = "an empty SQLite database" if not tables else "a database of some other program"
                raise DatabaseError(f"{path} is {kind}, not a pos_app database; it was left unchanged")
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} is damaged ({exc}); it was left unchanged") from None
    if not rows:
        raise DatabaseError(
            f"{path}: the schema version is missing (the alembic_version table is empty); "
            "it was left unchanged"
        )
    if len(rows) > 1:
        values = ", ".join(repr(str(r[0])) for r in rows)
        raise DatabaseError(f"{path}: unknown schema version {values}: edited by hand; it was left unchanged")
    return str(rows[0][0])


def backup_file(path: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup, safe while tills are writing. A full
    disk is raised as OSError(ENOSPC), like any other file write."""
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
                raise OSError(errno.ENOSPC, "the disk is full", str(target)) from None
            raise
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
    """An engine on an up-to-date schema. Older files are copied aside, then upgraded. A missing
    file is created only when asked (`create`), as a new private (0600) file."""
    path = Path(path)
    if not os.path.lexists(path):
        if not create:
            raise DatabaseError(f"there is no database at {path}; run 'pos-app init' or 'pos-app demo'")
        return _create(path)
    current = read_revision(path)
    if current == SCHEMA_HEAD:
        return make_engine(path)
    if current not in known_revisions():
        raise DatabaseError(
            f"{path}: unknown schema version '{current}': written by a newer pos_app or edited by "
            "hand; it was left unchanged (a newer pos_app may open it)"
        )
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    copy = path.with_name(f"{path.stem}.before-{SCHEMA_HEAD}-{stamp}{path.suffix}")
    with replacing(copy, protect=[path], what="the copy made before the upgrade") as temp:
        backup_file(path, temp)
    engine = make_engine(path)
    try:
        upgrade(engine)
    except SQLAlchemyError as exc:
        # One transaction: SQLite rolled the whole upgrade back.
        engine.dispose()
        raise DatabaseError(
            f"{path}: schema version '{current}' does not match its tables (edited by hand?); "
            f"the upgrade was undone and the file left unchanged ({type(exc).__name__}); "
            f"a copy is at {copy}"
        ) from None
    return engine


def _create(path: Path) -> Engine:
    make_private_dirs(path.parent)
    problem = folder_problem(path.parent)
    if problem:
        raise DatabaseError(f"{problem}; no database was created")
    create_private_file(path)
    engine = make_engine(path)
    try:
        upgrade(engine)
    except BaseException:
        engine.dispose()
        remove_quietly(path)
        raise
    return engine
