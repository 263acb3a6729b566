"""What the benchmarks share: timing, the result table, the machine, cached databases."""

from __future__ import annotations

import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
POS_APP = [sys.executable, "-m", "pos_app"]


@dataclass(frozen=True)
class Timing:
    """Milliseconds: the first (cold) call, then median and p95 of the repeats after it."""

    cold: float
    median: float
    p95: float
    runs: int


def timed(fn: Callable[[int], object], runs: int) -> Timing:
    """Call fn(0) cold, then fn(1..runs); each call timed on its own."""
    samples = []
    for i in range(runs + 1):
        start = time.perf_counter()
        fn(i)
        samples.append((time.perf_counter() - start) * 1000)
    cold, rest = samples[0], sorted(samples[1:])
    p95 = rest[min(len(rest) - 1, round(0.95 * (len(rest) - 1)))]
    return Timing(cold, statistics.median(rest), p95, len(rest))


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def cpu_model() -> str:
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
    except OSError:
        out = ""
    for line in out.splitlines():
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def machine() -> str:
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} cores (nproc), {cpu_model()}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}; {platform.platform()}"
    )


def ms(value: float) -> str:
    return f"{value:.3f} ms" if value < 10 else f"{value:.1f} ms"


def seconds(value: float) -> str:
    return f"{value:.1f} s"


def ratio(ours: float | None, plain: float | None) -> str:
    if ours is None or not plain:
        return "-"
    return f"{ours / plain:.1f}×"


class Table:
    HEADER = ("measure", "pos_app", "plain sqlite3", "ratio", "target")

    def __init__(self, title: str) -> None:
        self.title = title
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, measure: str, ours: str, plain: str, ratio_text: str, target: str) -> None:
        self.rows.append((measure, ours, plain, ratio_text, target))
        print(f"  .. {measure}: {ours} (plain {plain})", file=sys.stderr, flush=True)

    def timing(self, measure: str, ours: Timing, plain: Timing | None, target: str) -> None:
        """Median (p95) for both; the cold first call goes in a row of its own."""
        plain_text = f"{ms(plain.median)} (p95 {ms(plain.p95)})" if plain else "-"
        self.add(
            measure,
            f"{ms(ours.median)} (p95 {ms(ours.p95)})",
            plain_text,
            ratio(ours.median, plain.median if plain else None),
            target,
        )
        plain_cold = ms(plain.cold) if plain else "-"
        self.add(f"  {measure}: first call (cold)", ms(ours.cold), plain_cold, "", "")

    def print(self) -> None:
        print(f"\n## {self.title}\n")
        print(f"machine: {machine()}\n")
        widths = [max(len(r[i]) for r in [self.HEADER, *self.rows]) for i in range(5)]
        for row in [self.HEADER, tuple("-" * w for w in widths), *self.rows]:
            print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")
        print()


def run_cli(args: list[str], env: dict[str, str] | None = None) -> float:
    """Run `pos-app ARGS` in a new process, output shown; its wall time in seconds."""
    start = time.perf_counter()
    subprocess.run([*POS_APP, *args], check=True, env={**os.environ, **(env or {})}, cwd=ROOT)
    return time.perf_counter() - start


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
