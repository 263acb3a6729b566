"""A manager looks after the log-ins: deactivate and reactivate, new password, PIN, unlock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pos_app.domain.errors import InvalidInput, LoginFailed, NotFound, PermissionDenied
from pos_app.domain.users import Actor, Role
from pos_app.services import Services
from pos_app.services.credentials import FREE_FAILURES
from tests.helpers import dump


def _lock(services: Services, name: str) -> None:
    for _ in range(FREE_FAILURES + 1):
        with pytest.raises(LoginFailed):
            services.auth.login(name, "wrong")


def test_a_deactivated_user_cannot_log_in_until_activated(services: Services, manager: Actor) -> None:
    user = services.auth.set_active(manager, "clerk", False)
    assert (user.name, user.active) == ("clerk", False)
    with pytest.raises(LoginFailed, match="wrong user name or password"):
        services.auth.login("clerk", "clerk123")
    with pytest.raises(LoginFailed):
        services.auth.login("clerk", "1111", pin=True)
    assert services.auth.set_active(manager, "clerk", True).active
    assert services.auth.login("clerk", "clerk123").role is Role.CLERK


def test_a_manager_cannot_deactivate_themselves(services: Services, manager: Actor, db_path: Path) -> None:
    before = dump(db_path)
    with pytest.raises(InvalidInput, match="cannot deactivate yourself"):
        services.auth.set_active(manager, "manager", False)
    assert dump(db_path) == before


def test_the_last_active_manager_stays(services: Services, manager: Actor, db_path: Path) -> None:
    services.auth.add_user(manager, "boss", Role.MANAGER, "boss1234")
    boss = services.auth.login("boss", "boss1234")
    services.auth.set_active(boss, "manager", False)
    # `manager` was logged in before being deactivated: that session ended with it.
    before = dump(db_path)
    with pytest.raises(PermissionDenied, match="your session has ended: log in again"):
        services.auth.set_active(manager, "boss", False)
    assert dump(db_path) == before
    assert services.auth.login("boss", "boss1234").role is Role.MANAGER


def test_a_second_manager_can_be_deactivated(services: Services, manager: Actor) -> None:
    services.auth.add_user(manager, "boss", Role.MANAGER, "boss1234")
    assert not services.auth.set_active(manager, "boss", False).active
    with pytest.raises(LoginFailed):
        services.auth.login("boss", "boss1234")


def test_reset_password_replaces_the_old_one_and_lifts_a_lock(services: Services, manager: Actor) -> None:
    _lock(services, "clerk")
    user = services.auth.reset_password(manager, "clerk", "fresh123")
    assert user.locked_until is None
    with pytest.raises(LoginFailed, match="wrong user name or password"):
        services.auth.login("clerk", "clerk123")
    assert services.auth.login("clerk", "fresh123").name == "clerk"


def test_a_too_short_password_changes_nothing(services: Services, manager: Actor, db_path: Path) -> None:
    before = dump(db_path)
    with pytest.raises(InvalidInput, match="at least 4 characters"):
        services.auth.reset_password(manager, "clerk", "abc")
    assert dump(db_path) == before


def test_set_and_clear_a_pin(services: Services, manager: Actor, db_path: Path) -> None:
    assert services.auth.set_user_pin(manager, "alice", "2468").has_pin
    assert services.auth.login("alice", "2468", pin=True).name == "alice"
    before = dump(db_path)
    with pytest.raises(InvalidInput, match="4 to 8 digits"):
        services.auth.set_user_pin(manager, "alice", "12a4")
    assert dump(db_path) == before
    assert not services.auth.set_user_pin(manager, "alice", None).has_pin
    with pytest.raises(LoginFailed):
        services.auth.login("alice", "2468", pin=True)
    assert services.auth.login("alice", "alice123").name == "alice"


def test_unlock_lets_a_locked_user_in_at_once(services: Services, manager: Actor) -> None:
    _lock(services, "clerk")
    with pytest.raises(LoginFailed, match="too many failed tries: wait"):
        services.auth.login("clerk", "clerk123")
    assert services.auth.unlock(manager, "clerk").locked_until is None
    assert services.auth.login("clerk", "clerk123").name == "clerk"
    # The count of failures starts again too: the next failures are free.
    for _ in range(FREE_FAILURES):
        with pytest.raises(LoginFailed, match=r"^wrong user name or password$"):
            services.auth.login("clerk", "nope")


CHANGES: dict[str, Callable[[Services, Actor, str], object]] = {
    "deactivate": lambda s, a, n: s.auth.set_active(a, n, False),
    "activate": lambda s, a, n: s.auth.set_active(a, n, True),
    "reset_password": lambda s, a, n: s.auth.reset_password(a, n, "fresh123"),
    "set_pin": lambda s, a, n: s.auth.set_user_pin(a, n, "2468"),
    "clear_pin": lambda s, a, n: s.auth.set_user_pin(a, n, None),
    "unlock": lambda s, a, n: s.auth.unlock(a, n),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_clerk_may_not_manage_users(services: Services, clerk: Actor, db_path: Path, change: str) -> None:
    before = dump(db_path)
    with pytest.raises(PermissionDenied, match="a clerk may not manage users"):
        CHANGES[change](services, clerk, "alice")
    assert dump(db_path) == before


@pytest.mark.parametrize("change", CHANGES)
def test_an_unknown_user_is_not_found(services: Services, manager: Actor, db_path: Path, change: str) -> None:
    before = dump(db_path)
    with pytest.raises(NotFound, match="no user called nobody"):
        CHANGES[change](services, manager, "nobody")
    assert dump(db_path) == before


def test_a_pin_of_other_scripts_digits_is_refused(services: Services, manager: Actor) -> None:
    for pin in ("²²²²", "١٢٣٤"):
        with pytest.raises(InvalidInput, match="a PIN is 4 to 8 digits"):
            services.auth.set_user_pin(manager, "clerk", pin)
