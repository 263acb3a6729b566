"""Start the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def launch(db_path: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("pos_app")
    window.setCentralWidget(QLabel(f"pos_app — database {db_path or 'default'}"))
    window.show()
    return int(app.exec())
