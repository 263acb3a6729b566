"""The use cases. Every caller (window, command line, sync) goes through these."""

from __future__ import annotations

from pathlib import Path

from argon2 import PasswordHasher

from pos_app.domain.payments import PaymentMethod
from pos_app.services import auth as auth_service
from pos_app.services.admin import AdminService
from pos_app.services.auth import AuthService
from pos_app.services.cash_sessions import CashSessionService
from pos_app.services.catalog import CatalogService
from pos_app.services.checkout import CheckoutService
from pos_app.services.credit import CreditService
from pos_app.services.customers import CustomerService
from pos_app.services.guard import Guard
from pos_app.services.held import HeldSaleService
from pos_app.services.inventory import StockService
from pos_app.services.orders import OrderService
from pos_app.services.payments import PaymentProcessor
from pos_app.services.quick_keys import QuickKeyService
from pos_app.services.receipts import ReceiptService
from pos_app.services.reports import ReportService
from pos_app.services.settings import SettingsService
from pos_app.services.voids import VoidService
from pos_app.store.migrate import open_engine
from pos_app.store.uow import Database


class Services:
    def __init__(
        self,
        db: Database,
        *,
        hasher: PasswordHasher | None = None,
        processors: dict[PaymentMethod, PaymentProcessor] | None = None,
    ) -> None:
        self.db = db
        hasher = hasher or auth_service.till_hasher()
        # The sessions logged in through these services; every service re-checks its caller.
        self.guard = guard = Guard(db, hasher)
        self.settings = SettingsService(db, guard)
        self.auth = AuthService(db, guard, hasher)
        self.orders = OrderService(db, guard, self.settings, processors)
        self.checkout = CheckoutService(db, self.settings, processors, guard=guard)
        self.catalog = CatalogService(db, lambda: self.settings.current().currency, guard)
        self.stock = StockService(db, guard)
        self.customers = CustomerService(db, guard)
        self.credit = CreditService(db, lambda: self.settings.current().currency, guard)
        self.held = HeldSaleService(db, self.settings, guard, self.checkout)
        self.voids = VoidService(db, self.settings, guard)
        self.admin = AdminService(db, guard)
        self.quick_keys = QuickKeyService(db, self.settings, guard)
        self.cash = CashSessionService(db, self.settings, guard)
        self.receipts = ReceiptService(db, self.settings, self.orders, guard, self.cash)
        self.reports = ReportService(db, self.settings, guard)

    @classmethod
    def open(cls, path: Path, *, create: bool = False, hasher: PasswordHasher | None = None) -> Services:
        """Services on the database file at `path`, upgraded first if it is older."""
        services = cls(Database(open_engine(path, create=create)), hasher=hasher)
        # Card payments a till took before it stopped short of writing their order.
        services.checkout.resolve_pending()
        return services

    def close(self) -> None:
        self.db.close()
