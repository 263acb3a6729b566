"""A throw-away central store for bench/real_window_sync.sh, on a PostgreSQL server named by a
superuser's URL. Its database and roles are named with PREFIX, so they never meet anyone else's.

  python bench/sync_centre.py make SUPER_URL PREFIX   prints OWNER=, TILL1=, TILL2= lines (sh)
  python bench/sync_centre.py hold OWNER_URL FILE     holds the shop's push lock until FILE exists
  python bench/sync_centre.py drop SUPER_URL PREFIX   drops that database and those roles
"""

from __future__ import annotations

import shlex
import sys
import time
from pathlib import Path

import psycopg
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from pos_app.sync import central, engine


def _admin(url: str) -> Engine:
    return create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")


def make(super_url: str, prefix: str) -> None:
    name = f"{prefix}db"
    admin = _admin(super_url)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    owner = make_url(super_url).set(database=name).render_as_string(hide_password=False)
    central.GROUP_ROLE, central.ROLE_PREFIX = f"{prefix}group", prefix
    central.init(owner, "High Street")
    print(f"OWNER={shlex.quote(owner)}")
    for n in (1, 2):
        print(f"TILL{n}={shlex.quote(central.add_till(owner, f'W{n}').url)}")


def hold(owner: str, flag: Path) -> None:
    with psycopg.connect(engine.conninfo(owner), autocommit=True) as conn:
        shop = conn.execute("SELECT min(id) FROM shops").fetchone()
        assert shop is not None
        conn.execute("SELECT pg_advisory_lock(%s, %s)", (engine._LOCK_CLASS, shop[0]))
        print("held", flush=True)
        deadline = time.monotonic() + 120
        while not flag.exists() and time.monotonic() < deadline:
            time.sleep(0.05)


def drop(super_url: str, prefix: str) -> None:
    admin = _admin(super_url)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{prefix}db" WITH (FORCE)')
        roles = conn.execute(
            text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :p)"), {"p": prefix}
        ).scalars()
        for role in list(roles):
            conn.exec_driver_sql(f'DROP ROLE "{role}"')
    admin.dispose()


if __name__ == "__main__":
    command, first, second = sys.argv[1:4]
    if command == "make":
        make(first, second)
    elif command == "hold":
        hold(first, Path(second))
    else:
        drop(first, second)
