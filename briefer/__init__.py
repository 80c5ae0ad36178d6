"""Briefer: assemble, mark and export the human-rights part of a summit briefing book.

The package is layered so that a newcomer can read the architecture off the folders:
``models`` (the domain, SQLAlchemy ORM), ``store`` (opening, migrating and backing up a
store), ``search`` (the one dialect-specific adapter), ``services`` (use cases, Qt-free),
``sample`` (the sample workspace), ``cli`` and ``gui`` (the only package that imports Qt).
"""

# The one place the version is written; pyproject.toml reads it from here. (Asking
# importlib.metadata at run time costs 20 ms of every start.)
__version__ = "0.1.0"

APP_NAME = "Briefer"
APP_AUTHOR = "Briefer"
