"""The command line for money: orders awaiting payment and `orders pay`, store credit
(`customers credit`, `customers show`, `--to-credit`), keys bound to their request, and
`products import --set-stock`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import EXIT_DENIED, EXIT_REFUSED, Cli, demo_db, one_line, run
from tests.helpers import dump

__all__ = ["demo_db", "run"]  # the fixtures, shared with test_cli


def customer_cart(**extra: object) -> str:
    return json.dumps({"lines": [{"sku": "85123A", "qty": 1}]} | extra)


def test_a_customers_checkout_awaits_payment_and_says_so(run: Cli) -> None:
    order = run("checkout", "--json", user="alice", stdin=customer_cart()).json()
    assert (order["status"], order["paid"], order["awaiting_payment"]) == ("placed", 0, True)
    assert order["balance_due"] == order["total"] > 0
    shown = run("orders", "show", order["number"])
    due = f"{order['balance_due'] // 100}.{order['balance_due'] % 100:02d}"
    assert f"awaiting payment: {due} due" in shown.out


def test_a_customers_cart_with_a_card_reference_is_refused(run: Cli) -> None:
    before = dump(run.db)
    result = run(
        "checkout",
        user="alice",
        stdin=customer_cart(payments=[{"method": "card", "amount": 295, "reference": "FAKE"}]),
    )
    assert result.code == EXIT_REFUSED
    assert "payments are taken by staff" in one_line(result)
    assert dump(run.db) == before


def test_staff_take_the_payment_with_orders_pay(run: Cli) -> None:
    order = run("checkout", "--json", user="alice", stdin=customer_cart()).json()
    paid = run("orders", "pay", order["number"], "--cash", "50.00", "--json", user="clerk").json()
    assert (paid["status"], paid["balance_due"], paid["awaiting_payment"]) == ("completed", 0, False)
    assert paid["payments"][0]["tendered"] == 5000
    again = run("orders", "pay", order["number"], "--cash", "5", user="clerk")
    assert again.code == EXIT_REFUSED and "nothing left to pay" in one_line(again)
    denied = run("orders", "pay", order["number"], "--cash", "5", user="alice")
    assert denied.code == EXIT_DENIED


def test_orders_pay_by_card_needs_a_reference(run: Cli) -> None:
    order = run("checkout", "--json", user="alice", stdin=customer_cart()).json()
    amount = f"{order['total'] // 100}.{order['total'] % 100:02d}"
    refused = run("orders", "pay", order["number"], "--card", amount, user="clerk")
    assert refused.code == EXIT_REFUSED
    paid = run(
        "orders", "pay", order["number"], "--card", amount, "--reference", "T-1", "--json", user="clerk"
    ).json()
    assert paid["payments"][0]["reference"] == "T-1"


def test_customers_credit_and_show(run: Cli) -> None:
    given = run("customers", "credit", "alice", "5.00", "--reason", "broken mug")
    assert given.code == 0 and "alice: store credit £5.00" in given.out
    shown = run("customers", "show", "alice", user="clerk")
    assert "store credit £5.00" in shown.out and "broken mug" in shown.out
    denied = run("customers", "credit", "alice", "5.00", "--reason", "me", user="clerk")
    assert denied.code == EXIT_DENIED
    order = run(
        "checkout",
        "--json",
        user="alice",
        stdin=customer_cart(payments=[{"method": "store_credit", "amount": 255}]),
    ).json()
    assert order["balance_due"] == 0
    assert "store credit £2.45" in run("customers", "show", "alice").out


def test_a_key_with_another_cart_exits_5(run: Cli) -> None:
    cart = {"lines": [{"sku": "85123A", "qty": 1}], "payments": [{"method": "cash", "tendered": 2000}]}
    first = run("checkout", "--json", user="clerk", stdin=json.dumps(cart | {"key": "same"})).json()
    assert (
        run("checkout", "--json", user="clerk", stdin=json.dumps(cart | {"key": "same"})).json()["id"]
        == (first["id"])
    )
    other = cart | {"key": "same", "lines": [{"sku": "85123A", "qty": 2}]}
    before = dump(run.db)
    result = run("checkout", user="clerk", stdin=json.dumps(other))
    assert result.code == EXIT_REFUSED
    assert "key already used for a different sale" in one_line(result)
    assert dump(run.db) == before


def test_cancel_to_credit_and_no_restock_by_a_customer(run: Cli) -> None:
    order = run("checkout", "--json", user="alice", stdin=customer_cart()).json()
    refused = run("orders", "cancel", order["number"], "--no-restock", user="alice")
    assert refused.code == EXIT_DENIED
    assert "only staff decide what goes back on the shelf" in one_line(refused)
    cancelled = run("orders", "cancel", order["number"], "--json", user="alice").json()
    assert (cancelled["status"], cancelled["refunded"]) == ("cancelled", 0)


def test_import_set_stock(run: Cli, tmp_path: Path) -> None:
    export = tmp_path / "old.csv"
    assert run("products", "export", str(export)).code == 0
    run("stock", "receive", "85123A", "7")
    result = run("products", "import", str(export))
    assert result.code == 0 and "use --set-stock to count" in result.out
    counted = run("products", "import", str(export), "--set-stock")
    assert "stock counted: 1 level(s) set" in counted.out
