"""Sync running in the background of a till: a central store and two tills of one shop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.sync import central
from tests.sync.conftest import PgServer
from tests.sync.shop import Till, new_code, open_till

TILL_PREFIX = "G"


@pytest.fixture
def centre(pg_server: PgServer) -> str:
    owner = pg_server.new_database()
    central.init(owner, "High Street")
    return owner


@pytest.fixture
def two_tills(centre: str, tmp_path: Path) -> Iterator[tuple[Till, Till]]:
    """Two tills of one shop, each holding the users and the catalogue."""
    first = open_till(centre, tmp_path, first=True, code=new_code(TILL_PREFIX))
    first.sync()
    second = open_till(centre, tmp_path, code=new_code(TILL_PREFIX))
    second.sync()
    yield first, second
    first.services.close()
    second.services.close()
