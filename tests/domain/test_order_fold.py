"""The fold every replica makes of an order's changes: what stands, what is refused, and what
flags the order for a manager."""

from __future__ import annotations

from typing import Any

from pos_app.domain.order_fold import PAID_MORE, REFUNDED_MORE, OrderChange, fold

PLACED: dict[str, Any] = {
    "status": "completed",
    "fulfilment": "in_store",
    "total": 655,
    "cash_rounding": 0,
    "paid": 655,
    "change_given": 1345,  # 20.00 handed over in cash
    "refunded": 0,
    "version": 1,
    "note": "",
}
LINES = [
    {"line_no": 1, "sku": "MUG", "qty": 1, "refunded_qty": 0, "refunded_amount": 0},
    {"line_no": 2, "sku": "TEA", "qty": 1, "refunded_qty": 0, "refunded_amount": 0},
]


def _refund(change_id: str, line_no: int, amount: int, status: str | None = None) -> OrderChange:
    values: dict[str, list[Any]] = {"refunded": [0, amount], "version": [1, 2]}
    if status:
        values["status"] = ["completed", status]
    return OrderChange(change_id, "manager", "", values, {str(line_no): [[0, 0], [1, amount]]})


def test_a_cash_sale_with_change_given_back_in_full_is_not_flagged() -> None:
    """`paid` holds what was kept of the 20.00: all of it back is not more than was paid."""
    lines = {"1": [[0, 0], [1, 400]], "2": [[0, 0], [1, 255]]}
    whole = OrderChange(
        "a", "manager", "", {"refunded": [0, 655], "status": ["completed", "refunded"]}, lines
    )
    folded = fold(PLACED, LINES, [whole])
    assert folded.header["status"] == "refunded" and folded.attention == ""


def test_one_line_refunded_at_two_tills_is_flagged_twice_over() -> None:
    folded = fold(PLACED, LINES, [_refund("a", 1, 400), _refund("b", 1, 400)])
    assert folded.header["refunded"] == 800 and folded.header["version"] == 3
    assert folded.lines[1]["refunded_qty"] == 2
    assert folded.attention == f"{REFUNDED_MORE}; refunded more MUG than was sold"
    assert folded.header["status"] == "completed"  # the tea is still sold


def test_every_line_refunded_across_tills_makes_the_order_refunded() -> None:
    folded = fold(PLACED, LINES, [_refund("a", 1, 400), _refund("b", 2, 255)])
    assert folded.header["status"] == "refunded" and folded.attention == ""


def test_a_refused_move_is_kept_as_a_conflict() -> None:
    placed = {**PLACED, "status": "processing", "fulfilment": "delivery", "change_given": 0}
    cancel = OrderChange(
        "a", "manager", "", {"status": ["processing", "cancelled"], "refunded": [0, 655]}, {}
    )
    ship = OrderChange("b", "clerk", "", {"status": ["processing", "shipped"], "tracking": ["", "T1"]}, {})
    folded = fold(placed, LINES, [cancel, ship])
    assert folded.header["status"] == "cancelled" and folded.header["tracking"] == "T1"
    assert folded.conflicts == [("b", "not applied: shipped by clerk while cancelled")]
    assert folded.attention == "not applied: shipped by clerk while cancelled"


def test_a_balance_taken_twice_is_flagged() -> None:
    placed = {**PLACED, "status": "placed", "paid": 0, "change_given": 0}
    pay = OrderChange("a", "clerk", "", {"paid": [0, 655], "status": ["placed", "completed"]}, {})
    folded = fold(placed, LINES, [pay, OrderChange("b", "clerk", "", dict(pay.values), {})])
    assert folded.header["paid"] == 1310 and folded.header["status"] == "completed"
    assert folded.attention == PAID_MORE
