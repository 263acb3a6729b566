"""More of what a small screen breaks, beyond tests/ui/fit.py: a window opened larger than the
screen, toolbar actions pushed into the overflow menu, table cells cut short, tables that must
be scrolled sideways to reach a column."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from pos_app.ui import screen_fit
from tests.ui.fit import fit_problems


@contextmanager
def screen_of(width: int, height: int) -> Iterator[None]:
    """Windows made inside see a screen of `width` x `height` (the offscreen one is 800x800)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(screen_fit, "available_area", lambda _widget: QRect(0, 0, width, height))
        yield


def show_as_launched(qtbot: QtBot, window: QWidget) -> None:
    """Shown at the size it gave itself, as the app shows it."""
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(10)


def hidden_actions(window: QWidget) -> list[str]:
    """Toolbar actions a user cannot see: pushed behind the toolbar's » overflow button."""
    problems = []
    for bar in window.findChildren(QToolBar):
        if not bar.isVisibleTo(window):
            continue
        for action in bar.actions():
            button = bar.widgetForAction(action)
            if action.isVisible() and isinstance(button, QToolButton) and not button.isVisibleTo(window):
                problems.append(f"toolbar action '{action.text()}' is hidden in the overflow menu")
    return problems


def cut_cells(view: QTableView) -> list[str]:
    """Columns narrower than the rows shown need: their text ends in '…'. In a view that wraps
    text, a stretching column may wrap instead: then its rows must be tall enough."""
    header = view.horizontalHeader()
    problems = []
    wrapping = view.wordWrap()
    for row in range(view.model().rowCount()) if wrapping else ():
        if not view.isRowHidden(row) and view.rowHeight(row) < view.sizeHintForRow(row):
            problems.append(f"{view.objectName()} row {row} is {view.rowHeight(row)} px, its text needs more")
    for column in range(view.model().columnCount()):
        if view.isColumnHidden(column):
            continue
        if wrapping and header.sectionResizeMode(column) is QHeaderView.ResizeMode.Stretch:
            continue
        needed = view.sizeHintForColumn(column)
        if needed > view.columnWidth(column):
            name = view.model().headerData(column, header.orientation())
            width = view.columnWidth(column)
            problems.append(f"{view.objectName()} column '{name}' is {width} px, needs {needed}")
    return problems


def sideways(view: QAbstractItemView) -> list[str]:
    """A table wider than its view: some columns are reached only by scrolling sideways."""
    bar = view.horizontalScrollBar()
    if bar.maximum() > 0:
        return [f"{view.objectName() or type(view).__name__} scrolls sideways by {bar.maximum()} px"]
    return []


def window_problems(window: QWidget, width: int, height: int) -> list[str]:
    """Everything above and fit_problems, for one window on a `width` x `height` screen."""
    problems = fit_problems(window, width, height) + hidden_actions(window)
    for view in window.findChildren(QTableView):
        if view.isVisibleTo(window) and view.model() is not None:
            problems += cut_cells(view) + sideways(view)
    return problems
