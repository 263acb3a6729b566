"""The cash drawer's pure parts: notes and coins, counts, and the X/Z report built from a
session's sums (payload round trip, printed lines)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.denominations import count_by_denomination, count_of_sum, denominations
from pos_app.domain.drawer import CashSession, MovementKind, SessionState, difference_text, session_label
from pos_app.domain.drawer_report import (
    CashEntry,
    DrawerReport,
    KindTotal,
    LateSale,
    MethodTotal,
    SessionFacts,
    TaxTotal,
    VoidTotal,
    build_report,
    report_lines,
)
from pos_app.domain.errors import InvalidInput
from pos_app.domain.formatting import local_datetime, local_moment, time_text

SESSION = CashSession("s-1", "T1", 7, SessionState.OPEN, "clerk", "2026-11-25T08:59:00.000000Z", 10000)
FACTS = SessionFacts(
    sales=3,
    first_number="T1-000010",
    last_number="T1-000012",
    gross=2300,
    discounts=100,
    total=2200,
    taxes=(TaxTotal(2000, 1500, 300, 1800), TaxTotal(0, 400, 0, 400)),
    payments=(MethodTotal("card", 1, 1000), MethodTotal("cash", 2, 1200)),
    refunds=(MethodTotal("cash", 1, 200),),
    refunded_orders=1,
    cash=(
        KindTotal(MovementKind.FLOAT, 1, 10000),
        KindTotal(MovementKind.SALE, 2, 1200),
        KindTotal(MovementKind.REFUND, 1, -200),
        KindTotal(MovementKind.PAY_OUT, 1, -500),
    ),
    cash_entries=(CashEntry(MovementKind.PAY_OUT, -500, "stamps", "clerk", "", "2026-11-25T10:02:00Z"),),
    late=(LateSale("T1-000009", "T1-S0006", "2026-11-24T17:59:00Z", 300, 300),),
    voids=(VoidTotal("clerk", 3, 450), VoidTotal("manager", 1, 1000)),
)


def test_the_notes_and_coins_of_a_currency() -> None:
    gbp = denominations("GBP")
    assert [d.value for d in gbp if d.note] == [5000, 2000, 1000, 500]
    assert gbp[-1].value == 1 and gbp[-1].label("GBP") == "0.01 coin"
    assert denominations("JPY")[0].label("JPY") == "10,000 note"
    assert denominations("XTS") == ()


@given(st.dictionaries(st.sampled_from([d.value for d in denominations("EUR")]), st.integers(0, 1000)))
def test_a_count_by_denomination_adds_up(pieces: dict[int, int]) -> None:
    count = count_by_denomination("EUR", pieces)
    assert count.total == sum(v * n for v, n in pieces.items())
    assert dict(count.pieces) == {v: n for v, n in pieces.items() if n}


def test_counts_refuse_what_no_drawer_holds() -> None:
    with pytest.raises(InvalidInput, match="number of notes or coins"):
        count_by_denomination("GBP", {2000: -1})
    with pytest.raises(InvalidInput, match="whole amount"):
        count_of_sum(-1)


def test_the_report_totals_and_difference() -> None:
    x = build_report(SESSION, FACTS, "GBP", "2026-11-25T12:00:00Z")
    assert (x.kind, x.expected, x.counted, x.difference) == ("X", 10500, None, None)
    z = build_report(SESSION, FACTS, "GBP", "2026-11-25T18:00:00Z", counted=10450, closed_by="manager")
    assert (z.kind, z.difference, z.label) == ("Z", -50, "T1-S0007")
    assert difference_text(-50, "GBP") == "short by 0.50" and difference_text(0, "GBP") == "exact"
    assert session_label("T12", 12345) == "T12-S12345"


def test_the_payload_is_plain_json_and_reads_back_the_same() -> None:
    z = build_report(
        SESSION,
        FACTS,
        "GBP",
        "2026-11-25T18:00:00Z",
        opening_count=((5000, 2),),
        counted=10500,
        count=((5000, 2), (500, 1)),
        closed_by="clerk",
        approved_by="",
    )
    payload = z.payload()
    assert payload["kind"] == "zreport" and payload["id"] == "s-1" and payload["number"] == "T1-S0007"
    assert payload["voided_lines"] == {
        "count": 4,
        "amount": 1450,
        "by_user": [["clerk", 3, 450], ["manager", 1, 1000]],
    }
    assert payload["v"] == 2 and payload["difference"] == 0
    assert DrawerReport.from_payload(payload) == z


def test_a_report_fixed_before_voids_were_kept_reads_back_as_it_was() -> None:
    """A version-1 Z report said nothing of voided lines: it still reads, prints that they were
    not recorded (not a zero), and gives back the very payload it was fixed with."""
    old = build_report(SESSION, FACTS, "GBP", "2026-11-25T18:00:00Z", counted=10500).payload()
    old.update(v=1, voided_lines=None)
    z = DrawerReport.from_payload(old)
    assert (z.facts.voids_recorded, z.facts.voided_count) == (False, 0)
    assert z.payload() == old
    assert "Voided lines: not recorded by this version" in report_lines(z)


def test_voided_lines_that_do_not_add_up_are_not_a_z_report() -> None:
    payload = build_report(SESSION, FACTS, "GBP", "2026-11-25T18:00:00Z", counted=10500).payload()
    payload["voided_lines"]["amount"] = 1
    with pytest.raises(ValueError, match="do not add up"):
        DrawerReport.from_payload(payload)


def test_the_printed_report_has_every_part() -> None:
    z = build_report(SESSION, FACTS, "GBP", "2026-11-25T18:00:00Z", counted=10450, closed_by="manager")
    text = report_lines(z, "a3f91c0277de4b10" + "0" * 48)
    joined = "\n".join(text)
    for part in (
        "Z REPORT",
        f"Opened {local_datetime('2026-11-25T08:59:00Z')} by clerk",  # this computer's time zone
        f"Closed {local_datetime('2026-11-25T18:00:00Z')} by manager",
        "First order                        T1-000010",
        "     20%         15.00      3.00       18.00",
        "Orders refunded",
        f"{time_text(local_moment('2026-11-25T10:02:00Z'))} out       5.00  stamps (clerk)",
        "Expected in the drawer                105.00",
        "Over/short (short by 0.50)",
        "T1-000009 of T1-S0006                   3.00",
        "VOIDED LINES               count        amount",
        "  All                          4         14.50",
        "  clerk                        3          4.50",
        "  manager                      1         10.00",
        "Journal head a3f9 1c02 77de 4b10",
    ):
        assert part in joined, part
    assert max(len(line) for line in text) <= 48  # 80 mm paper
    long = build_report(
        SESSION,
        SessionFacts(cash_entries=(CashEntry(MovementKind.PAY_IN, 100, "x" * 200, "clerk", "", "t"),)),
        "GBP",
        "2026-11-25T12:00:00Z",
    )
    assert max(len(line) for line in report_lines(long)) <= 48
