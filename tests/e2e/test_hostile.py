"""Hostile input at the command line: random bytes, random JSON, random arguments.

Each try runs `pos_app.cli.main` in-process on a copy of a small real database and must end
with an exit code in {0, 2, 3, 4, 5}, no traceback, and the database unchanged unless it
succeeded (`verify` and `journal head` never change it). `POS_HOSTILE_TALLY=FILE` writes
what was tried, as JSON, for the README's figures; `POS_HOSTILE_EXAMPLES=1500` tries many more
inputs.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import sys
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_app import cli
from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.text import bad_character
from pos_app.domain.users import Role
from pos_app.services import Services
from tests.conftest import CATALOG, FAST_HASHER
from tests.helpers import dump

# Bounded so `make test` stays quick; POS_HOSTILE_EXAMPLES=1500 tries many more. Applied to
# these tests only, so other modules keep hypothesis's own defaults.
HOSTILE = settings(
    max_examples=int(os.environ.get("POS_HOSTILE_EXAMPLES", "50")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

ALLOWED = {0, 2, 3, 4, 5}
_COUNTED = ("inputs tried", "refused cleanly", "accepted", "tracebacks", "data changed by a refused input")
TALLY: Counter[str] = Counter(dict.fromkeys(_COUNTED, 0))


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str
    crash: str  # a traceback escaping main, or ""
    changed: bool


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A small shop: three products, staff and a customer, and three orders."""
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "shop.sqlite3"
    svc = Services.open(path, create=True, hasher=FAST_HASHER)
    svc.auth.add_user(None, "manager", Role.MANAGER, "manager123", "1234")
    manager = svc.auth.login("manager", "manager123")
    svc.auth.add_user(manager, "clerk", Role.CLERK, "clerk123")
    svc.auth.add_user(manager, "alice", Role.CUSTOMER, "alice123")
    catalog = folder / "catalog.csv"
    catalog.write_text(CATALOG)
    svc.catalog.import_csv(manager, catalog)
    for lines in ((CartLine("MUG", 2),), (CartLine("TEA", 1), CartLine("CARD", 1)), (CartLine("MUG", 1),)):
        cart = Cart(lines)
        total = svc.checkout.quote(cart).priced.total
        svc.checkout.checkout(manager, CheckoutRequest(cart, (Tender(PaymentMethod.CARD, total, "R1"),)))
    # T1-000004: alice's own order, awaiting payment at the till; she has 5.00 of store credit.
    alice = svc.auth.login("alice", "alice123")
    svc.checkout.checkout(alice, CheckoutRequest(Cart((CartLine("TEA", 1),)), ()))
    svc.credit.give(manager, "alice", 500, "goodwill")
    svc.close()
    yield path
    tally = os.environ.get("POS_HOSTILE_TALLY")
    if tally:
        Path(tally).write_text(json.dumps(dict(TALLY), indent=2))


