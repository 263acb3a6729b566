"""Many signal emits and void Qt calls must not wear out Python's True/None.

PySide6 6.12.0 returned them without a reference and aborted Python 3.11 after some hundred
emits; pyproject.toml keeps that release out, and this test guards the pin.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QStringListModel, Signal

pytestmark = pytest.mark.usefixtures("qapp")


class _Emitter(QObject):
    ping = Signal(bool)


def test_many_emits_and_void_calls_leave_python_alive() -> None:
    emitter = _Emitter()
    seen: list[bool] = []
    emitter.ping.connect(seen.append)
    model = QStringListModel()
    for n in range(20_000):
        emitter.ping.emit(True)
        model.setStringList([str(n)])
    assert len(seen) == 20_000 and all(seen)
