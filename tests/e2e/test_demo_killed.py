"""A demo build killed half-way leaves no database behind, and the next demo works."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pos_app import cli
from pos_app.services.setup import building_name
from tests.conftest import FAST_HASHER

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_demo_killed_half_way_leaves_nothing_and_the_next_demo_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "shop" / "pos.sqlite3"
    with subprocess.Popen(
        [sys.executable, "-m", "pos_app", "--db", str(target), "demo", "--orders", "20000"],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    ) as proc:
        partial = building_name(target, proc.pid)
        # Kill it once the build has written a good part of the database.
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if partial.exists() and partial.stat().st_size > 64 * 1024:
                break
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        _out, err = proc.communicate()
    assert proc.returncode == -signal.SIGKILL, err
    assert not target.exists()
    assert partial.exists()  # what the killed build left; the next build removes it

    monkeypatch.setattr("pos_app.services.auth.till_hasher", lambda: FAST_HASHER)
    capsys.readouterr()
    assert cli.main(["--db", str(target), "demo", "--orders", "5"]) == 0
    assert f"removed {partial.name}" in capsys.readouterr().err
    assert sorted(p.name for p in target.parent.iterdir()) == ["pos.sqlite3"]
