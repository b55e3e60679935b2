"""Sign-in: password (argon2id), second factor (TOTP), lockout, and sessions that expire.

A shared PostgreSQL database always requires sign-in; a local SQLite file belongs to its
creator (the owner) until they turn sign-in on. Every attempt commits its own transaction:
a failed one still counts towards the lockout and stays in the audit trail, although the
caller then gets an :class:`AuthenticationError`.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from console.errors import AuthenticationError, ValidationError
from console.security import config, crypto, passwords, server, totp
from console.security.roles import Actor, Role
from console.store.base import utcnow
from console.store.models import AuthSession, User
from console.uow import Database, UnitOfWork

Clock = Callable[[], datetime]
WRONG_CREDENTIALS = "Wrong user name or password."


class CodeRequired(AuthenticationError):
    """The password was right; the account needs the code from the authenticator app too."""


class EnrolmentRequired(AuthenticationError):
    """The password was right; the role needs a second factor that is not set up yet."""


class SessionExpired(AuthenticationError):
    """The session ended (idle too long, too old, signed out, or the account was disabled)."""


@dataclass(frozen=True)
class SignedIn:
    """A live session. ``token`` goes back to :func:`resume_session`; keep it in memory or the keyring."""

    token: str
    actor: Actor
    display_name: str
    expires_at: datetime  # the absolute end; idleness can end it sooner

    def __repr__(self) -> str:  # never print the token into a log or a traceback
        return f"SignedIn(actor={self.actor!r}, expires_at={self.expires_at.isoformat()})"


@dataclass(frozen=True)
class Enrolment:
    """What the enrolment screen shows: the URI as a QR code (PNG) and as text to type in."""

    username: str
    secret: str
    uri: str
    qr_png: bytes

    def __repr__(self) -> str:
        return f"Enrolment(username={self.username!r})"


@dataclass(frozen=True)
class _Refusal:
    error: AuthenticationError


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def sign_in_required(db: Database) -> bool:
    """A server always; a local file once its owner turned sign-in on."""
    if db.dialect != "sqlite":
        return True
    with db.sessions() as s:
        return config.load(s).sign_in_required


def accounts_exist(db: Database) -> bool:
    with db.sessions() as s:
        return s.execute(select(User.id).limit(1)).first() is not None


def _claimant(username: str) -> Actor:
    """Who the audit names for an attempt: the name typed (nobody is signed in yet)."""
    return Actor((username.strip() or "?")[:80], Role.AUDITOR)


def _load_user(s: Session, username: str) -> User | None:
    stmt = select(User).where(User.username == username.strip().lower())
    if s.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()  # two attempts at once must not both miss a failure
    return s.scalars(stmt).first()


def _fail(uow: UnitOfWork, user: User | None, cfg: config.SecuritySettings, now: datetime,
          reason: str, message: str) -> _Refusal:
    """Count the failure, lock after too many, audit it; the caller's transaction commits."""
    if user is not None:
        # One atomic UPDATE ... RETURNING on both databases: attempts at the same moment from
        # several desktops each add one, whatever the other transactions read.
        count = uow.session.execute(
            update(User).where(User.id == user.id)
            .values(failed_attempts=func.coalesce(User.failed_attempts, 0) + 1)
            .returning(User.failed_attempts).execution_options(synchronize_session=False)).scalar_one()
        set_committed_value(user, "failed_attempts", count)
        if count >= cfg.lockout_failures:
            user.locked_until = now + timedelta(minutes=cfg.lockout_minutes)
            message += (f" The account is now locked for {cfg.lockout_minutes} minutes after "
                        f"{user.failed_attempts} failed sign-ins.")
            reason += ", locked"
    uow.audit("auth.sign_in_failed", "user", uow.actor.username, reason)
    return _Refusal(AuthenticationError(message))


def _mismatch(uow: UnitOfWork, username: str, message: str) -> _Refusal:
    uow.audit("auth.sign_in_failed", "user", username.strip()[:80], "connected as another database role")
    return _Refusal(AuthenticationError(message))


