"""The central PostgreSQL store: its schema (Alembic, own migration folder), the tills' group
role with its grants, and one login role per till. Run with the database owner's URL."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from psycopg import sql
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from pos_app.domain.errors import InvalidInput
from pos_app.sync.errors import CentralUnreachable, reason_of
from pos_app.sync.scram import scram_verifier

CENTRAL_HEAD = "c0001"
MIGRATIONS = str(Path(__file__).with_name("central_migrations"))
GROUP_ROLE = "pos_till"
ROLE_PREFIX = "pos_till_"
DEFAULT_SHOP = "Main shop"
_CODE = re.compile(r"[A-Za-z0-9_]{1,8}")
_NAME = re.compile(r"[a-z0-9_]{1,63}")


def till_code(text_: str) -> str:
    """A till code as the centre and the order numbers hold it: 1-8 letters, digits or _."""
    if not _CODE.fullmatch(text_):
        raise InvalidInput("a till code is 1-8 letters, digits or _ (such as T2)")
    return text_.upper()


def role_name(code: str, prefix: str = ROLE_PREFIX) -> str:
    name = f"{prefix}{code}".lower()
    if not _NAME.fullmatch(name):
        raise InvalidInput("a role name is lowercase letters, digits or _ only")
    return name


def _ident(conn: Connection, name: str) -> str:
    raw = conn.connection.driver_connection
    return sql.Identifier(name).as_string(raw)


def connect_url(url: str) -> Connection:
    """A connection on a PostgreSQL URL; a URL that does not work is one readable line."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # a bad port is a ValueError; neither is shown (password)
        raise CentralUnreachable("the central store's URL is not a database URL") from None
    if parsed.get_backend_name() != "postgresql":
        raise CentralUnreachable("the central store must be PostgreSQL (postgresql+psycopg://...)")
    parsed = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(parsed, poolclass=NullPool, connect_args={"connect_timeout": 10})
    try:
        return engine.connect()
    except SQLAlchemyError as exc:
        engine.dispose()
        raise CentralUnreachable(
            f"cannot connect to the central store at {parsed.render_as_string(hide_password=True)}: "
            f"{reason_of(exc, parsed.password)}"
        ) from None


@dataclass
class InitReport:
    upgraded_from: str | None
    head: str
    group_role: str
    shop: str
    done: list[str] = field(default_factory=list)


