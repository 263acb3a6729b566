"""Running the command line in-process, and talking to the centre as one role."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.pool import NullPool

from pos_app import cli


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Result:
    capsys.readouterr()
    try:
        code = cli.main(list(argv))
    except SystemExit as exc:  # argparse's own usage errors
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    sys.stdout.flush()
    return Result(code, captured.out, captured.err)


@contextmanager
def connected(url: str) -> Iterator[Connection]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def change(device: str, seq: int, shop_id: int, **extra: Any) -> dict[str, Any]:
    row = {
        "id": str(uuid.uuid4()),
        "shop_id": shop_id,
        "device": device,
        "device_seq": seq,
        "hlc": f"0000000000001:{seq:04d}:{device}",
        "entity": "order",
        "entity_id": f"{device}-{seq}",
        "kind": "placed",
        "payload": '{"total": 400}',
    }
    row.update(extra)
    return row


INSERT_CHANGE = text(
    "INSERT INTO changes (id, shop_id, device, device_seq, hlc, entity, entity_id, kind, payload) "
    "VALUES (:id, :shop_id, :device, :device_seq, :hlc, :entity, :entity_id, :kind, CAST(:payload AS jsonb)) "
    "RETURNING central_seq"
)