def attempt(shop: Path, args: list[str], stdin: bytes = b"", user: str = "manager") -> Outcome:
    """Run the command on a fresh copy of `shop`; count what happened."""
    work = shop.parent / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    db = work / "pos.sqlite3"
    shutil.copy(shop, db)
    before = dump(db)
    out, err = io.StringIO(), io.StringIO()
    crash = ""
    env = {cli.PASSWORD_ENV: f"{user}123"}
    stdin_stream = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    with (
        mock.patch.dict(os.environ, env),
        mock.patch("pos_app.services.auth.till_hasher", lambda: FAST_HASHER),
        mock.patch.object(sys, "stdin", stdin_stream),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = cli.main(["--db", str(db), "--user", user, *args])
        except SystemExit as exc:  # argparse's own usage errors
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException:
            crash = traceback.format_exc()
            code = -1
    changed = dump(db) != before
    TALLY["inputs tried"] += 1
    if crash or "Traceback" in err.getvalue():
        TALLY["tracebacks"] += 1
    elif code != 0:
        TALLY["refused cleanly"] += 1
        TALLY["data changed by a refused input"] += changed
    else:
        TALLY["accepted"] += 1
    return Outcome(code, out.getvalue(), err.getvalue(), crash, changed)


def check(outcome: Outcome, *, reads_only: bool = False) -> None:
    assert not outcome.crash, outcome.crash
    assert "Traceback" not in outcome.err, outcome.err
    assert outcome.code in ALLOWED, (outcome.code, outcome.err)
    # Nothing typed or stored reaches the terminal raw (the progress counter's \r aside).
    printed = (outcome.out + outcome.err).replace("\r", "")
    assert bad_character(printed, multiline=True) is None, ascii(printed[:500])
    if outcome.code != 0 or reads_only:
        assert not outcome.changed, outcome.err
    if outcome.code != 0:
        assert outcome.err.strip(), "a refusal says why"


# -- strategies ------------------------------------------------------------------------------

NASTY_NUMBERS = st.sampled_from(
    [0, -1, 1, 9999, 10000, 2**31, 2**63, -(2**63) - 1, 10**4200, 10**11, 10**11 + 1, 1.5, 1e308, True]
)
NASTY_TEXT = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "\x1b[2J",
        "\u202e",
        "\ud800",
        "²",
        "١٢٣٤",
        "1_000",
        "1e999999999",
        "NaN",
        "-inf",
        "x" * 50_000,
        "9" * 5000,
        "T1-²",
        "T1-000001",
        "MUG",
        "=cmd|' /C calc'!A0",
    ]
)
TEXT = st.one_of(NASTY_TEXT, st.text(max_size=40), st.text(st.characters(codec="utf-8"), max_size=20))
JSON_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    NASTY_NUMBERS,
    TEXT,
)
JSON_ANY = st.recursive(
    JSON_SCALAR,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)
SKU = st.one_of(st.sampled_from(["MUG", "TEA", "CARD", "NOPE"]), TEXT)
QTY = st.one_of(st.integers(min_value=-5, max_value=12_000), NASTY_NUMBERS, TEXT)
LINE = st.fixed_dictionaries(
    {"sku": SKU},
    optional={
        "qty": QTY,
        "discount": st.one_of(
            JSON_ANY, st.fixed_dictionaries({"percent": QTY}), st.fixed_dictionaries({"amount": QTY})
        ),
    },
)
PAYMENT = st.fixed_dictionaries(
    {"method": st.one_of(st.sampled_from(["cash", "card", "store_credit"]), TEXT)},
    optional={
        "amount": st.one_of(st.integers(0, 10_000), NASTY_NUMBERS),
        "tendered": st.one_of(st.integers(0, 10_000), NASTY_NUMBERS),
        "reference": TEXT,
    },
)
CART = st.fixed_dictionaries(
    {"lines": st.one_of(st.lists(LINE, min_size=1, max_size=3), JSON_ANY)},
    optional={
        "payments": st.one_of(
            st.lists(PAYMENT, max_size=2), JSON_ANY, st.just([{"method": "cash", "tendered": 10**6}])
        ),
        "customer": st.one_of(st.sampled_from(["alice", "Nobody"]), TEXT, JSON_SCALAR),
        "note": st.one_of(TEXT, JSON_SCALAR, st.just("n" * 2001)),
        "shipping": st.one_of(st.fixed_dictionaries({"address": TEXT}), JSON_ANY),
        "fulfilment": st.one_of(st.sampled_from(["in_store", "pickup", "delivery"]), TEXT),
        "key": st.one_of(TEXT, JSON_SCALAR, st.just("k" * 121)),
        "discount": JSON_ANY,
    },
)


def _json_bytes(document: Any) -> bytes:
    # Python writes huge ints and surrogates as JSON text; that is exactly the hostile part.
    with contextlib.suppress(ValueError):
        return json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return json.dumps(document).encode()


# -- property tests --------------------------------------------------------------------------


NESTED = st.tuples(st.integers(1, 5000), st.sampled_from([(b"[", b"]"), (b'{"a":', b"}")])).map(
    lambda t: t[1][0] * t[0] + b"1" + t[1][1] * t[0]
)


@HOSTILE
@given(data=st.one_of(st.binary(max_size=300), NESTED))
def test_checkout_survives_random_bytes(shop: Path, data: bytes) -> None:
    check(attempt(shop, ["checkout"], stdin=data))


@HOSTILE
@given(document=st.one_of(CART, JSON_ANY), user=st.sampled_from(["manager", "clerk", "alice"]))
def test_checkout_survives_random_json(shop: Path, document: Any, user: str) -> None:
    check(attempt(shop, ["checkout", "--json"], stdin=_json_bytes(document), user=user))


