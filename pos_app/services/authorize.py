"""Permission checks with manager override: the one place a denial can be lifted."""

from __future__ import annotations

from pos_app.domain.errors import OverrideRequired, PermissionDenied
from pos_app.domain.policy import OVERRIDABLE, Action, OrderFacts, denial
from pos_app.domain.users import Actor, Role


def authorize(
    actor: Actor,
    action: Action,
    order: OrderFacts | None = None,
    approver: Actor | None = None,
    roles: frozenset[Role] | None = None,
) -> str:
    """Allow or raise. Returns the approving manager's name when an override was needed, else ''.

    `approver` is the user behind an Approval whose credentials the calling service checked
    in this same call (Guard.approve); never an Actor a caller handed in. `roles`, when given,
    further limits who may (a status transition's roles).
    """
    reason = denial(actor, action, order)
    if reason is None and roles is not None and actor.role not in roles:
        reason = f"a {actor.role.value} may not make that change"
    if reason is None:
        return ""
    # The override is how a clerk asks a manager; it never lends rights to a customer's log-in.
    if approver is not None and action in OVERRIDABLE and actor.role is Role.CLERK:
        if approver.role is Role.MANAGER and denial(approver, action, order) is None:
            return approver.name
        raise PermissionDenied(f"{approver.name} cannot approve this: only a manager can")
    if action in OVERRIDABLE and actor.role is Role.CLERK:
        raise OverrideRequired(f"{reason}; a manager can approve it")
    raise PermissionDenied(reason)
