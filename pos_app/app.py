"""Composition root: builds the database, services, view models and window."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pos_app.services import Services
    from pos_app.viewmodels.sync_status import SyncStatusViewModel

# Seconds between two sync rounds when nothing wakes the worker (default: the worker's own).
SYNC_INTERVAL_ENV = "POS_APP_SYNC_INTERVAL"


def sync_interval() -> float | None:
    try:
        value = float(os.environ.get(SYNC_INTERVAL_ENV, ""))
    except ValueError:
        return None
    return value if 0.2 <= value <= 3600 else None


def sync_for(services: Services) -> SyncStatusViewModel:
    """The till's sync worker: on when its database is linked to a central store."""
    from pos_app.viewmodels.sync_status import SyncStatusViewModel

    return SyncStatusViewModel.for_services(services, interval=sync_interval())


def run_gui(db_path: Path | None = None) -> int:
    from pos_app.ui.launch import launch

    return launch(db_path, sync_for)
