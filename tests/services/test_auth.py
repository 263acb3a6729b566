"""Log-in: failures count down to a lockout that outlives a restart; PINs; manager approval."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

import pytest

from pos_app.domain.errors import InvalidInput, LoginFailed, PermissionDenied
from pos_app.domain.users import Role
from pos_app.services import Services
from pos_app.services.auth import MAX_FAILURES
from tests.conftest import FAST_HASHER
from tests.helpers import raw


def test_each_wrong_password_says_how_many_tries_are_left(services: Services) -> None:
    for left in range(MAX_FAILURES - 1, 0, -1):
        with pytest.raises(LoginFailed, match=rf"wrong user name or password \({left} tries left"):
            services.auth.login("clerk", "nope")
    # A right password before the last try clears the count.
    assert services.auth.login("clerk", "clerk123").role is Role.CLERK
    with pytest.raises(LoginFailed, match=rf"\({MAX_FAILURES - 1} tries left"):
        services.auth.login("clerk", "nope")


def test_an_unknown_user_reads_like_a_wrong_password(services: Services) -> None:
    with pytest.raises(LoginFailed, match=r"^wrong user name or password$"):
        services.auth.login("nobody", "clerk123")


def test_five_failures_lock_the_account_even_for_the_right_password(services: Services) -> None:
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginFailed, match="tries left"):
            services.auth.login("clerk", "nope")
    with pytest.raises(LoginFailed, match="clerk is now locked for 5 minutes after 5 failed log-ins"):
        services.auth.login("clerk", "still wrong")
    with pytest.raises(LoginFailed, match="clerk is locked after 5 failed log-ins; try again after"):
        services.auth.login("clerk", "clerk123")
    # Other users are not affected.
    assert services.auth.login("manager", "manager123").role is Role.MANAGER
    manager = services.auth.login("manager", "manager123")
    assert [u.locked_until is not None for u in services.auth.list_users(manager) if u.name == "clerk"] == [
        True
    ]


def test_the_lock_survives_closing_and_reopening_the_database(services: Services, db_path: Path) -> None:
    for _ in range(MAX_FAILURES):
        with pytest.raises(LoginFailed):
            services.auth.login("clerk", "nope")
    services.close()
    reopened = Services.open(db_path, hasher=FAST_HASHER)
    try:
        with pytest.raises(LoginFailed, match="locked"):
            reopened.auth.login("clerk", "clerk123")
    finally:
        reopened.close()


def test_the_lock_ends_when_its_time_is_up(services: Services, db_path: Path) -> None:
    for _ in range(MAX_FAILURES):
        with pytest.raises(LoginFailed):
            services.auth.login("clerk", "nope")
    with raw(db_path) as conn:
        conn.execute("UPDATE users SET locked_until = '2000-01-01T00:00:00.000000Z' WHERE name = 'clerk'")
    assert services.auth.login("clerk", "clerk123").name == "clerk"
    with pytest.raises(LoginFailed, match=rf"\({MAX_FAILURES - 1} tries left"):
        services.auth.login("clerk", "nope")


def test_log_in_with_a_pin(services: Services) -> None:
    actor = services.auth.login("clerk", "1111", pin=True)
    assert (actor.name, actor.role) == ("clerk", Role.CLERK)
    with pytest.raises(LoginFailed, match=r"wrong user name or PIN \(4 tries left"):
        services.auth.login("clerk", "9999", pin=True)
    # The password is not a PIN, and a user without a PIN cannot use one.
    with pytest.raises(LoginFailed):
        services.auth.login("clerk", "clerk123", pin=True)
    with pytest.raises(LoginFailed):
        services.auth.login("alice", "1111", pin=True)


def test_set_pin_then_log_in_with_it(services: Services) -> None:
    alice = services.auth.login("alice", "alice123")
    with pytest.raises(InvalidInput, match="4 to 8 digits"):
        services.auth.set_pin(alice, "12a4")
    services.auth.set_pin(alice, "24680")
    assert services.auth.login("alice", "24680", pin=True).name == "alice"


def test_approve_takes_a_manager_and_refuses_a_clerk(services: Services) -> None:
    assert services.auth.approve("manager", "1234", pin=True).role is Role.MANAGER
    with pytest.raises(PermissionDenied, match="a clerk may not approve an override"):
        services.auth.approve("clerk", "clerk123")
    with pytest.raises(PermissionDenied):
        services.auth.approve("alice", "alice123")
    with pytest.raises(LoginFailed):
        services.auth.approve("manager", "wrong")


def test_new_users_are_checked(services: Services) -> None:
    manager = services.auth.login("manager", "manager123")
    with pytest.raises(InvalidInput, match="already a user called clerk"):
        services.auth.add_user(manager, "clerk", Role.CLERK, "another1")
    with pytest.raises(InvalidInput, match="at least 4 characters"):
        services.auth.add_user(manager, "shorty", Role.CLERK, "abc")
    with pytest.raises(InvalidInput, match="without spaces"):
        services.auth.add_user(manager, "two words", Role.CLERK, "abcd1234")
    with pytest.raises(PermissionDenied, match="log in as a manager"):
        services.auth.add_user(None, "sneaky", Role.MANAGER, "abcd1234")
    assert [u.name for u in services.auth.list_users(manager)] == ["alice", "bob", "clerk", "manager"]


def test_wrong_passwords_at_two_tills_at_once_all_count(services: Services) -> None:
    start = threading.Barrier(MAX_FAILURES)

    def wrong() -> None:
        start.wait()
        with contextlib.suppress(LoginFailed):
            services.auth.login("clerk", "not-it")

    tills = [threading.Thread(target=wrong) for _ in range(MAX_FAILURES)]
    for till in tills:
        till.start()
    for till in tills:
        till.join()
    with pytest.raises(LoginFailed, match="locked"):
        services.auth.login("clerk", "clerk123")
