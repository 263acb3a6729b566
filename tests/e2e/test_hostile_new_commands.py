"""Hostile input to the commands that came with sync and the cash drawer: drawer sessions,
marking a flag looked at, and sync's status, now and set-up. Same contract as test_hostile:
exit code in {0, 2, 3, 4, 5}, no traceback, nothing changed by a refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.e2e.test_hostile import AMOUNT_ARG, HOSTILE, ORDER_REF, TEXT, attempt, check
from tests.e2e.test_hostile import shop as shop  # the same small shop, once per module

COUNT_ARG = st.one_of(TEXT, st.tuples(AMOUNT_ARG, st.integers(-5, 10**6)).map(lambda p: f"{p[0]}={p[1]}"))
SESSION = st.one_of(
    st.tuples(st.just("open"), st.sampled_from(["--float", "--count"]), st.one_of(AMOUNT_ARG, COUNT_ARG)),
    st.tuples(st.sampled_from(["cash-in", "cash-out"]), AMOUNT_ARG, st.just("--reason"), TEXT),
    st.tuples(st.just("close"), st.sampled_from(["--counted", "--count"]), st.one_of(AMOUNT_ARG, COUNT_ARG)),
    st.tuples(st.just("z-report"), TEXT),
    st.sampled_from([("status",), ("x-report",), ("z-report",)]),
)
# Set-up URLs that never reach a network: text that is no PostgreSQL URL, or a closed local port.
URL = st.one_of(
    TEXT.filter(lambda t: not t.lower().startswith(("postgres", "-"))),
    st.integers(1, 1023).map("postgresql+psycopg://till:pw@127.0.0.1:{}/shop".format),
)


@pytest.fixture(autouse=True)
def _no_link_kept(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


@HOSTILE
@given(command=SESSION, user=st.sampled_from(["manager", "clerk", "alice"]))
def test_drawer_session_commands_survive_random_amounts_counts_and_reasons(
    shop: Path, command: tuple[str, ...], user: str
) -> None:
    check(attempt(shop, ["session", *command], user=user))


@HOSTILE
@given(
    command=st.one_of(
        st.tuples(st.just("orders"), st.just("resolve"), ORDER_REF),
        st.tuples(st.just("sync"), st.sampled_from(["status", "now"])),
        st.tuples(st.just("sync"), st.just("setup"), URL),
    ),
    user=st.sampled_from(["manager", "clerk", "alice"]),
)
def test_resolve_and_sync_commands_survive_random_arguments(
    shop: Path, command: tuple[str, ...], user: str
) -> None:
    check(attempt(shop, list(command), user=user))
