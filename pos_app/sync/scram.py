"""A SCRAM-SHA-256 password verifier (RFC 5802/7677), the form PostgreSQL stores, computed here
so that CREATE ROLE never carries the password itself (it could reach the server's log)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from base64 import b64encode

ITERATIONS = 4096  # PostgreSQL's default scram_iterations


def scram_verifier(password: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt if salt is not None else secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.digest(salted, b"Client Key", "sha256")
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.digest(salted, b"Server Key", "sha256")

    def b64(data: bytes) -> str:
        return b64encode(data).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"
