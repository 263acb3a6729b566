"""Log-in: throttling per typed name that grows with failures, counted in one transaction; the
same answer for unknown names; PINs; manager approval."""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.synchronize
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from pos_app.domain.errors import InvalidInput, LoginFailed, PermissionDenied
from pos_app.domain.users import Actor, Approval, Role
from pos_app.services import Services
from pos_app.services.credentials import FREE_FAILURES, wait_after
from tests.conftest import FAST_HASHER
from tests.helpers import raw

WRONG = r"^wrong user name or password$"


def _fail(services: Services, name: str, times: int, *, pin: bool = False) -> list[str]:
    said = []
    for _ in range(times):
        with pytest.raises(LoginFailed) as failed:
            services.auth.login(name, "9999" if pin else "nope", pin=pin)
        said.append(failed.value.message)
    return said


def _throttle(db_path: Path, key: str, kind: str = "login") -> tuple[int, str | None] | None:
    with raw(db_path, read_only=True) as conn:
        row = conn.execute(
            "SELECT failures, wait_until FROM login_throttle WHERE name_key = ? AND kind = ?", (key, kind)
        ).fetchone()
    return None if row is None else (int(row[0]), row[1])


def _end_waits(db_path: Path) -> None:
    with raw(db_path) as conn:
        conn.execute("UPDATE login_throttle SET wait_until = '2000-01-01T00:00:00.000000Z'")


def test_the_first_failures_are_free_and_never_say_how_many_tries_are_left(services: Services) -> None:
    assert _fail(services, "clerk", FREE_FAILURES) == ["wrong user name or password"] * FREE_FAILURES
    # A right password before the wait clears the count.
    assert services.auth.login("clerk", "clerk123").role is Role.CLERK
    assert _fail(services, "clerk", FREE_FAILURES) == ["wrong user name or password"] * FREE_FAILURES


def test_then_each_failure_makes_the_next_try_wait_longer_up_to_15_minutes() -> None:
    waits = [wait_after(n) for n in range(1, 12)]
    assert waits[:FREE_FAILURES] == [None] * FREE_FAILURES
    seconds = [w.total_seconds() for w in waits[FREE_FAILURES:] if w is not None]
    assert seconds == [30, 60, 120, 240, 480, 900, 900]
    assert wait_after(10_000) == timedelta(minutes=15)


def test_during_a_wait_even_the_right_password_is_refused(services: Services, db_path: Path) -> None:
    said = _fail(services, "clerk", FREE_FAILURES + 1)
    assert said[-1] == "wrong user name or password; too many failed tries: wait 30 s"
    with pytest.raises(LoginFailed, match=r"^too many failed tries: wait (30|29) s$"):
        services.auth.login("clerk", "clerk123")
    # Other users are not affected.
    manager = services.auth.login("manager", "manager123")
    assert [u.locked_until is not None for u in services.auth.list_users(manager) if u.name == "clerk"] == [
        True
    ]
    # When the wait is over the right password works, and clears the count.
    _end_waits(db_path)
    assert services.auth.login("clerk", "clerk123").name == "clerk"
    assert _throttle(db_path, "clerk") is None


def test_an_unknown_name_is_throttled_and_answered_exactly_like_a_known_one(
    services: Services, db_path: Path
) -> None:
    known = _fail(services, "clerk", FREE_FAILURES + 2)
    unknown = _fail(services, "nobody", FREE_FAILURES + 2)
    assert known == unknown
    assert [_throttle(db_path, name)[0] for name in ("clerk", "nobody")] == [FREE_FAILURES + 2] * 2  # type: ignore[index]


def test_an_inactive_user_reads_like_a_wrong_password(services: Services, manager: Actor) -> None:
    services.auth.set_active(manager, "clerk", False)
    with pytest.raises(LoginFailed, match=WRONG):
        services.auth.login("clerk", "clerk123")
    with pytest.raises(LoginFailed, match=WRONG):
        services.auth.login("nobody", "clerk123")


def test_unknown_names_are_checked_against_a_dummy_hash_so_they_take_as_long(services: Services) -> None:
    checked: list[str] = []
    real = services.guard.credentials._verify

    def spy(stored: str, secret: str) -> bool:
        checked.append(stored)
        return real(stored, secret)

    services.guard.credentials._verify = spy  # type: ignore[method-assign]
    for name in ("clerk", "nobody", "alice"):
        with pytest.raises(LoginFailed, match=r"^wrong user name or PIN$"):
            services.auth.login(name, "9999", pin=True)  # alice has no PIN
    assert len(checked) == 3
    assert all(h.startswith("$argon2id$v=19$m=256,t=1,p=1$") for h in checked)


def test_the_wait_survives_closing_and_reopening_the_database(services: Services, db_path: Path) -> None:
    _fail(services, "clerk", FREE_FAILURES + 1)
    services.close()
    reopened = Services.open(db_path, hasher=FAST_HASHER)
    try:
        with pytest.raises(LoginFailed, match="too many failed tries"):
            reopened.auth.login("clerk", "clerk123")
    finally:
        reopened.close()


