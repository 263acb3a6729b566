"""The longer texts of the command line's help: valid values, the cart's JSON shape, the
product file's columns. Built from the domain's own lists, so the help cannot drift from them."""

from __future__ import annotations

import textwrap

from pos_app.domain.catalog_csv import PRODUCT_COLUMNS
from pos_app.domain.numbers import AMOUNT, QUANTITY
from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.payments import PaymentMethod
from pos_app.domain.text import CHECKOUT_KEY_MAX, NOTE_MAX, REFERENCE_MAX, SHIP_TO_MAX, TRACKING_MAX
from pos_app.domain.users import PIN_RULE, Role
from pos_app.domain.variable_measure import MAX_GRAMS


def _either(values: list[str]) -> str:
    return ", ".join(values[:-1]) + " or " + values[-1]


STATUSES = _either([s.value for s in OrderStatus])
ROLES = _either([r.value for r in Role])
METHODS = _either([m.value for m in PaymentMethod])
FULFILMENTS = _either([f.value for f in Fulfilment])

LIST_STATUS = f"only orders with this status: {STATUSES}"
UPDATE_STATUS = (
    "the order's next status: processing, ready, shipped, delivered or collected (to cancel: "
    "'orders cancel'). Delivery orders go placed → processing → shipped → delivered; pickup "
    "orders placed or processing → ready → collected; a sale in the shop is completed at the till"
)
REFUND_LINE = (
    f"a line to refund and how many, e.g. MUG:2 (QTY {QUANTITY.describe()}); a line sold by "
    "weight takes kg or grams, e.g. APPLES:0.200kg or APPLES:200g; "
    "repeat for more lines; without --line everything not yet refunded is refunded"
)
SALE_LINE = (
    f"instead of a JSON cart: a product and how many, e.g. MUG:2 (QTY {QUANTITY.describe()}); a "
    f"product sold by weight takes its weight, e.g. APPLES:0.350kg, APPLES:0.350 or APPLES:350g "
    f"(up to {MAX_GRAMS // 1000} kg); repeat for more lines, and pay with --cash or --card"
)
STOCK_WEIGHT = "a product sold by weight takes kg or grams, e.g. 12.5 or 12.500kg or 500g"
SOLD_BY = "each (the default), or weight: its price is per kg and its stock counts grams"
PRODUCT_BARCODE = "EAN-13, EAN-8 or UPC-A digits; a scale label's item code with zeros for the value"
PIN = f"{PIN_RULE}, for a quick switch at the till (optional)"
TRACKING = f"the carrier's tracking number, up to {TRACKING_MAX} characters ('' clears it)"
SHIP_TO = f"the shipping address, up to {SHIP_TO_MAX} characters; lines may be separated by newlines"
NOTE = f"a note on the order, up to {NOTE_MAX} characters ('' clears it)"

CHECKOUT = f"""\
Places one order from a UTF-8 JSON cart read from stdin and prints it. Quantities
{QUANTITY.describe()}; amounts in minor units {AMOUNT.describe()}. Only "lines" is needed:

  {{
    "lines": [
      {{"sku": "MUG", "qty": 2}},
      {{"sku": "TEA", "qty": 1, "discount": {{"percent": 10}}}}
    ],
    "customer": "alice",
    "fulfilment": "delivery",
    "shipping": {{"address": "1 Main St, Leeds"}},
    "discount": {{"amount": 150}},
    "note": "gift wrap",
    "payments": [
      {{"method": "cash", "tendered": 2000}},
      {{"method": "card", "amount": 550, "reference": "R1"}}
    ],
    "key": "web-4711"
  }}

lines       each a "sku" and a "qty" ({QUANTITY.describe()}, default 1), with an optional
            "discount": {{"percent": 12.5}} or {{"amount": MINOR UNITS}}; a product sold by
            weight gives "grams" (1 to {MAX_GRAMS}) instead of "qty"
customer    a customer's name, or a customer's log-in name
fulfilment  {FULFILMENTS} (default: delivery when there is an address,
            else in_store)
shipping    {{"address": TEXT}}, up to {SHIP_TO_MAX} characters; needed for a delivery
discount    on the whole order, as for a line
note        up to {NOTE_MAX} characters
payments    each a "method" ({METHODS}) and an "amount" in minor units
            (2000 is 20.00); cash may give "tendered" instead and change is given;
            an optional "reference" up to {REFERENCE_MAX} characters. Staff pay the whole
            total; a customer leaves payments out and pays at the counter
key         up to {CHECKOUT_KEY_MAX} characters: the same key again never makes a second
            order, so a retry after a lost answer is safe
"""

_WIDTH = 78
_NAMES = max(len(name) for name in PRODUCT_COLUMNS) + 4


def _column(name: str, what: str) -> str:
    return textwrap.fill(
        what, _WIDTH, initial_indent=f"  {name:<{_NAMES - 2}}", subsequent_indent=" " * _NAMES
    )


PRODUCT_FILE = "\n\n".join(
    [
        textwrap.fill(
            "Adds or updates products from a UTF-8 CSV file whose first row names these columns "
            "(in any order; other columns are ignored). One bad row imports nothing.",
            _WIDTH,
        ),
        "\n".join(_column(name, what) for name, what in PRODUCT_COLUMNS.items()),
        "For example:",
        "  "
        + ",".join(PRODUCT_COLUMNS)
        + "\n  MUG,4006381333931,Blue Mug,4.00,20,10\n  CARD,,Birthday Card,1.99,0,5",
    ]
)

RECEIPT = """\
Prints an order's receipt as text at the width of a thermal roll (32 columns on 58 mm, 48 on
80 mm), saves it as a PDF, or prints it on this till's receipt printer (the drawer stays shut).
Every amount is the order's own. The barcode on a printed receipt is the order number: scanned
at the till it opens the order for a return.

examples:
  pos-app --user clerk orders receipt T1-000042
  pos-app --user clerk orders receipt t1-42 --copy --width 58
  pos-app --user clerk orders receipt T1-000042 --gift --print
  pos-app --user clerk orders receipt T1-000042 --pdf receipt.pdf
"""

PRINTER_KINDS = "none, usb, network, serial or file (a device file such as /dev/usb/lp0)"

PRINTER_SET = """\
Sets how this till reaches its receipt printer (each till has its own; it does not sync).

examples:
  pos-app --user manager printer set usb 04b8:0202            (vendor:product, from lsusb)
  pos-app --user manager printer set network 192.168.1.50     (port 9100 unless given: HOST:PORT)
  pos-app --user manager printer set serial /dev/ttyUSB0:19200 --paper 58
  pos-app --user manager printer set file /dev/usb/lp0
  pos-app --user manager printer set none
"""

DRAWER_OPEN = """\
Opens the cash drawer without a sale, through this till's receipt printer: a manager's action,
or a clerk's with a manager's approval. Each opening is chained in the journal (till, who, who
approved, when, why) before the drawer is sent its pulse.

examples:
  pos-app --user manager drawer open --reason "change for the window cleaner"
  POS_APP_APPROVER_PASSWORD=... pos-app --user clerk --approver manager drawer open
"""
