"""The unit of work: one transaction, and the repositories that work inside it."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError

from pos_app.domain.errors import DatabaseBusy, DatabaseError, PosError, StorageFull
from pos_app.domain.records import OrderFilter, Page
from pos_app.store.catalog_repo import ProductRepository, StockRepository
from pos_app.store.changelog import ChangeLog, wall_ms
from pos_app.store.credit_repo import CreditRepository, IntentRepository
from pos_app.store.drawer_repo import DrawerRepository
from pos_app.store.engine import BUSY_TIMEOUT_MS
from pos_app.store.misc_repo import HeldSaleRepository, SettingsRepository
from pos_app.store.order_queries import list_orders as query_orders
from pos_app.store.orders_repo import OrderRepository
from pos_app.store.people_repo import CustomerRepository, UserRepository

# How long a writer waits for another till or an import before it gives up, and after how long
# it says that it is waiting. POS_APP_BUSY_LIMIT (seconds) changes the limit.
BUSY_LIMIT_S = 60.0
BUSY_LIMIT_ENV = "POS_APP_BUSY_LIMIT"
WAIT_NOTICE_S = 1.0


class UnitOfWork:
    def __init__(self, conn: Connection, clock: Callable[[], int] = wall_ms) -> None:
        self.conn = conn
        self.log = ChangeLog(conn, clock)

    def list_orders(self, flt: OrderFilter, *, limit: int, after: str | None, newest_first: bool) -> Page:
        return query_orders(self.conn, flt, limit=limit, after=after, newest_first=newest_first)

    @cached_property
    def orders(self) -> OrderRepository:
        return OrderRepository(self.conn, self.log)

    @cached_property
    def products(self) -> ProductRepository:
        return ProductRepository(self.conn, self.log)

    @cached_property
    def stock(self) -> StockRepository:
        return StockRepository(self.conn, self.log)

    @cached_property
    def users(self) -> UserRepository:
        return UserRepository(self.conn, self.log)

    @cached_property
    def customers(self) -> CustomerRepository:
        return CustomerRepository(self.conn, self.log)

    @cached_property
    def settings(self) -> SettingsRepository:
        return SettingsRepository(self.conn, self.log)

    @cached_property
    def held(self) -> HeldSaleRepository:
        return HeldSaleRepository(self.conn)

    @cached_property
    def credit(self) -> CreditRepository:
        return CreditRepository(self.conn, self.log)

    @cached_property
    def drawer(self) -> DrawerRepository:
        return DrawerRepository(self.conn, self.log)

    @cached_property
    def intents(self) -> IntentRepository:
        return IntentRepository(self.conn)

    def integrity_problems(self) -> list[str]:
        rows = self.conn.execute(text("PRAGMA integrity_check")).all()
        return [] if [r[0] for r in rows] == ["ok"] else [str(r[0]) for r in rows]


def _sqlite_code(exc: BaseException) -> int | None:
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF  # the primary code of an extended one


def storage_error(exc: BaseException, what: str | None) -> PosError | None:
    """A typed error for SQLite's "disk is full", "locked" and "read-only" answers, else None;
    `what` names what was not saved (None for a read)."""
    code = _sqlite_code(exc)
    lost = f": {what} was not saved" if what else ": the database could not be read"
    if code == sqlite3.SQLITE_FULL:
        return StorageFull(f"the disk is full{lost}")
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return DatabaseBusy(f"the database is busy{lost}; try again")
    if code == sqlite3.SQLITE_READONLY:
        return DatabaseError(f"the database is read-only{lost}")
    return None


def busy_limit_from_env() -> float:
    try:
        return max(0.0, float(os.environ.get(BUSY_LIMIT_ENV, BUSY_LIMIT_S)))
    except ValueError:
        return BUSY_LIMIT_S


class Database:
    """Hands out units of work on one SQLite file.

    A writer that finds another till or an import writing waits, calling `on_wait` once after
    WAIT_NOTICE_S so a message can be shown, up to `busy_limit` seconds; then DatabaseBusy.
    SQLite's "disk is full" becomes StorageFull naming what was not saved.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        busy_limit: float | None = None,
        on_wait: Callable[[], None] | None = None,
    ) -> None:
        self.engine = engine
        self.busy_limit = busy_limit_from_env() if busy_limit is None else busy_limit
        self.on_wait = on_wait
        self.clock = wall_ms  # the change log's wall clock (tests skew it)
        # Called (on the writing thread) after a write that logged change records commits:
        # the sync worker listens here, so a sale goes out soon after it is made.
        self.after_logged: list[Callable[[], None]] = []

    @property
    def path(self) -> Path:
        return Path(str(self.engine.url.database))

    @contextmanager
    def read(self) -> Iterator[UnitOfWork]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield UnitOfWork(conn)
        except OperationalError as exc:
            error = storage_error(exc, None)
            if error is None:
                raise
            raise error from exc

    @contextmanager
    def write(self, what: str = "the change") -> Iterator[UnitOfWork]:
        """One write transaction: commits when the block ends, rolls back if it raises."""
        try:
            with self._begin_write() as conn:
                uow = UnitOfWork(conn, self.clock)
                yield uow
                logged = uow.log.flush()  # the change records commit with the change
        except OperationalError as exc:
            error = storage_error(exc, what)
            if error is None:
                raise
            raise error from exc
        if logged:
            for listener in list(self.after_logged):
                listener()

    @contextmanager
    def _begin_write(self) -> Iterator[Connection]:
        """BEGIN IMMEDIATE, retried while another writer holds the lock, up to the limit."""
        deadline = time.monotonic() + self.busy_limit
        told = False
        while True:
            conn = self.engine.connect().execution_options(sqlite_begin="IMMEDIATE")
            left = deadline - time.monotonic()
            wait_s = min(left, WAIT_NOTICE_S) if not told else left
            _set_busy_timeout(conn, wait_s)
            try:
                transaction = conn.begin()
            except OperationalError as exc:
                _set_busy_timeout(conn, BUSY_TIMEOUT_MS / 1000)  # the pool hands it out again
                conn.close()
                if _sqlite_code(exc) != sqlite3.SQLITE_BUSY or time.monotonic() >= deadline:
                    raise
                if not told and self.on_wait is not None:
                    self.on_wait()
                told = True
                time.sleep(0.02)  # SQLite may answer "busy" at once (a recovery): no busy loop
                continue
            break
        try:
            _set_busy_timeout(conn, BUSY_TIMEOUT_MS / 1000)
            with transaction:
                yield conn
        finally:
            conn.close()

    def close(self) -> None:
        self.engine.dispose()


def _set_busy_timeout(conn: Connection, seconds: float) -> None:
    # On the driver connection: a statement through SQLAlchemy would begin a transaction.
    driver = conn.connection.driver_connection
    assert driver is not None
    driver.execute(f"PRAGMA busy_timeout={max(0, int(seconds * 1000))}")