def test_failures_older_than_a_day_are_forgotten(services: Services, db_path: Path) -> None:
    _fail(services, "clerk", FREE_FAILURES)
    with raw(db_path) as conn:
        conn.execute("UPDATE login_throttle SET last_failure_at = '2000-01-01T00:00:00.000000Z'")
    # Four more free failures, not a wait at the fifth.
    assert _fail(services, "clerk", FREE_FAILURES)[-1] == "wrong user name or password"
    assert _throttle(db_path, "clerk") == (FREE_FAILURES, None)


def test_log_in_with_a_pin(services: Services) -> None:
    actor = services.auth.login("clerk", "1111", pin=True)
    assert (actor.name, actor.role) == ("clerk", Role.CLERK)
    with pytest.raises(LoginFailed, match=r"^wrong user name or PIN$"):
        services.auth.login("clerk", "9999", pin=True)
    # The password is not a PIN, and a user without a PIN cannot use one.
    with pytest.raises(LoginFailed):
        services.auth.login("clerk", "clerk123", pin=True)
    with pytest.raises(LoginFailed, match=r"^wrong user name or PIN$"):
        services.auth.login("alice", "1111", pin=True)


def test_pin_and_password_failures_share_one_count(services: Services, db_path: Path) -> None:
    _fail(services, "clerk", 2, pin=True)
    _fail(services, "clerk", 2)
    assert _throttle(db_path, "clerk") == (4, None)


def test_set_pin_then_log_in_with_it(services: Services) -> None:
    alice = services.auth.login("alice", "alice123")
    with pytest.raises(InvalidInput, match="4 to 8 digits"):
        services.auth.set_pin(alice, "12a4")
    services.auth.set_pin(alice, "24680")
    assert services.auth.login("alice", "24680", pin=True).name == "alice"


def test_approve_takes_a_manager_and_refuses_a_clerk(services: Services) -> None:
    assert services.auth.approve(Approval("manager", "1234", pin=True)).role is Role.MANAGER
    with pytest.raises(PermissionDenied, match="a clerk may not approve an override"):
        services.auth.approve(Approval("clerk", "clerk123"))
    with pytest.raises(PermissionDenied):
        services.auth.approve(Approval("alice", "alice123"))
    with pytest.raises(LoginFailed, match=WRONG):
        services.auth.approve(Approval("manager", "wrong"))


def test_an_approval_never_shows_its_secret() -> None:
    approval = Approval("manager", "s3cret-pass")
    assert "s3cret" not in repr(approval) and "s3cret" not in str(approval)


def test_wrong_approvals_at_the_till_never_delay_the_managers_own_log_in(
    services: Services, db_path: Path
) -> None:
    for _ in range(FREE_FAILURES + 3):
        with contextlib.suppress(LoginFailed):
            services.auth.approve(Approval("manager", "guess"))
    with pytest.raises(LoginFailed, match="too many failed tries"):
        services.auth.approve(Approval("manager", "manager123"))
    assert services.auth.login("manager", "manager123").role is Role.MANAGER
    assert _throttle(db_path, "rnanager", "approve") is not None
    assert _throttle(db_path, "rnanager") is None


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


GUESSES = 16


def test_sixteen_simultaneous_wrong_guesses_count_as_sixteen(services: Services, db_path: Path) -> None:
    start = threading.Barrier(GUESSES)
    answers: list[str] = []

    def guess() -> None:
        # Each thread takes its own connection from the pool: sixteen tills at once.
        start.wait()
        try:
            services.auth.login("clerk", "not-it")
        except LoginFailed as exc:
            answers.append(exc.message)

    threads = [threading.Thread(target=guess) for _ in range(GUESSES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == GUESSES
    counted = _throttle(db_path, "clerk")
    assert counted is not None and counted[0] == GUESSES
    # Only the free ones were checked; the rest were refused for the wait, and so is the right one.
    assert sum(a == "wrong user name or password" for a in answers) == FREE_FAILURES
    with pytest.raises(LoginFailed, match="too many failed tries"):
        services.auth.login("clerk", "clerk123")


def _guess_in_a_process(db_path: str, start: multiprocessing.synchronize.Barrier, guesses: int) -> None:
    services = Services.open(Path(db_path), hasher=FAST_HASHER)
    try:
        start.wait()
        for _ in range(guesses):
            with contextlib.suppress(LoginFailed):
                services.auth.login("clerk", "not-it")
    finally:
        services.close()


@pytest.mark.slow
def test_wrong_guesses_from_four_processes_all_count(services: Services, db_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(4)
    tills = [context.Process(target=_guess_in_a_process, args=(str(db_path), start, 4)) for _ in range(4)]
    for till in tills:
        till.start()
    for till in tills:
        till.join(60)
    assert [till.exitcode for till in tills] == [0] * 4
    assert _throttle(db_path, "clerk")[0] == 16  # type: ignore[index]
