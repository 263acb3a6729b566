"""Integrity: database check, the sales journal's hash chain, stock against its ledger; backups."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pos_app.domain.errors import InvalidInput
from pos_app.domain.journal import parse_anchor
from pos_app.domain.policy import Action, require
from pos_app.domain.users import Actor
from pos_app.services.journal import JournalHead, chain_head
from pos_app.services.journal_check import verify_database
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
    def __init__(self, db: Database) -> None:
        self.db = db

    def verify(self, actor: Actor, anchor: str | None = None) -> VerifyReport:
        """Check the file, the journal's chain, every order against its entries, and stock.

        `anchor` is a head written down earlier (short or full form): the chain must still
        hold an entry with that hash, and be intact up to it."""
        require(actor, Action.AUDIT)
        wanted = parse_anchor(anchor) if anchor is not None else None
        found = verify_database(self.db, wanted)
        return VerifyReport(found.entries, found.problems, found.anchor_seq)

    def journal_head(self, actor: Actor) -> JournalHead | None:
        """The chain's newest entry, for the end-of-day report (None before the first sale)."""
        require(actor, Action.AUDIT)
        with self.db.read() as uow:
            return chain_head(uow)

    def backup(self, actor: Actor, target: Path) -> Path:
        require(actor, Action.AUDIT)
        target = Path(target)
        if target.exists():
            raise InvalidInput(f"{target} exists already; choose a new file name")
        if not target.parent.is_dir():
            raise InvalidInput(f"there is no folder {target.parent}")
        backup_file(self.db.path, target)
        return target
