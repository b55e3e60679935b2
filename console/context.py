"""The application context services receive: database, catalogue, actor and clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from console.policy import Catalogue
from console.security.roles import Actor
from console.store.base import utcnow
from console.uow import Database


@dataclass(frozen=True)
class Context:
    """Small and explicit: no global application object for modules to reach into.

    Frozen: worker threads share it with the window, so a change (another actor, another
    due-soon threshold) is a new Context made with ``dataclasses.replace`` and handed over.
    """

    db: Database
    catalogue: Catalogue
    actor: Actor
    clock: Callable[[], datetime] = field(default=utcnow)

    def now(self) -> datetime:
        return self.clock()

    def as_actor(self, actor: Actor) -> Context:
        return replace(self, actor=actor)
