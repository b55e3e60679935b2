"""Staff accounts: create, list, disable, change role, set password, reset the second factor.

Administrators manage accounts (``Perm.MANAGE_ACCOUNTS``); everybody may change their own
password, proving it with the current one. The last active administrator cannot be disabled
or demoted, so a database never ends up with nobody able to manage it.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console import keychain
from console.context import Context
from console.errors import AuthenticationError, NotFoundError, ValidationError
from console.security import auth, config, crypto, passwords, server
from console.security.roles import Actor, Perm, Role, parse_role
from console.store.loading import load_one
from console.store.models import User
from console.uow import Database


@dataclass(frozen=True)
class AccountView:
    username: str
    display_name: str
    role: str
    active: bool
    second_factor: bool
    locked_until: datetime | None
    last_sign_in_at: datetime | None
    created_at: datetime


def _view(u: User) -> AccountView:
    return AccountView(u.username, u.display_name, u.role, u.active, u.totp_secret is not None,
                       u.locked_until, u.last_sign_in_at, u.created_at)


def _get(s: Session, username: str, *, lock: bool = True) -> User:
    stmt = select(User).where(User.username == username.strip().lower()).execution_options(populate_existing=True)
    return load_one(s, stmt, f"No account {username!r}; 'account list' shows them.", lock=lock)


def _check_display_name(display_name: str, username: str) -> str:
    name = display_name.strip() or username
    if len(name) > 200:
        raise ValidationError("A display name has at most 200 characters.")
    return name


def _new_user(s: Session, username: str, display_name: str, role: Role, password: str, by: str) -> User:
    name = auth.check_username(username)
    if s.execute(select(User.id).where(User.username == name)).first() is not None:
        raise ValidationError(f"The user name {name!r} is taken.")
    passwords.check_strength(password, name)
    user = User(username=name, display_name=_check_display_name(display_name, name), role=role.value,
                password_hash=passwords.hash_password(password), failed_attempts=0, active=True,
                created_by=by, password_changed_at=None)
    s.add(user)
    s.flush()
    return user


def _keep_an_administrator(s: Session, user: User) -> None:
    if user.role != Role.ADMINISTRATOR.value or not user.active:
        return
    others = s.scalar(select(func.count()).select_from(User).where(
        User.role == Role.ADMINISTRATOR.value, User.active.is_(True), User.id != user.id))
    if not others:
        raise ValidationError(f"{user.username} is the last active administrator; make another administrator first.")


def _on_server(s: Session, username: str, function: str, **params: object) -> AccountView:
    """One account change by the server's function, which also audits it under the caller's role."""
    name = username.strip().lower()
    server.call(s, function, username=name, **params)
    return _view(_get(s, name, lock=False))


def list_accounts(ctx: Context) -> list[AccountView]:
    """Administrators manage accounts; auditors may see who holds which role."""
    perm = Perm.READ_AUDIT if ctx.actor.can(Perm.READ_AUDIT) else Perm.MANAGE_ACCOUNTS
    with ctx.db.read(ctx.actor, perm) as s:
        return [_view(u) for u in s.scalars(select(User).order_by(User.username))]


def create_account(ctx: Context, username: str, display_name: str, role: str | Role, password: str) -> AccountView:
    role = parse_role(role) if isinstance(role, str) else role
    with ctx.db.unit(ctx.actor, Perm.MANAGE_ACCOUNTS) as uow:
        if server.installed(uow.session):  # the server makes the account, its login role, and the audit entry
            name = auth.check_username(username)
            passwords.check_strength(password, name)
            server.call(uow.session, "pc_account_create", username=name,
                        display_name=_check_display_name(display_name, name), role=role.value,
                        password_hash=passwords.hash_password(password), verifier=server.scram_verifier(password))
            return _view(_get(uow.session, name, lock=False))
        user = _new_user(uow.session, username, display_name, role, password, ctx.actor.username)
        uow.audit("account.create", "user", user.username, role.value)
        return _view(user)


def set_active(ctx: Context, username: str, active: bool) -> AccountView:
    """Disable (ending every session at once) or enable an account; accounts are never deleted."""
    with ctx.db.unit(ctx.actor, Perm.MANAGE_ACCOUNTS) as uow:
        if server.installed(uow.session):
            return _on_server(uow.session, username, "pc_account_set_active", active=active)
        user = _get(uow.session, username)
        if not active:
            _keep_an_administrator(uow.session, user)
            auth.end_sessions(uow.session, user.id)
        user.active = active
        if active:
            user.failed_attempts, user.locked_until = 0, None
        uow.audit("account.enable" if active else "account.disable", "user", user.username)
        return _view(user)


def disable_account(ctx: Context, username: str) -> AccountView:
    return set_active(ctx, username, False)


def enable_account(ctx: Context, username: str) -> AccountView:
    return set_active(ctx, username, True)


def unlock_account(ctx: Context, username: str) -> AccountView:
    with ctx.db.unit(ctx.actor, Perm.MANAGE_ACCOUNTS) as uow:
        if server.installed(uow.session):
            return _on_server(uow.session, username, "pc_account_unlock")
        user = _get(uow.session, username)
        user.failed_attempts, user.locked_until = 0, None
        uow.audit("account.unlock", "user", user.username)
        return _view(user)


def change_role(ctx: Context, username: str, role: str | Role) -> AccountView:
    """Only an administrator; the account's sessions end so the new role applies everywhere."""
    role = parse_role(role) if isinstance(role, str) else role
    with ctx.db.unit(ctx.actor, Perm.MANAGE_ACCOUNTS) as uow:
        if server.installed(uow.session):
            return _on_server(uow.session, username, "pc_account_set_role", role=role.value)
        user = _get(uow.session, username)
        old = user.role
        if old == role.value:
            return _view(user)
        if role != Role.ADMINISTRATOR:
            _keep_an_administrator(uow.session, user)
        user.role = role.value
        auth.end_sessions(uow.session, user.id)
        uow.audit("account.role", "user", user.username, f"{old} -> {role.value}")
        return _view(user)


