"""Ids made on the device: UUIDv7 text, in increasing order, one at a time or in a batch."""

from __future__ import annotations

import uuid

from pos_app.store.ids import new_id, new_ids


def test_ids_are_uuid7_text_in_increasing_order() -> None:
    made = [new_id() for _ in range(50)] + new_ids(10_000) + [new_id() for _ in range(50)]
    assert made == sorted(made)
    assert len(set(made)) == len(made)
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 7
        assert parsed.variant == uuid.RFC_4122


def test_no_ids_for_nothing() -> None:
    assert new_ids(0) == []
