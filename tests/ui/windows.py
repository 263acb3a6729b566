"""Opening the windows in tests: remembered layout in a temp file, no modal loops."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from pos_app.domain.users import Actor
from pos_app.ui.main_window import MainWindow
from pos_app.ui.order_detail import OrderDetailDialog
from pos_app.viewmodels.session import Session
from tests.gui import SessionFor

# The offscreen platform warns that it cannot resize a shown window to its hints: harmless.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")


def ui_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def main_window(qtbot: QtBot, session: Session, tmp_path: Path) -> MainWindow:
    window = MainWindow(session, settings=ui_settings(tmp_path))
    qtbot.addWidget(window)
    return window


def detail(qtbot: QtBot, session_for: SessionFor, actor: Actor, ref: str) -> OrderDetailDialog:
    dialog = OrderDetailDialog(session_for(actor), ref)
    qtbot.addWidget(dialog)
    return dialog
