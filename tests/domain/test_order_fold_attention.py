"""When a folded order needs a manager: a refused status move, or more refunded than paid."""

from __future__ import annotations

from pos_app.domain.order_fold import REFUNDED_MORE, Folded, OrderChange, fold


def folded(paid: int, change_given: int, refunded: int) -> Folded:
    header = {
        "paid": paid,
        "change_given": change_given,
        "refunded": refunded,
        "total": paid,
        "cash_rounding": 0,
    }
    return Folded(header, {})


def test_a_full_refund_of_a_cash_sale_with_change_is_no_conflict() -> None:
    # 2.95 paid with a 5.00 note: paid holds 2.95 (net of the 2.05 change), all of it refunded.
    assert folded(paid=295, change_given=205, refunded=295).attention == ""


def test_refunds_made_apart_that_add_up_to_more_than_was_paid_are_flagged() -> None:
    assert folded(paid=295, change_given=0, refunded=400).attention == REFUNDED_MORE
    conflicted = folded(paid=295, change_given=0, refunded=400)
    conflicted.conflicts.append(("c1", "not applied: shipped by clerk while cancelled"))
    assert conflicted.attention == f"not applied: shipped by clerk while cancelled; {REFUNDED_MORE}"


def test_a_look_clears_the_reasons_it_saw_and_a_new_one_flags_again() -> None:
    placed = {"status": "shipped", "fulfilment": "delivery", "paid": 400, "change_given": 0}
    placed |= {"refunded": 0, "total": 400, "cash_rounding": 0, "version": 2}
    cancel = OrderChange("c1", "manager", "t1", {"status": ["processing", "cancelled"]}, {})
    refused = "not applied: cancelled by manager while shipped"
    assert fold(placed, [], [cancel]).attention == refused
    look = OrderChange("c2", "manager", "t2", {"attention": [refused, ""], "version": [2, 3]}, {})
    assert fold(placed, [], [cancel, look]).attention == ""
    refund_twice = OrderChange("c3", "clerk", "t3", {"refunded": [0, 500]}, {})
    assert fold(placed, [], [cancel, look, refund_twice]).attention == REFUNDED_MORE
