"""Run every benchmark in turn: the build, the order use cases at a million, verify on the same
file, the sales reports on it, the catalogue, the desktop start-up and main window, then sync
(skipped, with a message, when no PostgreSQL server is given in POS_TEST_PG_URL).

    .venv/bin/python bench/run_all.py [--orders N] [--products N]

The million-order database built by the first is kept under bench/out/ and used by the next two.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--products", type=int, default=300_000)
    args = parser.parse_args()
    cached = HERE / "out" / f"orders-{args.orders}.sqlite3"
    build = [sys.executable, str(HERE / "build.py"), "--orders", str(args.orders)]
    if not cached.exists():
        build += ["--keep", str(cached)]  # build once, measure it, and keep it for core.py
    runs = [
        build,
        [sys.executable, str(HERE / "core.py"), "--orders", str(args.orders), "--keep", str(cached)],
        [sys.executable, str(HERE / "verify.py"), "--orders", str(args.orders), "--db", str(cached)],
        [sys.executable, str(HERE / "report_bench.py"), "--orders", str(args.orders), "--keep", str(cached)],
        [sys.executable, str(HERE / "catalog.py"), "--products", str(args.products)],
        # The desktop: start-up (which also builds the big catalogue), then the main window.
        [sys.executable, str(HERE / "gui_start.py")],
        [sys.executable, str(HERE / "gui_orders.py"), "--db", str(cached)],
        [sys.executable, str(HERE / "sync_bench.py")],
    ]
    for command in runs:
        # Let the previous step's writes reach the disk first: writeback slows reads and fsyncs.
        os.sync()
        time.sleep(5)
        print(f"$ {' '.join(Path(c).name if c.endswith('.py') else c for c in command[1:])}", flush=True)
        if subprocess.run(command, check=False).returncode != 0:
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
