"""A rendered document, signed like a response package when a certificate is given.

Light on purpose: pyHanko loads only when something is signed. Where the organisation's
certificate comes from is ``console.packages.settings.configured_signing``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyhanko.sign.signers import SimpleSigner


@dataclass(frozen=True)
class Signing:
    """How to sign: an opened signer (or PKCS#12 bytes; passphrase None means the keyring's)."""

    signer: SimpleSigner | bytes
    passphrase: str | None
    signer_name: str
    location: str = ""
    timestamp_url: str | None = None


def finish(pdf: bytes, signing: Signing | None, reference: str, reason: str, *, drill: bool = False) -> bytes:
    """Sign the rendered PDF like a response package when a certificate is given, else return it;
    ``drill`` puts DRILL in the signature's reason."""
    if signing is None:
        return pdf
    from console.documents.signing import sign_pdf

    return sign_pdf(pdf, signing.signer, signing.passphrase, reason=reason, location=signing.location,
                    signer_name=signing.signer_name, reference=reference, timestamp_url=signing.timestamp_url,
                    drill=drill)
