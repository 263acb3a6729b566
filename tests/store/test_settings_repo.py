"""Settings read within one transaction: read once, and read again after they are written."""

from __future__ import annotations

from pos_app.services import Services


def test_settings_written_in_a_transaction_are_what_it_reads_next(services: Services) -> None:
    with services.db.write() as uow:
        before = uow.settings.all()
        uow.settings.all()["store_name"] = "Changed Copy"  # a caller's copy is its own
        assert uow.settings.all() == before
        uow.settings.put({"store_name": "Renamed Shop"})
        assert uow.settings.all()["store_name"] == "Renamed Shop"
    with services.db.read() as uow:
        assert uow.settings.all() == before | {"store_name": "Renamed Shop"}
