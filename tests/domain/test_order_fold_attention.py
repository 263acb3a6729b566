"""When a folded order needs a manager: a refused status move, or more refunded than paid."""

from __future__ import annotations

from pos_app.domain.order_fold import REFUNDED_MORE, Folded


def folded(paid: int, change_given: int, refunded: int) -> Folded:
    return Folded({"paid": paid, "change_given": change_given, "refunded": refunded}, {})


def test_a_full_refund_of_a_cash_sale_with_change_is_no_conflict() -> None:
    # 2.95 paid with a 5.00 note: paid holds 2.95 (net of the 2.05 change), all of it refunded.
    assert folded(paid=295, change_given=205, refunded=295).attention == ""


def test_refunds_made_apart_that_add_up_to_more_than_was_paid_are_flagged() -> None:
    assert folded(paid=295, change_given=0, refunded=400).attention == REFUNDED_MORE
    conflicted = folded(paid=295, change_given=0, refunded=400)
    conflicted.conflicts.append(("c1", "not applied: shipped by clerk while cancelled"))
    assert conflicted.attention == f"not applied: shipped by clerk while cancelled; {REFUNDED_MORE}"
