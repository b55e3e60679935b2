"""A synthetic company database (SQLite) to gather subject data from, for the demo and tests.

Everything in it is invented. ``make_sample_company`` writes it; ``register_sample_source``
adds it as a data source with the shipped queries (resources/samples/).
"""

from __future__ import annotations

import random
import sqlite3
import tomllib
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from console import private_files
from console.context import Context
from console.resources import resource_path

SCHEMA = """
CREATE TABLE accounts (account_id TEXT PRIMARY KEY, email TEXT NOT NULL, username TEXT, created_at TEXT,
                       status TEXT, notification_settings TEXT);
CREATE INDEX ix_accounts_email ON accounts(email);
CREATE TABLE profiles (account_id TEXT, bio TEXT, interests TEXT, profile_picture TEXT);
CREATE TABLE logins (account_id TEXT, at TEXT, page TEXT, session_seconds INTEGER, ip_address TEXT, browser TEXT, device TEXT);
CREATE INDEX ix_logins_account ON logins(account_id);
CREATE TABLE orders (account_id TEXT, order_no TEXT, ordered_at TEXT, amount TEXT, currency TEXT, card_last4 TEXT);
CREATE INDEX ix_orders_account ON orders(account_id);
CREATE TABLE tickets (email TEXT, opened_at TEXT, channel TEXT, subject TEXT);
CREATE INDEX ix_tickets_email ON tickets(email);
CREATE TABLE preferences (account_id TEXT, marketing_email INTEGER, language TEXT, theme TEXT);
"""
PAGES = ["/", "/pricing", "/account", "/mixes", "/mixes/new", "/help", "/settings"]
BROWSERS = ["Firefox 133", "Chrome 131", "Safari 18", "Edge 131"]
DEVICES = ["Windows laptop", "Android phone", "iPhone", "MacBook", "Linux desktop"]
SUBJECTS = ["Where is my invoice?", "Cannot log in", "Delete my account", "Change of address", "Refund request"]


def make_sample_company(path: Path, subjects: Iterable[tuple[str, str | None, str]], seed: int = 13) -> Path:
    """Write the database for ``subjects`` = (email, account id, name); replaces an older file."""
    rng = random.Random(seed)
    private_files.private_dir(path.parent)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    private_files.private_file(tmp)  # 0600: synthetic, but shaped like a company's customer data
    con = sqlite3.connect(tmp)
    con.executescript(SCHEMA)
    base = datetime(2026, 11, 1, tzinfo=UTC)
    for n, (email, account_id, name) in enumerate(subjects):
        acc = account_id or f"ACC-S{n:06d}"
        user = name.split()[0].lower() + str(n)
        created = base - timedelta(days=rng.randrange(60, 2000))
        con.execute("INSERT INTO accounts VALUES (?,?,?,?,?,?)",
                    (acc, email, user, created.isoformat(), "active", "weekly digest; security alerts"))
        con.execute("INSERT INTO profiles VALUES (?,?,?,?)",
                    (acc, f"{name} makes playlists for friends.", "techno; jazz; field recordings", f"avatars/{acc}.png"))
        for _ in range(rng.randrange(2, 8)):
            at = base - timedelta(days=rng.uniform(0, 300))
            con.execute("INSERT INTO logins VALUES (?,?,?,?,?,?,?)",
                        (acc, at.isoformat(timespec="seconds"), rng.choice(PAGES), rng.randrange(20, 3600),
                         f"203.0.113.{rng.randrange(1, 254)}", rng.choice(BROWSERS), rng.choice(DEVICES)))
        for k in range(rng.randrange(0, 4)):
            at = base - timedelta(days=rng.uniform(0, 900))
            con.execute("INSERT INTO orders VALUES (?,?,?,?,?,?)",
                        (acc, f"ORD-{n:06d}-{k}", at.isoformat(timespec="seconds"), f"{rng.randrange(3, 60)}.99", "EUR",
                         f"{rng.randrange(10000):04d}"))
        for _ in range(rng.randrange(0, 3)):
            at = base - timedelta(days=rng.uniform(0, 700))
            con.execute("INSERT INTO tickets VALUES (?,?,?,?)",
                        (email, at.isoformat(timespec="seconds"), rng.choice(["email", "chat"]), rng.choice(SUBJECTS)))
        con.execute("INSERT INTO preferences VALUES (?,?,?,?)",
                    (acc, rng.randrange(2), rng.choice(["en", "de", "pl"]), rng.choice(["light", "dark"])))
    con.commit()
    con.close()
    tmp.replace(path)
    return path


def sample_queries() -> dict[str, str]:
    with resource_path("samples", "sample_company_queries.toml").open("rb") as fh:
        return dict(tomllib.load(fh)["queries"])


def register_sample_source(ctx: Context, path: Path, name: str = "sample-company") -> None:
    """Add the sample database as a data source unless one of that name exists."""
    from console.requests.sources import add_source, list_sources

    if any(s.name == name for s in list_sources(ctx)):
        return
    add_source(ctx, name, f"sqlite:///{path}", sample_queries())
