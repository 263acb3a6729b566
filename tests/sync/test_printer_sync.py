"""Each till keeps its own receipt printer and paper through sync, while the shop's name on
the receipts travels."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.domain.settings import StoreSettings
from pos_app.services import Services
from tests.sync.conftest import PgServer
from tests.sync.shop import assert_converged, open_till, sync_all


def _stored(services: Services) -> StoreSettings:
    """As the file holds them now (the shown copy may be a second old)."""
    with services.db.read() as uow:
        return services.settings.read(uow)


@pytest.fixture
def centre(pg_server: PgServer) -> str:
    from pos_app.sync import central

    owner = pg_server.new_database()
    central.init(owner, "High Street")
    return owner


def test_the_printer_stays_with_its_till(centre: str, tmp_path: Path) -> None:
    one = open_till(centre, tmp_path, first=True)
    one.sync()
    two = open_till(centre, tmp_path)
    try:
        two.sync()
        one.services.settings.update(
            one.login("manager"),
            {"receipt_printer": "usb:04b8:0202", "receipt_paper": "58", "store_name": "Renamed"},
        )
        two.services.settings.update(two.login("manager"), {"receipt_printer": "network:10.0.0.9"})
        sync_all([one, two])
        first, second = (_stored(till.services) for till in (one, two))
        assert (first.receipt_printer, first.receipt_paper) == ("usb:04b8:0202", 58)
        assert (second.receipt_printer, second.receipt_paper) == ("network:10.0.0.9", 80)
        assert second.store_name == "Renamed"
        assert_converged([one, two])
    finally:
        one.services.close()
        two.services.close()
