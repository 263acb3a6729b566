"""Import and export buttons with a progress bar, for the products screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QProgressBar, QPushButton, QWidget

from pos_app.viewmodels.catalog_files import CatalogFilesViewModel


class CatalogFilesBar(QWidget):
    def __init__(self, vm: CatalogFilesViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setAccessibleName(self.tr("Import products from a CSV file"))
        self.count_stock = QCheckBox(self.tr("Count stock from the file"))
        self.count_stock.setToolTip(
            self.tr(
                "Set existing products' on-hand to the file's, booked as a stock count in your name. "
                "Unticked, the file only stocks new products."
            )
        )
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setAccessibleName(self.tr("Export products to a CSV file"))
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.import_button)
        layout.addWidget(self.count_stock)
        layout.addWidget(self.export_button)
        layout.addWidget(self.bar, 1)
        self.import_button.clicked.connect(self._ask_import)
        self.export_button.clicked.connect(self._ask_export)
        vm.progress.connect(self._progress)
        vm.busy_changed.connect(self._busy)

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import products"), "", self.tr("CSV files (*.csv)")
        )
        if path:
            self.vm.import_csv(Path(path), set_stock=self.count_stock.isChecked())

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export products"), "products.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.vm.export_csv(Path(path))

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _busy(self, busy: bool) -> None:
        self.import_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy)
        self.bar.setVisible(busy)
        if busy:
            self.bar.setRange(0, 0)  # busy until the first count arrives
