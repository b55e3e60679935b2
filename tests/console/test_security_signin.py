"""Sign-in as a person meets it: wrong password, wrong or replayed code, lockout, expiry, enrolment."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from console.errors import AuthenticationError
from console.security import accounts, auth, passwords, totp
from console.security.roles import Role
from console.store.models import AuditEntry, AuthSession, User
from tests.console.test_security_helpers import ROLE_PASSWORDS, add_staff, enrol, fast_hashes  # noqa: F401

pytestmark = pytest.mark.usefixtures("fast_hashes")


@pytest.fixture
def staff(ctx):  # type: ignore[no-untyped-def]
    return add_staff(ctx, totp_roles=("administrator", "dpo"))


def _audit(db, action: str) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    with db.sessions() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def test_password_is_stored_as_argon2id_never_in_clear(ctx, staff) -> None:  # type: ignore[no-untyped-def]
    with ctx.db.sessions() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "ana.user"))
    assert stored.startswith("$argon2id$") and ROLE_PASSWORDS["analyst"] not in stored


def test_sign_in_without_second_factor_returns_actor_and_token(ctx, staff, clock) -> None:  # type: ignore[no-untyped-def]
    signed = auth.sign_in(ctx.db, "ana.user", ROLE_PASSWORDS["analyst"], clock=clock)
    assert signed.actor.username == "ana.user" and signed.actor.role == Role.ANALYST
    assert signed.expires_at == clock.now + timedelta(hours=12)
    assert signed.token not in repr(signed)
    with ctx.db.sessions() as s:
        stored = s.scalar(select(AuthSession.token_hash))
    assert stored == auth.token_digest(signed.token) and signed.token not in stored
    assert _audit(ctx.db, "auth.sign_in")[-1].actor == "ana.user"


def test_wrong_password_fails_clearly_and_is_audited_although_it_failed(ctx, staff, clock) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AuthenticationError, match="Wrong user name or password"):
        auth.sign_in(ctx.db, "ana.user", "not the password", clock=clock)
    with pytest.raises(AuthenticationError, match="Wrong user name or password"):
        auth.sign_in(ctx.db, "nobody.here", "whatever it is", clock=clock)
    failed = _audit(ctx.db, "auth.sign_in_failed")
    assert [(e.actor, e.detail) for e in failed] == [("ana.user", "wrong password"), ("nobody.here", "unknown user")]
    assert all("not the password" not in e.detail for e in failed)


def test_enrolment_gives_uri_and_png_and_then_requires_the_code(ctx, staff, clock) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(auth.EnrolmentRequired, match="second factor"):
        auth.sign_in(ctx.db, "dpo.user", ROLE_PASSWORDS["dpo"], clock=clock)
    e = auth.begin_enrolment(ctx.db, "dpo.user", ROLE_PASSWORDS["dpo"], clock=clock)
    assert e.uri.startswith("otpauth://totp/Privacy%20Console:dpo.user?secret=") and e.secret in e.uri
    assert e.qr_png.startswith(b"\x89PNG\r\n\x1a\n") and len(e.qr_png) > 500
    with pytest.raises(AuthenticationError, match="Wrong authenticator code"):
        auth.finish_enrolment(ctx.db, "dpo.user", ROLE_PASSWORDS["dpo"], e.secret, "000000", clock=clock)
    signed = auth.finish_enrolment(ctx.db, "dpo.user", ROLE_PASSWORDS["dpo"], e.secret,
                                   totp.code_at(e.secret, clock.now), clock=clock)
    assert signed.actor.role == Role.DPO
    clock.advance(seconds=60)
    with pytest.raises(auth.CodeRequired, match="6-digit code"):
        auth.sign_in(ctx.db, "dpo.user", ROLE_PASSWORDS["dpo"], clock=clock)
    assert auth.sign_in(ctx.db, "dpo.user", ROLE_PASSWORDS["dpo"], totp.code_at(e.secret, clock.now), clock=clock)
    with pytest.raises(AuthenticationError, match="already set up"):
        auth.begin_enrolment(ctx.db, "dpo.user", ROLE_PASSWORDS["dpo"], clock=clock)


def test_wrong_code_and_replayed_code_are_refused(ctx, staff, clock) -> None:  # type: ignore[no-untyped-def]
    secret, _ = enrol(ctx.db, "adm.user", ROLE_PASSWORDS["administrator"], clock.now)
    clock.advance(seconds=90)
    pw = ROLE_PASSWORDS["administrator"]
    good = totp.code_at(secret, clock.now)
    wrong = f"{(int(good) + 1) % 1_000_000:06d}"
    with pytest.raises(AuthenticationError, match="Wrong authenticator code"):
        auth.sign_in(ctx.db, "adm.user", pw, wrong, clock=clock)
    auth.sign_in(ctx.db, "adm.user", pw, good, clock=clock)
    with pytest.raises(AuthenticationError, match="already used"):
        auth.sign_in(ctx.db, "adm.user", pw, good, clock=clock)  # the same code again, same 30 s
    clock.advance(seconds=30)
    with pytest.raises(AuthenticationError, match="already used"):  # an older code, still in the window
        auth.sign_in(ctx.db, "adm.user", pw, good, clock=clock)
    auth.sign_in(ctx.db, "adm.user", pw, totp.code_at(secret, clock.now), clock=clock)
    reasons = [e.detail for e in _audit(ctx.db, "auth.sign_in_failed")]
    assert reasons == ["wrong code", "replayed code", "replayed code"]


def test_lockout_after_five_failures_refuses_even_the_right_password_then_lifts(ctx, staff, clock) -> None:  # type: ignore[no-untyped-def]
    pw = ROLE_PASSWORDS["analyst"]
    for attempt in range(5):
        with pytest.raises(AuthenticationError) as err:
            auth.sign_in(ctx.db, "ana.user", f"wrong password {attempt}", clock=clock)
    assert "locked for 15 minutes" in str(err.value)
    with pytest.raises(AuthenticationError, match="locked after repeated failed sign-ins until 09:15 UTC"):
        auth.sign_in(ctx.db, "ana.user", pw, clock=clock)
    clock.advance(minutes=14)
    with pytest.raises(AuthenticationError, match="locked"):
        auth.sign_in(ctx.db, "ana.user", pw, clock=clock)
    clock.advance(minutes=2)
    assert auth.sign_in(ctx.db, "ana.user", pw, clock=clock).actor.username == "ana.user"
    assert [e.detail for e in _audit(ctx.db, "auth.sign_in_failed")][-3:] == ["wrong password, locked", "account locked", "account locked"]


def test_administrator_can_unlock_and_success_resets_the_count(ctx, staff, clock) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.sign_in(ctx.db, "aud.user", "wrong wrong wrong", clock=clock)
    accounts.unlock_account(ctx, "aud.user")
    auth.sign_in(ctx.db, "aud.user", ROLE_PASSWORDS["auditor"], clock=clock)
    with ctx.db.sessions() as s:
        u = s.scalars(select(User).where(User.username == "aud.user")).one()
        assert u.failed_attempts == 0 and u.locked_until is None and u.last_sign_in_at == clock.now


def test_sessions_expire_when_idle_and_at_the_absolute_end(ctx, staff, clock) -> None:  # type: ignore[no-untyped-def]
    signed = auth.sign_in(ctx.db, "ana.user", ROLE_PASSWORDS["analyst"], clock=clock)
    for _ in range(3):  # used every 3.5 h: never idle for 8 h, but 12 h is the end
        clock.advance(hours=3.5)
        assert auth.resume_session(ctx.db, signed.token, clock=clock).actor.username == "ana.user"
    clock.advance(hours=1.6)
    with pytest.raises(auth.SessionExpired, match="after 12 hours"):
        auth.resume_session(ctx.db, signed.token, clock=clock)
    other = auth.sign_in(ctx.db, "ana.user", ROLE_PASSWORDS["analyst"], clock=clock)
    clock.advance(hours=8, seconds=1)
    with pytest.raises(auth.SessionExpired, match="without use"):
        auth.resume_session(ctx.db, other.token, clock=clock)
    with pytest.raises(auth.SessionExpired):  # an ended session stays ended
        auth.resume_session(ctx.db, other.token, clock=clock)


def test_disable_role_change_and_sign_out_end_sessions_at_once(ctx, staff, clock) -> None:  # type: ignore[no-untyped-def]
    a = auth.sign_in(ctx.db, "ana.user", ROLE_PASSWORDS["analyst"], clock=clock)
    accounts.change_role(ctx, "ana.user", "auditor")
    with pytest.raises(auth.SessionExpired):
        auth.resume_session(ctx.db, a.token, clock=clock)
    b = auth.sign_in(ctx.db, "ana.user", ROLE_PASSWORDS["analyst"], clock=clock)
    assert auth.resume_session(ctx.db, b.token, clock=clock).actor.role == Role.AUDITOR
    accounts.disable_account(ctx, "ana.user")
    with pytest.raises(auth.SessionExpired):
        auth.resume_session(ctx.db, b.token, clock=clock)
    with pytest.raises(AuthenticationError, match="disabled"):
        auth.sign_in(ctx.db, "ana.user", ROLE_PASSWORDS["analyst"], clock=clock)
    accounts.enable_account(ctx, "ana.user")
    c = auth.sign_in(ctx.db, "ana.user", ROLE_PASSWORDS["analyst"], clock=clock)
    assert auth.sign_out(ctx.db, c.token) is True and auth.sign_out(ctx.db, c.token) is False
    with pytest.raises(auth.SessionExpired):
        auth.resume_session(ctx.db, c.token, clock=clock)


def test_second_factor_reset_makes_the_user_enrol_again(ctx, staff, clock) -> None:  # type: ignore[no-untyped-def]
    enrol(ctx.db, "dpo.user", ROLE_PASSWORDS["dpo"], clock.now)
    accounts.reset_second_factor(ctx, "dpo.user")
    with pytest.raises(auth.EnrolmentRequired):
        auth.sign_in(ctx.db, "dpo.user", ROLE_PASSWORDS["dpo"], clock=clock)


def test_totp_roles_setting_decides_who_needs_the_code(ctx, staff, clock) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(auth.EnrolmentRequired):
        auth.sign_in(ctx.db, "dpo.user", ROLE_PASSWORDS["dpo"], clock=clock)
    accounts.set_totp_roles(ctx, ["administrator", "analyst"])
    assert auth.sign_in(ctx.db, "dpo.user", ROLE_PASSWORDS["dpo"], clock=clock).actor.role == Role.DPO
    with pytest.raises(auth.EnrolmentRequired):
        auth.sign_in(ctx.db, "ana.user", ROLE_PASSWORDS["analyst"], clock=clock)
    with pytest.raises(Exception, match="cannot be turned off"):
        accounts.set_totp_roles(ctx, ["analyst"])


def test_real_argon2_parameters_and_rehash_on_sign_in(ctx, staff, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher

    monkeypatch.setattr(passwords, "HASHER", PasswordHasher())  # the shipped parameters
    auth.sign_in(ctx.db, "ana.user", ROLE_PASSWORDS["analyst"], clock=clock)
    with ctx.db.sessions() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "ana.user"))
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_local_file_belongs_to_its_owner_until_sign_in_is_turned_on(ctx) -> None:  # type: ignore[no-untyped-def]
    assert auth.sign_in_required(ctx.db) is (ctx.db.dialect != "sqlite")
    view = accounts.enable_sign_in(ctx.db, "Boss", "The Boss", "a long enough phrase", by="owner.person")
    assert view.username == "boss" and view.role == "administrator"
    assert auth.sign_in_required(ctx.db)
    with pytest.raises(Exception, match="already"):
        accounts.enable_sign_in(ctx.db, "second", "", "a long enough phrase", by="owner.person")


def test_weak_passwords_are_refused_with_the_reason(ctx) -> None:  # type: ignore[no-untyped-def]
    for pw, why in (("short", "at least 12"), ("aaaaaaaaaaaaaa", "different characters"),
                    ("jo.lindahl-password", "user name"), (" padded password ", "space")):
        with pytest.raises(Exception, match=why):
            accounts.create_account(ctx, "jo.lindahl", "Jo", "analyst", pw)