def set_password(ctx: Context, username: str, new_password: str, *, current_password: str | None = None) -> AccountView:
    """Your own password (give the current one), or anyone's as an administrator (a reset).

    A reset ends the account's sessions; changing your own keeps your current session.
    """
    own = username.strip().lower() == ctx.actor.username
    perm = None if own and current_password is not None else Perm.MANAGE_ACCOUNTS
    with ctx.db.unit(ctx.actor, perm) as uow:
        on_server = server.installed(uow.session) is not None
        user = _get(uow.session, username, lock=not on_server)
        if perm is None and not passwords.verify(user.password_hash, current_password or ""):
            raise AuthenticationError("The current password is wrong; the password was not changed.")
        passwords.check_strength(new_password, user.username)
        if on_server:  # the account's database password changes with it
            return _on_server(uow.session, user.username, "pc_account_set_password",
                              password_hash=passwords.hash_password(new_password),
                              verifier=server.scram_verifier(new_password))
        user.password_hash = passwords.hash_password(new_password)
        user.password_changed_at = ctx.now()
        user.failed_attempts, user.locked_until = 0, None
        if perm is not None:
            auth.end_sessions(uow.session, user.id)
        uow.audit("account.password" if perm is None else "account.password_reset", "user", user.username)
        return _view(user)


def reset_second_factor(ctx: Context, username: str) -> AccountView:
    """A lost phone: the account sets up a new authenticator at its next sign-in."""
    with ctx.db.unit(ctx.actor, Perm.MANAGE_ACCOUNTS) as uow:
        if server.installed(uow.session):
            return _on_server(uow.session, username, "pc_account_reset_totp")
        user = _get(uow.session, username)
        user.totp_secret, user.totp_last_step = None, None
        auth.end_sessions(uow.session, user.id)
        uow.audit("account.totp_reset", "user", user.username)
        return _view(user)


def export_totp_key(ctx: Context) -> str:
    """The second-factor key (base64) for another workstation of this database; audited."""
    with ctx.db.unit(ctx.actor, Perm.MANAGE_ACCOUNTS) as uow:
        key = crypto.totp_key(create=False)
        if key is None:
            raise NotFoundError("This workstation's keyring holds no second-factor key (nobody set up a code here).")
        uow.audit("account.totp_key_export", "setting", crypto.TOTP_KEY_NAME, f"key {key[0]}")
        return base64.b64encode(key[1]).decode()


def import_totp_key(ctx: Context, encoded: str) -> str:
    """Keep the key exported elsewhere; refused when it is not the one the stored seeds use. Returns its id."""
    try:
        raw = base64.b64decode(encoded.strip(), validate=True)
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise ValidationError("That is not a second-factor key: paste the one line 'account totp-key export' printed.")
    key_id = hashlib.sha256(raw).hexdigest()[:16]
    with ctx.db.unit(ctx.actor, Perm.MANAGE_ACCOUNTS) as uow:
        used = {bytes(v[len(crypto.TOTP_PREFIX):len(crypto.TOTP_PREFIX) + 16]).decode("ascii", "replace")
                for v in uow.session.scalars(select(User.totp_secret).where(User.totp_secret.is_not(None)))}
        if used and used != {key_id}:
            raise ValidationError("This key is not the one this database's second factors were set up with; nothing was changed.")
        keychain.set_secret(crypto.TOTP_KEY_NAME, base64.b64encode(raw).decode())
        uow.audit("account.totp_key_import", "setting", crypto.TOTP_KEY_NAME, f"key {key_id}")
    return key_id


def security_settings(ctx: Context) -> config.SecuritySettings:
    with ctx.db.read(ctx.actor, Perm.READ) as s:
        return config.load(s)


def set_totp_roles(ctx: Context, roles: list[str] | tuple[str, ...]) -> frozenset[Role]:
    """Which roles need the second factor (administrators always do)."""
    parsed = config.parse_totp_roles(roles)
    with ctx.db.unit(ctx.actor, Perm.SETTINGS) as uow:
        config.store(uow.session, config.TOTP_ROLES, sorted(r.value for r in parsed))
        uow.audit("settings.change", "setting", config.TOTP_ROLES, ",".join(sorted(r.value for r in parsed)))
    return parsed


def enable_sign_in(db: Database, username: str, display_name: str, password: str, *, by: str) -> AccountView:
    """Create the first administrator and require sign-in from now on.

    On a local file only its owner can do this (sign-in is still off, so whoever runs the
    console is the owner); on a server only while it has no account at all.
    """
    with db.unit(Actor(by, Role.OWNER), None) as uow:
        s = uow.session
        if db.dialect == "sqlite":
            if config.load(s).sign_in_required:
                raise ValidationError("Sign-in is already on for this database; an administrator adds accounts with 'account add'.")
        elif s.execute(select(User.id).limit(1)).first() is not None:
            raise ValidationError("This server already has accounts; an administrator adds more with 'account add'.")
        user = _new_user(s, username, display_name, Role.ADMINISTRATOR, password, by)
        config.store(s, config.SIGN_IN_REQUIRED, True)
        uow.audit("security.sign_in_enabled", "user", user.username, f"first administrator, by {by}")
        return _view(user)
