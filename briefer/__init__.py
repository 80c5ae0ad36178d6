"""Briefer: assemble, mark and export the human-rights part of a summit briefing book.

The package is layered so that a newcomer can read the architecture off the folders:
``models`` (the domain, SQLAlchemy ORM), ``store`` (opening, migrating and backing up a
store), ``search`` (the one dialect-specific adapter), ``services`` (use cases, Qt-free),
``sample`` (the sample workspace), ``cli`` and ``gui`` (the only package that imports Qt).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("briefer")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"

APP_NAME = "Briefer"
APP_AUTHOR = "Briefer"
