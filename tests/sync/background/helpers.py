"""For the sync worker's tests: a central store that hangs, and waiting for a condition on
another thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


def wait_for(condition: Callable[[], bool], timeout: float = 5.0, what: str = "the condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.01)


@dataclass
class HangingServer:
    """Accepts connections and never answers: a central store stuck behind a broken network."""

    listener: socket.socket
    accepted: list[socket.socket] = field(default_factory=list)

    @property
    def url(self) -> str:
        port = self.listener.getsockname()[1]
        return f"postgresql+psycopg://till:secret@127.0.0.1:{port}/centre"

    def serve(self) -> None:
        while True:
            try:
                conn, _addr = self.listener.accept()
            except OSError:
                return  # closed
            self.accepted.append(conn)


@contextmanager
def hanging_server() -> Iterator[HangingServer]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    server = HangingServer(listener)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        # Closing the connections ends the client's wait at once (it reads an end of file).
        listener.shutdown(socket.SHUT_RDWR)
        listener.close()
        for conn in server.accepted:
            conn.close()
        thread.join(2)
