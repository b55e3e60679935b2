"""Evidence and second-factor encryption: AES-256-GCM with keys that live only in the OS keyring.

The request reference and item id are bound as associated data, so a ciphertext moved to
another request or item fails to decrypt instead of showing the wrong person's document.
TOTP seeds are bound to their account the same way (a seed copied onto another account's row
does not decrypt); the TOTP key is one per database, copied between workstations with
``account totp-key export`` / ``import``.
"""

from __future__ import annotations

import base64
import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from console import keychain
from console.errors import SecretStoreError

KEY_NAME = "evidence-key"
TOTP_KEY_NAME = "totp-key"
TOTP_PREFIX = b"pc-totp-1:"  # then the key id (16 hex), the nonce (12 bytes) and the ciphertext


def _new_key() -> str:
    return base64.b64encode(AESGCM.generate_key(bit_length=256)).decode()


def _identified(encoded: str) -> tuple[str, bytes]:
    raw = base64.b64decode(encoded)
    return hashlib.sha256(raw).hexdigest()[:16], raw


def evidence_key() -> tuple[str, bytes]:
    """(key id, key bytes); created and stored in the keyring on first use."""
    return _identified(keychain.get_or_create_secret(KEY_NAME, _new_key))


def totp_key(create: bool = True) -> tuple[str, bytes] | None:
    """(key id, key bytes) of the second-factor key; None when absent and ``create`` is False."""
    encoded = keychain.get_or_create_secret(TOTP_KEY_NAME, _new_key) if create else keychain.get_secret(TOTP_KEY_NAME)
    return _identified(encoded) if encoded else None


def encrypt_totp(seed: str, username: str) -> bytes:
    """The stored form of an account's TOTP seed."""
    key = totp_key()
    assert key is not None
    nonce = os.urandom(12)
    return TOTP_PREFIX + key[0].encode() + nonce + AESGCM(key[1]).encrypt(nonce, seed.encode(), f"totp:{username}".encode())


_NO_TOTP_KEY = ("The second-factor key of this database is not in this workstation's keyring: run "
                "'privacy-console account totp-key export' on a workstation where sign-in with a code works "
                "and 'account totp-key import' here.")


def decrypt_totp(stored: bytes, username: str) -> str:
    """The TOTP seed of ``username``; SecretStoreError when it cannot be read here."""
    if not stored.startswith(TOTP_PREFIX):
        raise SecretStoreError(f"The second factor of {username} is not stored encrypted (it was written outside the "
                               "console); an administrator resets it with 'account reset-totp'.")
    body = stored[len(TOTP_PREFIX):]
    key_id, nonce, ciphertext = body[:16].decode("ascii", "replace"), body[16:28], body[28:]
    key = totp_key(create=False)
    if key is None or key[0] != key_id:
        raise SecretStoreError(_NO_TOTP_KEY)
    try:
        return AESGCM(key[1]).decrypt(nonce, ciphertext, f"totp:{username}".encode()).decode()
    except InvalidTag:
        raise SecretStoreError(f"The second factor stored for {username} was changed or belongs to another account; "
                               "an administrator resets it with 'account reset-totp'.") from None


def encrypt(plaintext: bytes, associated: str) -> tuple[str, bytes, bytes]:
    """Returns (key id, nonce, ciphertext)."""
    key_id, key = evidence_key()
    nonce = os.urandom(12)
    return key_id, nonce, AESGCM(key).encrypt(nonce, plaintext, associated.encode())


def decrypt(key_id: str, nonce: bytes, ciphertext: bytes, associated: str) -> bytes:
    current_id, key = evidence_key()
    if key_id != current_id:
        raise SecretStoreError(
            "This evidence was encrypted with another key than the one in this keyring; "
            "open it on the workstation that stored it, or restore that key."
        )
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, associated.encode())
    except InvalidTag:
        raise SecretStoreError("The evidence file is damaged or belongs to another request; it cannot be decrypted.") from None
