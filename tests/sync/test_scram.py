"""The verifier add-till hands PostgreSQL (so the password never reaches the server) is right:
it checks the client proof and yields the server signature of RFC 7677's worked example."""

from __future__ import annotations

import hashlib
import hmac
from base64 import b64decode, b64encode

from pos_app.sync.scram import scram_verifier

SALT = "W22ZaJ0SNY7soEsUEjb6gQ=="
NONCE = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"
AUTH_MESSAGE = f"n=user,r=rOprNGfwEbeRWgbNEkqO,r={NONCE},s={SALT},i=4096,c=biws,r={NONCE}".encode()
CLIENT_PROOF = "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
SERVER_SIGNATURE = "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="


def test_the_verifier_matches_rfc_7677() -> None:
    verifier = scram_verifier("pencil", salt=b64decode(SALT))
    method, rest = verifier.split("$", 1)
    params, keys = rest.split("$")
    assert method == "SCRAM-SHA-256" and params == f"4096:{SALT}"
    stored_key, server_key = (b64decode(k) for k in keys.split(":"))

    server_signature = hmac.digest(server_key, AUTH_MESSAGE, "sha256")
    assert b64encode(server_signature).decode() == SERVER_SIGNATURE
    signature = hmac.digest(stored_key, AUTH_MESSAGE, "sha256")
    client_key = bytes(a ^ b for a, b in zip(b64decode(CLIENT_PROOF), signature, strict=True))
    assert hashlib.sha256(client_key).digest() == stored_key


def test_each_verifier_has_its_own_salt() -> None:
    assert scram_verifier("same") != scram_verifier("same")
