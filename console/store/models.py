"""Typed models of the rights-request domain, staff accounts and the audit trail."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.folding import fold
from console.store.base import Base, utcnow

OPEN_STATUSES = ("awaiting_approval", "awaiting_verification", "in_progress", "received")  # lifecycle.OPEN, sorted
OPEN_PREDICATE = "status IN (" + ", ".join(f"'{s}'" for s in OPEN_STATUSES) + ")"


def _folded_name(context: Any) -> str:
    return fold(context.get_current_parameters()["subject_name"])


class Request(Base):
    """A data-subject rights request; ``due_at`` is materialised so queues sort in SQL."""

    __tablename__ = "requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    right_id: Mapped[str] = mapped_column(String(40))
    jurisdictions: Mapped[str] = mapped_column(String(80))  # "EU,US-CA"
    channel: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(8), default="en")
    received_at: Mapped[datetime]
    subject_name: Mapped[str] = mapped_column(String(200))
    subject_email: Mapped[str] = mapped_column(String(254))
    # subject_name folded (case, accents) for the trigram name search; bulk writers set it with fold()
    subject_name_folded: Mapped[str] = mapped_column(String(200), default=_folded_name, server_default="")
    subject_account_id: Mapped[str | None] = mapped_column(String(80))
    subject_is_child: Mapped[bool] = mapped_column(Boolean, default=False)
    guardian_name: Mapped[str | None] = mapped_column(String(200))
    guardian_email: Mapped[str | None] = mapped_column(String(254))
    assignee: Mapped[str | None] = mapped_column(String(80))
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    status: Mapped[str] = mapped_column(String(24))
    notes: Mapped[str] = mapped_column(Text, default="")
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    outcome: Mapped[str | None] = mapped_column(String(40))
    outcome_reason: Mapped[str | None] = mapped_column(Text)
    due_at: Mapped[datetime]
    due_rule_id: Mapped[str] = mapped_column(String(40))
    due_rule_label: Mapped[str] = mapped_column(String(120))
    acknowledge_due_at: Mapped[datetime | None]
    acknowledged_at: Mapped[datetime | None]
    paused_since: Mapped[datetime | None]
    duplicate_of: Mapped[str | None] = mapped_column(String(32))
    closed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    seal: Mapped[str | None] = mapped_column(String(96))  # keyed BLAKE2b of status, assignee, ... (security.seals)

    events: Mapped[list[RequestEvent]] = relationship(back_populates="request", order_by="RequestEvent.id")
    checklist: Mapped[list[ChecklistEntry]] = relationship(back_populates="request", order_by="ChecklistEntry.position")
    pauses: Mapped[list[RequestPause]] = relationship(order_by="RequestPause.id")
    extensions: Mapped[list[RequestExtension]] = relationship(order_by="RequestExtension.id")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # paused_since last: the overdue and due-soon counts read a range of this index alone
        Index("ix_requests_status_due", "status", "due_at", "id", "paused_since"),
        # Few requests are paused: a partial index keeps their counts cheap to subtract.
        Index("ix_requests_paused", "status", "due_at", sqlite_where=text("paused_since IS NOT NULL"),
              postgresql_where=text("paused_since IS NOT NULL")),
        Index("ix_requests_assignee_status_due", "assignee", "status", "due_at"),
        Index("ix_requests_right_status_due", "right_id", "status", "due_at"),
        # email first: search by email prefix, and the duplicate check (same subject and right, open)
        Index("ix_requests_subject_email", "subject_email", "right_id", "status"),
        Index("ix_requests_received", "received_at"),
        Index("ix_requests_closed", "closed_at"),
        # The open queue's first page walks this in order and stops after a page (PostgreSQL's
        # planner otherwise scans every row and sorts); the statuses are literals, as queries write them.
        Index("ix_requests_open_due", "due_at", "id", sqlite_where=text(OPEN_PREDICATE),
              postgresql_where=text(OPEN_PREDICATE)),
        Index("ix_requests_subject_name", "subject_name", "id"),  # sort by subject stops after a page
        # A common name fragment's page over all requests walks this and stops (queries._walks).
        Index("ix_requests_due", "due_at", "id"),
    )


class QueueCount(Base):
    """How many requests share a status, right, assignee and paused flag: the navigation's counts.

    Kept by database triggers in the same transaction as every insert, update and delete of a
    request (migration 0004_flat_queues), so reading every queue's count costs a few hundred rows,
    not a pass over the table, and no writer can forget it.
    """

    __tablename__ = "queue_counts"

    status: Mapped[str] = mapped_column(String(24), primary_key=True)
    right_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    assignee: Mapped[str] = mapped_column(String(80), primary_key=True)  # '' for nobody
    paused: Mapped[int] = mapped_column(Integer, primary_key=True)  # 1 while the clock is paused
    n: Mapped[int] = mapped_column(Integer, default=0)


class RequestEvent(Base):
    """One line of a request's activity history: who did what, when."""

    __tablename__ = "request_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str | None] = mapped_column(String(24))

    request: Mapped[Request] = relationship(back_populates="events")


