"""Log-in, lockout after repeated failures, manager approval, and user accounts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from pos_app.domain.errors import InvalidInput, LoginFailed, NotFound, PermissionDenied
from pos_app.domain.policy import Action, require
from pos_app.domain.records import UserRecord
from pos_app.domain.users import Actor, Role
from pos_app.store.ids import from_text, to_text
from pos_app.store.uow import Database, UnitOfWork

MAX_FAILURES = 5


def till_hasher() -> PasswordHasher:
    """argon2id at OWASP's recommended floor (19 MiB, 2 passes): memory-hard, yet a till's
    peak memory stays low and a log-in answers in a few tens of milliseconds. The parameters
    are stored in each hash, so they can be raised later without resetting passwords."""
    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


LOCK_MINUTES = 5


def check_password(password: str) -> str:
    if len(password) < 4:
        raise InvalidInput("a password needs at least 4 characters")
    return password


def check_pin(pin: str) -> str:
    if not pin.isdigit() or not 4 <= len(pin) <= 8:
        raise InvalidInput("a PIN is 4 to 8 digits")
    return pin


def check_user_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 80 or any(c.isspace() for c in name):
        raise InvalidInput("a user name is 1-80 characters without spaces")
    return name


class AuthService:
    def __init__(self, db: Database, hasher: PasswordHasher | None = None) -> None:
        self.db = db
        self.hasher = hasher or till_hasher()

    def login(self, name: str, secret: str, *, pin: bool = False) -> Actor:
        """The user behind `name` if `secret` (password or PIN) is right; counts failures."""
        with self.db.read() as uow:
            row = uow.users.credentials(name)
        if row is None or not row["active"]:
            raise LoginFailed("wrong user name or password")
        now = datetime.now(UTC)
        if row["locked_until"] and from_text(row["locked_until"]) > now:
            until = from_text(row["locked_until"]).astimezone().strftime("%H:%M")
            raise LoginFailed(
                f"{name} is locked after {MAX_FAILURES} failed log-ins; try again after {until}"
            )
        stored = row["pin_hash"] if pin else row["password_hash"]
        if stored is None or not self._verify(stored, secret):
            with self.db.write() as uow:
                failures = uow.users.count_failure(row["id"])
                locked = to_text(now + timedelta(minutes=LOCK_MINUTES)) if failures >= MAX_FAILURES else None
                if locked:
                    uow.users.set_login_state(row["id"], 0, locked)
            if locked:
                raise LoginFailed(
                    f"{name} is now locked for {LOCK_MINUTES} minutes after {MAX_FAILURES} failed log-ins"
                )
            left = MAX_FAILURES - failures
            what = "PIN" if pin else "password"
            raise LoginFailed(f"wrong user name or {what} ({left} tries left before the account locks)")
        if row["failed_logins"] or row["locked_until"]:
            with self.db.write() as uow:
                uow.users.set_login_state(row["id"], 0, None)
        return Actor(row["id"], row["name"], Role(row["role"]), row["customer_id"])

    def approve(self, name: str, secret: str, *, pin: bool = False) -> Actor:
        """A manager's credentials for an override at the till."""
        approver = self.login(name, secret, pin=pin)
        require(approver, Action.APPROVE_OVERRIDE)
        return approver

    def _verify(self, stored: str, secret: str) -> bool:
        try:
            return self.hasher.verify(stored, secret)
        except (VerificationError, InvalidHashError):
            return False

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
                require(actor, Action.MANAGE_USERS)
            if uow.users.credentials(name) is not None:
                raise InvalidInput(f"there is already a user called {name}")
            customer_id = None
            if role is Role.CUSTOMER:
                existing = uow.customers.by_name(name)
                customer_id = existing.id if existing else uow.customers.add(name)
            uow.users.add(name, role, password_hash, pin_hash, customer_id)
            return next(u for u in uow.users.all() if u.name == name)

    def set_pin(self, actor: Actor, pin: str) -> None:
        pin_hash = self.hasher.hash(check_pin(pin))
        with self.db.write() as uow:
            uow.users.set_hashes(actor.user_id, {"pin_hash": pin_hash})

    def set_active(self, actor: Actor, name: str, active: bool) -> UserRecord:
        """Let `name` log in again, or stop them; a shop always keeps one active manager."""
        require(actor, Action.MANAGE_USERS)
        with self.db.write() as uow:
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
        """A new password for `name`; it also lifts a lockout, as the user is starting afresh."""
        require(actor, Action.MANAGE_USERS)
        password_hash = self.hasher.hash(check_password(password))
        with self.db.write() as uow:
            user = self._user(uow, name)
            uow.users.set_hashes(user.id, {"password_hash": password_hash})
            uow.users.set_login_state(user.id, 0, None)
            return self._user(uow, name)

    def set_user_pin(self, actor: Actor, name: str, pin: str | None) -> UserRecord:
        """Give `name` a PIN for quick switching at the till, or take it away (None)."""
        require(actor, Action.MANAGE_USERS)
        pin_hash = self.hasher.hash(check_pin(pin)) if pin is not None else None
        with self.db.write() as uow:
            user = self._user(uow, name)
            uow.users.set_hashes(user.id, {"pin_hash": pin_hash})
            return self._user(uow, name)

    def unlock(self, actor: Actor, name: str) -> UserRecord:
        """Lift a lockout after failed log-ins before its time is up."""
        require(actor, Action.MANAGE_USERS)
        with self.db.write() as uow:
            user = self._user(uow, name)
            uow.users.set_login_state(user.id, 0, None)
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
            return uow.users.all()

    def has_users(self) -> bool:
        with self.db.read() as uow:
            return uow.users.exists()
