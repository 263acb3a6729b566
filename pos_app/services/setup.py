"""Making a new database: built in a private temporary file beside the target and renamed into
place at the end, so a build that is stopped half-way (Ctrl+C, SIGKILL, a full disk) leaves no
database behind, only a temporary file that the next build removes."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from argon2 import PasswordHasher

from pos_app.domain.drawer import DrawerMode
from pos_app.domain.errors import InvalidInput, StorageFull
from pos_app.domain.formatting import DEFAULT_LOCALE
from pos_app.domain.users import Role
from pos_app.services import Services
from pos_app.store.files import is_disk_full, make_private_dirs, move_into_place, remove_quietly

T = TypeVar("T")


def building_name(path: Path, pid: int) -> Path:
    return path.with_name(f".{path.name}.building-{pid}")


def _running(pid: int) -> bool:
    if sys.platform == "win32":
        return False  # there an open file cannot be removed, so a live build's file survives
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stopped_builds(path: Path) -> list[Path]:
    """Remove what builds of `path` that were stopped half-way left behind; returns them."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.building-(\d+)")
    removed: list[Path] = []
    if not path.parent.is_dir():
        return removed
    for entry in path.parent.iterdir():
        match = pattern.fullmatch(entry.name)
        if match and int(match.group(1)) != os.getpid() and not _running(int(match.group(1))):
            remove_quietly(entry)
            if not os.path.lexists(entry):
                removed.append(entry)
    return removed


def refuse_existing(path: Path) -> None:
    if os.path.lexists(path):
        raise InvalidInput(f"{path} exists already; it was left unchanged (choose another --db)")


def build_database(path: Path, build: Callable[[Services], T], *, hasher: PasswordHasher | None = None) -> T:
    """Create a database at `path` (which must not exist) filled by `build`, all or nothing."""
    path = Path(path)
    refuse_existing(path)
    make_private_dirs(path.parent)
    remove_stopped_builds(path)
    temp = building_name(path, os.getpid())
    remove_quietly(temp)
    try:
        services = Services.open(temp, create=True, hasher=hasher)
        try:
            result = build(services)
        finally:
            services.close()
        # Everything into the main file (no -wal left behind), synced, then renamed.
        conn = sqlite3.connect(temp)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        fd = os.open(temp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        move_into_place(temp, path, force=False)
    except OSError as exc:
        remove_quietly(temp)
        if is_disk_full(exc):
            raise StorageFull(f"the disk is full: {path} was not created") from None
        raise
    except BaseException:
        remove_quietly(temp)
        raise
    return result


def create_shop(
    path: Path,
    *,
    manager: str,
    password: str,
    till: str = "T1",
    currency: str = "GBP",
    store_name: str = "My shop",
    locale: str = DEFAULT_LOCALE,
    hasher: PasswordHasher | None = None,
) -> None:
    """A new, empty shop with its first manager: `pos-app init` and the first-run window."""

    def build(services: Services) -> None:
        # A new shop's till takes cash into drawer sessions (opened with a float, closed with a count).
        services.settings.update(
            None,
            {
                "till": till,
                "currency": currency,
                "store_name": store_name,
                "locale": locale,
                "cash_drawer": DrawerMode.SESSIONS.value,
            },
        )
        services.auth.add_user(None, manager, Role.MANAGER, password)

    build_database(path, build, hasher=hasher)
