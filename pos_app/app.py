"""Composition root: builds the database, services, view models and window."""

from __future__ import annotations

from pathlib import Path


def run_gui(db_path: Path | None = None) -> int:
    from pos_app.ui.launch import launch

    return launch(db_path)