def _locked_message(user: User, now: datetime) -> str:
    until = user.locked_until or now
    minutes = max(1, int((until - now).total_seconds() + 59) // 60)
    return (f"The account {user.username} is locked after repeated failed sign-ins until "
            f"{until.strftime('%H:%M')} UTC (about {minutes} min); try again then, or ask an "
            "administrator to unlock it.")


def _check_factors(uow: UnitOfWork, user: User | None, password: str, code: str | None,
                   cfg: config.SecuritySettings, now: datetime) -> _Refusal | None:
    """None when password (and code, where needed) are right; a refusal otherwise."""
    if user is not None and user.locked_until is not None:
        if now < user.locked_until:
            uow.audit("auth.sign_in_failed", "user", user.username, "account locked")
            return _Refusal(AuthenticationError(_locked_message(user, now)))
        user.locked_until, user.failed_attempts = None, 0  # the lock ran out: a fresh start
    if user is None:
        passwords.waste_time(password)
        return _fail(uow, None, cfg, now, "unknown user", WRONG_CREDENTIALS)
    if not passwords.verify(user.password_hash, password):
        return _fail(uow, user, cfg, now, "wrong password", WRONG_CREDENTIALS)
    if not user.active:
        uow.audit("auth.sign_in_failed", "user", user.username, "account disabled")
        return _Refusal(AuthenticationError(f"The account {user.username} is disabled; ask an administrator."))
    if not (cfg.needs_totp(Role(user.role)) or user.totp_secret):
        return None
    if not user.totp_secret:
        return _Refusal(EnrolmentRequired(
            "Your role needs a second factor: set up an authenticator app (scan the QR code) first."))
    if not code or not code.strip():
        return _Refusal(CodeRequired("Enter the 6-digit code from your authenticator app."))
    step = totp.matching_step(crypto.decrypt_totp(user.totp_secret, user.username), code, now)
    if step is None:
        return _fail(uow, user, cfg, now, "wrong code", "Wrong authenticator code; check the app and the device's clock.")
    if user.totp_last_step is not None and step <= user.totp_last_step:
        return _fail(uow, user, cfg, now, "replayed code",
                     "That authenticator code was already used; wait for the next code (every 30 seconds).")
    user.totp_last_step = step
    return None


def _open_session(uow: UnitOfWork, user: User, cfg: config.SecuritySettings, now: datetime,
                  client: str, password: str) -> SignedIn:
    s = uow.session
    user.failed_attempts, user.locked_until, user.last_sign_in_at = 0, None, now
    if user.password_hash and passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    s.execute(delete(AuthSession).where(AuthSession.user_id == user.id, AuthSession.expires_at <= now))
    token = secrets.token_urlsafe(32)
    expires = now + timedelta(hours=cfg.session_max_hours)
    s.add(AuthSession(token_hash=token_digest(token), user_id=user.id, client=client[:20],
                      created_at=now, last_seen_at=now, expires_at=expires))
    uow.audit("auth.sign_in", "user", user.username, client)
    return SignedIn(token, Actor(user.username, Role(user.role)), user.display_name, expires)


def sign_in(db: Database, username: str, password: str, code: str | None = None, *,
            client: str = "desktop", clock: Clock = utcnow) -> SignedIn:
    """Check password and second factor, then open a session; every refusal says why."""
    now = clock()
    with db.unit(_claimant(username), None) as uow:
        cfg = config.load(uow.session)
        mismatch = server.login_mismatch(uow.session, username)
        user = None if mismatch else _load_user(uow.session, username)
        result: _Refusal | SignedIn | None = (
            _check_factors(uow, user, password, code, cfg, now) if mismatch is None else _mismatch(uow, username, mismatch))
        if result is None and user is not None:
            result = _open_session(uow, user, cfg, now, client, password)
    if isinstance(result, _Refusal):
        raise result.error
    assert isinstance(result, SignedIn)
    return result


def begin_enrolment(db: Database, username: str, password: str, *, clock: Clock = utcnow) -> Enrolment:
    """A new secret and its QR code for an account that has no second factor yet.

    Nothing is stored until :func:`finish_enrolment` sees a right code from the app, so
    an abandoned enrolment leaves no half-set factor behind.
    """
    now = clock()
    with db.unit(_claimant(username), None) as uow:
        cfg = config.load(uow.session)
        user = _load_user(uow.session, username)
        refusal = _enrolment_refusal(uow, user, password, cfg, now)
        name = user.username if user else ""
    if refusal is not None:
        raise refusal.error
    secret = totp.new_secret()
    uri = totp.provisioning_uri(secret, name)
    return Enrolment(name, secret, uri, totp.qr_png(uri))


def _enrolment_refusal(uow: UnitOfWork, user: User | None, password: str,
                       cfg: config.SecuritySettings, now: datetime) -> _Refusal | None:
    refusal = _check_factors(uow, user, password, None, cfg, now)
    if refusal is not None and not isinstance(refusal.error, EnrolmentRequired):
        if isinstance(refusal.error, CodeRequired):
            return _Refusal(AuthenticationError(
                "A second factor is already set up for this account; an administrator can reset it."))
        return refusal
    return None


def finish_enrolment(db: Database, username: str, password: str, secret: str, code: str, *,
                     client: str = "desktop", clock: Clock = utcnow) -> SignedIn:
    """Store the secret once the app shows a right code, and sign in with it."""
    now = clock()
    with db.unit(_claimant(username), None) as uow:
        cfg = config.load(uow.session)
        user = _load_user(uow.session, username)
        result: _Refusal | SignedIn | None = _enrolment_refusal(uow, user, password, cfg, now)
        if result is None and user is not None:
            step = totp.matching_step(secret, code, now)
            if step is None:
                result = _fail(uow, user, cfg, now, "wrong code at enrolment",
                               "Wrong authenticator code; scan the QR code again and enter the code the app shows.")
            else:
                user.totp_secret, user.totp_last_step = crypto.encrypt_totp(secret, user.username), step
                uow.audit("auth.totp_enrolled", "user", user.username)
                result = _open_session(uow, user, cfg, now, client, password)
    if isinstance(result, _Refusal):
        raise result.error
    assert isinstance(result, SignedIn)
    return result


def resume_session(db: Database, token: str, *, clock: Clock = utcnow) -> SignedIn:
    """The session behind ``token`` with the account's current role, or SessionExpired.

    Called on every CLI command (and by the window before work), so a disabled account or
    a changed role takes effect at once.
    """
    now = clock()
    ended: str | None = None
    with db.unit(Actor("system", Role.AUDITOR), None) as uow:
        s = uow.session
        cfg = config.load(s)
        row = s.scalars(select(AuthSession).where(AuthSession.token_hash == token_digest(token))).first()
        user = s.get(User, row.user_id) if row is not None else None
        if row is None or user is None:
            ended = "You are not signed in (the session was ended)."
        elif not user.active:
            ended = f"The account {user.username} was disabled."
        elif now >= row.expires_at:
            ended = f"Your session ended after {cfg.session_max_hours:g} hours."
        elif now - row.last_seen_at >= timedelta(hours=cfg.session_idle_hours):
            ended = f"Your session ended after {cfg.session_idle_hours:g} hours without use."
        if ended is not None:
            if row is not None:
                s.delete(row)
        else:
            assert row is not None and user is not None
            if now - row.last_seen_at > timedelta(minutes=1):  # keep writes rare on a busy server
                row.last_seen_at = now
            result = SignedIn(token, Actor(user.username, Role(user.role)), user.display_name, row.expires_at)
    if ended is not None:
        raise SessionExpired(ended + " Sign in again.")
    return result


def sign_out(db: Database, token: str) -> bool:
    """End the session; False when it had already ended."""
    digest = token_digest(token)
    with db.sessions() as s:
        found = s.execute(select(AuthSession.id, User.username).join(User, User.id == AuthSession.user_id)
                          .where(AuthSession.token_hash == digest)).first()
    if found is None:
        return False
    with db.unit(Actor(found.username, Role.AUDITOR), None) as uow:
        uow.session.execute(delete(AuthSession).where(AuthSession.id == found.id))
        uow.audit("auth.sign_out", "user", found.username)
    return True


def end_sessions(s: Session, user_id: int) -> None:
    """End every session of an account (disabled, password reset, role changed)."""
    s.execute(delete(AuthSession).where(AuthSession.user_id == user_id))


def check_username(username: str) -> str:
    name = username.strip().lower()
    ok = 2 <= len(name) <= 80 and name[0].isalnum() and all(c.isalnum() or c in "._-" for c in name)
    if not ok or not name.isascii():
        raise ValidationError(
            f"{username!r} is not a valid user name: 2 to 80 letters, digits, '.', '_' or '-', starting with a letter or digit."
        )
    return name
