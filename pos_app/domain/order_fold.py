"""How every replica turns an order's changes into the order: the same fold everywhere, so
replicas that hold the same changes show the same order, whatever order they arrived in.

An order starts as it was placed. Each later change, taken in (clock stamp, device, id)
order, says what it changed as [before, after] pairs:
- money and counters (paid, refunded, change given, cash rounding, version) add up: the
  change's difference is added, so two refunds made apart both stand;
- the status moves only where the status machine allows it from where the order is now; a move
  it refuses there (shipped at a till while the back office cancelled) is not applied, kept
  as a conflict and flags the order for a manager;
- every other field (shipping address, tracking, note, ...) takes the latest change's value;
- a line's refunded quantity and amount add up like money; a refund that leaves every line
  given back in full makes the order refunded, as it would have at one till (two tills that
  each refunded one line of two never saw that themselves).

What no single till could have done is flagged for a manager (orders.attention), the same on
every replica: a refused status move, more money given back than was paid, more units of a
line given back than were sold, more paid than was due (the balance taken at two tills).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pos_app.domain.orders import Fulfilment, OrderStatus, can_refund, transition_allowed

COUNTERS = frozenset({"paid", "refunded", "change_given", "cash_rounding", "version"})
LINE_COUNTERS = ("refunded_qty", "refunded_amount")
REFUNDED_MORE = "refunded more than was paid"
PAID_MORE = "paid more than was due"


@dataclass(frozen=True)
class OrderChange:
    id: str
    user: str
    at: str
    values: Mapping[str, Sequence[Any]]  # column -> [before, after]
    lines: Mapping[str, Sequence[Sequence[int]]]  # line_no -> [[qty, amount] before, after]


@dataclass
class Folded:
    header: dict[str, Any]
    lines: dict[int, dict[str, Any]]
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (change id, what)
    # Reasons a manager has marked as looked at: not raised again (a new reason still is).
    looked_at: set[str] = field(default_factory=set)

    @property
    def attention(self) -> str:
        """Why a manager must look at the order ('' when nothing is wrong)."""
        header = self.header
        reasons = [what for _id, what in self.conflicts]
        # `paid` counts what was kept of each payment: change handed back is not in it.
        if int(header["refunded"]) > int(header["paid"]):
            reasons.append(REFUNDED_MORE)
        if int(header["paid"]) > int(header["total"]) + int(header["cash_rounding"]):
            reasons.append(PAID_MORE)
        for line_no in sorted(self.lines):
            line = self.lines[line_no]
            if int(line["refunded_qty"]) > int(line["qty"]):
                reasons.append(f"refunded more {line['sku']} than was sold")
        return "; ".join(r for r in dict.fromkeys(reasons) if r not in self.looked_at)[:400]

    @property
    def all_given_back(self) -> bool:
        return bool(self.lines) and all(
            int(line["refunded_qty"]) >= int(line["qty"]) for line in self.lines.values()
        )


def status_allowed(current: str, before: str, after: str, fulfilment: str) -> bool:
    if current in (before, after):
        return True
    source, target = OrderStatus(current), OrderStatus(after)
    if target is OrderStatus.REFUNDED:
        return can_refund(source)
    if target is OrderStatus.COMPLETED:
        return source in (OrderStatus.PLACED, OrderStatus.PROCESSING, OrderStatus.READY)
    return transition_allowed(source, target, Fulfilment(fulfilment))


def fold(
    placed: Mapping[str, Any], lines: Sequence[Mapping[str, Any]], changes: Sequence[OrderChange]
) -> Folded:
    """The order after `changes` (already in fold order), from its header and lines as placed."""
    state = Folded(dict(placed), {int(line["line_no"]): dict(line) for line in lines})
    header = state.header
    for change in changes:
        for column, (before, after) in change.values.items():
            if column in COUNTERS:
                header[column] = int(header.get(column) or 0) + int(after) - int(before)
            elif column == "attention":  # a manager marked the reasons then shown as looked at
                state.looked_at.update(r for r in str(before or "").split("; ") if r)
            elif column == "status":
                if status_allowed(header["status"], str(before), str(after), header["fulfilment"]):
                    header["status"] = after
                else:
                    state.conflicts.append(
                        (change.id, f"not applied: {after} by {change.user} while {header['status']}")
                    )
            else:
                header[column] = after
        for line_no, (before, after) in change.lines.items():
            line = state.lines.get(int(line_no))
            if line is None:
                continue
            for i, column in enumerate(LINE_COUNTERS):
                line[column] = int(line[column]) + int(after[i]) - int(before[i])
        if (
            change.lines
            and "status" not in change.values
            and state.all_given_back
            and can_refund(OrderStatus(header["status"]))
        ):
            header["status"] = OrderStatus.REFUNDED.value
    return state
