"""Hostile input to the receipt and printer commands: any order reference, width and kind for
`orders receipt`, any kind and address for `printer set`, any reason for `drawer open`. Same
contract as test_hostile: a known exit code, no traceback, nothing raw on the terminal, and
nothing changed by a refusal. (No printer is set up in the shop, so nothing is ever sent.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.e2e.test_hostile import HOSTILE, ORDER_REF, TEXT, attempt, check
from tests.e2e.test_hostile import shop as shop  # the same small shop, once per module

WIDTH = st.one_of(st.sampled_from(["58", "80", "0", "-80", "80.0", "٨٠"]), TEXT)
KIND = st.one_of(st.sampled_from(["none", "usb", "network", "serial", "file", "USB"]), TEXT)
ADDRESS = st.one_of(
    st.sampled_from(["04b8:0202", "0:0", "ffff:ffff:1", "10.0.0.9:9100", "host:0", "/dev/ttyUSB0:7", "COM3"]),
    TEXT,
)


@pytest.fixture(autouse=True)
def _no_link_kept(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


@HOSTILE
@given(
    order=ORDER_REF,
    width=WIDTH,
    kind=st.sampled_from([[], ["--copy"], ["--gift"], ["--copy", "--gift"]]),
    user=st.sampled_from(["manager", "clerk", "alice"]),
)
def test_orders_receipt_survives_any_order_width_and_kind(
    shop: Path, order: str, width: str, kind: list[str], user: str
) -> None:
    check(attempt(shop, ["orders", "receipt", order, f"--width={width}", *kind], user=user), reads_only=True)


@HOSTILE
@given(kind=KIND, address=ADDRESS, user=st.sampled_from(["manager", "clerk", "alice"]))
def test_printer_set_survives_any_kind_and_address(shop: Path, kind: str, address: str, user: str) -> None:
    check(attempt(shop, ["printer", "set", f"{kind}", f"{address}"], user=user))


@HOSTILE
@given(reason=TEXT, user=st.sampled_from(["manager", "clerk", "alice"]))
def test_drawer_open_survives_any_reason(shop: Path, reason: str, user: str) -> None:
    check(attempt(shop, ["drawer", "open", f"--reason={reason}"], user=user))
