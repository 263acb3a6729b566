"""The main window: the order list as home screen, the till's actions, who is logged in."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.users import Role
from pos_app.ui import screens
from pos_app.ui.icons import icon
from pos_app.ui.login_dialog import LoginDialog
from pos_app.ui.order_detail import OrderDetailDialog
from pos_app.ui.order_list import OrderListWidget
from pos_app.viewmodels.order_list import OrderListModel
from pos_app.viewmodels.session import Session


class MainWindow(QMainWindow):
    def __init__(
        self, session: Session, parent: QWidget | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.checkout: QDialog | None = None  # the open sale screen, if any
        self.ui_settings = settings or QSettings()
        self.setObjectName("mainWindow")
        self.setWindowTitle("pos_app")
        self.resize(1200, 760)

        self.model = OrderListModel(session, parent=self)
        self.orders = OrderListWidget(self.model)
        self.orders.open_order.connect(self.open_order)
        self.locked_page = self._locked_page()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.orders)
        self.pages.addWidget(self.locked_page)
        self.setCentralWidget(self.pages)

        self._actions()
        self.user_label = QLabel()
        self.till_label = QLabel()
        self.sync_label = QLabel("sync off")
        self.sync_label.setObjectName("syncOff")
        self.sync_label.setToolTip("No central store is configured: sales are kept on this till")
        self.statusBar().setSizeGripEnabled(False)
        for label in (self.user_label, self.till_label, self.sync_label):
            self.statusBar().addPermanentWidget(label)

        session.actor_changed.connect(self._actor_changed)
        session.locked_changed.connect(self._locked_changed)
        session.settings_changed.connect(self._show_till)
        self._restore_layout()
        self._show_till()
        if session.logged_in:
            self._actor_changed()

    # -- building --------------------------------------------------------------------------

    def _action(self, text: str, icon_name: str, shortcut: str, slot: object) -> QAction:
        action = QAction(icon(icon_name), text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text} ({shortcut})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _actions(self) -> None:
        self.new_sale = self._action("New sale", "new_sale", "F2", self.open_checkout)
        self.find_order = self._action("Find order", "search", "Ctrl+F", self.orders.focus_search)
        self.refresh = self._action("Refresh", "refresh", "F5", self.model.reload)
        self.cash_drawer = self._action("Cash drawer", "drawer", "Ctrl+D", self.open_drawer)
        self.lock_till = self._action("Lock till", "lock", "Ctrl+L", self.lock)
        self.log_out = self._action("Log out", "logout", "", self.logout)
        self.users = self._action("Users", "users", "", lambda: self._admin("users"))
        self.stock = self._action("Products && stock", "stock", "", lambda: self._admin("stock"))
        self.store_settings = self._action("Settings", "settings", "", lambda: self._admin("settings"))
        self.toolbar = QToolBar("Till")
        self.toolbar.setObjectName("tillToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_sale, self.find_order, self.refresh, self.cash_drawer):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.admin_actions = (self.users, self.stock, self.store_settings)
        for action in self.admin_actions:
            self.toolbar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.lock_till)
        self.toolbar.addAction(self.log_out)
        self.addToolBar(self.toolbar)

    def _locked_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("lockedPage")
        title = QLabel("Till locked")
        title.setObjectName("title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        unlock = QPushButton("Unlock")
        unlock.setObjectName("primary")
        unlock.clicked.connect(self.unlock)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(unlock, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return page

    # -- state -----------------------------------------------------------------------------

    def _actor_changed(self) -> None:
        if not self.session.logged_in:
            self.user_label.setText("nobody logged in")
            self.model.clear()  # the next user must not see the last one's orders
            return
        actor = self.session.actor
        self.user_label.setText(f"Logged in: {actor.name} ({actor.role.value})")
        for action in self.admin_actions:
            action.setVisible(self.session.is_manager)
        self.cash_drawer.setVisible(actor.role is not Role.CUSTOMER)
        self.orders.set_role(actor.role)
        self.model.reload()

    def _locked_changed(self, locked: bool) -> None:
        self.pages.setCurrentWidget(self.locked_page if locked else self.orders)
        for action in (
            self.new_sale,
            self.find_order,
            self.refresh,
            self.cash_drawer,
            self.lock_till,
            *self.admin_actions,
        ):
            action.setEnabled(not locked)
        if not locked and self.session.is_manager:
            for action in self.admin_actions:
                action.setEnabled(True)

    def _show_till(self) -> None:
        settings = self.session.settings
        self.till_label.setText(f"Till {settings.till}")
        self.setWindowTitle(f"{settings.store_name} — till {settings.till}")

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

    def open_order(self, order_id: str) -> None:
        dialog = OrderDetailDialog(self.session, order_id, self)
        dialog.exec()
        if dialog.changed_something:
            self.model.reload()

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

    def _restore_layout(self) -> None:
        geometry = self.ui_settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        header = self.ui_settings.value("main/orderColumns")
        if header is not None:
            self.orders.table.horizontalHeader().restoreState(header)

    def save_layout(self) -> None:
        self.ui_settings.setValue("main/geometry", self.saveGeometry())
        self.ui_settings.setValue("main/orderColumns", self.orders.table.horizontalHeader().saveState())
        self.ui_settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
