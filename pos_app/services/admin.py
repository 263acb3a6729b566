"""Integrity: database check, the sales journal's hash chain, stock against its ledger; backups."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pos_app.domain.journal import GENESIS, entry_hash
from pos_app.domain.policy import Action, require
from pos_app.domain.users import Actor
from pos_app.services.checkout import sale_payload
from pos_app.services.guard import Guard
from pos_app.store.files import replacing
from pos_app.store.migrate import backup_file
from pos_app.store.uow import Database

VERIFY_BATCH = 2000


@dataclass(frozen=True)
class VerifyReport:
    journal_entries: int
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class AdminService:
    def __init__(self, db: Database, guard: Guard) -> None:
        self.db = db
        self.guard = guard

    def verify(self, actor: Actor) -> VerifyReport:
        require(actor, Action.AUDIT)
        problems: list[str] = []
        count = sales = refunded = 0
        with self.db.read() as uow:
            self.guard.check(uow, actor, Action.AUDIT)
            problems += [f"database: {p}" for p in uow.integrity_problems()]
            previous, last_seq = GENESIS, 0
            while batch := uow.orders.journal_batch(last_seq, VERIFY_BATCH):
                facts = uow.orders.sale_facts([e["order_id"] for e in batch if e["kind"] == "sale"])
                for entry in batch:
                    payload = json.loads(entry["payload"])
                    if entry["prev_hash"] != previous or entry_hash(previous, payload) != entry["hash"]:
                        problems.append(f"journal entry {entry['seq']} ({payload.get('number')}) was altered")
                    previous = entry["hash"]
                    if entry["kind"] != "sale":
                        refunded += int(payload.get("amount", 0))
                    else:
                        sales += 1
                        fact = facts.get(entry["order_id"])
                        if fact is None or sale_payload(*fact) != payload:
                            problems.append(
                                f"sale {payload.get('number')} no longer matches its journal entry"
                            )
                count += len(batch)
                last_seq = batch[-1]["seq"]
            orders, order_refunds, refund_payments = uow.orders.money_totals()
            if orders != sales:
                problems.append(
                    f"{orders} orders but {sales} sales in the journal: some were added or removed"
                )
            if not refunded == order_refunds == refund_payments:
                problems.append(
                    f"refunds disagree: journal {refunded}, orders {order_refunds}, "
                    f"refund payments {refund_payments}"
                )
            for level in uow.stock.mismatches():
                problems.append(
                    f"stock of {level.sku}: on hand {level.on_hand} but ledger sums to {level.ledger_sum}"
                )
        return VerifyReport(count, problems)

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
