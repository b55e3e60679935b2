"""Evidence encryption: AES-256-GCM with a key that lives only in the OS keyring.

The request reference and item id are bound as associated data, so a ciphertext moved to
another request or item fails to decrypt instead of showing the wrong person's document.
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


def _new_key() -> str:
    return base64.b64encode(AESGCM.generate_key(bit_length=256)).decode()


def evidence_key() -> tuple[str, bytes]:
    """(key id, key bytes); created and stored in the keyring on first use."""
    raw = base64.b64decode(keychain.get_or_create_secret(KEY_NAME, _new_key))
    return hashlib.sha256(raw).hexdigest()[:16], raw


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
