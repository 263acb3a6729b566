"""Generating a large order history quickly (benchmarks, demos): years of plausible sales.

Orders go in with their lines, payments, 'placed' event and hash-chained journal entry, in
chunks of one transaction each; stock gets a delivery and a sale movement per product and
chunk, so on-hand still equals the ledger and stays at its starting level.

Speed comes from doing per order only what differs between orders: baskets (products,
quantities and their pricing) are priced once up front and drawn at random, rows are tuples,
ids are made in batches, and the journal's JSON is formatted around each basket's fixed part.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pos_app.domain.errors import InvalidInput
from pos_app.domain.pricing import LineInput, PricingSettings, price_cart
from pos_app.domain.records import Product
from pos_app.domain.variable_measure import SoldBy
from pos_app.services import Services
from pos_app.store.bulk import bulk_session, chunk, insert_history, last_journal_hash, reserve_numbers
from pos_app.store.ids import new_ids

CHUNK = 20_000
HISTORY_TILLS = ("T2", "T3")
YEARS = 3
BASKETS = 4096  # distinct priced baskets drawn from
PRODUCTS_SAMPLED = 5000  # a big catalogue is sampled, never loaded whole
LINES_PER_ORDER = 3


@dataclass(frozen=True)
class _Basket:
    lines: tuple[tuple[Any, ...], ...]  # order_lines tuples from line_no on (id, order_id go first)
    lines_json: str  # the journal payload's "lines" value (domain.journal.LINE_FIELDS), canonical JSON
    subtotal: int
    discount: int
    tax: int
    total: int
    prices_include_tax: bool
    item_count: int
    sold: tuple[tuple[str, int], ...]  # (product id, qty) of stock-tracked products


def _baskets(products: list[Product], pricing: PricingSettings, rng: random.Random) -> list[_Basket]:
    size = min(LINES_PER_ORDER, len(products))
    baskets = []
    for _ in range(BASKETS):
        picked = rng.sample(products, size)
        qtys = [rng.randint(1, 3) for _ in picked]
        priced = price_cart(
            [LineInput(p.price, q, p.tax_rate_bp) for p, q in zip(picked, qtys, strict=True)], pricing
        )
        lines = tuple(
            (
                n,
                p.id,
                p.sku,
                p.name,
                ln.unit_price,
                ln.qty,
                ln.discount,
                ln.tax_rate_bp,
                ln.tax,
                ln.total,
                0,
                0,
            )
            for n, (p, ln) in enumerate(zip(picked, priced.lines, strict=True), 1)
        )
        baskets.append(
            _Basket(
                lines=lines,
                lines_json=_canonical([list(line[:1] + line[2:10]) for line in lines]),
                subtotal=priced.subtotal,
                discount=priced.discount,
                tax=priced.tax,
                total=priced.total,
                prices_include_tax=priced.prices_include_tax,
                item_count=sum(qtys),
                sold=tuple((p.id, q) for p, q in zip(picked, qtys, strict=True) if p.track_stock),
            )
        )
    return baskets


def _canonical(value: Any) -> str:
    # The same encoding as domain.journal.entry_hash and the journal's stored payload.
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def _timestamps(start_us: int, step_us: float, first: int, count: int, rng: random.Random) -> list[str]:
    """Sortable UTC text (as ids.to_text writes it) for orders first..first+count-1."""
    out = []
    gmtime, strftime = time.gmtime, time.strftime
    last_second, prefix = -1, ""
    for k in range(first, first + count):
        micros = start_us + int(step_us * k) + rng.randrange(1_000_000)
        second, fraction = divmod(micros, 1_000_000)
        if second != last_second:
            prefix = strftime("%Y-%m-%dT%H:%M:%S", gmtime(second))
            last_second = second
        out.append(f"{prefix}.{fraction:06d}Z")
    return out


def generate_orders(
    services: Services, count: int, *, seed: int = 11, progress: Callable[[int, int], None] | None = None
) -> None:
    """Add `count` completed in-store orders spread over the last few years, before today's."""
    rng = random.Random(seed)
    settings = services.settings.current()
    with services.db.read() as uow:
        # Made-up history sells items only: a weighed product's lines would need grams and weights.
        products = [
            p
            for p in itertools.islice(uow.products.all_rows(), PRODUCTS_SAMPLED)
            if p.active and p.sold_by is SoldBy.EACH
        ]
        customers = [(c.id, c.name) for c in uow.customers.search("", 1000)]
    if not products:
        raise InvalidInput("there are no products to sell; import a catalogue first")
    baskets = _baskets(products, settings.pricing, rng)
    span = timedelta(days=365 * YEARS)
    start_us = int((datetime.now(UTC) - span).timestamp() * 1_000_000)
    step_us = span / timedelta(microseconds=1) / max(count, 1) * 0.98  # ends before today's sales
    currency = settings.currency
    names = {name: _canonical(name) for _id, name in customers} | {"": '""'}
    done = 0
    with bulk_session(services.db) as conn:
        while done < count:
            size = min(CHUNK, count - done)
            with chunk(conn) as uow:
                firsts = {till: reserve_numbers(conn, till, size) for till in HISTORY_TILLS}
                used = dict.fromkeys(HISTORY_TILLS, 0)
                previous = last_journal_hash(conn)
                moments = _timestamps(start_us, step_us, done, size, rng)
                ids = iter(new_ids(size * (3 + LINES_PER_ORDER)))
                order_rows: list[tuple[Any, ...]] = []
                line_rows: list[tuple[Any, ...]] = []
                pay_rows: list[tuple[Any, ...]] = []
                event_rows: list[tuple[Any, ...]] = []
                journal_rows: list[tuple[Any, ...]] = []
                used_baskets: Counter[int] = Counter()
                for moment in moments:
                    till = HISTORY_TILLS[rng.random() < 0.5]
                    seq = firsts[till] + used[till]
                    used[till] += 1
                    number = f"{till}-{seq:06d}"
                    pick = rng.randrange(BASKETS)
                    basket = baskets[pick]
                    used_baskets[pick] += 1
                    customer_id, customer_name = (
                        rng.choice(customers) if customers and rng.random() < 0.6 else (None, "")
                    )
                    order_id = next(ids)
                    method = "card" if rng.random() < 0.6 else "cash"
                    reference = f"AUTH{seq}" if method == "card" else ""
                    total = basket.total
                    order_rows.append(
                        (
                            order_id,
                            number,
                            till,
                            seq,
                            "completed",
                            "in_store",
                            customer_id,
                            customer_name,
                            "clerk",
                            currency,
                            basket.subtotal,
                            basket.discount,
                            basket.tax,
                            total,
                            basket.prices_include_tax,
                            0,
                            total,
                            0,
                            0,
                            basket.item_count,
                            method,
                            "",
                            "",
                            "",
                            None,
                            moment,
                            moment,
                            1,
                        )
                    )
                    for line in basket.lines:
                        line_rows.append((next(ids), order_id, *line))
                    pay_rows.append(
                        (
                            next(ids),
                            order_id,
                            "payment",
                            method,
                            total,
                            total,
                            0,
                            reference,
                            moment,
                        )
                    )
                    event_rows.append(
                        (
                            next(ids),
                            order_id,
                            moment,
                            "clerk",
                            "",
                            "placed",
                            "",
                            "completed",
                            f"{number} paid by {method}",
                        )
                    )
                    # domain.journal.sale_payload's keys in sorted order, as canonical() writes
                    # them; the strings are JSON-encoded once (customers) or plain ASCII without
                    # quotes, and verify folds the order from it. A test compares the two.
                    customer_json = f'"{customer_id}"' if customer_id else "null"
                    payload = (
                        f'{{"cash_rounding":0,"change":0,"clerk":"clerk","created_at":"{moment}",'
                        f'"currency":"{currency}","customer_id":{customer_json},'
                        f'"customer_name":{names[customer_name]},"discount":{basket.discount},'
                        f'"fulfilment":"in_store","id":"{order_id}","kind":"sale",'
                        f'"lines":{basket.lines_json},"number":"{number}","paid":{total},'
                        f'"payments":[["{method}",{total},{total},0,"{reference}"]],'
                        f'"prices_include_tax":{"true" if basket.prices_include_tax else "false"},'
                        f'"status":"completed",'
                        f'"subtotal":{basket.subtotal},"tax":{basket.tax},"till":"{till}",'
                        f'"total":{total},"v":2}}'
                    )
                    digest = hashlib.sha256((previous + payload).encode("ascii")).hexdigest()
                    journal_rows.append(("sale", order_id, payload, previous, digest))
                    previous = digest
                insert_history(conn, order_rows, line_rows, pay_rows, event_rows, journal_rows)
                sold: Counter[str] = Counter()
                for pick, times in used_baskets.items():
                    for product_id, qty in baskets[pick].sold:
                        sold[product_id] += qty * times
                # Deliveries matching what was sold keep the shop's levels where they were, so
                # the demo till can go on selling; both sides are in the ledger.
                uow.stock.move(
                    [
                        {"product_id": pid, "qty": q, "reason": "receive", "note": "generated deliveries"}
                        for pid, q in sold.items()
                    ],
                    "manager",
                )
                uow.stock.move(
                    [
                        {"product_id": pid, "qty": -q, "reason": "sale", "note": "generated history"}
                        for pid, q in sold.items()
                    ],
                    "clerk",
                )
            done += size
            if progress:
                progress(done, count)
