"""Alembic migrations, shipped inside the package.

``REVISIONS`` lists every revision id, oldest first, so that opening a store can tell
"current", "older" and "made by a newer Briefer" without importing Alembic and loading
every migration module (that costs ~0.1 s of every start). A test checks this list
against Alembic's own script directory; add each new revision here.
"""

REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD = REVISIONS[-1]
