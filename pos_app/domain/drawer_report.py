"""The X and Z reports of a cash drawer session: what the store sums up for a session, the
report built from it by one pure function, its hashed payload and its printed lines.

An X report is a look at the open session; a Z report is the same made when the session
closes, with the count, and is then never changed: it is chained in the journal.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pos_app.domain.denominations import count_from_json, denominations
from pos_app.domain.drawer import CashSession, MovementKind, difference_text
from pos_app.domain.formatting import amount, local_datetime, local_moment, percent, time_text
from pos_app.domain.journal import short_hash

ZREPORT = "zreport"  # its journal entry kind
# 2: voided lines are summed. A version-1 report (closed before they were recorded) stays as it
# was fixed, and reads back and prints saying they were not recorded.
VERSION = 2
READABLE_VERSIONS = (1, 2)
VOIDED_LINES_NOTE = "Voided lines: not recorded by this version"


@dataclass(frozen=True)
class MethodTotal:
    method: str
    count: int
    amount: int


@dataclass(frozen=True)
class TaxTotal:
    rate_bp: int
    net: int
    tax: int
    gross: int


@dataclass(frozen=True)
class KindTotal:
    kind: MovementKind
    count: int
    amount: int  # signed, as it moved the drawer


@dataclass(frozen=True)
class CashEntry:
    """A pay-in or pay-out, listed one by one."""

    kind: MovementKind
    amount: int
    reason: str
    user: str
    approver: str
    at: str


@dataclass(frozen=True)
class LateSale:
    """A sale booked to a session that was closed when it reached this database."""

    number: str
    session: str  # the label of the session it belongs to
    at: str  # when it was rung up
    total: int
    cash: int  # what it put in that session's drawer


@dataclass(frozen=True)
class VoidTotal:
    """Lines one person took off sales before payment in the session."""

    user: str
    count: int
    amount: int  # what they would have come to


@dataclass(frozen=True)
class SessionFacts:
    """What the store sums up for one session: sales booked to it, money taken and given back
    in it, and its drawer's movements."""

    sales: int = 0
    first_number: str = ""
    last_number: str = ""
    gross: int = 0  # at listed prices
    discounts: int = 0
    total: int = 0
    taxes: tuple[TaxTotal, ...] = ()
    payments: tuple[MethodTotal, ...] = ()
    refunds: tuple[MethodTotal, ...] = ()
    refunded_orders: int = 0
    cash: tuple[KindTotal, ...] = ()
    cash_entries: tuple[CashEntry, ...] = ()
    late: tuple[LateSale, ...] = ()
    voids: tuple[VoidTotal, ...] = ()  # by person, in name order
    voids_recorded: bool = True  # False for a report fixed before voided lines were kept

    @property
    def voided_count(self) -> int:
        return sum(v.count for v in self.voids)

    @property
    def voided_amount(self) -> int:
        return sum(v.amount for v in self.voids)

    @property
    def expected(self) -> int:
        """The cash the drawer should hold: every movement, the float included."""
        return sum(k.amount for k in self.cash)

    def cash_of(self, kind: MovementKind) -> KindTotal:
        return next((k for k in self.cash if k.kind is kind), KindTotal(kind, 0, 0))


