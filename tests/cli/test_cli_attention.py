"""`orders list --attention`: the orders a sync conflict flagged for a manager."""

from __future__ import annotations

from tests.cli.test_cli import Cli
from tests.helpers import flag

REASON = "not applied: shipped by clerk while cancelled"


def test_orders_list_attention_lists_only_flagged_orders_with_their_reason(run: Cli) -> None:
    rows = run("orders", "list", "--json", "--limit", "5").json()["orders"]
    assert {row["attention"] for row in rows} == {None}
    flag(run.db, rows[1]["id"], REASON)
    flag(run.db, rows[3]["id"], REASON)
    flagged = run("orders", "list", "--attention", "--json").json()
    assert [o["number"] for o in flagged["orders"]] == [rows[1]["number"], rows[3]["number"]]
    assert {o["attention"] for o in flagged["orders"]} == {REASON}
    shown = run("orders", "show", rows[1]["number"], "--json").json()
    assert shown["attention"] == REASON
    text = run("orders", "list", "--attention")
    assert text.code == 0 and text.out.count("needs attention") == 2
    assert f"NEEDS A MANAGER'S ATTENTION: {REASON}" in run("orders", "show", rows[1]["number"]).out
