"""`pos-app products ...` and `pos-app stock ...`: the catalogue (add, edit, import, export) and
stock levels from a terminal. A product sold by weight takes its price per kg and its stock in
kg or grams (12.5, 12.500kg, 500g); a bare count for it is refused, as a weight is for a product
sold each."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from pos_app import cli_output as out
from pos_app.cli import _amount, _progress  # loaded: only cli itself imports this module
from pos_app.cli_parser import UsageError, shown
from pos_app.domain.errors import InvalidInput
from pos_app.domain.users import Actor
from pos_app.domain.variable_measure import SoldBy

if TYPE_CHECKING:
    from pos_app.services import Services


def run_products(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    if args.action in ("add", "edit"):
        return _product_edit(services, actor, args)
    if args.action == "import":
        if not args.file.is_file():
            raise InvalidInput(f"there is no file {args.file}")
        result = services.catalog.import_products(
            actor, args.file, progress=_progress, set_stock=args.set_stock
        )
        print(f"imported {result.products} products from {shown(args.file)}")
        if args.set_stock:
            print(f"stock counted: {result.levels_set} level(s) set from the file")
        elif result.levels_ignored:
            print(
                f"on-hand ignored for {result.levels_ignored} existing product(s) "
                "(stock changes go through the ledger; use --set-stock to count)"
            )
    elif args.action == "category":
        product = services.catalog.edit_product(actor, args.sku, category=args.category)
        where = f"in {out.clip(product.category)}" if product.category else "in no category"
        print(f"{out.clip(product.sku)} {out.clip(product.name)} is {where}")
    else:
        count = services.catalog.export_csv(actor, args.file, progress=_progress, force=args.force)
        print(f"exported {count} products to {shown(args.file)}")
    return 0


def _product_edit(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    currency = services.settings.current().currency
    changes: dict[str, Any] = {}
    if args.price is not None:
        changes["price"] = _amount(args.price, currency, "--price")
    if args.tax_rate is not None:
        changes["tax_rate_bp"] = _tax_rate(args.tax_rate)
    if args.sold_by is not None:
        changes["sold_by"] = SoldBy(args.sold_by)
    if args.action == "add":
        product = services.catalog.add_product(
            actor,
            args.sku,
            args.name,
            changes["price"],
            changes["tax_rate_bp"],
            barcode=args.barcode or None,
            track_stock=not args.no_stock,
            sold_by=changes["sold_by"],
        )
    else:
        for name in ("name", "barcode"):
            if getattr(args, name) is not None:
                changes[name] = getattr(args, name)
        if args.active is not None:
            changes["active"] = args.active == "yes"
        if not changes:
            raise UsageError(
                "say what to change: --name, --price, --tax-rate, --barcode, --sold-by or --active"
            )
        product = services.catalog.edit_product(actor, args.sku, **changes)
    out.print_product(product, currency)
    return 0


def _tax_rate(text: str) -> int:
    from pos_app.services.catalog import parse_tax_rate

    try:
        return parse_tax_rate(text)
    except InvalidInput as exc:
        raise InvalidInput(f"--tax-rate: {exc.message}") from None


def run_stock(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    if args.action == "show":
        out.print_levels(services.stock.levels(actor, args.sku))
        return 0
    level = services.stock.levels(actor, args.sku)[0]
    qty = _in_measure(args.sku, args.qty.value, args.qty.weight, level.sold_by)
    if args.action == "receive":
        out.print_levels([services.stock.receive(actor, args.sku, qty)])
    else:
        out.print_levels([services.stock.adjust(actor, args.sku, qty, args.reason)])
    return 0


def _in_measure(sku: str, value: int, weight: bool, sold_by: SoldBy) -> int:
    """A number typed for a product, in its own unit: a weight for one sold by weight (a bare
    count there could be grams or kg), a count for one sold each."""
    if sold_by is SoldBy.WEIGHT and not weight:
        raise UsageError(f"{sku} is sold by weight: give kg or grams, e.g. 12.5 or 500g")
    if sold_by is SoldBy.EACH and weight:
        raise UsageError(f"{sku} is sold each: give whole units, not a weight")
    return value
