"""A real PostgreSQL for the sync tests: POS_TEST_PG_URL names a server (a superuser's URL);
each run makes databases and roles of its own, with names unique to the run, and drops them.
Unset, the tests skip with the reason; under CI they fail instead, so they cannot go unrun."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from pos_app.sync import central

PG_ENV = "POS_TEST_PG_URL"
SKIP_REASON = f"set {PG_ENV} to a PostgreSQL server to run the sync tests"


@dataclass
class PgServer:
    url: str
    prefix: str  # every database and role this run makes starts with it
    databases: list[str] = field(default_factory=list)

    @property
    def group(self) -> str:
        return f"{self.prefix}group"

    def admin(self) -> Engine:
        return create_engine(self.url, poolclass=NullPool, isolation_level="AUTOCOMMIT")

    def new_database(self) -> str:
        """The owner's URL of a new empty database."""
        name = f"{self.prefix}db{len(self.databases)}"
        engine = self.admin()
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        finally:
            engine.dispose()
        self.databases.append(name)
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} is not set under CI: the sync tests must run, not skip", pytrace=False)
        pytest.skip(SKIP_REASON)
    server = PgServer(url, f"pt{secrets.token_hex(4)}_")
    with pytest.MonkeyPatch.context() as patch:
        # Roles are cluster-wide: this run's are named apart from anyone else's.
        patch.setattr(central, "GROUP_ROLE", server.group)
        patch.setattr(central, "ROLE_PREFIX", server.prefix)
        try:
            yield server
        finally:
            _drop_all(server)


def _drop_all(server: PgServer) -> None:
    engine = server.admin()
    try:
        with engine.connect() as conn:
            for name in server.databases:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            roles = conn.execute(
                text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :p)"), {"p": server.prefix}
            ).scalars()
            for role in list(roles):
                conn.exec_driver_sql(f'DROP ROLE "{role}"')
    finally:
        engine.dispose()
