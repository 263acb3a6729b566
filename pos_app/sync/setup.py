"""Linking a till's database to the central store: the till takes the code the centre gave
its log-in, and its history gets change records, so the centre holds the whole shop."""

from __future__ import annotations

from pos_app.store.changelog import device_code
from pos_app.store.replica import adopt_device
from pos_app.store.uow import Database
from pos_app.sync.link import TillIdentity


def attach(db: Database, till: TillIdentity) -> int:
    """Take the till's code in one transaction; how many history records were written."""
    with db.write("the till's link to the central store") as uow:
        old = device_code(uow.conn)
        uow.settings.put({"till": till.code})
        uow.drawer.rename_till(old, till.code)
        return adopt_device(uow.conn, old, till.code)