class RequestPause(Base):
    __tablename__ = "request_pauses"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    reason: Mapped[str] = mapped_column(Text)
    started_by: Mapped[str] = mapped_column(String(80))


class RequestExtension(Base):
    __tablename__ = "request_extensions"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    rule_id: Mapped[str] = mapped_column(String(40))
    amount: Mapped[int]
    unit: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    notified_on: Mapped[date] = mapped_column(Date)
    granted_at: Mapped[datetime]
    granted_by: Mapped[str] = mapped_column(String(80))


class ChecklistEntry(Base):
    """One identity/information check of a request, ticked by a named user."""

    __tablename__ = "checklist_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    item_id: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(200))
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    result: Mapped[str | None] = mapped_column(String(10))  # passed | failed | None (open)
    done_by: Mapped[str | None] = mapped_column(String(80))
    done_at: Mapped[datetime | None]
    comment: Mapped[str] = mapped_column(Text, default="")
    second_by: Mapped[str | None] = mapped_column(String(80))
    second_at: Mapped[datetime | None]

    request: Mapped[Request] = relationship(back_populates="checklist")


class Evidence(Base):
    """An identity document, encrypted (AES-GCM); the plaintext never touches the disk."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(String(40))
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str] = mapped_column(String(40))
    nonce: Mapped[bytes | None] = mapped_column(LargeBinary)
    ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    added_by: Mapped[str] = mapped_column(String(80))
    purged_at: Mapped[datetime | None]


class SubjectRecord(Base):
    """One record of the subject's data, by category, gathered from a company system."""

    __tablename__ = "subject_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(120))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    gathered_at: Mapped[datetime] = mapped_column(default=utcnow)


class DataSource(Base):
    """A company system the console queries for a subject's data (password in the keyring)."""

    __tablename__ = "data_sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    url: Mapped[str] = mapped_column(String(500))
    queries: Mapped[dict[str, Any]] = mapped_column(JSON)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Package(Base):
    """A response package built for a request: what was sent, and its manifest's hash."""

    __tablename__ = "packages"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    path: Mapped[str] = mapped_column(String(1000))
    manifest_hash: Mapped[str] = mapped_column(String(64))
    # The package fingerprint the signed letter states (reference, kind, outcome, subject,
    # language, template version, data files): what `package verify` checks a letter against.
    binding_sha256: Mapped[str | None] = mapped_column(String(64))
    built_at: Mapped[datetime] = mapped_column(default=utcnow)
    built_by: Mapped[str] = mapped_column(String(80))
    signed_at: Mapped[datetime | None]
    signed_by: Mapped[str | None] = mapped_column(String(200))
    sent_at: Mapped[datetime | None]


class Counter(Base):
    """Per-year sequence for references (DSR-2026-000123), safe under concurrent writers."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class User(Base):
    """A staff account; ``role`` is one of administrator, dpo, analyst, auditor.

    ``password_hash`` is an argon2id PHC string; ``totp_secret`` the base32 TOTP seed (None
    until enrolled); ``totp_last_step`` the time step of the last accepted code, so a code
    is never accepted twice.
    """

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    totp_secret: Mapped[bytes | None] = mapped_column(LargeBinary)
    totp_last_step: Mapped[int | None] = mapped_column(Integer)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(80))
    password_changed_at: Mapped[datetime | None]
    last_sign_in_at: Mapped[datetime | None]
    seal: Mapped[str | None] = mapped_column(String(96))  # keyed BLAKE2b of role, active, ... (security.seals)


class AuthSession(Base):
    """A signed-in session: only the SHA-256 of its token is stored, never the token."""

    __tablename__ = "auth_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    client: Mapped[str] = mapped_column(String(20), default="desktop")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]  # the absolute end; idle expiry counts from last_seen_at


class AuditEntry(Base):
    """Append-only, hash-chained trail: each entry's hash covers the previous one's."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(60))
    target_type: Mapped[str] = mapped_column(String(40), default="")
    target_id: Mapped[str] = mapped_column(String(80), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    seal: Mapped[str | None] = mapped_column(String(96))  # keyed BLAKE2b of the hash (security.seals)

    __table_args__ = (
        Index("ix_audit_target", "target_id", "target_type", "id"),
        Index("ix_audit_actor", "actor", "id"),
        Index("ix_audit_action", "action", "id"),
        Index("ix_audit_at", "at"),
    )


class Setting(Base):
    """Settings shared by every user of one database (policy file, thresholds, ...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    seal: Mapped[str | None] = mapped_column(String(96))  # security.* settings only (security.seals)


class AuditCheckpoint(Base):
    """The chain head sealed with a key outside the database (security.checkpoints)."""

    __tablename__ = "audit_checkpoints"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)  # 1, 2, 3, ... with no gap
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(80))
    entry_id: Mapped[int] = mapped_column(Integer)
    head_hash: Mapped[str] = mapped_column(String(64))
    prev_mac: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str] = mapped_column(String(16))
    mac: Mapped[str] = mapped_column(String(64))