CSV_CELL = st.one_of(TEXT, st.integers(-(2**64), 2**64).map(str), NASTY_NUMBERS.map(str))


@HOSTILE
@given(
    body=st.one_of(
        st.binary(max_size=300),
        st.lists(st.lists(CSV_CELL, min_size=6, max_size=7), max_size=4).map(
            lambda rows: "\n".join(
                ["sku,barcode,name,price,tax_rate,on_hand", *(",".join(r) for r in rows)]
            ).encode("utf-8", "surrogatepass")
        ),
    ),
    set_stock=st.booleans(),
)
def test_import_survives_random_files(shop: Path, body: bytes, set_stock: bool) -> None:
    path = shop.parent / "incoming.csv"
    path.write_bytes(body)
    check(attempt(shop, ["products", "import", str(path), *(["--set-stock"] if set_stock else [])]))


ORDER_REF = st.one_of(st.sampled_from(["T1-000001", "T1-2", "t1-3", "T1-000004", "T1-000009"]), TEXT)
NUMBER_ARG = st.one_of(st.integers(-(2**70), 2**70).map(str), TEXT)


@HOSTILE
@given(
    command=st.one_of(
        st.tuples(
            st.just("list"),
            st.sampled_from(
                ["--search", "--customer", "--till", "--since", "--until", "--limit", "--status"]
            ),
            st.one_of(TEXT, NUMBER_ARG, st.sampled_from(["0001-01-01", "9999-12-31", "2026-01-01"])),
        ),
        st.tuples(st.just("show"), ORDER_REF),
        st.tuples(
            st.just("update"),
            ORDER_REF,
            st.sampled_from(["--note", "--tracking", "--ship-to", "--status", "--expect-version"]),
            st.one_of(TEXT, NUMBER_ARG, st.sampled_from(["processing", "1", "2"])),
        ),
        st.tuples(
            st.just("refund"), ORDER_REF, st.just("--line"), st.one_of(TEXT, NUMBER_ARG.map("MUG:{}".format))
        ),
        st.tuples(st.just("cancel"), ORDER_REF, st.just("--expect-version"), NUMBER_ARG),
    ),
    user=st.sampled_from(["manager", "clerk", "alice"]),
)
def test_order_commands_survive_random_arguments(shop: Path, command: tuple[str, ...], user: str) -> None:
    check(attempt(shop, ["orders", *command], user=user))


# -- the examples from the issue, each with its expected exit code ---------------------------

DEEP = b"[" * 100_000 + b"]" * 100_000
CART_OK = {
    "lines": [{"sku": "MUG", "qty": 1}],
    "payments": [{"method": "card", "amount": 400, "reference": "R"}],
}


def _cart(**changes: Any) -> bytes:
    return json.dumps({**CART_OK, **changes}).encode()