@dataclass(frozen=True)
class DrawerReport:
    kind: str  # "X" (open session) or "Z" (at the close)
    session_id: str
    label: str
    till: str
    currency: str
    opened_by: str
    opened_at: str
    float_amount: int
    at: str  # when it was made; a Z report's is the close
    facts: SessionFacts
    counted: int | None = None
    count: tuple[tuple[int, int], ...] = ()
    closed_by: str = ""
    approved_by: str = ""  # the manager who accepted a difference over the limit
    opening_count: tuple[tuple[int, int], ...] = field(default=())
    version: int = VERSION  # of the payload: a stored report keeps the one it was fixed with

    @property
    def expected(self) -> int:
        return self.facts.expected

    @property
    def difference(self) -> int | None:
        """Counted less expected: over when positive, short when negative."""
        return None if self.counted is None else self.counted - self.expected

    def payload(self) -> dict[str, Any]:
        """The Z report as the journal chains it and the session keeps it (plain JSON)."""
        f = self.facts
        return {
            "v": self.version,
            "kind": ZREPORT,
            "id": self.session_id,
            "number": self.label,
            "report": self.kind,
            "till": self.till,
            "currency": self.currency,
            "opened_by": self.opened_by,
            "opened_at": self.opened_at,
            "float": self.float_amount,
            "opening_count": [list(p) for p in self.opening_count],
            "at": self.at,
            "user": self.closed_by,
            "approver": self.approved_by,
            "sales": f.sales,
            "first_number": f.first_number,
            "last_number": f.last_number,
            "gross": f.gross,
            "discounts": f.discounts,
            "total": f.total,
            "taxes": [[t.rate_bp, t.net, t.tax, t.gross] for t in f.taxes],
            "payments": [[m.method, m.count, m.amount] for m in f.payments],
            "refunds": [[m.method, m.count, m.amount] for m in f.refunds],
            "refunded_orders": f.refunded_orders,
            "cash": [[k.kind.value, k.count, k.amount] for k in f.cash],
            "cash_entries": [
                [e.kind.value, e.amount, e.reason, e.user, e.approver, e.at] for e in f.cash_entries
            ],
            "late": [[s.number, s.session, s.at, s.total, s.cash] for s in f.late],
            "voided_lines": {
                "count": f.voided_count,
                "amount": f.voided_amount,
                "by_user": [[v.user, v.count, v.amount] for v in f.voids],
            }
            if f.voids_recorded
            else None,
            "expected": self.expected,
            "counted": self.counted,
            "count": [list(p) for p in self.count],
            "difference": self.difference,
        }

    @classmethod
    def from_payload(cls, p: Mapping[str, Any]) -> DrawerReport:
        """A stored Z report read back (raises KeyError, TypeError or ValueError when malformed)."""
        facts = SessionFacts(
            sales=p["sales"],
            first_number=p["first_number"],
            last_number=p["last_number"],
            gross=p["gross"],
            discounts=p["discounts"],
            total=p["total"],
            taxes=tuple(TaxTotal(*t) for t in p["taxes"]),
            payments=tuple(MethodTotal(*m) for m in p["payments"]),
            refunds=tuple(MethodTotal(*m) for m in p["refunds"]),
            refunded_orders=p["refunded_orders"],
            cash=tuple(KindTotal(MovementKind(k), n, a) for k, n, a in p["cash"]),
            cash_entries=tuple(
                CashEntry(MovementKind(k), a, r, u, ap, at) for k, a, r, u, ap, at in p["cash_entries"]
            ),
            late=tuple(LateSale(*s) for s in p["late"]),
            **_voids_from(p["voided_lines"]),
        )
        return cls(
            kind=p["report"],
            session_id=p["id"],
            label=p["number"],
            till=p["till"],
            currency=p["currency"],
            opened_by=p["opened_by"],
            opened_at=p["opened_at"],
            float_amount=p["float"],
            at=p["at"],
            facts=facts,
            counted=p["counted"],
            count=count_from_json(p["count"]),
            closed_by=p["user"],
            approved_by=p["approver"],
            opening_count=count_from_json(p.get("opening_count")),
            version=int(p["v"]),
        )


def _voids_from(stored: Any) -> dict[str, Any]:
    if stored is None:  # fixed by a version that did not keep voided lines
        return {"voids": (), "voids_recorded": False}
    voids = tuple(VoidTotal(str(u), int(n), int(a)) for u, n, a in stored["by_user"])
    if (sum(v.count for v in voids), sum(v.amount for v in voids)) != (stored["count"], stored["amount"]):
        raise ValueError("the voided lines do not add up")
    return {"voids": voids, "voids_recorded": True}


def build_report(
    session: CashSession,
    facts: SessionFacts,
    currency: str,
    at: str,
    *,
    opening_count: Sequence[tuple[int, int]] = (),
    counted: int | None = None,
    count: Sequence[tuple[int, int]] = (),
    closed_by: str = "",
    approved_by: str = "",
) -> DrawerReport:
    """The X report of an open session (no count), or its Z report when `counted` is given."""
    return DrawerReport(
        kind="X" if counted is None else "Z",
        session_id=session.id,
        label=session.label,
        till=session.till,
        currency=currency,
        opened_by=session.opened_by,
        opened_at=session.opened_at,
        float_amount=session.float_amount,
        at=at,
        facts=facts,
        counted=counted,
        count=tuple(count),
        closed_by=closed_by,
        approved_by=approved_by,
        opening_count=tuple(opening_count),
    )


# -- the report as printed and shown ------------------------------------------------------

_CASH_NAMES = {
    MovementKind.FLOAT: "Float",
    MovementKind.SALE: "Cash sales",
    MovementKind.REFUND: "Cash refunds",
    MovementKind.PAY_IN: "Paid in",
    MovementKind.PAY_OUT: "Paid out",
}
WIDTH = 46


def _when(at: str) -> str:
    return local_datetime(at) if at else "-"


def _clock(at: str) -> str:
    moment = local_moment(at)
    return time_text(moment) if moment is not None else at[11:16]


