"""Sessions: who logged in at this till, re-checked against the database on every call.

A service never trusts the Actor it is handed: the session token must have been issued here
by a log-in for that user, and the user must still exist and be active. The service then acts
as the user the database describes now (role, name, customer), so a deactivated or demoted
user's open session changes at once.
"""

from __future__ import annotations

import secrets
import threading
from typing import Any

from argon2 import PasswordHasher

from pos_app.domain.errors import PermissionDenied
from pos_app.domain.policy import Action, require
from pos_app.domain.users import Actor, Approval, Role
from pos_app.services.credentials import APPROVE, Credentials
from pos_app.store.uow import Database, UnitOfWork

SESSION_ENDED = "your session has ended: log in again"


def _actor(row: dict[str, Any], session: str = "") -> Actor:
    return Actor(row["id"], row["name"], Role(row["role"]), row["customer_id"], session)


class Guard:
    """The sessions of one Services instance (in memory, thread-safe) and credential checks."""

    def __init__(self, db: Database, hasher: PasswordHasher) -> None:
        self.credentials = Credentials(db, hasher)
        self._lock = threading.Lock()
        self._sessions: dict[str, str] = {}  # token -> user id

    def open(self, row: dict[str, Any]) -> Actor:
        """A new session for the user in `row` (just logged in)."""
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._sessions[token] = row["id"]
        return _actor(row, token)

    def close(self, actor: Actor) -> None:
        with self._lock:
            self._sessions.pop(actor.session, None)

    def check(self, uow: UnitOfWork, actor: Actor, action: Action | None = None) -> Actor:
        """The caller as the database knows them now, inside the caller's transaction; with
        `action`, also required to be allowed it. Raises PermissionDenied when the session is
        not one this till issued to that user, or the user is gone or deactivated."""
        with self._lock:
            owner = self._sessions.get(actor.session) if actor.session else None
        if owner is None or owner != actor.user_id:
            raise PermissionDenied(SESSION_ENDED)
        row = uow.users.by_id(actor.user_id)
        if row is None or not row["active"]:
            self.close(actor)
            raise PermissionDenied(SESSION_ENDED)
        fresh = _actor(row, actor.session)
        if action is not None:
            require(fresh, action)
        return fresh

    def approve(self, approval: Approval | None) -> Actor | None:
        """The user whose credentials `approval` carries, checked now in a write transaction of
        its own (so a failure stays counted when the call then fails); None without one."""
        if approval is None:
            return None
        row = self.credentials.verify(approval.name, approval.secret, pin=approval.pin, kind=APPROVE)
        return _actor(row)
