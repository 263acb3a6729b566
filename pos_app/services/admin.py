"""Integrity: database check, the sales journal's hash chain, stock against its ledger; backups."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pos_app.domain.journal import parse_anchor
from pos_app.domain.policy import Action, require
from pos_app.domain.users import Actor
from pos_app.services.guard import Guard
from pos_app.services.journal import JournalHead, chain_head
from pos_app.services.journal_check import verify_database
from pos_app.store.files import replacing
from pos_app.store.migrate import backup_file
from pos_app.store.uow import Database


@dataclass(frozen=True)
class VerifyReport:
    journal_entries: int
    problems: list[str] = field(default_factory=list)
    anchor_seq: int | None = None  # the entry holding the anchor checked against, if one was given

    @property
    def ok(self) -> bool:
        return not self.problems


class AdminService:
    def __init__(self, db: Database, guard: Guard) -> None:
        self.db = db
        self.guard = guard

    def verify(self, actor: Actor, anchor: str | None = None) -> VerifyReport:
        """Check the file, the journal's chain, every order against its entries, and stock.

        `anchor` is a head written down earlier (short or full form): the chain must still
        hold an entry with that hash, and be intact up to it."""
        require(actor, Action.AUDIT)
        wanted = parse_anchor(anchor) if anchor is not None else None
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.AUDIT)
        found = verify_database(self.db, wanted)
        return VerifyReport(found.entries, found.problems, found.anchor_seq)

    def check_sync(self, actor: Actor) -> None:
        """Staff may see the sync state and sync now; the worker itself needs no log-in."""
        require(actor, Action.SYNC)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.SYNC)

    def journal_head(self, actor: Actor) -> JournalHead | None:
        """The chain's newest entry, for the end-of-day report (None before the first sale)."""
        require(actor, Action.AUDIT)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.AUDIT)
            return chain_head(uow)

    def backup(self, actor: Actor, target: Path, *, force: bool = False) -> Path:
        """A copy in a new private file (an existing one is replaced only with `force`, and
        never the live database or another SQLite file); a failed copy leaves no file."""
        require(actor, Action.AUDIT)
        target = Path(target)
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.AUDIT)
        with replacing(target, force=force, protect=[self.db.path], what="the backup") as temp:
            backup_file(self.db.path, temp)
        return target
