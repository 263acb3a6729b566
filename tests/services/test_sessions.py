"""Sessions: a log-in's session is re-checked against the database on every call."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.domain.cart import Cart, CartLine
from pos_app.domain.errors import PermissionDenied
from pos_app.domain.users import Actor, Role
from pos_app.services import Services
from tests.conftest import FAST_HASHER
from tests.helpers import dump, raw, sell

ENDED = "^your session has ended: log in again$"


def test_a_deactivated_clerks_open_session_is_refused_at_the_next_call(
    services: Services, manager: Actor, clerk: Actor, db_path: Path
) -> None:
    assert services.orders.list_orders(clerk).rows == ()
    services.auth.set_active(manager, "clerk", False)
    before = dump(db_path)
    with pytest.raises(PermissionDenied, match=ENDED):
        services.orders.list_orders(clerk)
    with pytest.raises(PermissionDenied, match=ENDED):
        sell(services, clerk)
    with pytest.raises(PermissionDenied, match=ENDED):
        services.held.park(clerk, "coat", Cart((CartLine("MUG", 1),)))
    assert dump(db_path) == before
    # Activated again, the clerk logs in afresh; the old session stays ended.
    services.auth.set_active(manager, "clerk", True)
    with pytest.raises(PermissionDenied, match=ENDED):
        services.orders.list_orders(clerk)
    assert services.orders.list_orders(services.auth.login("clerk", "clerk123")).rows == ()


def test_a_manager_demoted_to_clerk_loses_manager_rights_at_once(
    services: Services, manager: Actor, db_path: Path
) -> None:
    services.auth.add_user(manager, "boss", Role.MANAGER, "boss1234")
    boss = services.auth.login("boss", "boss1234")
    with raw(db_path) as conn:  # as another till's manager screen would
        conn.execute("UPDATE users SET role = 'clerk' WHERE name = 'boss'")
    before = dump(db_path)
    with pytest.raises(PermissionDenied, match="a clerk may not manage users"):
        services.auth.add_user(boss, "sneaky", Role.MANAGER, "abcd1234")
    with pytest.raises(PermissionDenied, match="a clerk may not"):
        services.admin.verify(boss)
    assert dump(db_path) == before
    # What the clerk does is recorded under the name the database knows.
    order = sell(services, boss)
    assert order.clerk_name == "boss"


def test_log_out_ends_the_session(services: Services, clerk: Actor) -> None:
    services.auth.logout(clerk)
    with pytest.raises(PermissionDenied, match=ENDED):
        services.orders.list_orders(clerk)
    services.auth.logout(clerk)  # twice is harmless


def test_a_session_belongs_to_the_services_that_issued_it(
    services: Services, clerk: Actor, db_path: Path
) -> None:
    other_till = Services.open(db_path, hasher=FAST_HASHER)
    try:
        with pytest.raises(PermissionDenied, match=ENDED):
            other_till.orders.list_orders(clerk)
        assert other_till.orders.list_orders(other_till.auth.login("clerk", "clerk123")).rows == ()
    finally:
        other_till.close()


def test_each_log_in_gets_its_own_unguessable_session(services: Services) -> None:
    first = services.auth.login("clerk", "clerk123")
    second = services.auth.login("clerk", "1111", pin=True)
    assert first.session != second.session and len(first.session) >= 32
    assert first.session not in repr(first)
    services.auth.logout(first)
    assert services.orders.list_orders(second).rows == ()
