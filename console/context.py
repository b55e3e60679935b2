"""The application context services receive: database, catalogue, actor and clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from console.policy import Catalogue, load_catalogue
from console.security.roles import Actor
from console.store.base import utcnow
from console.store.uow import Database


@dataclass
class Context:
    """Small and explicit: no global application object for modules to reach into."""

    db: Database
    catalogue: Catalogue
    actor: Actor
    clock: Callable[[], datetime] = field(default=utcnow)

    def now(self) -> datetime:
        return self.clock()

    def as_actor(self, actor: Actor) -> Context:
        return Context(self.db, self.catalogue, actor, self.clock)


def open_context(url: str | None, actor: Actor, policy: str | None = None) -> Context:
    """Load the catalogue first (cheap, and a bad one must fail before touching the database)."""
    catalogue = load_catalogue(policy)
    return Context(Database(url), catalogue, actor)
