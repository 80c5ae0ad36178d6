"""Alembic environment. Briefer runs it programmatically (``briefer.store.migrate``) with an
open connection in ``config.attributes["connection"]``; every revision runs in its own
transaction so a failed step leaves the store at the previous revision."""

from alembic import context

from briefer.migrations.env_filters import include_name_for
from briefer.models import Base

connection = context.config.attributes["connection"]

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_name=include_name_for(connection.dialect.name),
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
