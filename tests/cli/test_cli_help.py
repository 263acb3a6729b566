"""The command line's help names what every option takes: the valid values, `--line SKU:QTY`,
the cart's JSON shape for checkout and the columns of a product file, with examples that work."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path

from pos_app.cli_parser import build_parser
from pos_app.domain.cart import read_cart_json
from pos_app.domain.catalog_csv import PRODUCT_COLUMNS
from pos_app.domain.orders import OrderStatus
from pos_app.domain.payments import PaymentMethod
from pos_app.domain.users import Actor, Role
from pos_app.services import Services


def commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every command and subcommand, as 'orders refund', with its parser."""
    yield " ".join(path), parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, (*path, name))


def helps(name: str) -> str:
    return dict(commands(build_parser()))[name].format_help()


def flat(text: str) -> str:
    return " ".join(text.split())


def test_every_option_and_argument_says_what_it_takes() -> None:
    missing = [
        f"{name}: {action.option_strings or action.dest}"
        for name, parser in commands(build_parser())
        for action in parser._actions
        if not isinstance(action, (argparse._HelpAction, argparse._SubParsersAction))
        and not (action.help and action.help.strip())
    ]
    assert missing == []


def test_every_choice_is_named() -> None:
    for name, parser in commands(build_parser()):
        text = flat(parser.format_help())
        for action in parser._actions:
            for choice in action.choices or () if not isinstance(action, argparse._SubParsersAction) else ():
                assert str(choice) in text, f"{name} {action.dest}: {choice}"
    assert all(role.value in flat(helps("users add")) for role in Role)


def test_statuses_are_listed_where_a_status_is_asked_for() -> None:
    listing = flat(helps("orders list"))
    assert all(status.value in listing for status in OrderStatus)
    update = flat(helps("orders update"))
    for status in ("processing", "ready", "shipped", "delivered", "collected", "orders cancel"):
        assert status in update


def test_refund_lines_are_shown_as_sku_colon_qty() -> None:
    text = flat(helps("orders refund"))
    assert "--line SKU:QTY" in text and "e.g. MUG:2" in text and "1 to 9999" in text


def test_checkout_help_shows_a_cart_and_explains_each_field() -> None:
    text = helps("checkout")
    start, end = text.index("\n  {\n"), text.index("\n  }\n") + 4
    cart = json.loads(text[start:end])
    assert set(cart) >= {"lines", "customer", "fulfilment", "shipping", "discount", "payments", "key"}
    for field in ("lines", "customer", "fulfilment", "shipping", "discount", "note", "payments", "key"):
        assert re.search(rf"^{field} +\S", text, re.MULTILINE), field  # each field explained
    assert all(method.value in flat(text) for method in PaymentMethod)
    request = read_cart_json(text[start:end])  # the example is a valid cart
    assert [(line.sku, line.qty) for line in request.cart.lines] == [("MUG", 2), ("TEA", 1)]


def test_products_import_help_names_the_columns_with_an_example_that_imports(
    services: Services, manager: Actor, tmp_path: Path
) -> None:
    text = helps("products import")
    for column in PRODUCT_COLUMNS:
        assert re.search(rf"^  {column} +\S", text, re.MULTILINE), column
    header = ",".join(PRODUCT_COLUMNS)
    rows = text[text.index(f"  {header}") :].split("\n\n")[0]
    example = tmp_path / "example.csv"
    example.write_text("\n".join(line.strip() for line in rows.splitlines()) + "\n")
    assert services.catalog.import_csv(manager, example) == 2
