"""Window-test fixtures: sessions per user, and `told` (message boxes shown, logs kept aside)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from pos_app.ui import launch
from tests.gui import session_for

__all__ = ["session_for", "styled", "told"]


@pytest.fixture(autouse=True)
def _unstyled_after(qapp: QApplication) -> Iterator[None]:
    """A test that starts the app (launch loads the stylesheet) leaves no style to the next."""
    yield
    if qapp.styleSheet():
        qapp.setStyleSheet("")


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The application's stylesheet, as the till runs with it (sizes depend on it)."""
    launch.load_style(qapp)
    yield
    qapp.setStyleSheet("")


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[str]]:
    """Message boxes shown; logs go to a temp folder; the global hooks are put back afterwards."""
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: messages.append(text))
    monkeypatch.setattr(launch, "log_dir", lambda: tmp_path / "logs")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    handlers = list(logging.getLogger().handlers)
    level = logging.getLogger().level
    yield messages
    for handler in logging.getLogger().handlers:
        if handler not in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()
    logging.getLogger().setLevel(level)
