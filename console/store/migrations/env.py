"""Alembic environment: runs on the connection the console hands it (never opens its own)."""

from __future__ import annotations

from alembic import context

from console.store import all_models  # noqa: F401 - registers every table
from console.store.base import Base

connection = context.config.attributes.get("connection")
if connection is None:  # alembic CLI use: `alembic -x url=... upgrade head`
    from console.store.engine import make_engine

    engine = make_engine(context.get_x_argument(as_dictionary=True).get("url"))
    connection = engine.connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
