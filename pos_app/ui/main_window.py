"""The main window: the order list as home screen, the till's actions, who is logged in."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from pos_app.domain.policy import Action
from pos_app.ui import screens
from pos_app.ui.icons import icon
from pos_app.ui.locked_page import LockedPage
from pos_app.ui.login_dialog import LoginDialog
from pos_app.ui.order_detail import OrderDetailDialog
from pos_app.ui.order_list import OrderListWidget
from pos_app.ui.screen_fit import fit_to_screen
from pos_app.viewmodels.names import role_name
from pos_app.viewmodels.order_list import OrderListModel
from pos_app.viewmodels.session import Session
from pos_app.viewmodels.sync_status import SyncState, SyncStatusViewModel

WIDE_TOOLBAR = 1200  # px: room on a manager's toolbar for the reports button
SYNC_LABEL_NAMES = {
    SyncState.OFF: "syncOff",
    SyncState.OK: "syncOk",
    SyncState.WAITING: "syncWaiting",
    SyncState.ERROR: "syncError",
}


class MainWindow(QMainWindow):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
        sync: SyncStatusViewModel | None = None,
    ) -> None:
        """`sync` is the till's sync worker as a view model (off when None)."""
        super().__init__(parent)
        self.session = session
        self.sync = sync or SyncStatusViewModel(parent=self)
        self.checkout: QDialog | None = None  # the open sale screen, if any
        self.detail: OrderDetailDialog | None = None  # the open order, if any
        self.ui_settings = settings or QSettings()
        self.setObjectName("mainWindow")
        self.setWindowTitle("pos_app")
        fit_to_screen(self, 1280, 800)

        self.model = OrderListModel(session, parent=self)
        self.orders = OrderListWidget(self.model)
        self.orders.open_order.connect(self.open_order)
        self.locked_page = LockedPage()
        self.locked_page.unlock_requested.connect(self.unlock)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.orders)
        self.pages.addWidget(self.locked_page)
        self.setCentralWidget(self.pages)

        self._actions()
        self.user_label = QLabel()
        self.till_label = QLabel()
        self.sync_label = QLabel()
        self.statusBar().setSizeGripEnabled(False)
        for label in (self.user_label, self.till_label, self.sync_label):
            self.statusBar().addPermanentWidget(label)

        session.actor_changed.connect(self._actor_changed)
        session.locked_changed.connect(self._locked_changed)
        session.settings_changed.connect(self._show_till)
        self.sync.status_changed.connect(self._show_sync)
        self.sync.orders_changed.connect(self._orders_changed)
        self.sync.settings_changed.connect(session.settings_changed)
        self._restore_layout()
        self._show_till()
        self._show_sync()
        self._actor_changed()

    # -- building --------------------------------------------------------------------------

    def _action(self, text: str, icon_name: str, shortcut: str, slot: object) -> QAction:
        action = QAction(icon(icon_name), text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(self.tr("{action} ({shortcut})").format(action=text, shortcut=shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _actions(self) -> None:
        self.new_sale = self._action(self.tr("New sale"), "new_sale", "F2", self.open_checkout)
        # Not on the toolbar: the search box it focuses is always in view (and touched directly).
        self.find_order = self._action(self.tr("Find order"), "search", "Ctrl+F", self.orders.focus_search)
        self.refresh = self._action(self.tr("Refresh"), "refresh", "F5", self.model.reload)
        self.cash_drawer = self._action(self.tr("Cash drawer"), "drawer", "Ctrl+D", self.open_drawer)
        self.lock_till = self._action(self.tr("Lock till"), "lock", "Ctrl+L", self.lock)
        self.log_out = self._action(self.tr("Log out"), "logout", "Ctrl+Shift+L", self.logout)
        self.users = self._action(self.tr("Users"), "users", "Ctrl+U", lambda: self._admin("users"))
        self.stock = self._action(
            self.tr("Products && stock"), "stock", "Ctrl+I", lambda: self._admin("stock")
        )
        self.store_settings = self._action(
            self.tr("Settings"), "settings", "Ctrl+,", lambda: self._admin("settings")
        )
        self.reports = self._action(self.tr("Reports"), "reports", "Ctrl+R", self.open_reports)
        self.toolbar = QToolBar(self.tr("Till"))
        self.toolbar.setObjectName("tillToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_sale, self.refresh):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.admin_actions = (self.users, self.stock, self.store_settings, self.reports)
        for action in self.admin_actions[:-1]:
            self.toolbar.addAction(action)
        # Reports by its icon, on a screen wider than a till's 1024 px (where the toolbar is full:
        # Ctrl+R there, as the drawer's Ctrl+D).
        reports = QToolButton()
        reports.setObjectName("reportsButton")
        reports.setIcon(self.reports.icon())
        reports.setToolTip(self.reports.toolTip())
        reports.setAccessibleName(self.reports.text())
        reports.clicked.connect(self.reports.trigger)
        self.reports_button = self.toolbar.addWidget(reports)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.lock_till)
        self.toolbar.addAction(self.log_out)
        self.addToolBar(self.toolbar)
        # The till's actions in a menu as well: the cash drawer has no room on a manager's
        # toolbar at 1024 px (the sale screen has a button for it).
        self.till_menu = self.menuBar().addMenu(self.tr("&Till"))
        for action in (self.new_sale, self.cash_drawer, self.find_order, self.refresh):
            self.till_menu.addAction(action)
        self.till_menu.addSeparator()
        for action in (self.lock_till, self.log_out):
            self.till_menu.addAction(action)

    # -- state -----------------------------------------------------------------------------

    def _actor_changed(self) -> None:
        """Someone else is at the till: nothing of the last user's search, filters or list stays."""
        self.orders.clear_filters()
        self._show_admin()
        self.cash_drawer.setVisible(self.session.may(Action.CASH_DRAWER))
        if not self.session.logged_in:
            self.user_label.setText(self.tr("nobody logged in"))
            self.model.clear()  # the next user must not see the last one's orders
            return
        actor = self.session.actor
        self.user_label.setText(
            self.tr("Logged in: {name} ({role})").format(name=actor.name, role=role_name(actor.role))
        )
        self.orders.set_role(actor.role)
        self.model.reload()

    def _locked_changed(self, locked: bool) -> None:
        self.pages.setCurrentWidget(self.locked_page if locked else self.orders)
        for action in (self.new_sale, self.find_order, self.refresh, self.cash_drawer, self.lock_till):
            action.setEnabled(not locked)
        self._show_admin()
        if locked:
            self.locked_page.setFocus()

    def _show_admin(self) -> None:
        """Manager screens for a manager at an unlocked till only; nobody else sees them."""
        manager_here = self.session.is_manager and not self.session.locked
        for action in self.admin_actions:
            action.setVisible(manager_here)
            action.setEnabled(manager_here)
        self.reports_button.setVisible(manager_here and self.width() >= WIDE_TOOLBAR)

    def _show_till(self) -> None:
        settings = self.session.settings
        self.till_label.setText(self.tr("Till {till}").format(till=settings.till))
        self.setWindowTitle(
            self.tr("{store} — till {till}").format(store=settings.store_name, till=settings.till)
        )

    def _show_sync(self) -> None:
        self.sync_label.setText(self.sync.line)
        self.sync_label.setToolTip(self.sync.tooltip)
        self.sync_label.setObjectName(SYNC_LABEL_NAMES[self.sync.state])
        self.sync_label.style().polish(self.sync_label)

    def _orders_changed(self, ids: frozenset[str]) -> None:
        """Orders changed at another till: their rows and the open order show them in place."""
        if self.session.logged_in:
            self.model.refresh_orders(ids)
        if self.detail is not None:
            self.detail.refresh_orders(ids)

    # -- commands --------------------------------------------------------------------------

    def open_checkout(self) -> None:
        if self.checkout is not None and self.checkout.isVisible():
            self.checkout.raise_()
            self.checkout.activateWindow()
            return
        self.checkout = screens.open_checkout(self.session, self, self._checkout_closed)

    def _checkout_closed(self) -> None:
        self.checkout = None
        self.model.reload()  # sales may have been made

    def open_drawer(self) -> None:
        from pos_app.ui.cash_drawer import DrawerDialog

        dialog = DrawerDialog(self.session, self)
        dialog.exec()
        dialog.deleteLater()

    def open_reports(self) -> None:
        from pos_app.ui.reports_window import ReportsDialog  # Qt Charts loads with the first report

        dialog = ReportsDialog(self.session, parent=self)
        dialog.exec()
        dialog.deleteLater()

    def open_order(self, order_id: str) -> None:
        dialog = OrderDetailDialog(self.session, order_id, self)
        self.detail = dialog
        try:
            dialog.exec()
        finally:
            self.detail = None
        if dialog.changed_something:
            self.model.refresh_orders({order_id})  # its row in place: the scroll position stays

    def lock(self) -> None:
        """Lock the till; what is open (a checkout cart) stays as it is until someone logs in."""
        self.session.lock()
        self.unlock()

    def unlock(self) -> None:
        name = self.session.actor.name if self.session.logged_in else ""
        LoginDialog(self.session, self, locked=True, user=name).exec()

    def logout(self) -> None:
        if self.checkout is not None:
            self.checkout.close()  # its cart is kept in the open-sale file for the next log-in
        self.session.set_actor(None)
        if LoginDialog(self.session, self).exec() != QDialog.DialogCode.Accepted:
            self.close()

    def _admin(self, screen: str) -> None:
        from pos_app.ui import admin_settings, admin_stock, admin_users

        dialogs = {
            "users": admin_users.UsersDialog,
            "stock": admin_stock.StockDialog,
            "settings": admin_settings.SettingsDialog,
        }
        dialogs[screen](self.session, self).exec()

    # -- remembered layout -----------------------------------------------------------------

    def show_on_screen(self) -> None:
        """As it was left on this computer; the first time, filling the screen, as a till does."""
        if not self.restored:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        self.show()

    def _restore_layout(self) -> None:
        geometry = self.ui_settings.value("main/geometry")
        self.restored = geometry is not None and self.restoreGeometry(geometry)
        header = self.ui_settings.value("main/orderColumns")
        if header is not None:
            self.orders.table.horizontalHeader().restoreState(header)

    def save_layout(self) -> None:
        self.ui_settings.setValue("main/geometry", self.saveGeometry())
        self.ui_settings.setValue("main/orderColumns", self.orders.table.horizontalHeader().saveState())
        self.ui_settings.sync()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if hasattr(self, "reports_button"):  # not while the window is being built
            self._show_admin()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
