"""The unit of work: one transaction, and the repositories that work inside it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from pos_app.domain.records import OrderFilter, Page
from pos_app.store.catalog_repo import ProductRepository, StockRepository
from pos_app.store.credit_repo import CreditRepository, IntentRepository
from pos_app.store.misc_repo import HeldSaleRepository, SettingsRepository
from pos_app.store.order_queries import list_orders as query_orders
from pos_app.store.orders_repo import OrderRepository
from pos_app.store.people_repo import CustomerRepository, UserRepository


class UnitOfWork:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def list_orders(self, flt: OrderFilter, *, limit: int, after: str | None, newest_first: bool) -> Page:
        return query_orders(self.conn, flt, limit=limit, after=after, newest_first=newest_first)

    @cached_property
    def orders(self) -> OrderRepository:
        return OrderRepository(self.conn)

    @cached_property
    def products(self) -> ProductRepository:
        return ProductRepository(self.conn)

    @cached_property
    def stock(self) -> StockRepository:
        return StockRepository(self.conn)

    @cached_property
    def users(self) -> UserRepository:
        return UserRepository(self.conn)

    @cached_property
    def customers(self) -> CustomerRepository:
        return CustomerRepository(self.conn)

    @cached_property
    def settings(self) -> SettingsRepository:
        return SettingsRepository(self.conn)

    @cached_property
    def held(self) -> HeldSaleRepository:
        return HeldSaleRepository(self.conn)

    @cached_property
    def credit(self) -> CreditRepository:
        return CreditRepository(self.conn)

    @cached_property
    def intents(self) -> IntentRepository:
        return IntentRepository(self.conn)

    def integrity_problems(self) -> list[str]:
        rows = self.conn.execute(text("PRAGMA integrity_check")).all()
        return [] if [r[0] for r in rows] == ["ok"] else [str(r[0]) for r in rows]


class Database:
    """Hands out units of work on one SQLite file."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def path(self) -> Path:
        return Path(str(self.engine.url.database))

    @contextmanager
    def read(self) -> Iterator[UnitOfWork]:
        with self.engine.connect() as conn, conn.begin():
            yield UnitOfWork(conn)

    @contextmanager
    def write(self) -> Iterator[UnitOfWork]:
        """One write transaction: commits when the block ends, rolls back if it raises."""
        with self.engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
            yield UnitOfWork(conn)

    def close(self) -> None:
        self.engine.dispose()
