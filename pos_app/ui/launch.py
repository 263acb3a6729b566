"""Start the desktop application: Qt, style, logging, the database, log-in, main window."""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import sys
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDir, QEvent, QLocale, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from pos_app.config import APP_NAME, default_db_path, log_dir, resources_dir
from pos_app.domain.errors import PosError
from pos_app.domain.formatting import use_locale
from pos_app.domain.settings import StoreSettings
from pos_app.store.files import FILE_MODE, make_private_dirs
from pos_app.store.peek import peek_settings
from pos_app.ui.icons import icon
from pos_app.ui.login_dialog import LoginDialog
from pos_app.ui.translation import install_language
from pos_app.viewmodels.session import Session
from pos_app.viewmodels.tasks import TaskRunner

if TYPE_CHECKING:
    from pos_app.services import Services
    from pos_app.viewmodels.sync_status import SyncStatusViewModel

SyncFor = Callable[["Services"], "SyncStatusViewModel"]

log = logging.getLogger(__name__)

# Set to 1 by bench/gui_start.py: print `shown <time.time()>` when the log-in dialog first
# paints, then close it and exit, so start-up can be timed from outside the process.
EXIT_WHEN_SHOWN_ENV = "POS_APP_EXIT_WHEN_SHOWN"


class _ExitWhenShown(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QDialog):
            print(f"shown {time.time():.6f}", flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, watched.reject)
        return False


class PrivateRotatingFileHandler(RotatingFileHandler):
    """Log files readable by their owner only (0600), whatever the umask: they name users."""

    def _open(self) -> Any:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        return os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)


def setup_logging() -> Path:
    """Log to a rotating file in the user's log folder; returns the file's path."""
    folder = log_dir()
    make_private_dirs(folder)
    path = folder / "pos_app.log"
    handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
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
                QCoreApplication.translate("Launch", "Unexpected error"),
                QCoreApplication.translate(
                    "Launch",
                    "Something went wrong: {error}\n\nThe details are in {log}.\n"
                    "The last completed sale is safe in the database.",
                ).format(error=exc, log=log_path),
            )

    sys.excepthook = hook


def load_style(app: QApplication) -> None:
    """The stylesheet; it names icons as `icons:name.svg`."""
    QDir.addSearchPath("icons", str(resources_dir() / "icons"))
    sheet = resources_dir() / "style.qss"
    if sheet.exists():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))


def open_services(path: Path) -> Services:
    """Services on the existing database at `path` (never created here: see ask_first_run)."""
    from pos_app.services import Services

    return Services.open(path)


def ask_first_run(path: Path) -> bool:
    """No database at `path` (a typo, an unmounted drive, a new machine): say so, and create a
    new shop only when asked, with the manager's own password. True once it exists."""
    from pos_app.ui.first_run_dialog import FirstRunDialog
    from pos_app.viewmodels.first_run import FirstRunViewModel

    dialog = FirstRunDialog(FirstRunViewModel(path))
    return dialog.exec() == QDialog.DialogCode.Accepted


def open_in_background(
    path: Path, runner: TaskRunner, failed: Callable[[Exception], None]
) -> Future[Services]:
    """Import the services (SQLAlchemy: most of start-up) and open `path` on a worker thread,
    then import the main window's code, while the log-in window waits for someone."""
    opening: Future[Services] = Future()

    def work() -> None:
        try:
            opening.set_result(open_services(path))
        except Exception as exc:
            opening.set_exception(exc)
            raise
        # A warm-up (it defines classes, makes no widget): launch imports it again after the
        # log-in, on the GUI thread, where an error is raised and reported as usual.
        with contextlib.suppress(Exception):
            importlib.import_module("pos_app.ui.main_window")

    runner.submit(work, lambda _none: None, failed)
    return opening


def use_shop_language(settings: StoreSettings) -> None:
    """The shop's money and date format, this till's language, before the first window."""
    use_locale(settings.locale)
    QLocale.setDefault(QLocale(settings.locale))  # Qt's own fields (dates) write as the shop does
    install_language(settings.language)


def launch(db_path: Path | None = None, sync_for: SyncFor | None = None) -> int:
    """The till's window on `db_path`; `sync_for` makes its sync worker (started once someone
    has logged in, stopped before the database closes)."""
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    log_path = setup_logging()
    install_excepthook(log_path)
    load_style(app)
    app.setWindowIcon(icon("app"))
    path = db_path or default_db_path()
    runner = TaskRunner()
    login: LoginDialog | None = None
    sync: SyncStatusViewModel | None = None

    def cannot_open(exc: Exception) -> None:
        message = (
            exc.message
            if isinstance(exc, PosError)
            else QCoreApplication.translate("Launch", "the database could not be opened")
        )
        log.error("cannot open %s: %s", path, message)
        QMessageBox.critical(login, QCoreApplication.translate("Launch", "Cannot open the database"), message)
        if login is not None:
            login.reject()

    if not os.path.lexists(path) and not ask_first_run(path):
        return 0
    # Show the log-in window first when its store name and till can be read cheaply; a
    # damaged, foreign or read-only file is opened (or refused) before anything is shown.
    early = peek_settings(path)
    opening = open_in_background(path, runner, cannot_open) if early is not None else None
    if opening is not None:
        session = Session(opening, runner, early)
    else:
        try:
            session = Session(open_services(path), runner)
        except PosError as exc:
            cannot_open(exc)  # a corrupt or newer file is left exactly as it is
            return 2
    use_shop_language(session.settings)
    try:
        login = LoginDialog(session)
        if os.environ.get(EXIT_WHEN_SHOWN_ENV) == "1":
            login.installEventFilter(_ExitWhenShown(login))
        if login.exec() != QDialog.DialogCode.Accepted:
            runner.wait()
            return 2 if opening is not None and opening.exception() is not None else 0
        from pos_app.ui.main_window import MainWindow  # loaded while the log-in window waited

        sync = sync_for(session.services) if sync_for is not None else None
        window = MainWindow(session, sync=sync)
        window.show_on_screen()
        if sync is not None:
            sync.start()
        return int(app.exec())
    finally:
        if sync is not None:
            sync.stop()
        runner.wait()
        if opening is None or opening.exception() is None:
            session.services.close()
