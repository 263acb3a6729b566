"""A 300,000-product catalogue: CSV import, scan/SKU lookup and name search, beside plain sqlite3.

    .venv/bin/python bench/catalog.py [--products N] [--keep PATH] [--runs R]

The CSV is generated once under bench/out/. The import runs as `pos-app products import` in
a new process (progress is shown when stderr is a terminal) into a new database, kept at
--keep PATH if given; lookups and searches then open that file fresh in this process.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sqlite3
import sys
import time
from pathlib import Path

from common import (
    OUT,
    Table,
    children_peak_rss_mib,
    ms,
    peak_rss_mib,
    ratio,
    remove_db,
    run_cli,
    seconds,
    timed,
)

from pos_app.domain.barcode import gtin_check_digit
from pos_app.services import Services
from pos_app.store.catalog_repo import fts_query

ADJECTIVES = [
    "Vintage",
    "Hanging",
    "Large",
    "Small",
    "Retro",
    "Rustic",
    "Classic",
    "Modern",
    "Giant",
    "Mini",
    "Painted",
    "Wooden",
    "Glass",
    "Metal",
    "Ceramic",
    "Woven",
    "Folding",
    "Scented",
    "Floral",
    "Striped",
    "Spotty",
    "Sparkly",
    "Antique",
    "Deluxe",
    "Pocket",
    "Travel",
    "Party",
]
COLOURS = [
    "White",
    "Red",
    "Blue",
    "Green",
    "Pink",
    "Black",
    "Ivory",
    "Gold",
    "Silver",
    "Cream",
    "Lilac",
    "Orange",
    "Yellow",
    "Grey",
    "Teal",
]
NOUNS = [
    "Heart",
    "Lantern",
    "Mug",
    "Candle",
    "Holder",
    "Cushion",
    "Doorstop",
    "Bunting",
    "Clock",
    "Jar",
    "Tin",
    "Basket",
    "Frame",
    "Mirror",
    "Vase",
    "Tray",
    "Bowl",
    "Teapot",
    "Notebook",
    "Bag",
    "Umbrella",
    "Hook",
    "Sign",
    "Garland",
    "Coaster",
    "Apron",
    "Bottle",
    "Planter",
    "Box",
    "Bell",
]
SEARCHES = ("whi", "white hea", "lant", "red mug", "vint gold clo", "teapot", "gla jar", "sparkly pink bag")
PASSWORD = "bench-manager-1"


def make_csv(path: Path, count: int) -> None:
    rng = random.Random(3)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["sku", "barcode", "name", "price", "tax_rate", "on_hand"])
        for n in range(count):
            body = f"50{n:010d}"
            name = f"{rng.choice(ADJECTIVES)} {rng.choice(COLOURS)} {rng.choice(NOUNS)}"
            if rng.random() < 0.5:
                name += f" {rng.choice(NOUNS)}"
            price = f"{rng.randint(50, 9999) / 100:.2f}"
            writer.writerow(
                [f"SKU{n:07d}", f"{body}{gtin_check_digit(body)}", name, price, "20", rng.randint(0, 40)]
            )


def plain_import(template: Path, path: Path, csv_path: Path) -> float:
    """The same rows into the same schema (FTS triggers included): csv + executemany, one transaction."""
    remove_db(path)
    shutil.copyfile(template, path)
    start = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("BEGIN IMMEDIATE")
    with csv_path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        batch: list[tuple[object, ...]] = []
        moves: list[tuple[object, ...]] = []
        for n, (sku, barcode, name, price, tax, on_hand) in enumerate(reader):
            pid = f"00000000-0000-7000-8000-{n:012x}"
            batch.append((pid, sku, barcode, name, round(float(price) * 100), int(tax) * 100, int(on_hand)))
            if int(on_hand):
                moves.append((f"00000000-0000-7000-9000-{n:012x}", pid, int(on_hand)))
            if len(batch) == 2000:
                _plain_flush(conn, batch, moves)
                batch, moves = [], []
        _plain_flush(conn, batch, moves)
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


def _plain_flush(
    conn: sqlite3.Connection, batch: list[tuple[object, ...]], moves: list[tuple[object, ...]]
) -> None:
    conn.executemany(
        "INSERT INTO products (id, sku, barcode, name, price, tax_rate_bp, track_stock, active, on_hand, "
        "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 1, 1, ?, '', '', 1)",
        batch,
    )
    conn.executemany(
        "INSERT INTO stock_movements (id, product_id, qty, reason, order_id, note, user_name, created_at) "
        "VALUES (?, ?, ?, 'import', NULL, '', 'bench', '')",
        moves,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--products", type=int, default=300_000)
    parser.add_argument("--keep", type=Path, help="keep the imported database at this path")
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    csv_path = OUT / f"catalog-{args.products}.csv"
    if not csv_path.exists():
        make_csv(csv_path, args.products)
    path = args.keep or OUT / "catalog-pos_app.sqlite3"
    template = OUT / "catalog-empty.sqlite3"
    plain_path = OUT / "catalog-plain.sqlite3"
    for p in (path, template):
        remove_db(p)
    env = {"POS_APP_NEW_PASSWORD": PASSWORD, "POS_APP_PASSWORD": PASSWORD}
    run_cli(["--db", str(template), "init", "--manager", "boss"], env)
    shutil.copyfile(template, path)
    print(f"pos-app products import {csv_path.name} ...", file=sys.stderr, flush=True)
    ours_import = run_cli(["--db", str(path), "--user", "boss", "products", "import", str(csv_path)], env)
    import_peak = children_peak_rss_mib()
    print("plain sqlite3 import ...", file=sys.stderr, flush=True)
    plain_seconds = plain_import(template, plain_path, csv_path)
    remove_db(template)

    table = Table(f"Catalogue: {args.products:,} products")
    table.add(
        f"pos-app products import ({args.products:,} rows)",
        seconds(ours_import),
        seconds(plain_seconds),
        ratio(ours_import, plain_seconds),
        "< 30 s",
    )
    table.add("  import: peak memory (process, argon2 log-in included)", f"{import_peak:.0f} MiB", "", "", "")

    services = Services.open(path)
    plain = sqlite3.connect(plain_path, isolation_level=None)
    try:
        rng = random.Random(9)
        rows = [
            plain.execute(
                "SELECT sku, barcode FROM products WHERE rowid = ?", (rng.randint(1, args.products),)
            ).fetchone()
            for _ in range(2 * (args.runs + 1))
        ]
        columns = "id, sku, barcode, name, price, tax_rate_bp, track_stock, active, on_hand, version"
        for kind, index in (("barcode", 1), ("SKU", 0)):
            column = "barcode" if index else "sku"
            ours = timed(lambda i, k=index: services.catalog.find(rows[i][k]), args.runs)
            theirs = timed(
                lambda i, k=index, c=column: plain.execute(
                    f"SELECT {columns} FROM products WHERE {c} = ?", (rows[args.runs + 1 + i][k],)
                ).fetchone(),
                args.runs,
            )
            table.timing(f"find by {kind} (CatalogService.find)", ours, theirs, "< 1 ms")

        def plain_search(words: str) -> list[object]:
            return plain.execute(
                f"SELECT {columns} FROM products WHERE rowid IN "
                "(SELECT rowid FROM products_fts WHERE products_fts MATCH ? LIMIT 80) "
                "AND active = 1 ORDER BY name LIMIT 20",
                (fts_query(words),),
            ).fetchall()

        worst = 0.0
        for words in SEARCHES:
            ours = timed(lambda _i, w=words: services.catalog.search(w, 20), args.runs // 4)
            theirs = timed(lambda _i, w=words: plain_search(w), args.runs // 4)
            table.timing(f"search '{words}', first 20", ours, theirs, "< 5 ms")
            worst = max(worst, ours.median)
        table.add("  search: slowest median above", ms(worst), "", "", "< 5 ms")
    finally:
        plain.close()
        services.close()
        remove_db(plain_path)
        if args.keep is None:
            remove_db(path)
    table.add("peak memory (this process)", f"{peak_rss_mib():.0f} MiB", "", "", "")
    table.print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
