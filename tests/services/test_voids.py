"""Voided lines: each line taken off a sale before payment is kept (who, till, session,
product, quantity, amount), can never be edited away, and is summed by person on the drawer's
X and Z reports; a Z report fixed before voids were kept still reads and verifies."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from pos_app.domain.cart import Cart, CartLine
from pos_app.domain.denominations import count_of_sum
from pos_app.domain.drawer_report import report_lines
from pos_app.domain.errors import PermissionDenied
from pos_app.domain.users import Actor
from pos_app.domain.voids import VoidedLine, VoidKind
from pos_app.services import Services
from pos_app.services import cash_sessions as cash_module
from tests.helpers import raw

MUG = VoidedLine(VoidKind.LINE, "MUG", "Mug", 1, 450)


@pytest.fixture
def shop(services: Services, manager: Actor) -> Services:
    services.settings.update(manager, {"cash_drawer": "sessions"})
    return services


def voided_rows(path: Path) -> list[tuple[object, ...]]:
    with raw(path, read_only=True) as conn:
        return conn.execute(
            "SELECT till, session_id IS NOT NULL, sale_key, kind, sku, qty, amount, user_name "
            "FROM voided_lines ORDER BY created_at, rowid"
        ).fetchall()


def test_voids_are_kept_and_summed_by_person_on_the_x_and_z_reports(
    shop: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    shop.voids.record(clerk, "before-open", [MUG])  # no session open: kept, on no report
    shop.cash.open(clerk, count_of_sum(5000))
    shop.voids.record(clerk, "k1", [MUG, dataclasses.replace(MUG, kind=VoidKind.QTY, qty=2, amount=900)])
    shop.voids.record(manager, "k2", [VoidedLine(VoidKind.SALE, "TEA", "Tea", 1, 155)])
    x = shop.cash.x_report(clerk).facts
    assert (x.voided_count, x.voided_amount) == (3, 1505)
    assert [(v.user, v.count, v.amount) for v in x.voids] == [("clerk", 2, 1350), ("manager", 1, 155)]
    z = shop.cash.close(clerk, count_of_sum(5000))
    stored = shop.cash.z_report(manager)
    assert stored == z
    assert z.report.payload()["voided_lines"] == {
        "count": 3,
        "amount": 1505,
        "by_user": [["clerk", 2, 1350], ["manager", 1, 155]],
    }
    assert "  clerk                        2         13.50" in report_lines(z.report)
    assert voided_rows(db_path)[0] == ("T1", 0, "before-open", "line", "MUG", 1, 450, "clerk")
    assert [r[1] for r in voided_rows(db_path)] == [0, 1, 1, 1]
    shop.cash.open(clerk, count_of_sum(0))
    assert shop.cash.x_report(clerk).facts.voids == ()  # the next session starts at none
    assert shop.admin.verify(manager).ok


def test_a_voided_line_cannot_be_edited_or_deleted(shop: Services, clerk: Actor, db_path: Path) -> None:
    shop.voids.record(clerk, "k1", [MUG])
    with raw(db_path) as conn:
        for statement in ("UPDATE voided_lines SET amount = 0", "DELETE FROM voided_lines"):
            with pytest.raises(sqlite3.IntegrityError, match="a voided line cannot be"):
                conn.execute(statement)
    assert len(voided_rows(db_path)) == 1


def test_voids_are_not_sent_to_other_tills(shop: Services, clerk: Actor, db_path: Path) -> None:
    with raw(db_path, read_only=True) as conn:
        before = conn.execute("SELECT count(*) FROM changes").fetchone()
    shop.voids.record(clerk, "k1", [MUG])
    with raw(db_path, read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM changes").fetchone() == before


def test_only_someone_logged_in_who_may_sell_records_a_void(shop: Services, clerk: Actor) -> None:
    shop.auth.logout(clerk)
    with pytest.raises(PermissionDenied):
        shop.voids.record(clerk, "k1", [MUG])


def test_discarding_a_parked_sale_voids_its_lines_priced_as_now(
    shop: Services, clerk: Actor, db_path: Path
) -> None:
    shop.cash.open(clerk, count_of_sum(0))
    held = shop.held.park(clerk, "Ann", Cart((CartLine("MUG", 2), CartLine("TEA", 1))))
    shop.held.discard(clerk, held.id)
    assert [r[2:] for r in voided_rows(db_path)] == [
        (held.id, "parked", "MUG", 2, 800, "clerk"),
        (held.id, "parked", "TEA", 1, 255, "clerk"),
    ]
    assert shop.cash.x_report(clerk).facts.voided_amount == 1055


def test_a_z_report_fixed_before_voids_were_kept_still_reads_and_verifies(
    shop: Services, clerk: Actor, manager: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def as_version_one(*args: object, **kwargs: object) -> object:
        report = build(*args, **kwargs)
        facts = dataclasses.replace(report.facts, voids=(), voids_recorded=False)
        return dataclasses.replace(report, version=1, facts=facts)

    build = cash_module.build_report
    monkeypatch.setattr(cash_module, "build_report", as_version_one)
    shop.cash.open(clerk, count_of_sum(1000))
    shop.voids.record(clerk, "k1", [MUG])
    shop.cash.close(clerk, count_of_sum(1000))
    monkeypatch.undo()
    old = shop.cash.z_report(manager)
    assert old.report.payload()["v"] == 1 and old.report.payload()["voided_lines"] is None
    assert "Voided lines: not recorded by this version" in report_lines(old.report, old.journal_hash)
    shop.cash.open(clerk, count_of_sum(1000))
    shop.cash.close(clerk, count_of_sum(1000))
    assert shop.cash.z_report(manager).report.payload()["v"] == 2
    assert shop.admin.verify(manager).ok
