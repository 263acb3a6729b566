"""The command line's arguments: every subcommand and option, with argument types that refuse
bad values (exit 2) and name the valid ranges in the help."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from pos_app import cli_help as helps
from pos_app import cli_output as out
from pos_app.domain.denominations import PIECES
from pos_app.domain.errors import InvalidInput
from pos_app.domain.numbers import (
    ADJUST_QTY,
    DEMO_ORDERS,
    FIRST_DAY,
    LAST_DAY,
    PAGE_LIMIT,
    QUANTITY,
    RECEIVE_QTY,
    VERSION,
    IntRange,
    check_day,
    parse_int,
)
from pos_app.domain.orders import OrderStatus
from pos_app.domain.printer import PAPER_WIDTHS, PrinterKind
from pos_app.domain.reports import Grouping
from pos_app.domain.text import SEARCH_MAX
from pos_app.domain.users import PIN_RULE, Role, is_whole_pin
from pos_app.domain.variable_measure import is_weight, kg_text, parse_weight, read_grams

if TYPE_CHECKING:
    pass

PASSWORD_ENV = "POS_APP_PASSWORD"
NEW_PASSWORD_ENV = "POS_APP_NEW_PASSWORD"
APPROVER_PASSWORD_ENV = "POS_APP_APPROVER_PASSWORD"
TILL_URL_ENV = "POS_APP_TILL_URL"


FORCE_HELP = "replace an existing file (never the database or another SQLite file)"
WAITING = "waiting for the database (another till or an import is writing)…"


class UsageError(Exception):
    pass


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text) if text.isascii() else None
    except ValueError:
        day = None
    if day is None:
        raise argparse.ArgumentTypeError(f"'{out.clip(text)}' is not a date like 2026-11-25")
    try:
        return check_day(day)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _number(rng: IntRange) -> Callable[[str], int]:
    """An argparse type: ASCII digits within `rng`, refused as "argument X: ..." (exit 2)."""

    def parse(text: str) -> int:
        try:
            return parse_int(text, rng)
        except InvalidInput as exc:
            raise argparse.ArgumentTypeError(out.clip(exc.message)) from None

    parse.__name__ = rng.what
    return parse


@dataclass(frozen=True)
class StockQty:
    value: int  # items, or grams when `weight`
    weight: bool


def _stock_qty(rng: IntRange, *, signed: bool) -> Callable[[str], StockQty]:
    """An argparse type: whole units within `rng`, or a weight ('12.5', '12.500kg', '500g') in
    grams within the same range, refused as "argument qty: ..." (exit 2)."""

    def parse(text: str) -> StockQty:
        try:
            if not is_weight(text):
                return StockQty(parse_int(text, rng), weight=False)
            grams = read_grams(text, signed=signed)
        except InvalidInput as exc:
            raise argparse.ArgumentTypeError(out.clip(exc.message)) from None
        if not rng.low <= grams <= rng.high:
            raise argparse.ArgumentTypeError(
                f"{rng.what} by weight must be from {kg_text(rng.low)} to {kg_text(rng.high)}"
            )
        return StockQty(grams, weight=True)

    parse.__name__ = rng.what
    return parse


def _pin(text: str) -> str:
    if not is_whole_pin(text):
        raise argparse.ArgumentTypeError(PIN_RULE)
    return text


def _status(text: str) -> OrderStatus:
    try:
        return OrderStatus(text.lower())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a status ({', '.join(s.value for s in OrderStatus)})"
        ) from None


def _line(text: str) -> tuple[str, int, bool]:
    """SKU:QTY -> (sku, count, False); SKU:0.350kg, SKU:350g or SKU:0.350 -> (sku, grams, True)."""
    sku, sep, qty = text.rpartition(":")
    if not sep or not sku:
        raise argparse.ArgumentTypeError(f"'{out.clip(text)}' should be SKU:QTY, e.g. 85123A:2")
    try:
        if is_weight(qty):
            return sku, parse_weight(qty), True
        return sku, parse_int(qty, QUANTITY), False
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(f"'{out.clip(text)}': {out.clip(exc.message)}") from None


_VERSION_HELP = f"refuse if the order's version is not this ({VERSION.describe()})"
ORDER_HELP = "the order's number (T1-000042, or t1-42) or id"
JSON_HELP = "one JSON document instead of text"
NO_RESTOCK_HELP = "leave the goods out of stock (damaged, not returned)"


def _anchor(text: str) -> str:
    from pos_app.domain.journal import parse_anchor

    try:
        return parse_anchor(text)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def shown(path: object) -> str:
    """A file name as typed, for a terminal: control characters escaped, never raw."""
    return out.clip(str(path), 1000)


class _Parser(argparse.ArgumentParser):
    """argparse quotes what was typed in its errors (a bad choice, a bad value): escaped here,
    so a typed control code is shown, never run by the terminal. Subcommands use it too."""

    def error(self, message: str) -> NoReturn:
        super().error(out.clip(message, 500))

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> Any:
        # Python 3.11's argparse turns `--note=--` into an empty list instead of the text "--"
        # (fixed in later versions): read it as the text, checked like any other value.
        if action.option_strings and action.nargs is None and arg_strings == ["--"]:
            value = self._get_value(action, "--")
            self._check_value(action, value)
            return value
        return super()._get_values(action, arg_strings)


def _count(text: str) -> tuple[str, int]:
    """VALUE=N, a note or coin and how many of it: '20.00=3'."""
    value, sep, n = text.partition("=")
    if not sep or not value.strip():
        raise argparse.ArgumentTypeError(f"'{out.clip(text)}' should be VALUE=HOW_MANY, e.g. 20.00=3")
    try:
        return value.strip(), parse_int(n.strip(), PIECES)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(f"'{out.clip(text)}': {out.clip(exc.message)}") from None


def _session_parser(sub: Any) -> None:
    session = sub.add_parser(
        "session", help="this till's cash drawer: open with a float, cash in and out, X and Z reports, close"
    ).add_subparsers(dest="action", metavar="ACTION", required=True)
    count_help = "a note or coin and how many were counted, e.g. 20.00=3 (repeat for each)"
    p = session.add_parser("open", help="open the drawer with its float (a sum, or counted by note and coin)")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--float", dest="amount", metavar="AMOUNT", help="the float as a sum, e.g. 100.00")
    group.add_argument("--count", action="append", type=_count, metavar="VALUE=N", help=count_help)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    for action, text in (
        ("cash-in", "cash put into the drawer, with the reason"),
        ("cash-out", "cash taken out of the drawer, with the reason (over the limit: --approver)"),
    ):
        p = session.add_parser(action, help=text)
        p.add_argument("amount", metavar="AMOUNT", help="e.g. 20.00")
        p.add_argument("--reason", required=True, help="why, as it goes on the report (up to 200 characters)")
        p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = session.add_parser(
        "close",
        help="close with the drawer's count; prints the Z report (difference over the limit: --approver)",
    )
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--counted", dest="amount", metavar="AMOUNT", help="the cash counted, e.g. 286.40")
    group.add_argument("--count", action="append", type=_count, metavar="VALUE=N", help=count_help)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = session.add_parser("status", help="is the drawer open, since when, and the cash it should hold")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = session.add_parser("x-report", help="the open session's report so far (nothing is closed)")
    _report_output(p)
    p = session.add_parser("z-report", help="a closed session's Z report (default: this till's last)")
    p.add_argument("session", nargs="?", help="its number, e.g. T1-S0007 or 7, or its id")
    _report_output(p)


def _report_output(p: Any) -> None:
    output = p.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help=JSON_HELP)
    output.add_argument("--print", action="store_true", help="print it on this till's receipt printer")


def _printer_parser(sub: Any) -> None:
    printer = sub.add_parser(
        "printer", help="this till's receipt printer: show, set up, print a test page"
    ).add_subparsers(dest="action", metavar="ACTION", required=True)
    printer.add_parser("show", help="how this till reaches its receipt printer, and its paper")
    p = printer.add_parser(
        "set",
        help="how this till reaches its receipt printer (managers)",
        description=helps.PRINTER_SET,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("kind", choices=[k.value for k in PrinterKind], help=helps.PRINTER_KINDS)
    p.add_argument("address", nargs="?", help="the printer's address for that kind (see the examples)")
    p.add_argument("--paper", type=int, choices=PAPER_WIDTHS, help="the paper's width in mm: 58 or 80")
    p = printer.add_parser("test", help="print a test page (managers)")
    p.add_argument("--paper", type=int, choices=PAPER_WIDTHS, help="58 or 80 mm (default: the till's)")
    drawer = sub.add_parser("drawer", help="the cash drawer, through the receipt printer").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = drawer.add_parser(
        "open",
        help="open the drawer without a sale (managers; a clerk with --approver); kept in the journal",
        description=helps.DRAWER_OPEN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--reason", help="why, kept with the opening (up to 200 characters)")


def _settings_parser(sub: Any) -> None:
    settings = sub.add_parser(
        "settings", help="the shop's settings and this till's own: show, or set (managers)"
    ).add_subparsers(dest="action", metavar="ACTION", required=True)
    p = settings.add_parser("show", help="every setting and its value")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = settings.add_parser(
        "set",
        help="change settings, e.g. locale=de_DE (how money and dates are written) or language=de",
    )
    p.add_argument("values", nargs="+", metavar="KEY=VALUE", help="a setting and its new value")
    p.add_argument("--json", action="store_true", help=JSON_HELP)


REPORT_EXAMPLES = """\
Figures are summed from the lines of the orders rung up in the range (this computer's local
days), cancelled orders left out; amounts in the shop's currency (JSON: minor units):
  gross      listed price x quantity, before discounts
  discounts  line and order discounts
  refunds    goods given back on those orders
  net        what customers pay for what they kept (gross - discounts - refunds,
             plus tax where prices exclude it)
  tax        tax charged on the lines as sold
