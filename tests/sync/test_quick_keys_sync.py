"""Quick keys set up at one till reach every till of the shop; where a till shows its customer
display stays that till's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.domain.quick_keys import QuickKey, QuickKeys, QuickPage
from tests.sync.conftest import PgServer
from tests.sync.shop import assert_converged, open_till, sync_all

KEYS = QuickKeys((QuickPage("Counter", (QuickKey("Card", "CARD", "pink"), QuickKey("Tea", "TEA", "green"))),))


@pytest.fixture
def centre(pg_server: PgServer) -> str:
    from pos_app.sync import central

    owner = pg_server.new_database()
    central.init(owner, "High Street")
    return owner


def test_keys_travel_and_the_display_choice_stays(centre: str, tmp_path: Path) -> None:
    one = open_till(centre, tmp_path, first=True)
    one.sync()
    two = open_till(centre, tmp_path)
    try:
        two.sync()
        one.services.quick_keys.save(one.login("manager"), KEYS)
        one.services.settings.update(one.login("manager"), {"customer_display": "2"})
        two.services.settings.update(two.login("manager"), {"customer_display": "half"})
        sync_all([one, two])
        assert two.services.quick_keys.current() == KEYS
        assert one.services.settings.current().customer_display == "2"
        assert two.services.settings.current().customer_display == "half"
        assert_converged([one, two])
    finally:
        one.services.close()
        two.services.close()
