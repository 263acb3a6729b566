"""Users (staff and customer log-ins) and customers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, and_, delete, func, insert, select, update

from pos_app.domain.records import Customer, UserRecord
from pos_app.domain.users import Role, name_key
from pos_app.store.changelog import ChangeLog
from pos_app.store.ids import new_id, utc_now
from pos_app.store.schema import customers, login_throttle, users

LOGIN = "login"  # the throttle kind for log-ins by password or PIN ("approve" for overrides)


def _customer(row: Any) -> Customer:
    return Customer(id=row.id, name=row.name, email=row.email, phone=row.phone, address=row.address)


def _user(r: Any) -> UserRecord:
    return UserRecord(
        id=r["id"],
        name=r["name"],
        role=Role(r["role"]),
        customer_id=r["customer_id"],
        active=bool(r["active"]),
        # Log-ins are throttled per typed name: a user waits while that name's wait runs.
        locked_until=r["wait_until"] if r["wait_until"] and r["wait_until"] > utc_now() else None,
        has_pin=r["pin_hash"] is not None,
    )


def _with_wait() -> Select[Any]:
    """Users with the end of their name's log-in wait, if any."""
    joined = users.outerjoin(
        login_throttle, and_(login_throttle.c.name_key == users.c.name_key, login_throttle.c.kind == LOGIN)
    )
    return select(users, login_throttle.c.wait_until).select_from(joined)


class UserRepository:
    def __init__(self, conn: Connection, log: ChangeLog) -> None:
        self.conn = conn
        self.log = log

    def credentials(self, name: str) -> dict[str, Any] | None:
        """The user whose name compares equal to `name` (see name_key), with its hashes."""
        row = self.conn.execute(select(users).where(users.c.name_key == name_key(name))).mappings().first()
        return dict(row) if row else None

    def by_id(self, user_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(select(users).where(users.c.id == user_id)).mappings().first()
        return dict(row) if row else None

    # -- throttling of failed log-ins and approvals, per typed name -------------------------

    def throttle(self, key: str, kind: str) -> dict[str, Any] | None:
        row = (
            self.conn.execute(
                select(login_throttle).where(login_throttle.c.name_key == key, login_throttle.c.kind == kind)
            )
            .mappings()
            .first()
        )
        return dict(row) if row else None

    def set_throttle(self, key: str, kind: str, failures: int, wait_until: str | None, at: str) -> None:
        self.conn.execute(
            delete(login_throttle).where(login_throttle.c.name_key == key, login_throttle.c.kind == kind)
        )
        self.conn.execute(
            insert(login_throttle).values(
                name_key=key, kind=kind, failures=failures, wait_until=wait_until, last_failure_at=at
            )
        )

    def clear_throttle(self, key: str, kind: str | None = None) -> None:
        """Forget the failures counted against a name (of one kind, or all)."""
        query = delete(login_throttle).where(login_throttle.c.name_key == key)
        if kind is not None:
            query = query.where(login_throttle.c.kind == kind)
        self.conn.execute(query)

    def forget_throttles_before(self, moment: str) -> None:
        self.conn.execute(delete(login_throttle).where(login_throttle.c.last_failure_at < moment))

    def add(
        self, name: str, role: Role, password_hash: str, pin_hash: str | None, customer_id: str | None
    ) -> str:
        now = utc_now()
        user_id = new_id()
        self.conn.execute(
            insert(users),
            {
                "id": user_id,
                "name": name,
                "name_key": name_key(name),
                "role": role.value,
                "password_hash": password_hash,
                "pin_hash": pin_hash,
                "customer_id": customer_id,
                "failed_logins": 0,
                "locked_until": None,
                "active": True,
                "created_at": now,
                "updated_at": now,
                "version": 1,
            },
        )
        self.log.touched("user", [user_id])
        return user_id

    def set_hashes(self, user_id: str, values: dict[str, Any]) -> None:
        self.conn.execute(update(users).where(users.c.id == user_id).values(**values, updated_at=utc_now()))
        self.log.touched("user", [user_id], [*values, "updated_at"])

    def set_active(self, user_id: str, active: bool) -> None:
        self.conn.execute(
            update(users)
            .where(users.c.id == user_id)
            .values(active=active, updated_at=utc_now(), version=users.c.version + 1)
        )
        self.log.touched("user", [user_id], ["active", "updated_at", "version"])

    def active_managers(self) -> int:
        return int(
            self.conn.execute(
                select(func.count())
                .select_from(users)
                .where(users.c.role == Role.MANAGER.value, users.c.active.is_(True))
            ).scalar_one()
        )

    def by_name(self, name: str) -> UserRecord | None:
        row = self.conn.execute(_with_wait().where(users.c.name_key == name_key(name))).mappings().first()
        return _user(row) if row else None

    def all(self) -> list[UserRecord]:
        rows = self.conn.execute(_with_wait().order_by(users.c.name)).mappings()
        return [_user(r) for r in rows]

    def exists(self) -> bool:
        return self.conn.execute(select(func.count()).select_from(users)).scalar_one() > 0


class CustomerRepository:
    def __init__(self, conn: Connection, log: ChangeLog) -> None:
        self.conn = conn
        self.log = log

    def by_name(self, name: str) -> Customer | None:
        row = self.conn.execute(select(customers).where(customers.c.name == name)).first()
        return _customer(row) if row else None

    def by_id(self, customer_id: str) -> Customer | None:
        row = self.conn.execute(select(customers).where(customers.c.id == customer_id)).first()
        return _customer(row) if row else None

    def search(self, text: str, limit: int = 20) -> list[Customer]:
        pattern = text.replace("%", "").replace("_", "") + "%"
        rows = self.conn.execute(
            select(customers).where(customers.c.name.like(pattern)).order_by(customers.c.name).limit(limit)
        )
        return [_customer(r) for r in rows]

    def add(self, name: str, email: str = "", phone: str = "", address: str = "") -> str:
        now = utc_now()
        customer_id = new_id()
        self.conn.execute(
            insert(customers),
            {
                "id": customer_id,
                "name": name,
                "email": email,
                "phone": phone,
                "address": address,
                "created_at": now,
                "updated_at": now,
                "version": 1,
            },
        )
        self.log.touched("customer", [customer_id])
        return customer_id
