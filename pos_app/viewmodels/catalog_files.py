"""Catalogue CSV import and export, run off the GUI thread with progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from pos_app.domain.formatting import number
from pos_app.viewmodels.admin import AdminViewModel
from pos_app.viewmodels.session import Session


class CatalogFilesViewModel(AdminViewModel):
    progress = Signal(int, int)  # rows done, rows in all; emitted from the worker, queued to the GUI
    busy_changed = Signal(bool)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self.busy = False

    def import_csv(self, path: Path, set_stock: bool = False) -> None:
        """`set_stock` counts stock: existing products take the file's on-hand (booked as a count)."""
        catalog, actor = self.session.services.catalog, self.session.actor
        self._start(
            lambda: catalog.import_products(actor, path, progress=self.progress.emit, set_stock=set_stock),
            lambda result: (
                self.tr("imported {count} products from {file}").format(
                    count=number(result.products), file=path.name
                )
                + (
                    self.tr("; {count} stock level(s) set").format(count=number(result.levels_set))
                    if set_stock
                    else self.tr("; on-hand left as it was for {count}").format(
                        count=number(result.levels_ignored)
                    )
                    if result.levels_ignored
                    else ""
                )
            ),
        )

    def export_csv(self, path: Path) -> None:
        catalog, actor = self.session.services.catalog, self.session.actor
        self._start(
            # The save dialog has asked before replacing a file; a database is still refused.
            lambda: catalog.export_csv(actor, path, progress=self.progress.emit, force=True),
            lambda count: self.tr("exported {count} products to {file}").format(
                count=number(count), file=path.name
            ),
        )

    def _start(self, work: Callable[[], Any], describe: Callable[[Any], str]) -> None:
        if self.busy:
            self.message.emit(self.tr("wait for the file that is being read or written"))
            return
        self._set_busy(True)

        def done(result: Any) -> None:
            self._set_busy(False)
            self.saved.emit(describe(result))
            self.changed.emit()

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            self._failed(exc)

        self.session.runner.submit(work, done, failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)