def init(url: str, shop: str | None = None, *, group_role: str | None = None) -> InitReport:
    """Create or upgrade the central schema, the tills' group role, its grants and (when asked
    or when there is none) a shop. Running it again on an up-to-date store changes nothing."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext

    group_role = group_role or GROUP_ROLE
    if not _NAME.fullmatch(group_role):
        raise InvalidInput("a role name is lowercase letters, digits or _ only")
    if shop is not None and not 1 <= len(shop.strip()) <= 80:
        raise InvalidInput("a shop name is 1 to 80 characters")
    with connect_url(url) as conn:
        try:
            before = MigrationContext.configure(conn).get_current_revision()
            conn.commit()
            config = Config()
            config.set_main_option("script_location", MIGRATIONS)
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
            done: list[str] = []
            if before != CENTRAL_HEAD:
                done.append(
                    f"schema {'created' if before is None else 'upgraded from ' + before} at {CENTRAL_HEAD}"
                )
            with conn.begin():
                done += _group_and_grants(conn, group_role)
                name = shop.strip() if shop else None
                done += _shop(conn, name)
                current = conn.execute(text("SELECT name FROM shops ORDER BY id LIMIT 1")).scalar_one()
        except SQLAlchemyError as exc:
            raise CentralUnreachable(f"the central store refused the set-up: {reason_of(exc)}") from None
    return InitReport(before, CENTRAL_HEAD, group_role, name or current, done)


def _group_and_grants(conn: Connection, group: str) -> list[str]:
    done = []
    recorded = conn.execute(text("SELECT value FROM central_meta WHERE key = 'group_role'")).scalar()
    if recorded is not None and recorded != group:
        raise InvalidInput(f"this central store's tills' role is already {recorded}")
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": group}).scalar()
    g = _ident(conn, group)
    if not exists:
        conn.exec_driver_sql(f"CREATE ROLE {g} NOLOGIN")
        done.append(f"role {group} created for the tills")
    if recorded is None:
        conn.execute(text("INSERT INTO central_meta (key, value) VALUES ('group_role', :g)"), {"g": group})
        # Tills add changes and read their shop; they never update or delete (no grant).
        conn.exec_driver_sql(
            f"""
            REVOKE ALL ON shops, tills, changes, chain_heads, central_meta FROM PUBLIC;
            GRANT USAGE ON SCHEMA public TO {g};
            GRANT SELECT ON shops, tills TO {g};
            GRANT SELECT, INSERT ON changes TO {g};
            GRANT USAGE ON SEQUENCE changes_central_seq_seq TO {g};
            GRANT SELECT, INSERT, UPDATE ON chain_heads TO {g};
            GRANT EXECUTE ON FUNCTION central_till_code(text), central_till_shop(text) TO {g};
            """
        )
        done.append(f"grants and row-level policies for {group} in place")
    return done


def _shop(conn: Connection, name: str | None) -> list[str]:
    count = conn.execute(text("SELECT count(*) FROM shops")).scalar_one()
    if name is None and count:
        return []
    name = name or DEFAULT_SHOP
    added = conn.execute(
        text("INSERT INTO shops (name) VALUES (:n) ON CONFLICT (name) DO NOTHING RETURNING id"), {"n": name}
    ).scalar()
    return [f"shop '{name}' added"] if added is not None else []


@dataclass(frozen=True)
class NewTill:
    code: str
    role: str
    shop: str
    url: str  # with the new role's password: shown once, never logged


def add_till(url: str, code: str, shop: str | None = None, *, prefix: str | None = None) -> NewTill:
    """A login role for till `code`, in the tills' group, bound to the code and to a shop (the
    only one when not named). Its URL, with a fresh random password, is returned once."""
    code = till_code(code)
    role = role_name(code, ROLE_PREFIX if prefix is None else prefix)
    password = secrets.token_urlsafe(24)
    with connect_url(url) as conn:
        parsed = make_url(url)
        try:
            with conn.begin():
                group = conn.execute(text("SELECT value FROM central_meta WHERE key = 'group_role'")).scalar()
                if group is None:
                    raise InvalidInput(
                        "this central store is not set up: run 'pos-app central init URL' first"
                    )
                shop_id, shop_name = _find_shop(conn, shop)
                if conn.execute(text("SELECT 1 FROM tills WHERE code = :c"), {"c": code}).scalar():
                    raise InvalidInput(f"till {code} is already registered at the central store")
                if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": role}).scalar():
                    raise InvalidInput(f"a database role named {role} already exists")
                raw = conn.connection.driver_connection
                # Only the SCRAM verifier travels: the password is in no server log.
                statement = sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                    sql.Identifier(role), sql.Literal(scram_verifier(password)), sql.Identifier(group)
                )
                conn.exec_driver_sql(statement.as_string(raw))
                conn.execute(
                    text("INSERT INTO tills (code, shop_id, role_name) VALUES (:c, :s, :r)"),
                    {"c": code, "s": shop_id, "r": role},
                )
        except SQLAlchemyError as exc:
            raise CentralUnreachable(
                f"the central store refused the new till: {reason_of(exc, password)}"
            ) from None
    till_url = parsed.set(drivername="postgresql+psycopg", username=role, password=password)
    return NewTill(code, role, shop_name, till_url.render_as_string(hide_password=False))


def _find_shop(conn: Connection, shop: str | None) -> tuple[int, str]:
    rows = conn.execute(text("SELECT id, name FROM shops ORDER BY id")).all()
    if shop is None:
        if len(rows) != 1:
            raise InvalidInput("say which shop the till is in (--shop NAME)")
        return int(rows[0][0]), str(rows[0][1])
    for shop_id, name in rows:
        if name == shop:
            return int(shop_id), str(name)
    raise InvalidInput(f"there is no shop named '{shop}' at the central store")
