"""The second factor: RFC 6238 time-based codes (pyotp), enrolment URI and QR code.

``matching_step`` returns the time step a code belongs to, so sign-in can refuse a code
whose step is not newer than the last one accepted (a replayed or older code).
"""

from __future__ import annotations

import hmac
import io
from datetime import datetime
from typing import TYPE_CHECKING

import pyotp

if TYPE_CHECKING:
    import qrcode

ISSUER = "Privacy Console"
DIGITS = 6
STEP_SECONDS = 30
WINDOW = 1  # one step either side: a phone clock 30 s off still works


def new_secret() -> str:
    """A fresh 160-bit base32 secret."""
    return pyotp.random_base32()


def provisioning_uri(secret: str, username: str, issuer: str = ISSUER) -> str:
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).provisioning_uri(name=username, issuer_name=issuer)


def _qr(uri: str) -> qrcode.QRCode:
    import qrcode  # only enrolment draws a code: every command would pay for it otherwise
    import qrcode.constants

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=4)
    qr.add_data(uri)
    qr.make(fit=True)
    return qr


def qr_png(uri: str) -> bytes:
    """PNG bytes of the QR code (the sign-in dialog shows them; nothing is written to disk)."""
    buf = io.BytesIO()
    _qr(uri).make_image().save(buf)
    return buf.getvalue()


def qr_text(uri: str) -> str:
    """The QR code drawn with block characters, for a terminal."""
    buf = io.StringIO()
    _qr(uri).print_ascii(out=buf, invert=True)
    return buf.getvalue()


def step_of(when: datetime) -> int:
    return int(when.timestamp()) // STEP_SECONDS


def code_at(secret: str, when: datetime) -> str:
    """The code an authenticator shows at ``when`` (tests and the enrolment check use it)."""
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).at(when)


def normalise(code: str) -> str:
    return "".join(code.split())


def matching_step(secret: str, code: str, now: datetime, window: int = WINDOW) -> int | None:
    """The time step whose code equals ``code`` (within ``window`` steps of now), else None."""
    code = normalise(code)
    if len(code) != DIGITS or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS)
    current = step_of(now)
    found = None
    for step in range(current - window, current + window + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            found = step  # keep looping: the comparison costs the same whatever matches
    return found