By method: money taken, given back, and net.

examples:
  pos-app --user manager report sales --from 2026-11-01 --to 2026-11-30
  pos-app --user manager report sales --from 2026-11-25 --by hour --json
  pos-app --user manager report sales --from 2026-11-01 --to 2026-11-30 --by product \\
      --csv november.csv --xlsx november.xlsx
"""


def _report_parser(sub: Any) -> None:
    reports = sub.add_parser("report", help="sales reports (managers)").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = reports.add_parser(
        "sales",
        help="sales over a range of days, grouped by day, hour, product, category, clerk, till or method",
        description="Sales over a range of days, with totals that add up to the orders.",
        epilog=REPORT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--from", dest="first", required=True, type=_day, metavar="DATE", help="first day, e.g. 2026-11-01"
    )
    p.add_argument(
        "--to", dest="last", type=_day, metavar="DATE", help="last day, included (default: the first)"
    )
    p.add_argument(
        "--by",
        default="day",
        choices=[g.value for g in Grouping],
        help="what each row is (default: day; hour is the hour of the day over the whole range)",
    )
    p.add_argument("--json", action="store_true", help="one JSON document: amounts in minor units, ISO dates")
    p.add_argument("--csv", type=Path, metavar="FILE", help="also save it as CSV (amounts as decimal text)")
    p.add_argument("--xlsx", type=Path, metavar="FILE", help="also save it as an Excel workbook")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pos-app", description="Point of sale: the till window, or admin commands.")
    parser.add_argument(
        "--db", type=Path, help="database file (default: $POS_APP_DB or the user data folder)"
    )
    parser.add_argument("--user", help=f"log in as this user (password from ${PASSWORD_ENV} or asked)")
    parser.add_argument(
        "--approver", help=f"manager approving an override (password from ${APPROVER_PASSWORD_ENV})"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="create a new database and its first manager")
    p.add_argument("--manager", required=True, help="the first manager's user name")
    p.add_argument(
        "--till", default="T1", help="this till's name, 1-8 letters or digits, used in order numbers (T1)"
    )
    p.add_argument(
        "--currency", default="GBP", help="the shop's currency, a three-letter code such as GBP, EUR, USD"
    )
    p.add_argument("--store-name", default="My shop", help="the name on receipts and the log-in window")
    p.add_argument(
        "--locale",
        default="en_GB",
        help="how money, numbers and dates are written, e.g. en_GB, de_DE (en_GB)",
    )

    p = sub.add_parser("demo", help="a new database with demo catalogue, log-ins and orders")
    p.add_argument(
        "--orders",
        type=_number(DEMO_ORDERS),
        default=300,
        help=f"how many orders, {DEMO_ORDERS.describe()} (many are made in bulk)",
    )
    p.add_argument(
        "--if-missing", action="store_true", help="do nothing (exit 0) when the database exists already"
    )

    users = sub.add_parser("users", help="log-ins").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = users.add_parser("add", help=f"add a user (password from ${NEW_PASSWORD_ENV} or asked)")
    p.add_argument("name", help="the new user's log-in name, 1-80 characters without spaces")
    p.add_argument(
        "--role", required=True, choices=[r.value for r in Role], help=f"{helps.ROLES}: what they may do"
    )
    p.add_argument("--pin", type=_pin, help=helps.PIN)
    users.add_parser("list", help="list users")
    for action, text in (
        ("deactivate", "stop a user logging in"),
        ("activate", "let a deactivated user log in again"),
        ("reset-password", f"a new password (from ${NEW_PASSWORD_ENV} or asked); forgets failed tries"),
        ("unlock", "end the wait after failed log-ins or approvals"),
    ):
        users.add_parser(action, help=text).add_argument("name", help="the user's log-in name")

    products = sub.add_parser("products", help="catalogue").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = products.add_parser(
        "import",
        help="add or update products from CSV",
        description=helps.PRODUCT_FILE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", type=Path, help="the CSV file, with the columns above")
    p.add_argument(
        "--set-stock",
        action="store_true",
        help="count stock: set existing products' on-hand to the file's (booked as a count)",
    )
    p = products.add_parser("add", help="add a product (managers)")
    p.add_argument("sku", help="the product's code, 1-64 characters without spaces")
    p.add_argument("--name", required=True, help="1-200 characters")
    p.add_argument("--price", required=True, help="e.g. 4.50; per kg for a product sold by weight")
    p.add_argument("--tax-rate", required=True, help="a percentage, e.g. 20 or 12.5")
    p.add_argument("--barcode", help=helps.PRODUCT_BARCODE)
    p.add_argument("--sold-by", choices=["each", "weight"], default="each", help=helps.SOLD_BY)
    p.add_argument("--no-stock", action="store_true", help="do not track its stock")
    p = products.add_parser("edit", help="change a product (managers)")
    p.add_argument("sku", help="the product's SKU")
    p.add_argument("--name", help="1-200 characters")
    p.add_argument("--price", help="e.g. 4.50; per kg for a product sold by weight")
    p.add_argument("--tax-rate", help="a percentage, e.g. 20 or 12.5")
    p.add_argument("--barcode", help=f"{helps.PRODUCT_BARCODE} ('' removes it)")
    p.add_argument("--sold-by", choices=["each", "weight"], help=f"{helps.SOLD_BY}; only with none in stock")
    p.add_argument("--active", choices=["yes", "no"], help="no: no longer sold (never found by a scan)")
    p = products.add_parser(
        "category",
        help="put a product in a category (reports group sales by it)",
        epilog="example: pos-app --user manager products category 22960 'Kitchen & dining'",
    )
    p.add_argument("sku", help="the product's SKU")
    p.add_argument("category", help="up to 60 characters; '' takes it out of any category")
    p = products.add_parser("export", help="write the catalogue as CSV to a new file")
    p.add_argument("file", type=Path, help="the new CSV file, with the columns 'products import' reads")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)

    stock = sub.add_parser("stock", help="stock levels and movements").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = stock.add_parser("show", help="on-hand levels")
    p.add_argument("sku", nargs="?", help="one product's SKU (default: every product)")
    p = stock.add_parser("receive", help="book in a delivery")
    p.add_argument("sku", help="the product's SKU")
    p.add_argument(
        "qty",
        type=_stock_qty(RECEIVE_QTY, signed=False),
        help=f"{RECEIVE_QTY.describe()}; {helps.STOCK_WEIGHT}",
    )
    p = stock.add_parser("adjust", help="correct a level (signed quantity)")
    p.add_argument("sku", help="the product's SKU")
    p.add_argument(
        "qty",
        type=_stock_qty(ADJUST_QTY, signed=True),
        help=f"units to add, or (negative) take off: {ADJUST_QTY.describe()}; {helps.STOCK_WEIGHT}",
    )
    p.add_argument("--reason", required=True, help="why the level changes, e.g. 'counted' or 'broken'")

    orders = sub.add_parser("orders", help="find, show and change orders").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = orders.add_parser("list", help="orders, newest first")
    p.add_argument("--status", type=_status, metavar="STATUS", help=helps.LIST_STATUS)
    p.add_argument("--customer", help="only this customer's orders (their name)")
    p.add_argument("--till", help="only orders placed at this till, e.g. T1")
    p.add_argument("--since", type=_day, metavar="DAY", help=f"first day, {FIRST_DAY} to {LAST_DAY}")
    p.add_argument("--until", type=_day, metavar="DAY", help=f"last day, {FIRST_DAY} to {LAST_DAY}")
    p.add_argument(
        "--search", help=f"order number, its digits or a customer name (up to {SEARCH_MAX} characters)"
    )
    p.add_argument(
        "--attention", action="store_true", help="only orders a sync conflict flagged for a manager"
    )
    p.add_argument("--oldest-first", action="store_true", help="oldest first (default: newest first)")
    p.add_argument("--limit", type=_number(PAGE_LIMIT), default=50, help=PAGE_LIMIT.describe())
    p.add_argument("--after", help="cursor printed at the end of the previous page")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = orders.add_parser("show", help="one order with lines, payments and history")
    p.add_argument("order", help=ORDER_HELP)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = orders.add_parser("update", help="status, shipping details, note")
    p.add_argument("order", help=ORDER_HELP)
    p.add_argument("--status", type=_status, metavar="STATUS", help=helps.UPDATE_STATUS)
    p.add_argument("--tracking", help=helps.TRACKING)
    p.add_argument("--ship-to", help=helps.SHIP_TO)
    p.add_argument("--note", help=helps.NOTE)
    p.add_argument("--expect-version", type=_number(VERSION), help=_VERSION_HELP)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = orders.add_parser("cancel", help="cancel before shipping (refunds; restocks unless --no-restock)")
    p.add_argument("order", help=ORDER_HELP)
    p.add_argument("--no-restock", action="store_true", help=NO_RESTOCK_HELP)
    p.add_argument("--to-credit", action="store_true", help="give the money back as store credit")
    p.add_argument("--expect-version", type=_number(VERSION), help=_VERSION_HELP)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = orders.add_parser("refund", help="refund all, or chosen lines with --line SKU:QTY")
    p.add_argument("order", help=ORDER_HELP)
    p.add_argument(
        "--line", type=_line, action="append", dest="lines", metavar="SKU:QTY", help=helps.REFUND_LINE
    )
    p.add_argument("--no-restock", action="store_true", help=NO_RESTOCK_HELP)
    p.add_argument("--to-credit", action="store_true", help="give the money back as store credit")
    p.add_argument("--expect-version", type=_number(VERSION), help=_VERSION_HELP)
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = orders.add_parser(
        "resolve", help="mark what sync flagged on an order as looked at (managers; see --attention)"
    )
    p.add_argument("order", help=ORDER_HELP)
    p.add_argument("--expect-version", type=_number(VERSION), help=_VERSION_HELP)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = orders.add_parser(
        "receipt",
        help="an order's receipt: as text (default), a PDF, or on this till's receipt printer",
        description=helps.RECEIPT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("order", help=ORDER_HELP)
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--copy", action="store_true", help="a reprint: it says COPY at the top and the bottom")
    kind.add_argument(
        "--gift", action="store_true", help="a gift receipt: the goods without prices or payments"
    )
    p.add_argument(
        "--width",
        type=int,
        choices=PAPER_WIDTHS,
        help="the paper in mm: 58 (32 columns) or 80 (48 columns); default: this till's printer's",
    )
    p.add_argument("--pdf", type=Path, metavar="FILE", help="save it as a slip-shaped PDF instead of text")
    p.add_argument("--force", action="store_true", help=f"with --pdf: {FORCE_HELP}")
    p.add_argument("--print", action="store_true", help="print it on this till's receipt printer")
    p = orders.add_parser("pay", help="take payment for an order awaiting it (the whole balance)")
    p.add_argument("order", help=ORDER_HELP)
    p.add_argument("--cash", metavar="AMOUNT", help="cash handed over, e.g. 20.00 (change is given)")
    p.add_argument("--card", metavar="AMOUNT", help="charged on the card terminal, e.g. 12.50")
    p.add_argument("--reference", default="", help="the card terminal's reference")
    p.add_argument("--store-credit", metavar="AMOUNT", help="spent from the customer's store credit")
    p.add_argument("--expect-version", type=_number(VERSION), help=_VERSION_HELP)
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    customers = sub.add_parser("customers", help="customers and their store credit").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = customers.add_parser("show", help="a customer's store credit balance and movements")
    p.add_argument("name", help="the customer's name")
    p = customers.add_parser("credit", help="give a customer store credit (managers)")
    p.add_argument("name", help="the customer's name")
    p.add_argument("amount", help="how much, in the shop's currency, e.g. 5.00")
    p.add_argument("--reason", required=True, help="why, e.g. 'returned goods without a receipt'")

    p = sub.add_parser(
        "checkout",
        help="place an order from a JSON cart on stdin, or from --line options",
        description=helps.CHECKOUT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--line", type=_line, action="append", dest="lines", metavar="SKU:QTY", help=helps.SALE_LINE
    )
    p.add_argument("--cash", metavar="AMOUNT", help="with --line: cash handed over, e.g. 20.00")
    p.add_argument("--card", metavar="AMOUNT", help="with --line: charged on the card terminal, e.g. 12.50")
    p.add_argument("--reference", default="", help="the card terminal's reference")
    p.add_argument("--store-credit", metavar="AMOUNT", help="with --line: spent from store credit")
    p.add_argument("--customer", help="with --line: the customer's name")
    p.add_argument("--key", help="with --line: the same key again never makes a second order")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    _session_parser(sub)
    _printer_parser(sub)
    _settings_parser(sub)
    _report_parser(sub)
    p = sub.add_parser("verify", help="check the database, the sales journal's hash chain and stock")
    p.add_argument(
        "--anchor",
        type=_anchor,
        help="a journal hash written down earlier (receipt, end-of-day report); it must be in the chain",
    )
    journal = sub.add_parser("journal", help="the sales journal").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    journal.add_parser("head", help="the journal's newest hash, to write down at the end of the day")
    p = sub.add_parser("backup", help="copy the database safely while tills run, to a new file")
    p.add_argument("path", type=Path, help="the new file to write")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    central = sub.add_parser(
        "central", help="the central PostgreSQL store (run by its owner)"
    ).add_subparsers(dest="action", metavar="ACTION", required=True)
    p = central.add_parser("init", help="create or upgrade the central store: tables, roles, policies")
    p.add_argument("url", help="the database owner's URL, postgresql+psycopg://OWNER@HOST/DB")
    p.add_argument("--shop", help="add a shop of this name (the first one is 'Main shop')")
    p = central.add_parser("add-till", help="a log-in role for a till; prints the till's URL last")
    p.add_argument("code", help="the till's code, 1-8 letters or digits, such as T2")
    p.add_argument("--url", required=True, help="the database owner's URL")
    p.add_argument("--shop", help="the till's shop (needed when there are several)")
    sync = sub.add_parser("sync", help="this till's link to the central store").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = sync.add_parser(
        "setup",
        help="link this database to the central store (managers); with --db naming a file that "
        "does not exist yet, make this till from the centre: users, products, customers, orders",
    )
    p.add_argument(
        "url",
        nargs="?",
        help=f"the till's URL printed by 'central add-till'; '-' reads it from stdin, and without it "
        f"${TILL_URL_ENV} holds it (so its password is not in the process list)",
    )
    p = sync.add_parser("status", help="off, up to date, N changes waiting, or the last error")
    p.add_argument("--json", action="store_true", help="one JSON document")
    p = sync.add_parser("now", help="push this till's changes and pull the others' (staff)")
    p.add_argument("--json", action="store_true", help="one JSON document")
    return parser
