"""Back-office and till flows in a real X11 window, by keyboard alone (run by real_window.sh).

Each flow types with xdotool into whatever window has the focus, as a keyboard does: it never
clicks and never moves the focus itself, so a flow that needs the mouse fails here. Before each
key it checks that the window it expects is the active one; after each flow it checks the
database through the command line. It prints the keys each flow took (a typed character is a
key, a chord like Ctrl+Shift+L is one) and saves a screenshot of each step.

    python bench/real_window_flows.py DB OUT
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BARCODES = ("5012345000008", "5012345000015", "5012345000022")  # three demo products
TRACKING = "RM123456785GB"
WAIT_S = 15.0


class FlowFailed(Exception):
    pass


@dataclass
class Flow:
    name: str
    keys: int = 0
    typed: int = 0
    signing: int = 0  # of the keys, those logging in and out
    steps: list[str] = field(default_factory=list)


class Till:
    """The app's windows as a keyboard user meets them."""

    def __init__(self, db: Path, out: Path) -> None:
        self.db = db
        self.out = out
        self.flow = Flow("start")
        self.shots = 0

    # -- the keyboard ----------------------------------------------------------------------

    def type(self, text: str, *, delay_ms: int = 20) -> None:
        subprocess.run(["xdotool", "type", "--delay", str(delay_ms), text], check=True)
        self.flow.keys += len(text)
        self.flow.typed += len(text)

    def key(self, *chords: str) -> None:
        for chord in chords:
            subprocess.run(["xdotool", "key", chord], check=True)
            self.flow.keys += 1

    # -- the screen ------------------------------------------------------------------------

    def active_title(self) -> str:
        done = subprocess.run(
            ["xdotool", "getactivewindow", "getwindowname"], capture_output=True, text=True, check=False
        )
        return done.stdout.strip() if done.returncode == 0 else "(no window has the focus)"

    def expect(self, pattern: str, what: str) -> str:
        """Wait until the active window's title matches `pattern`; fail if it never does."""
        deadline = time.monotonic() + WAIT_S
        title = ""
        while time.monotonic() < deadline:
            title = self.active_title()
            if re.search(pattern, title):
                time.sleep(0.3)  # let it paint and settle its focus
                return title
            time.sleep(0.1)
        self.shot(f"failed-{self.flow.name}")
        raise FlowFailed(f"{what}: the focus is on '{title}', not a window like /{pattern}/")

    def shot(self, name: str) -> None:
        self.shots += 1
        path = self.out / f"{self.shots:02d}-{name}.png"
        time.sleep(0.4)
        subprocess.run(["import", "-window", "root", str(path)], check=True)
        self.flow.steps.append(path.name)

    # -- the database, through the command line ---------------------------------------------

    def pos(self, *args: str, user: str = "manager", stdin: str | None = None) -> object:
        env = dict(os.environ, POS_APP_PASSWORD=f"{user}123", QT_QPA_PLATFORM="offscreen")
        done = subprocess.run(
            [sys.executable, "-m", "pos_app", "--db", str(self.db), "--user", user, *args, "--json"],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        if done.returncode != 0:
            raise FlowFailed(f"pos-app {' '.join(args)}: {done.stderr.strip()}")
        return json.loads(done.stdout)

    def order(self, number: str) -> dict[str, object]:
        found = self.pos("orders", "show", number)
        assert isinstance(found, dict)
        return found

    def newest(self) -> dict[str, object]:
        listed = self.pos("orders", "list", "--limit", "1")
        assert isinstance(listed, dict)
        return self.order(str(listed["orders"][0]["number"]))


def check(condition: bool, what: str) -> None:
    if not condition:
        raise FlowFailed(what)


# -- the flows -----------------------------------------------------------------------------

MAIN = r" — till "


def log_in(till: Till, name: str) -> None:
    till.expect(r"^Log in$", "the log-in window")
    before = till.flow.keys
    till.type(name)
    till.key("Return")  # on to the password
    till.type(f"{name}123")
    till.key("Return")
    till.flow.signing += till.flow.keys - before
    till.expect(MAIN, f"the main window after {name} logged in")


def log_out(till: Till) -> None:
    till.expect(MAIN, "the main window")
    till.key("ctrl+shift+l")
    till.flow.signing += 1


def open_order(till: Till, number: str) -> None:
    """Ctrl+F, the number's digits as the receipt shows them (T1-000062: 62), Enter to the
    first row, Enter to open it."""
    till.expect(MAIN, "the main window")
    till.key("ctrl+f")
    till.type(str(int(number.rpartition("-")[2])))
    till.key("Return", "Return")
    till.expect(rf"^Order {re.escape(number)}$", f"order {number} opened from the list")


def clerk_cash_sale(till: Till) -> str:
    log_in(till, "clerk")
    till.shot("main-window-clerk")
    before = till.newest()["number"]
    till.key("F2")
    till.expect(r"^Checkout$", "the sale screen after F2")
    for code in BARCODES:
        till.type(code, delay_ms=3)  # as a scanner types
        till.key("Return")
    till.shot("sale-three-items")
    till.key("F12")
    till.expect(r"^Payment$", "the payment window after F12")
    till.shot("payment")
    till.key("Return")  # Enter alone: exact cash
    till.expect(r"^Receipt ", "the receipt after paying")
    till.shot("receipt")
    till.key("Return")  # next sale
    till.expect(r"^Checkout$", "the sale screen, ready for the next sale")
    till.key("Escape")  # back to the order list
    till.expect(MAIN, "the main window after the sale screen closed")
    sale = till.newest()
    check(sale["number"] != before, "no new order was placed")
    check(len(sale["lines"]) == 3, f"{sale['number']} has {len(sale['lines'])} lines, not 3")  # type: ignore[arg-type]
    methods = [p["method"] for p in sale["payments"]]  # type: ignore[attr-defined]
    check(methods == ["cash"] and sale["balance_due"] == 0, f"{sale['number']} is not paid in cash")
    check(sale["clerk"] == "clerk" and sale["status"] == "completed", f"{sale['number']}: {sale['status']}")
    return str(sale["number"])


def manager_partial_refund(till: Till, number: str) -> None:
    log_out(till)
    log_in(till, "manager")
    open_order(till, number)
    till.key("alt+r")
    till.expect(rf"^Refund {re.escape(number)}$", "the refund dialog after Alt+R")
    till.type("1")  # the first line's quantity has the focus
    till.shot("refund-one-of-the-first-line")
    till.key("Return")
    till.expect(rf"^Order {re.escape(number)}$", "the order again after the refund")
    till.shot("refunded")
    till.key("Escape")
    till.expect(MAIN, "the main window after closing the order")
    order = till.order(number)
    lines = order["lines"]
    assert isinstance(lines, list)
    check(lines[0]["refunded_qty"] == 1, f"{number}: line 1 refunded {lines[0]['refunded_qty']}")
    check(all(line["refunded_qty"] == 0 for line in lines[1:]), f"{number}: other lines refunded too")
    check(order["status"] == "completed", f"{number} is {order['status']}: not a partial refund")


def mark_shipped(till: Till, number: str) -> None:
    open_order(till, number)
    till.key("alt+s")
    till.expect(rf"^Ship {re.escape(number)}$", "the ship dialog after Alt+S")
    till.type(TRACKING, delay_ms=3)  # scanned from the label
    till.shot("ship-with-tracking")
    till.key("Return")
    till.expect(rf"^Order {re.escape(number)}$", "the order again after shipping")
    till.shot("shipped")
    till.key("Escape")
    till.expect(MAIN, "the main window after closing the order")
    order = till.order(number)
    shipping = order["shipping"]
    assert isinstance(shipping, dict)
    check(order["status"] == "shipped", f"{number} is {order['status']}, not shipped")
    check(shipping.get("tracking") == TRACKING, f"{number}: tracking {shipping.get('tracking')!r}")


def customer_finds_own_order(till: Till, number: str) -> None:
    log_out(till)
    log_in(till, "alice")
    till.shot("main-window-customer")
    open_order(till, number)
    till.shot("customer-order")
    till.key("Escape")
    till.expect(MAIN, "the main window after closing the order")
    check(till.order(number)["customer"] == "alice", f"{number} is not alice's")


def processing_delivery(till: Till) -> str:
    """A delivery order paid by card and being processed: the one to ship."""
    cart = {
        "lines": [{"sku": "85123A", "qty": 2}],
        "customer": "bob",
        "shipping": {"address": "7 Harbour Street, Whitby"},
        "payments": [{"method": "card", "amount": 510, "reference": "R-SHIP"}],
    }
    placed = till.pos("checkout", user="clerk", stdin=json.dumps(cart))
    assert isinstance(placed, dict)
    number = str(placed["number"])
    till.pos("orders", "update", number, "--status", "processing")
    return number


def alices_order(till: Till) -> str:
    listed = till.pos("orders", "list", "--customer", "alice", "--limit", "1")
    assert isinstance(listed, dict) and listed["orders"], "the demo has no order of alice's"
    return str(listed["orders"][0]["number"])


def main(db: Path, out: Path) -> int:
    till = Till(db, out)
    to_ship, alices = processing_delivery(till), alices_order(till)
    flows: list[Flow] = []
    try:
        till.flow = Flow("a clerk's 3-item cash sale")
        till.expect(r"^Log in$", "the log-in window")
        till.shot("log-in")
        sale = clerk_cash_sale(till)
        flows.append(till.flow)
        till.flow = Flow(f"a manager's partial refund of {sale}")
        manager_partial_refund(till, sale)
        flows.append(till.flow)
        till.flow = Flow(f"marking {to_ship} shipped with a tracking number")
        mark_shipped(till, to_ship)
        flows.append(till.flow)
        till.flow = Flow(f"a customer finding their own order {alices}")
        customer_finds_own_order(till, alices)
        flows.append(till.flow)
    except FlowFailed as exc:
        report([*flows, till.flow], failed=till.flow)
        print(f"FAILED by keyboard: {till.flow.name}: {exc}", file=sys.stderr)
        return 1
    report(flows)
    return 0


def report(flows: list[Flow], failed: Flow | None = None) -> None:
    width = max(len(flow.name) for flow in flows)
    print(f"{'flow':<{width}}  keys  typed  log-in  done")
    for flow in flows:
        state = "FAILED" if flow is failed else "yes"
        print(f"{flow.name:<{width}}  {flow.keys:>4}  {flow.typed:>5}  {flow.signing:>6}  {state}")
    print(
        "keys: every key pressed (a chord such as Ctrl+Shift+L is one); typed: of them, characters "
        "(names, passwords, barcodes, numbers); log-in: of them, logging out and in"
    )


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
