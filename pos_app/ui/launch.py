"""Start the desktop application: Qt, style, logging, the database, log-in, main window."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QDir
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from pos_app.config import APP_NAME, default_db_path, log_dir, resources_dir
from pos_app.domain.errors import PosError
from pos_app.services import Services
from pos_app.ui.icons import icon
from pos_app.ui.login_dialog import LoginDialog
from pos_app.ui.main_window import MainWindow
from pos_app.viewmodels.session import Session
from pos_app.viewmodels.tasks import TaskRunner

log = logging.getLogger(__name__)


def setup_logging() -> Path:
    """Log to a rotating file in the user's log folder; returns the file's path."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "pos_app.log"
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def install_excepthook(log_path: Path) -> None:
    """An unexpected error is logged and told to the user, instead of silently killing the till."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                "Unexpected error",
                f"Something went wrong: {exc}\n\nThe details are in {log_path}.\n"
                "The last completed sale is safe in the database.",
            )

    sys.excepthook = hook


def load_style(app: QApplication) -> None:
    """The stylesheet; it names icons as `icons:name.svg`."""
    QDir.addSearchPath("icons", str(resources_dir() / "icons"))
    sheet = resources_dir() / "style.qss"
    if sheet.exists():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))


def open_services(path: Path) -> Services:
    """Services on `path`; a new file gets the demo shop, whose log-ins go to stdout."""
    if path.exists():
        return Services.open(path)
    from pos_app.services.demo import seed_demo

    path.parent.mkdir(parents=True, exist_ok=True)
    services = Services.open(path, create=True)
    logins = seed_demo(services, resources_dir() / "demo_catalog.csv")
    print(f"created a demo database at {path}")
    print("log-ins (name / password / PIN):")
    for login in logins:
        print(f"  {login.name:<8} {login.password:<11} {login.pin or '-':<5} {login.role.value}")
    return services


def launch(db_path: Path | None = None) -> int:
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    log_path = setup_logging()
    install_excepthook(log_path)
    load_style(app)
    app.setWindowIcon(icon("app"))
    path = db_path or default_db_path()
    try:
        services = open_services(path)
    except PosError as exc:
        # A corrupt or newer file is left exactly as it is: say so and stop.
        log.error("cannot open %s: %s", path, exc.message)
        QMessageBox.critical(None, "Cannot open the database", exc.message)
        return 2
    session = Session(services, TaskRunner())
    try:
        if LoginDialog(session).exec() != QDialog.DialogCode.Accepted:
            return 0
        window = MainWindow(session)
        window.show()
        return int(app.exec())
    finally:
        session.runner.wait()
        services.close()
