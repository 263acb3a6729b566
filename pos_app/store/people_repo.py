"""Users (staff and customer log-ins) and customers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from pos_app.domain.records import Customer, UserRecord
from pos_app.domain.users import Role, name_key
from pos_app.store.ids import new_id, utc_now
from pos_app.store.schema import customers, users


def _customer(row: Any) -> Customer:
    return Customer(id=row.id, name=row.name, email=row.email, phone=row.phone, address=row.address)


def _user(r: Any) -> UserRecord:
    return UserRecord(
        id=r["id"],
        name=r["name"],
        role=Role(r["role"]),
        customer_id=r["customer_id"],
        active=bool(r["active"]),
        locked_until=r["locked_until"],
        has_pin=r["pin_hash"] is not None,
    )


class UserRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def credentials(self, name: str) -> dict[str, Any] | None:
        row = self.conn.execute(select(users).where(users.c.name == name)).mappings().first()
        return dict(row) if row else None

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
        return user_id

    def set_login_state(self, user_id: str, failed_logins: int, locked_until: str | None) -> None:
        self.conn.execute(
            update(users)
            .where(users.c.id == user_id)
            .values(failed_logins=failed_logins, locked_until=locked_until, updated_at=utc_now())
        )

    def count_failure(self, user_id: str) -> int:
        """One more failed log-in, counted in the database so two tills never lose one."""
        count = self.conn.execute(
            update(users)
            .where(users.c.id == user_id)
            .values(failed_logins=users.c.failed_logins + 1, updated_at=utc_now())
            .returning(users.c.failed_logins)
        ).scalar_one()
        return int(count)

    def set_hashes(self, user_id: str, values: dict[str, Any]) -> None:
        self.conn.execute(update(users).where(users.c.id == user_id).values(**values, updated_at=utc_now()))

    def set_active(self, user_id: str, active: bool) -> None:
        self.conn.execute(
            update(users)
            .where(users.c.id == user_id)
            .values(active=active, updated_at=utc_now(), version=users.c.version + 1)
        )

    def active_managers(self) -> int:
        return int(
            self.conn.execute(
                select(func.count())
                .select_from(users)
                .where(users.c.role == Role.MANAGER.value, users.c.active.is_(True))
            ).scalar_one()
        )

    def by_name(self, name: str) -> UserRecord | None:
        row = self.conn.execute(select(users).where(users.c.name == name)).mappings().first()
        return _user(row) if row else None

    def all(self) -> list[UserRecord]:
        rows = self.conn.execute(select(users).order_by(users.c.name)).mappings()
        return [_user(r) for r in rows]

    def exists(self) -> bool:
        return self.conn.execute(select(func.count()).select_from(users)).scalar_one() > 0


class CustomerRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

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
        return customer_id
