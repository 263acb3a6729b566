"""The application's SVG icons, by name, from resources/icons."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from pos_app.config import resources_dir


def icon(name: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