EXAMPLES: list[tuple[str, list[str], bytes, int]] = [
    ("deep-json", ["checkout"], DEEP, 5),
    ("deep-object", ["checkout"], b'{"a":' * 100_000 + b"1" + b"}" * 100_000, 5),
    ("invalid-utf8", ["checkout"], b'{"lines": [{"sku": "MUG\xff"}]}', 5),
    ("lone-surrogate", ["checkout"], b'{"lines": [{"sku": "\\ud800"}]}', 5),
    ("5000-digit-qty", ["checkout"], b'{"lines": [{"sku": "MUG", "qty": ' + b"9" * 5000 + b"}]}", 5),
    ("2^63-qty", ["checkout"], _cart(lines=[{"sku": "MUG", "qty": 2**63}]), 5),
    ("exponent-qty", ["checkout"], b'{"lines": [{"sku": "MUG", "qty": 1e999999999}]}', 5),
    (
        "nan-amount",
        ["checkout"],
        b'{"lines": [{"sku": "MUG"}], "payments": [{"method": "card", "amount": NaN}]}',
        5,
    ),
    ("float-qty", ["checkout"], _cart(lines=[{"sku": "MUG", "qty": 2.0}]), 5),
    ("huge-amount", ["checkout"], _cart(payments=[{"method": "card", "amount": 10**11 + 1}]), 5),
    ("control-in-note", ["checkout"], _cart(note="hi\x1b[2J"), 5),
    ("long-note", ["checkout"], _cart(note="n" * 2001), 5),
    ("long-key", ["checkout"], _cart(key="k" * 121), 5),
    (
        "long-reference",
        ["checkout"],
        _cart(payments=[{"method": "card", "amount": 400, "reference": "r" * 81}]),
        5,
    ),
    ("long-address", ["checkout"], _cart(shipping={"address": "a" * 501}), 5),
    ("rtl-override-key", ["checkout"], _cart(key="abc\u202e"), 5),
    ("huge-search", ["orders", "list", "--search", "x" * 50_000], b"", 5),
    ("huge-number-search", ["orders", "list", "--search", "9" * 5000], b"", 5),
    ("2^63-search", ["orders", "list", "--search", str(2**63)], b"", 0),
    ("superscript-search", ["orders", "list", "--search", "²"], b"", 0),
    ("show-superscript", ["orders", "show", "T1-²"], b"", 4),
    ("since-year-1", ["orders", "list", "--since", "0001-01-01"], b"", 2),
    ("until-year-9999", ["orders", "list", "--until", "9999-12-31"], b"", 2),
    ("limit-2^63", ["orders", "list", "--limit", str(2**63)], b"", 2),
    ("limit-underscore", ["orders", "list", "--limit", "1_0"], b"", 2),
    ("limit-arabic", ["orders", "list", "--limit", "١٢"], b"", 2),
    (
        "expect-version-huge",
        ["orders", "update", "T1-1", "--note", "x", "--expect-version", "9" * 5000],
        b"",
        2,
    ),
    ("refund-superscript", ["orders", "refund", "T1-1", "--line", "MUG:²"], b"", 2),
    ("refund-2^63", ["orders", "refund", "T1-1", "--line", f"MUG:{2**63}"], b"", 2),
    ("receive-exponent", ["stock", "receive", "MUG", "1e3"], b"", 2),
    ("receive-2^63", ["stock", "receive", "MUG", str(2**63)], b"", 2),
    ("adjust-underscore", ["stock", "adjust", "MUG", "1_000", "--reason", "x"], b"", 2),
    ("note-control", ["orders", "update", "T1-1", "--note", "a\x07b"], b"", 5),
    ("tracking-long", ["orders", "update", "T1-1", "--tracking", "t" * 81], b"", 5),
    ("bad-utf8-argument", ["orders", "show", "T1-\udcff"], b"", 2),
    ("pay-amount-arabic", ["orders", "pay", "T1-000004", "--cash", "١٢"], b"", 5),
    ("pay-amount-exponent", ["orders", "pay", "T1-000004", "--card", "1e3", "--reference", "R"], b"", 5),
    ("pay-amount-underscore", ["orders", "pay", "T1-000004", "--store-credit", "1_000"], b"", 5),
    ("pay-amount-5000-digits", ["orders", "pay", "T1-000004", "--cash", "9" * 5000], b"", 5),
    ("pay-amount-dashes", ["orders", "pay", "T1-000004", "--cash=--"], b"", 5),
    ("pay-ref-control", ["orders", "pay", "T1-000004", "--card", "2.55", "--reference", "\x1b"], b"", 5),
    ("credit-amount-arabic", ["customers", "credit", "alice", "١٢", "--reason", "x"], b"", 5),
    ("credit-amount-exponent", ["customers", "credit", "alice", "1e3", "--reason", "x"], b"", 5),
    ("credit-amount-underscore", ["customers", "credit", "alice", "1_000", "--reason", "x"], b"", 5),
    ("credit-amount-5000-digits", ["customers", "credit", "alice", "9" * 5000, "--reason", "x"], b"", 5),
    ("credit-reason-control", ["customers", "credit", "alice", "1", "--reason", "x\x1b[2J"], b"", 5),
    ("adjust-reason-control", ["stock", "adjust", "MUG", "-1", "--reason", "lost\u202e"], b"", 5),
    ("anchor-control", ["verify", "--anchor", "\x1b[2J"], b"", 2),
]


@pytest.mark.parametrize(("args", "stdin", "code"), [e[1:] for e in EXAMPLES], ids=[e[0] for e in EXAMPLES])
def test_each_example_from_the_issue_is_refused_cleanly(
    shop: Path, args: list[str], stdin: bytes, code: int
) -> None:
    outcome = attempt(shop, args, stdin=stdin)
    check(outcome)
    assert outcome.code == code, outcome.err
    if code:
        lines = [line for line in outcome.err.splitlines() if not line.startswith(("usage:", " "))]
        assert len(lines) == 1, outcome.err


