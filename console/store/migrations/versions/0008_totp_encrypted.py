"""totp encrypted: second-factor seeds stored encrypted with a key from the OS keyring

Revision ID: 0008_totp_encrypted
Revises: 0007_name_search

Seeds were stored as their base32 text. Each one is encrypted (AES-256-GCM, bound to its account)
with the key ``totp-key`` in the keyring of the workstation that upgrades; other workstations of
a shared database get it with 'account totp-key export' / 'import'. A database with no seed set
up never touches the keyring here.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_totp_encrypted"
down_revision = "0007_name_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from console.security import crypto

    conn = op.get_bind()
    users = sa.table("users", sa.column("id", sa.Integer), sa.column("username", sa.String),
                     sa.column("totp_secret", sa.LargeBinary))
    rows = conn.execute(sa.select(users.c.id, users.c.username, users.c.totp_secret)
                        .where(users.c.totp_secret.is_not(None))).all()
    for row in rows:
        stored = bytes(row.totp_secret)
        if stored.startswith(crypto.TOTP_PREFIX):
            continue
        conn.execute(sa.update(users).where(users.c.id == row.id)
                     .values(totp_secret=crypto.encrypt_totp(stored.decode("ascii"), row.username)))


def downgrade() -> None:
    from console.security import crypto

    conn = op.get_bind()
    users = sa.table("users", sa.column("id", sa.Integer), sa.column("username", sa.String),
                     sa.column("totp_secret", sa.LargeBinary))
    for row in conn.execute(sa.select(users.c.id, users.c.username, users.c.totp_secret)
                            .where(users.c.totp_secret.is_not(None))).all():
        seed = crypto.decrypt_totp(bytes(row.totp_secret), row.username)
        conn.execute(sa.update(users).where(users.c.id == row.id).values(totp_secret=seed.encode("ascii")))
