"""Use cases, free of Qt: the CLI and the window call exactly these functions.

Each function takes an open unit of work (``Store.session()``) and returns ORM instances or
plain values; every refusal is a :class:`briefer.errors.BrieferError` whose message a user
can act on.
"""
