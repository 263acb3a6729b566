"""`pos-app session ...`: this till's cash drawer from a terminal — open with a float, cash in
and out, status, X report, close with the count (Z report), and Z reports of closed sessions,
on screen or on the till's receipt printer (--print). Amounts as people write them (100.00);
--json prints one document, amounts in minor units."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from pos_app import cli_output as out
from pos_app.domain.denominations import DrawerCount, count_by_denomination, count_of_sum
from pos_app.domain.drawer import CashMovement, CashSession, DrawerMode
from pos_app.domain.drawer_report import DrawerReport, report_lines
from pos_app.domain.errors import InvalidInput, OverrideRequired
from pos_app.domain.formatting import local_datetime, money, parse_money
from pos_app.domain.users import Actor, Approval

if TYPE_CHECKING:
    from pos_app.services import Services
    from pos_app.services.cash_sessions import DrawerStatus


def run_session(services: Services, actor: Actor, args: argparse.Namespace, approval: Approval | None) -> int:
    try:
        return _run(services, actor, args, approval)
    except OverrideRequired as exc:
        if approval is not None:
            raise
        # Say how, here: the approving manager is named on the command line.
        raise OverrideRequired(f"{exc.message} (--approver MANAGER)") from None


def _run(services: Services, actor: Actor, args: argparse.Namespace, approval: Approval | None) -> int:
    cash = services.cash
    currency = services.settings.current().currency
    if args.action == "status":
        _print_status(cash.status(actor), as_json=args.json)
    elif args.action == "open":
        session = cash.open(actor, _count(args, currency, "--float"))
        if args.json:
            out.emit_json(session_json(session))
        else:
            print(
                f"opened {session.label} at till {session.till} with a float of "
                f"{money(session.float_amount, currency)}"
            )
    elif args.action in ("cash-in", "cash-out"):
        amount = _amount(args.amount, currency, "amount")
        if args.action == "cash-in":
            moved = cash.cash_in(actor, amount, args.reason)
        else:
            moved = cash.cash_out(actor, amount, args.reason, approval)
        if args.json:
            out.emit_json(movement_json(moved))
        else:
            approved = f" (approved by {out.clip(moved.approver_name)})" if moved.approver_name else ""
            where = "into" if moved.amount > 0 else "out of"
            shown = money(abs(moved.amount), currency)
            print(f"{shown} {where} the drawer: {out.clip(moved.reason)}{approved}")
    elif args.action == "close":
        closed = cash.close(actor, _count(args, currency, "--counted"), approval)
        _print_report(closed.report, closed.journal_hash, as_json=args.json)
    elif args.action == "x-report" and args.print:
        report = services.receipts.print_x_report(actor)
        _printed(services, f"the X report of {report.label}")
    elif args.action == "x-report":
        _print_report(cash.x_report(actor), "", as_json=args.json)
    elif args.print:
        found = services.receipts.print_z_report(actor, args.session)
        _printed(services, f"the Z report of {found.report.label}")
    else:
        found = cash.z_report(actor, args.session)
        _print_report(found.report, found.journal_hash, as_json=args.json)
    return 0


def _printed(services: Services, what: str) -> None:
    print(f"printed {what} on the {services.settings.current().printer.describe()}")


def _amount(text: str, currency: str, what: str) -> int:
    try:
        return parse_money(text, currency)
    except InvalidInput as exc:
        raise InvalidInput(f"{what}: {exc.message}") from None


def _count(args: argparse.Namespace, currency: str, option: str) -> DrawerCount:
    """The sum given with `option`, or the notes and coins given with --count VALUE=N."""
    if args.count:
        pieces = [(_amount(value, currency, f"--count {value}"), n) for value, n in args.count]
        return count_by_denomination(currency, pieces)
    return count_of_sum(_amount(args.amount, currency, option))


def session_json(session: CashSession) -> dict[str, Any]:
    return {
        "id": session.id,
        "number": session.label,
        "till": session.till,
        "state": session.state.value,
        "opened_by": session.opened_by,
        "opened_at": session.opened_at,
        "float": session.float_amount,
        "closed_by": session.closed_by or None,
        "closed_at": session.closed_at or None,
        "counted": session.counted,
        "expected": session.expected,
        "approved_by": session.approved_by or None,
        "journal_hash": session.z_hash or None,
    }


def movement_json(moved: CashMovement) -> dict[str, Any]:
    return {
        "id": moved.id,
        "session_id": moved.session_id,
        "kind": moved.kind.value,
        "amount": moved.amount,
        "reason": moved.reason,
        "user": moved.user_name,
        "approved_by": moved.approver_name or None,
        "at": moved.created_at,
    }


def status_json(status: DrawerStatus) -> dict[str, Any]:
    session = status.session
    return {
        "till": status.till,
        "cash_drawer": status.mode.value,
        "currency": status.currency,
        "open": session is not None,
        "takes_cash": status.mode is not DrawerMode.CARD_ONLY and not status.needs_session,
        "session": None
        if session is None
        else {**session_json(session), "expected": status.expected, "sales": status.sales},
        "last_closed": session_json(status.last_closed) if status.last_closed else None,
    }


def _print_status(status: DrawerStatus, *, as_json: bool) -> None:
    if as_json:
        out.emit_json(status_json(status))
        return
    cur = status.currency
    session = status.session
    if session is not None:
        print(
            f"till {status.till}: {session.label} open since {local_datetime(session.opened_at)} "
            f"(by {out.clip(session.opened_by)}), float {money(session.float_amount, cur)}, "
            f"{status.sales} sales, {money(status.expected, cur)} expected in the drawer"
        )
    elif status.mode is DrawerMode.CARD_ONLY:
        print(f"till {status.till} is card-only: it takes no cash")
    elif status.mode is DrawerMode.SESSIONS:
        print(
            f"till {status.till}: the cash drawer is closed; cash is refused until it is opened "
            "('pos-app session open --float AMOUNT')"
        )
    else:
        print(f"till {status.till}: no drawer session open; cash is taken without sessions at this till")
    if status.last_closed is not None:
        last = status.last_closed
        when = local_datetime(last.closed_at)
        print(f"last closed: {last.label} at {when} by {out.clip(last.closed_by)}")


def _print_report(report: DrawerReport, journal_hash: str, *, as_json: bool) -> None:
    if as_json:
        document = report.payload()
        document["journal_hash"] = journal_hash or None
        out.emit_json(document)
        return
    for line in report_lines(report, journal_hash):
        print(out.clip(line, 200))
