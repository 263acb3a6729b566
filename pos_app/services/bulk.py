"""Generating a large order history quickly (benchmarks, demos): years of plausible sales.

Orders go in with their lines, payments, history and journal entries, in chunks of one
transaction each; stock gets one ledger movement per product and chunk, so on-hand still
equals the ledger.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from pos_app.domain.journal import entry_hash
from pos_app.domain.pricing import LineInput, price_cart
from pos_app.domain.records import Product
from pos_app.services import Services
from pos_app.services.checkout import sale_payload
from pos_app.store.bulk import insert_history, last_journal_hash, reserve_numbers
from pos_app.store.ids import new_id, to_text

CHUNK = 20_000
HISTORY_TILLS = ("T2", "T3")
YEARS = 3


def generate_orders(
    services: Services, count: int, *, seed: int = 11, progress: Callable[[int, int], None] | None = None
) -> None:
    rng = random.Random(seed)
    settings = services.settings.current()
    with services.db.read() as uow:
        products: list[Product] = [p for p in uow.products.all_rows() if p.active]
        customers = uow.customers.search("", 1000)
    start = datetime.now(UTC) - timedelta(days=365 * YEARS)
    step = timedelta(days=365 * YEARS) / max(count, 1) * 0.98  # history ends before today's sales
    done = 0
    while done < count:
        size = min(CHUNK, count - done)
        with services.db.write() as uow:
            conn = uow.conn
            firsts = {till: reserve_numbers(conn, till, size) for till in HISTORY_TILLS}
            used = dict.fromkeys(HISTORY_TILLS, 0)
            previous = last_journal_hash(conn)
            order_rows, line_rows, pay_rows, event_rows, journal_rows = [], [], [], [], []
            sold: dict[str, int] = {}
            for i in range(size):
                moment = to_text(start + step * (done + i) + timedelta(seconds=rng.random()))
                till = rng.choice(HISTORY_TILLS)
                seq = firsts[till] + used[till]
                used[till] += 1
                number = f"{till}-{seq:06d}"
                picked = rng.sample(products, 3)
                qtys = [rng.randint(1, 3) for _ in picked]
                priced = price_cart(
                    [LineInput(p.price, q, p.tax_rate_bp) for p, q in zip(picked, qtys, strict=True)],
                    settings.pricing,
                )
                customer = rng.choice(customers) if customers and rng.random() < 0.6 else None
                order_id = new_id()
                method = "card" if rng.random() < 0.6 else "cash"
                header = {
                    "id": order_id,
                    "number": number,
                    "till": till,
                    "seq": seq,
                    "status": "completed",
                    "fulfilment": "in_store",
                    "customer_id": customer.id if customer else None,
                    "customer_name": customer.name if customer else "",
                    "clerk_name": "clerk",
                    "currency": settings.currency,
                    "subtotal": priced.subtotal,
                    "discount": priced.discount,
                    "tax": priced.tax,
                    "total": priced.total,
                    "prices_include_tax": priced.prices_include_tax,
                    "cash_rounding": 0,
                    "paid": priced.total,
                    "change_given": 0,
                    "refunded": 0,
                    "item_count": sum(qtys),
                    "payment_summary": method,
                    "ship_to": "",
                    "tracking": "",
                    "note": "",
                    "checkout_key": None,
                    "created_at": moment,
                    "updated_at": moment,
                    "version": 1,
                }
                lines = [
                    {
                        "id": new_id(),
                        "order_id": order_id,
                        "line_no": n,
                        "product_id": p.id,
                        "sku": p.sku,
                        "name": p.name,
                        "unit_price": line.unit_price,
                        "qty": line.qty,
                        "discount": line.discount,
                        "tax_rate_bp": line.tax_rate_bp,
                        "tax": line.tax,
                        "total": line.total,
                        "refunded_qty": 0,
                        "refunded_amount": 0,
                    }
                    for n, (p, line) in enumerate(zip(picked, priced.lines, strict=True), 1)
                ]
                pays = [
                    {
                        "id": new_id(),
                        "order_id": order_id,
                        "kind": "payment",
                        "method": method,
                        "amount": priced.total,
                        "tendered": priced.total,
                        "change": 0,
                        "reference": f"AUTH{seq}" if method == "card" else "",
                        "created_at": moment,
                    }
                ]
                payload = sale_payload(header, lines, pays)
                digest = entry_hash(previous, payload)
                journal_rows.append(
                    {
                        "kind": "sale",
                        "order_id": order_id,
                        "payload": json.dumps(payload, sort_keys=True, separators=(",", ":")),
                        "prev_hash": previous,
                        "hash": digest,
                    }
                )
                previous = digest
                event_rows.append(
                    {
                        "id": new_id(),
                        "order_id": order_id,
                        "at": moment,
                        "user_name": "clerk",
                        "approver_name": "",
                        "action": "placed",
                        "from_status": "",
                        "to_status": "completed",
                        "detail": f"{number} paid by {method}",
                    }
                )
                order_rows.append(header)
                line_rows.extend(lines)
                pay_rows.extend(pays)
                for p, q in zip(picked, qtys, strict=True):
                    if p.track_stock:
                        sold[p.id] = sold.get(p.id, 0) + q
            insert_history(conn, order_rows, line_rows, pay_rows, event_rows, journal_rows)
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
