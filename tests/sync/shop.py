"""A shop of tills on one central store, for the sync tests: each till a database file of its
own with its services, linked to the centre as a till role of its own."""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pos_app.domain.users import Actor, Role
from pos_app.services import Services
from pos_app.store.misc_repo import TILL_OWN_SETTINGS
from pos_app.sync import central, engine, link
from pos_app.sync.setup import attach
from tests.conftest import CATALOG, FAST_HASHER

_codes = itertools.count(1)
# Local to the replicas: a till's own journal, number counters, log-in counters, cursor.
LOCAL_TABLES = ("journal", "till_counters", "sync_state", "login_throttle", "payment_intents", "held_sales")
LOCAL_COLUMNS = {
    "users": ("failed_logins", "locked_until"),
    "changes": ("central_seq", "created_at"),
    "settings": (),
}
COMPARED = (
    "orders",
    "order_lines",
    "payments",
    "order_events",
    "stock_movements",
    "credit_movements",
    "products",
    "customers",
    "users",
)


@dataclass
class Till:
    code: str
    url: str
    path: Path
    services: Services

    def login(self, name: str) -> Actor:
        return self.services.auth.login(name, f"{name}123")

    def sync(self) -> engine.SyncReport:
        return engine.sync_once(self.services.db, self.url)

    def dump(self) -> dict[str, list[tuple[object, ...]]]:
        return normalized_dump(self.path)


def new_code(prefix: str = "Q") -> str:
    """A till code no other test of this run uses (test_central takes N1, N2, S1 and T*)."""
    return f"{prefix}{next(_codes)}"


def open_till(
    centre_owner: str, folder: Path, *, first: bool = False, code: str | None = None, shop: str | None = None
) -> Till:
    """A till linked to the centre; the first one of a shop gets the users and the catalogue."""
    code = code or new_code()
    url = central.add_till(centre_owner, code, shop).url
    path = folder / f"{code}.sqlite3"
    services = Services.open(path, create=True, hasher=FAST_HASHER)
    if first:
        services.auth.add_user(None, "manager", Role.MANAGER, "manager123", "1234")
        manager = services.auth.login("manager", "manager123")
        services.auth.add_user(manager, "clerk", Role.CLERK, "clerk123", "1111")
        services.auth.add_user(manager, "alice", Role.CUSTOMER, "alice123")
        catalog = folder / f"{code}-catalog.csv"
        catalog.write_text(CATALOG)
        services.catalog.import_csv(manager, catalog)
    attach(services.db, link.identify(url))
    return Till(code.upper(), url, path, services)


def sync_all(tills: list[Till], rounds: int = 2) -> None:
    for _ in range(rounds):
        for till in tills:
            till.sync()


def normalized_dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every shared table, rows sorted by id, the per-replica columns left out."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = {}
        for table in COMPARED:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            kept = [c for c in columns if c not in LOCAL_COLUMNS.get(table, ())]
            rows = conn.execute(f"SELECT {', '.join(kept)} FROM {table} ORDER BY id").fetchall()
            found[table] = rows
        own = ", ".join(f"'{key}'" for key in sorted(TILL_OWN_SETTINGS))
        found["settings"] = conn.execute(
            f"SELECT key, value FROM settings WHERE key NOT IN ({own}) ORDER BY key"
        ).fetchall()
        return found
    finally:
        conn.close()


def assert_converged(tills: list[Till]) -> None:
    first = tills[0].dump()
    for till in tills[1:]:
        other = till.dump()
        for table, rows in first.items():
            assert other[table] == rows, f"{table} differs between {tills[0].code} and {till.code}"
