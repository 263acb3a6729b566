"""Checking a password or PIN, with throttling per typed name counted in the same transaction.

Throttling grows with failures instead of locking the account (NIST SP 800-63B 5.2.2): the
first few failures are free, then each one makes the next try wait longer, up to a cap. The
count is kept per typed name, whether or not such a user exists, and per kind: failed manager
approvals at the till never delay that manager's own log-in.
"""

from __future__ import annotations

import math
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from pos_app.domain.errors import LoginFailed
from pos_app.domain.users import name_key
from pos_app.store.ids import from_text, to_text
from pos_app.store.people_repo import LOGIN
from pos_app.store.uow import Database

APPROVE = "approve"
FREE_FAILURES = 4
FIRST_WAIT = timedelta(seconds=30)
MAX_WAIT = timedelta(minutes=15)
FORGET_AFTER = timedelta(hours=24)


def wait_after(failures: int) -> timedelta | None:
    """How long a name waits after `failures` failed tries in a row: 30 s, 60 s, 2 min ... 15 min."""
    if failures <= FREE_FAILURES:
        return None
    return min(FIRST_WAIT * (1 << min(failures - FREE_FAILURES - 1, 16)), MAX_WAIT)


def wait_text(left: timedelta) -> str:
    seconds = max(1, math.ceil(left.total_seconds()))
    span = f"{seconds} s" if seconds < 120 else f"{math.ceil(seconds / 60)} min"
    return f"too many failed tries: wait {span}"


def wrong_text(pin: bool) -> str:
    return "wrong user name or PIN" if pin else "wrong user name or password"


class Credentials:
    def __init__(self, db: Database, hasher: PasswordHasher) -> None:
        self.db = db
        self.hasher = hasher
        # Unknown names are checked against this, so they take as long as known ones.
        self._dummy = hasher.hash(secrets.token_hex(16))

    def verify(self, name: str, secret: str, *, pin: bool = False, kind: str = LOGIN) -> dict[str, Any]:
        """The active user's row if `secret` is right for `name`; else LoginFailed, with the
        failure counted. Read, check and count happen in one write transaction, so tries made at
        the same moment on several tills are all counted and none slips in during a wait."""
        key = name_key(name)
        now = datetime.now(UTC)
        with self.db.write(what="the log-in") as uow:
            uow.users.forget_throttles_before(to_text(now - FORGET_AFTER))
            state = uow.users.throttle(key, kind)
            failures = int(state["failures"]) if state else 0
            waiting = state["wait_until"] if state else None
            if waiting and from_text(waiting) > now:
                # Counted, not checked: a right password during the wait is refused too.
                uow.users.set_throttle(key, kind, failures + 1, waiting, to_text(now))
                refusal = wait_text(from_text(waiting) - now)
            else:
                row = uow.users.credentials(name)
                stored = None
                if row is not None and row["active"]:
                    stored = row["pin_hash"] if pin else row["password_hash"]
                # Always one hash check, so a missing user answers in the same time as a wrong password.
                right = self._verify(stored or self._dummy, secret)
                if right and row is not None and stored is not None:
                    if state:
                        uow.users.clear_throttle(key, kind)
                    return row
                failures += 1
                wait = wait_after(failures)
                until = to_text(now + wait) if wait else None
                uow.users.set_throttle(key, kind, failures, until, to_text(now))
                refusal = wrong_text(pin) + (f"; {wait_text(wait)}" if wait else "")
        # Raised after the commit, so the failure stays counted.
        raise LoginFailed(refusal)

    def _verify(self, stored: str, secret: str) -> bool:
        try:
            return self.hasher.verify(stored, secret)
        except (VerificationError, InvalidHashError):
            return False
