"""Keyed seals: what an insider with write access to the database cannot forge without the keyring.

The hash chain alone shows tampering only to someone who cannot recompute it, and the app's own
functions recompute it. A seal is a keyed BLAKE2b, with the key ``audit-key`` that lives in the
OS keyring and never in the database, over:

- every audit entry's hash (an entry appended with the app's functions but without the key has
  none, or a wrong one);
- an account's user name, role, active flag, password hash and second factor;
- a request's reference, right, status, outcome, assignee, due and closing dates;
- each ``security.*`` setting (sign-in required, second-factor roles, lockout).

The console writes them (an ORM flush hook, and the bulk request writers); ``audit verify`` checks
them. Where no keyring is available nothing is sealed, and verify says the seals were not checked.
A seal reads ``<key id>:<mac>``, so a row sealed with another workstation's key is told apart.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from console import keychain
from console.errors import SecretStoreError

KEY_NAME = "audit-key"
_cache: list[tuple[object, tuple[str, bytes] | None]] = []


def _new_key() -> str:
    import os

    return base64.b64encode(os.urandom(32)).decode()


def audit_key(create: bool = True) -> tuple[str, bytes] | None:
    """(key id, key) from the keyring, created on first use; None when there is no usable keyring."""
    import keyring

    backend = keyring.get_keyring()
    if _cache and _cache[0][0] is backend and _cache[0][1] is not None:
        return _cache[0][1]
    try:
        encoded = keychain.get_or_create_secret(KEY_NAME, _new_key) if create else keychain.get_secret(KEY_NAME)
    except SecretStoreError:
        encoded = None
    key = None
    if encoded:
        raw = base64.b64decode(encoded)
        key = (hashlib.sha256(raw).hexdigest()[:16], raw)
    _cache[:] = [(backend, key)]
    return key


def mac(key: bytes, *parts: Any) -> str:
    payload = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), default=_plain)
    return hashlib.blake2b(payload.encode("utf-8"), key=key, digest_size=32).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    raise TypeError(type(value).__name__)


def seal(key: tuple[str, bytes], kind: str, fields: Sequence[Any]) -> str:
    return f"{key[0]}:{mac(key[1], kind, *fields)}"


def check(key: tuple[str, bytes], kind: str, fields: Sequence[Any], stored: str | None) -> str | None:
    """None when ``stored`` is the right seal; otherwise what is wrong, in words."""
    if not stored:
        return "carries no seal"
    key_id, _, _ = stored.partition(":")
    if key_id != key[0]:
        return f"is sealed with another key ({key_id[:8]}), not this keyring's"
    return None if stored == seal(key, kind, fields) else "does not match its seal (changed outside the console)"


# --- what each kind of row is sealed over ---------------------------------------------------------

def entry_fields(entry_hash: str) -> tuple[Any, ...]:
    return (entry_hash,)


def _bool(value: Any) -> bool:
    return bool(value)


def user_fields(u: Any) -> tuple[Any, ...]:
    return (u.username, u.role, True if u.active is None else _bool(u.active), u.password_hash, u.totp_secret)


REQUEST_COLUMNS = ("reference", "right_id", "status", "outcome", "assignee", "due_at", "closed_at")


def request_fields(r: Any) -> tuple[Any, ...]:
    get = r.get if isinstance(r, dict) else lambda name: getattr(r, name)
    return tuple(_utc(get(name)) for name in REQUEST_COLUMNS)


def _utc(value: Any) -> Any:
    from datetime import UTC

    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC).isoformat(timespec="seconds")
    return value


def setting_fields(s: Any) -> tuple[Any, ...]:
    return (s.key, json.dumps(s.value, sort_keys=True))


def sealed_setting(key: str) -> bool:
    return key.startswith("security.")


# --- writing --------------------------------------------------------------------------------------

def before_flush(session: Session) -> None:
    """Seal every account, request and security setting this flush writes (the ORM hook)."""
    from console.store.models import Request, Setting, User

    touched = [o for o in (*session.new, *session.dirty) if isinstance(o, User | Request | Setting)]
    if not touched:
        return
    key = audit_key()
    if key is None:
        return
    for obj in touched:
        if isinstance(obj, User):
            obj.seal = seal(key, "user", user_fields(obj))
        elif isinstance(obj, Request):
            if obj.status is not None and obj.reference is not None:
                obj.seal = seal(key, "request", request_fields(obj))
        elif sealed_setting(obj.key):
            obj.seal = seal(key, "setting", setting_fields(obj))


def seal_request_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Request rows of a bulk insert, each with its seal (unchanged when there is no keyring)."""
    key = audit_key()
    rows = list(rows)
    if key is None:
        return rows
    return [{**row, "seal": seal(key, "request", request_fields(row))} for row in rows]


def seal_existing_rows(conn: Connection) -> int:
    """Seal every account, request and security setting (the migration that adds seals)."""
    from sqlalchemy import update

    from console.store.models import Request, Setting, User

    key = audit_key()
    if key is None:
        return 0
    n = 0
    for u in conn.execute(select(User.__table__)).mappings().all():
        conn.execute(update(User.__table__).where(User.__table__.c.id == u["id"])
                     .values(seal=seal(key, "user", user_fields(_Row(u)))))
        n += 1
    cols = [Request.__table__.c.id, *(Request.__table__.c[name] for name in REQUEST_COLUMNS)]
    for r in conn.execute(select(*cols)).mappings().all():
        conn.execute(update(Request.__table__).where(Request.__table__.c.id == r["id"])
                     .values(seal=seal(key, "request", request_fields(dict(r)))))
        n += 1
    for st in conn.execute(select(Setting.__table__)).mappings().all():
        if sealed_setting(st["key"]):
            conn.execute(update(Setting.__table__).where(Setting.__table__.c.key == st["key"])
                         .values(seal=seal(key, "setting", setting_fields(_Row(st)))))
            n += 1
    return n


class _Row:
    def __init__(self, mapping: Any) -> None:
        self.__dict__.update(dict(mapping))


# --- checking -------------------------------------------------------------------------------------

def row_problems(session: Session, key: tuple[str, bytes], batch: int = 5000) -> list[tuple[str, str]]:
    """(row, what is wrong) for each account, request and security setting whose seal is missing or wrong."""
    from console.store.models import Request, Setting, User

    out: list[tuple[str, str]] = []
    for u in session.scalars(select(User).order_by(User.id)):
        why = check(key, "user", user_fields(u), u.seal)
        if why:
            out.append((f"account {u.username}", f"(role {u.role}, {'active' if u.active else 'disabled'}) {why}"))
    cols = [Request.id, Request.seal, *(getattr(Request, name) for name in REQUEST_COLUMNS)]
    last = 0
    while True:
        rows = session.execute(select(*cols).where(Request.id > last).order_by(Request.id).limit(batch)).mappings().all()
        if not rows:
            break
        for r in rows:
            why = check(key, "request", request_fields(dict(r)), r["seal"])
            if why:
                out.append((f"request {r['reference']}", f"(status {r['status']}) {why}"))
        last = rows[-1]["id"]
    for st in session.scalars(select(Setting).where(Setting.key.like("security.%"))):
        why = check(key, "setting", setting_fields(st), st.seal)
        if why:
            out.append((f"setting {st.key}", f"(= {json.dumps(st.value)}) {why}"))
    return out
