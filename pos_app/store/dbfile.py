"""The state of a database file before anything opens it, each with a message that says exactly
what is wrong (never "damaged" for a permission), so nobody restores a backup for nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pos_app.domain.errors import DatabaseError

_BITS = {os.R_OK: 0o444, os.W_OK: 0o222, os.X_OK: 0o111}


def can(path: Path, want: int) -> bool:
    """os.access, and the permission bits as well: root passes os.access for any file, yet a
    file or folder its owner made read-only is meant to stay unchanged."""
    mode = path.stat().st_mode
    return all(os.access(path, bit) and mode & mask for bit, mask in _BITS.items() if want & bit)


def folder_problem(folder: Path) -> str | None:
    if not can(folder, os.W_OK | os.X_OK):
        return (
            f"the folder {folder} is read-only: pos_app needs to write beside the database "
            "(SQLite keeps its -wal and -shm files there)"
        )
    return None


def check_database_file(path: Path) -> None:
    """Raise DatabaseError unless `path` is an existing file pos_app may read and write."""
    unchanged = "; it was left unchanged"
    if not os.path.exists(path):
        raise DatabaseError(f"there is no database at {path}; run 'pos-app init' or 'pos-app demo'")
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseError(f"{path} is a folder, not a database file")
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseError(f"{path} is not a regular file, so not a database{unchanged}")
    if info.st_size == 0:
        raise DatabaseError(
            f"{path} is empty (0 bytes): it is not a database{unchanged}. "
            "Restore a backup, or move it away and run 'pos-app init' for a new shop"
        )
    if not can(path, os.R_OK):
        raise DatabaseError(
            f"pos_app may not read {path} (permission denied): give the user running the till "
            f"read and write access to it{unchanged}"
        )
    if not can(path, os.W_OK):
        raise DatabaseError(f"{path} is read-only: pos_app needs to write to the database{unchanged}")
    problem = folder_problem(path.parent)
    if problem:
        raise DatabaseError(f"{problem}; the database was left unchanged")
