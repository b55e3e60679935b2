"""Password hashing with argon2id (argon2-cffi), and what a password must be.

A password needs 12 characters and must not be one a guesser tries early: zxcvbn (a maintained
package with lists of common passwords, names and words, keyboard patterns and sequences)
estimates the guesses, and fewer than 10^8 (its score below 3) is refused with its reason.

The hasher's parameters are argon2-cffi's defaults (RFC 9106 low-memory profile: t=3,
64 MiB, p=4), about 0.2 s a hash on a two-core laptop: slow for a guesser, quick for a
person. Parameters are in each hash string, so raising them later only rehashes on sign-in.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from console.errors import ValidationError

HASHER = PasswordHasher()
MIN_LENGTH = 12
MIN_SCORE = 3  # zxcvbn: 3 = "safely unguessable" (about 10^8 guesses or more)
_DUMMY: list[str] = []


def check_strength(password: str, username: str = "") -> None:
    """Refuse passwords a guesser tries first; length matters more than symbols."""
    if len(password) < MIN_LENGTH:
        raise ValidationError(f"A password needs at least {MIN_LENGTH} characters; a short phrase is easiest to remember.")
    if password.strip() != password:
        raise ValidationError("A password cannot start or end with a space.")
    lowered = password.lower()
    if len(username) >= 4 and username.lower() in lowered:
        raise ValidationError("A password cannot contain the user name.")
    if len(set(password)) < 4:
        raise ValidationError("A password needs more than three different characters.")
    from zxcvbn import zxcvbn  # its word lists take a moment to load: only where a password is set

    verdict = zxcvbn(password[:100], user_inputs=[username, *username.replace("_", ".").split(".")])
    if verdict["score"] < MIN_SCORE:
        why = (verdict.get("feedback") or {}).get("warning") or "it is too easy to guess"
        raise ValidationError(f"That password is among those guessed first ({why.rstrip('.').lower()}); "
                              "use a phrase of several unrelated words.")


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify(stored: str | None, password: str) -> bool:
    """True when ``password`` matches; an account without a hash never matches."""
    if not stored:
        waste_time(password)
        return False
    try:
        return HASHER.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    try:
        return HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return True


def waste_time(password: str) -> None:
    """Spend what a real check spends, so an unknown user name is not told apart by timing."""
    if not _DUMMY:
        _DUMMY.append(HASHER.hash("not a password of anybody"))
    try:
        HASHER.verify(_DUMMY[0], password)
    except VerificationError:
        pass
