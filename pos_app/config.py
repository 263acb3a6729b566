"""Where things live (platformdirs) and how the command line and app find the database."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP_NAME = "pos_app"
DB_ENV = "POS_APP_DB"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    return user_log_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    """$POS_APP_DB, else pos.sqlite3 in the user's data folder."""
    configured = os.environ.get(DB_ENV)
    return Path(configured) if configured else data_dir() / "pos.sqlite3"


def resources_dir() -> Path:
    """resources/ beside the package, or inside a frozen (PyInstaller) build."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
