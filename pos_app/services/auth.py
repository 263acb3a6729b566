"""Log-in with throttling, sessions, manager approval, and user accounts."""

from __future__ import annotations

from argon2 import PasswordHasher

from pos_app.domain.errors import InvalidInput, NotFound, PermissionDenied
from pos_app.domain.policy import Action, require
from pos_app.domain.records import UserRecord
from pos_app.domain.users import PIN_RULE, Actor, Approval, Role, control_characters, is_whole_pin, name_key
from pos_app.services.guard import Guard
from pos_app.store.uow import Database, UnitOfWork


def till_hasher() -> PasswordHasher:
    """argon2id at OWASP's recommended floor (19 MiB, 2 passes): memory-hard, yet a till's
    peak memory stays low and a log-in answers in a few tens of milliseconds. The parameters
    are stored in each hash, so they can be raised later without resetting passwords."""
    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def check_password(password: str) -> str:
    if len(password) < 4:
        raise InvalidInput("a password needs at least 4 characters")
    return password


def check_pin(pin: str) -> str:
    if not is_whole_pin(pin):
        raise InvalidInput(PIN_RULE)
    return pin


def check_user_name(name: str) -> str:
    name = name.strip()
    if bad := control_characters(name):
        raise InvalidInput(f"a user name cannot hold control characters ({', '.join(bad[:3])})")
    if not name or len(name) > 80 or any(c.isspace() for c in name):
        raise InvalidInput("a user name is 1-80 characters without spaces")
    return name


class AuthService:
    def __init__(self, db: Database, guard: Guard, hasher: PasswordHasher) -> None:
        self.db = db
        self.guard = guard
        self.hasher = hasher

    def login(self, name: str, secret: str, *, pin: bool = False) -> Actor:
        """A new session for the user behind `name` if `secret` (password or PIN) is right.

        Unknown names, inactive users and wrong secrets get the same answer in the same time;
        failures are throttled per typed name (see services/credentials.py)."""
        return self.guard.open(self.guard.credentials.verify(name, secret, pin=pin))

    def logout(self, actor: Actor) -> None:
        """End the session: the Actor no longer works in any service call."""
        self.guard.close(actor)

    def approve(self, approval: Approval) -> Actor:
        """Check a manager's override credentials at once (the dialog's early answer). The
        service that needs the approval checks them again itself, in its own call."""
        approver = self.guard.approve(approval)
        assert approver is not None
        require(approver, Action.APPROVE_OVERRIDE)
        return approver

    def add_user(
        self, actor: Actor | None, name: str, role: Role, password: str, pin: str | None = None
    ) -> UserRecord:
        """A new log-in. `actor` None only when the database has no users yet (first manager)."""
        name = check_user_name(name)
        password_hash = self.hasher.hash(check_password(password))
        pin_hash = self.hasher.hash(check_pin(pin)) if pin else None
        with self.db.write() as uow:
            if actor is None:
                if uow.users.exists() or role is not Role.MANAGER:
                    raise PermissionDenied("log in as a manager to add users")
            else:
                self.guard.check(uow, actor, Action.MANAGE_USERS)
            existing_user = uow.users.credentials(name)
            if existing_user is not None:
                same = "" if existing_user["name"] == name else " (names that look alike count as one)"
                raise InvalidInput(f"there is already a user called {existing_user['name']}{same}")
            customer_id = None
            if role is Role.CUSTOMER:
                existing = uow.customers.by_name(name)
                customer_id = existing.id if existing else uow.customers.add(name)
            uow.users.add(name, role, password_hash, pin_hash, customer_id)
            return next(u for u in uow.users.all() if u.name == name)

    def set_pin(self, actor: Actor, pin: str) -> None:
        pin_hash = self.hasher.hash(check_pin(pin))
        with self.db.write() as uow:
            actor = self.guard.check(uow, actor)
            uow.users.set_hashes(actor.user_id, {"pin_hash": pin_hash})

    def set_active(self, actor: Actor, name: str, active: bool) -> UserRecord:
        """Let `name` log in again, or stop them; a shop always keeps one active manager."""
        require(actor, Action.MANAGE_USERS)
        with self.db.write() as uow:
            actor = self.guard.check(uow, actor, Action.MANAGE_USERS)
            user = self._user(uow, name)
            if not active and user.active:
                if user.id == actor.user_id:
                    raise InvalidInput("you cannot deactivate yourself; another manager can")
                # Counted inside the write transaction, so two tills cannot each remove one.
                if user.role is Role.MANAGER and uow.users.active_managers() <= 1:
                    raise InvalidInput(f"{name} is the last active manager; activate another first")
            uow.users.set_active(user.id, active)
            return self._user(uow, name)

    def reset_password(self, actor: Actor, name: str, password: str) -> UserRecord:
        """A new password for `name`; it also clears the name's failed tries, as the user is
        starting afresh."""
        require(actor, Action.MANAGE_USERS)
        password_hash = self.hasher.hash(check_password(password))
        with self.db.write() as uow:
            self.guard.check(uow, actor, Action.MANAGE_USERS)
            user = self._user(uow, name)
            uow.users.set_hashes(user.id, {"password_hash": password_hash})
            uow.users.clear_throttle(name_key(user.name))
            return self._user(uow, name)

    def set_user_pin(self, actor: Actor, name: str, pin: str | None) -> UserRecord:
        """Give `name` a PIN for quick switching at the till, or take it away (None)."""
        require(actor, Action.MANAGE_USERS)
        pin_hash = self.hasher.hash(check_pin(pin)) if pin is not None else None
        with self.db.write() as uow:
            self.guard.check(uow, actor, Action.MANAGE_USERS)
            user = self._user(uow, name)
            uow.users.set_hashes(user.id, {"pin_hash": pin_hash})
            return self._user(uow, name)

    def unlock(self, actor: Actor, name: str) -> UserRecord:
        """End the wait after failed log-ins (and approvals) before its time is up."""
        require(actor, Action.MANAGE_USERS)
        with self.db.write() as uow:
            self.guard.check(uow, actor, Action.MANAGE_USERS)
            user = self._user(uow, name)
            uow.users.clear_throttle(name_key(user.name))
            return self._user(uow, name)

    @staticmethod
    def _user(uow: UnitOfWork, name: str) -> UserRecord:
        user = uow.users.by_name(name)
        if user is None:
            raise NotFound(f"no user called {name}")
        return user

    def list_users(self, actor: Actor) -> list[UserRecord]:
        require(actor, Action.MANAGE_USERS)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.MANAGE_USERS)
            return uow.users.all()

    def has_users(self) -> bool:
        with self.db.read() as uow:
            return uow.users.exists()