def test_a_good_cart_still_sells(shop: Path) -> None:
    outcome = attempt(shop, ["checkout", "--json"], stdin=_cart())
    check(outcome)
    assert outcome.code == 0 and json.loads(outcome.out)["total"] == 400


@HOSTILE
@given(
    command=st.one_of(
        st.tuples(st.just("receive"), SKU, NUMBER_ARG),
        st.tuples(st.just("adjust"), SKU, NUMBER_ARG, st.just("--reason"), TEXT),
        st.tuples(st.just("show"), SKU),
    ),
    user=st.sampled_from(["manager", "clerk"]),
)
def test_stock_commands_survive_random_arguments(shop: Path, command: tuple[str, ...], user: str) -> None:
    check(attempt(shop, ["stock", *command], user=user))


# Amounts as a clerk might type them, well formed or not.
AMOUNT_ARG = st.one_of(
    st.integers(0, 10**12).map(lambda v: f"{v // 100}.{v % 100:02d}"),
    st.sampled_from(["2.55", "5", "0", "١٢", "1e3", "1_000", "9" * 5000, "-1", "1,000.00", "0.001", "²"]),
    NUMBER_ARG,
)
TENDER = st.one_of(
    st.tuples(st.just("--cash"), AMOUNT_ARG),
    st.tuples(st.just("--card"), AMOUNT_ARG),
    st.tuples(st.just("--store-credit"), AMOUNT_ARG),
    st.tuples(st.just("--reference"), st.one_of(st.just("R-9"), TEXT)),
    st.tuples(st.just("--expect-version"), st.one_of(st.just("1"), NUMBER_ARG)),
)


@HOSTILE
@given(
    order=ORDER_REF,
    options=st.lists(TENDER, max_size=3),
    user=st.sampled_from(["manager", "clerk", "alice"]),
)
def test_orders_pay_survives_random_amounts_and_references(
    shop: Path, order: str, options: list[tuple[str, str]], user: str
) -> None:
    # `--option=value`, so a value starting with "-" is still the option's value.
    check(attempt(shop, ["orders", "pay", order, *(f"{name}={value}" for name, value in options)], user=user))


CUSTOMER = st.one_of(st.sampled_from(["alice", "ALICE", "bob", " alice "]), TEXT)


@HOSTILE
@given(
    command=st.one_of(
        st.tuples(st.just("show"), CUSTOMER),
        st.tuples(
            st.just("credit"),
            CUSTOMER,
            st.one_of(TEXT, st.just("sorry")).map("--reason={}".format),
            st.just("--"),
            AMOUNT_ARG,
        ),
    ),
    user=st.sampled_from(["manager", "clerk", "alice"]),
)
def test_customer_commands_survive_random_names_amounts_and_reasons(
    shop: Path, command: tuple[str, ...], user: str
) -> None:
    check(attempt(shop, ["customers", *command], user=user))


ANCHOR = st.one_of(
    TEXT,
    st.text("0123456789abcdefABCDEF", min_size=1, max_size=70),
    st.binary(min_size=32, max_size=32).map(bytes.hex),
)


@HOSTILE
@given(
    command=st.one_of(
        st.just(("journal", "head")), st.tuples(st.just("verify"), st.just("--anchor"), ANCHOR)
    ),
    user=st.sampled_from(["manager", "clerk", "alice"]),
)
def test_verify_and_journal_head_survive_random_anchors_and_never_change_the_file(
    shop: Path, command: tuple[str, ...], user: str
) -> None:
    check(attempt(shop, list(command), user=user), reads_only=True)


def test_the_shop_can_still_be_paid_credited_and_verified(shop: Path) -> None:
    for args, user in (
        (["orders", "pay", "T1-000004", "--store-credit", "2.55"], "clerk"),
        (["customers", "credit", "alice", "1.00", "--reason", "sorry"], "manager"),
        (["journal", "head"], "manager"),
        (["verify"], "manager"),
    ):
        outcome = attempt(shop, args, user=user)
        check(outcome)
        assert outcome.code == 0, (args, outcome.err)
