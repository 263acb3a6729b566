"""Writing files without ever losing one: refuse the live database and SQLite files, never
replace an existing file unless asked, write beside the target and rename into place, and make
everything readable by its owner only, whatever the umask."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

from pos_app.domain.errors import InvalidInput, StorageFull

SQLITE_HEADER = b"SQLite format 3\x00"
FILE_MODE = 0o600
FOLDER_MODE = 0o700
# What SQLite keeps beside a database file while it is open.
COMPANIONS = ("-wal", "-shm", "-journal")


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_target(target: Path, *, force: bool = False, protect: Iterable[Path] = ()) -> None:
    """Refuse a file name that would destroy data: the live database (by any path or link) or
    the files beside it, any SQLite file (a backup), or an existing file unless `force`."""
    for db in protect:
        for live in (db, *(db.with_name(db.name + c) for c in COMPANIONS)):
            if _same_file(target, live):
                raise InvalidInput(
                    f"{target} is the live database: pos_app never writes over it; choose another file name"
                )
    for companion in COMPANIONS:
        owner = target.with_name(target.name.removesuffix(companion))
        if target.name.endswith(companion) and is_sqlite_file(owner):
            raise InvalidInput(f"{target} belongs to a database beside it; choose another file name")
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder; name a file inside it")
    if is_sqlite_file(target):
        raise InvalidInput(
            f"{target} is a SQLite database (perhaps a backup): pos_app never writes over one; "
            "choose another file name"
        )
    if not force and os.path.lexists(target):
        raise InvalidInput(
            f"{target} exists already; it was left unchanged "
            "(choose another file name, or --force to replace it)"
        )
    if not target.parent.is_dir():
        raise InvalidInput(f"there is no folder {target.parent}")


def is_disk_full(exc: OSError) -> bool:
    return exc.errno in (errno.ENOSPC, errno.EDQUOT)


def remove_quietly(path: Path) -> None:
    """The file and whatever SQLite left beside it."""
    for name in (path, *(path.with_name(path.name + c) for c in COMPANIONS)):
        with suppress(OSError):
            name.unlink()


@contextmanager
def replacing(
    target: Path, *, force: bool = False, protect: Iterable[Path] = (), what: str = "the file"
) -> Iterator[Path]:
    """A new private temporary file beside `target` to write into; when the block ends it is
    synced and renamed into place, so the target is never half-written. On any failure the
    temporary file is removed; a full disk is reported as StorageFull naming `what`."""
    target = Path(target)
    protect = list(protect)
    check_target(target, force=force, protect=protect)
    fd, name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=f".partial{target.suffix}", dir=target.parent
    )
    os.close(fd)  # mkstemp makes it 0600 whatever the umask
    temp = Path(name)
    try:
        yield temp
        _fsync(temp)
        # Checked again: the folder may have changed while the file was being written.
        check_target(target, force=force, protect=protect)
        move_into_place(temp, target, force=force)
    except OSError as exc:
        remove_quietly(temp)
        if is_disk_full(exc):
            raise StorageFull(f"the disk is full: {what} was not saved") from None
        raise
    except BaseException:
        remove_quietly(temp)
        raise


@contextmanager
def open_new_text(
    target: Path, *, force: bool = False, protect: Iterable[Path] = (), what: str = "the file"
) -> Iterator[TextIO]:
    """A text file written through `replacing` (CSV: newline="" as the csv module wants)."""
    with (
        replacing(target, force=force, protect=protect, what=what) as temp,
        temp.open("w", newline="", encoding="utf-8") as handle,
    ):
        yield handle


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def move_into_place(temp: Path, target: Path, *, force: bool) -> None:
    if force:
        os.replace(temp, target)
        return
    # A hard link fails if the target appeared meanwhile, so nothing is ever replaced unasked.
    try:
        os.link(temp, target)
    except FileExistsError:
        raise InvalidInput(f"{target} appeared while it was being written; it was left unchanged") from None
    except OSError as exc:
        if is_disk_full(exc):
            raise
        # A file system without hard links (FAT, some network shares): check, then rename.
        if os.path.lexists(target):
            raise InvalidInput(f"{target} exists already; it was left unchanged") from None
        os.replace(temp, target)
        return
    temp.unlink()


def create_private_file(path: Path) -> None:
    """A new empty file readable by its owner only (SQLite gives its -wal/-shm the same mode)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)


def make_private_dirs(folder: Path) -> None:
    """Create `folder` and any missing parents as 0700; existing folders are left as they are."""
    folder = Path(folder)
    if folder.is_dir():
        return
    make_private_dirs(folder.parent)
    with suppress(FileExistsError):
        folder.mkdir(mode=FOLDER_MODE)
    # mkdir's mode is reduced by the umask but never widened: 0700 holds under any umask.


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
