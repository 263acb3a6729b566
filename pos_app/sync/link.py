"""A till's link to the central store: its URL (with the till role's password) kept in a 0600
file in the user's config folder, one per database file, never in the database or a log."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_path
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from pos_app.store.files import FILE_MODE, make_private_dirs
from pos_app.sync.central import connect_url
from pos_app.sync.errors import CentralUnreachable, reason_of

APP_NAME = "pos_app"


@dataclass(frozen=True)
class TillIdentity:
    code: str
    shop: str
    role: str
    shown_url: str  # without the password


def link_folder() -> Path:
    return user_config_path(APP_NAME, appauthor=False) / "sync"


def link_path(db_path: Path) -> Path:
    """The link file for one database file, named by a hash of its absolute path."""
    key = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:32]
    return link_folder() / f"{key}.url"


def identify(url: str) -> TillIdentity:
    """Connect as the till and read which till and shop the centre binds that role to."""
    with connect_url(url) as conn:
        parsed = make_url(url)
        try:
            row = conn.execute(
                text(
                    "SELECT t.code, s.name, current_user FROM tills t JOIN shops s ON s.id = t.shop_id "
                    "WHERE t.role_name = current_user"
                )
            ).first()
        except SQLAlchemyError as exc:
            raise CentralUnreachable(
                f"the central store does not know this log-in as a till: {reason_of(exc, parsed.password)}"
            ) from None
    if row is None:
        raise CentralUnreachable(
            "the central store does not know this log-in as a till (run 'central add-till')"
        )
    shown = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=True)
    return TillIdentity(str(row[0]), str(row[1]), str(row[2]), shown)


def save_link(db_path: Path, url: str) -> Path:
    """Write the URL to the database's link file (0600, folder 0700), replacing any earlier one."""
    target = link_path(db_path)
    make_private_dirs(target.parent)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(url + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def read_link(db_path: Path) -> str | None:
    try:
        return link_path(db_path).read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None
