"""Linking a till's database to the central store: the till takes the code the centre gave
its log-in, and its history gets change records, so the centre holds the whole shop."""

from __future__ import annotations

from pos_app.domain.drawer import DrawerMode
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


def start_new_till(db: Database) -> None:
    """A till made from the centre takes cash into drawer sessions, as a new shop's till does:
    how a till takes cash is its own setting, so none came with the shop."""
    with db.write("the new till's cash drawer setting") as uow:
        uow.settings.put({"cash_drawer": DrawerMode.SESSIONS.value})