def report_lines(report: DrawerReport, journal_hash: str = "") -> list[str]:
    """The report as text lines, the same on screen, in the terminal and on paper.
    `journal_hash`: the Z report's entry in the hash chain (the head it left), printed short."""
    cur = report.currency
    f = report.facts

    def money(value: int) -> str:
        return amount(value, cur)

    def row(label: str, value: str) -> str:
        return f"  {label:<{WIDTH - 16}}{value:>14}"

    title = "Z REPORT" if report.kind == "Z" else "X REPORT (session still open)"
    lines = [
        title,
        f"Till {report.till}   session {report.label}   {cur}",
        f"Opened {_when(report.opened_at)} by {report.opened_by}",
    ]
    if report.kind == "Z":
        lines.append(f"Closed {_when(report.at)} by {report.closed_by}")
        if report.approved_by:  # a line of its own: it never wraps mid-name on 58 mm paper
            lines.append(f"  difference approved by {report.approved_by}")
    else:
        lines.append(f"Made   {_when(report.at)}")
    lines += [
        "",
        "SALES",
        row("Number of sales", str(f.sales)),
        row("First order", f.first_number or "-"),
        row("Last order", f.last_number or "-"),
        row("At listed prices", money(f.gross)),
        row("Discounts", money(-f.discounts)),
        row("Sales total", money(f.total)),
        "",
        f"TAXES BY RATE{'net':>11}{'tax':>10}{'gross':>12}",
    ]
    for t in f.taxes:
        lines.append(f"  {percent(t.rate_bp):>8}{money(t.net):>14}{money(t.tax):>10}{money(t.gross):>12}")
    if not f.taxes:
        lines.append("  none")
    lines += ["", f"PAYMENTS BY METHOD{'count':>14}{'amount':>14}"]
    for m in f.payments:
        lines.append(f"  {m.method.replace('_', ' '):<20}{m.count:>10}{money(m.amount):>14}")
    if not f.payments:
        lines.append("  none")
    lines += ["", f"REFUNDS{'count':>25}{'amount':>14}"]
    for m in f.refunds:
        lines.append(f"  {m.method.replace('_', ' '):<20}{m.count:>10}{money(-m.amount):>14}")
    lines.append(row("Orders refunded", str(f.refunded_orders)))
    lines += ["", "CASH DRAWER"]
    for kind, name in _CASH_NAMES.items():
        total = f.cash_of(kind)
        label = name if kind is MovementKind.FLOAT else f"{name} ({total.count})"
        lines.append(row(label, money(total.amount)))
        if kind is MovementKind.FLOAT:
            lines += _count_lines(report.opening_count, cur, "Float by note and coin:")
    for e in f.cash_entries:
        who = e.user + (f", approved by {e.approver}" if e.approver else "")
        what = "in " if e.kind is MovementKind.PAY_IN else "out"
        lines.append(f"    {_clock(e.at)} {what} {money(abs(e.amount)):>10}  {e.reason} ({who})")
    lines.append(row("Expected in the drawer", money(report.expected)))
    if report.counted is not None:
        lines.append(row("Counted", money(report.counted)))
        difference = report.difference or 0
        lines.append(row(f"Over/short ({difference_text(difference, cur)})", money(difference)))
        lines += _count_lines(report.count, cur, "Counted by note and coin:")
    if f.late:
        lines += ["", "LATE SALES (in their own closed session)"]
        for s in f.late:
            lines.append(row(f"{s.number} of {s.session}", money(s.total)))
            lines.append(f"    rung up {_when(s.at)}, cash {money(s.cash)}")
    lines += ["", *_void_lines(f, money)]
    if journal_hash:
        lines.append(f"Journal head {short_hash(journal_hash)}")
    # 80 mm paper holds 48 characters: longer lines (a long reason or name) wrap.
    return [part for line in lines for part in (_wrap(line) if len(line) > WIDTH else [line])]


def _void_lines(f: SessionFacts, money: Callable[[int], str]) -> list[str]:
    if not f.voids_recorded:
        return [VOIDED_LINES_NOTE]
    # Lines taken off sales before payment: all, then by who took them off.
    lines = [
        f"VOIDED LINES{'count':>20}{'amount':>14}",
        f"  {'All':<20}{f.voided_count:>10}{money(f.voided_amount):>14}",
    ]
    for v in f.voids:
        lines.append(f"  {v.user[:20]:<20}{v.count:>10}{money(v.amount):>14}")
    return lines


def _wrap(line: str) -> list[str]:
    indent = " " * (len(line) - len(line.lstrip()) + 2)
    return textwrap.wrap(line, WIDTH, subsequent_indent=indent, break_long_words=True) or [line]


def _count_lines(count: Sequence[tuple[int, int]], currency: str, title: str) -> list[str]:
    if not count:
        return []
    notes = {d.value: d for d in denominations(currency)}
    lines = [f"    {title}"]
    for value, n in count:
        kind = notes.get(value)
        label = kind.label(currency) if kind else amount(value, currency)
        lines.append(f"    {n:>6} × {label:<18}{amount(value * n, currency):>14}")
    return lines
