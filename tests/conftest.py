"""Fixtures: a fresh database file per test, services on it, and the three kinds of user."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

# Qt tests never open a real window here.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pos_app.domain.formatting import DEFAULT_LOCALE, use_locale
from pos_app.domain.users import Actor, Role
from pos_app.services import Services

# Cheap hashing keeps the suite fast; production uses argon2's defaults.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=256, parallelism=1)

CATALOG = """sku,barcode,name,price,tax_rate,on_hand
MUG,4006381333931,Blue Mug,4.00,20,10
TEA,5012345000008,Green Tea 50 bags,2.55,20,20
CARD,,Birthday Card,1.99,0,5
"""


@pytest.fixture(autouse=True)
def _shop_locale_reset() -> Iterator[None]:
    """The shop's locale is process-wide: a test of a German shop must not leave it to the next."""
    yield
    use_locale(DEFAULT_LOCALE)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "pos.sqlite3"


@pytest.fixture
def services(db_path: Path, tmp_path: Path) -> Iterator[Services]:
    svc = Services.open(db_path, create=True, hasher=FAST_HASHER)
    svc.auth.add_user(None, "manager", Role.MANAGER, "manager123", "1234")
    manager = svc.auth.login("manager", "manager123")
    svc.auth.add_user(manager, "clerk", Role.CLERK, "clerk123", "1111")
    svc.auth.add_user(manager, "alice", Role.CUSTOMER, "alice123")
    svc.auth.add_user(manager, "bob", Role.CUSTOMER, "bob123")
    catalog = tmp_path / "catalog.csv"
    catalog.write_text(CATALOG)
    svc.catalog.import_csv(manager, catalog)
    yield svc
    svc.close()


@pytest.fixture
def manager(services: Services) -> Actor:
    return services.auth.login("manager", "manager123")


@pytest.fixture
def clerk(services: Services) -> Actor:
    return services.auth.login("clerk", "clerk123")


@pytest.fixture
def alice(services: Services) -> Actor:
    return services.auth.login("alice", "alice123")


@pytest.fixture
def bob(services: Services) -> Actor:
    return services.auth.login("bob", "bob123")


def actor_for(role: Role, services: Services) -> Actor:
    name = {Role.MANAGER: "manager", Role.CLERK: "clerk", Role.CUSTOMER: "alice"}[role]
    return services.auth.login(name, f"{name}123")
