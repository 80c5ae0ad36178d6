"""The one place that decides where files live.

Shipped folders (``ui/``, ``resources/``, ``templates/``) are found in a PyInstaller bundle,
in the source checkout, or in an installed ``share/briefer``; user files (the default store,
the sample store, backups, logs) live in the per-user directories from ``appdirs``, which
honour ``XDG_DATA_HOME`` — the tests rely on that to isolate every run.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import appdirs

from briefer import APP_AUTHOR

_APP_DIR_NAME = "briefer"
PACKAGE_DIR = Path(__file__).resolve().parent


def _asset_roots() -> list[Path]:
    roots: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root))
    roots.append(PACKAGE_DIR.parent)  # source checkout / editable install
    roots.append(Path(sys.prefix) / "share" / _APP_DIR_NAME)  # regular install
    return roots


def asset_dir(name: str) -> Path:
    """Return the shipped folder ``name`` (``ui``, ``resources`` or ``templates``)."""
    for root in _asset_roots():
        candidate = root / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Briefer's '{name}' folder is missing from this installation")


def asset(*parts: str) -> Path:
    """Path of one shipped file, e.g. ``asset("resources", "vocabulary", "markings.json")``."""
    return asset_dir(parts[0]).joinpath(*parts[1:])


def migrations_dir() -> Path:
    """Alembic's script location ships inside the package so it travels with the code."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root and (Path(frozen_root) / "briefer" / "migrations").is_dir():
        return Path(frozen_root) / "briefer" / "migrations"
    return PACKAGE_DIR / "migrations"


def _per_user(found: str, xdg_default: str) -> Path:
    """appdirs reads an empty XDG variable as a relative folder (the store would land in the
    current directory); the XDG spec says an empty variable means its default."""
    path = Path(found)
    return path if path.is_absolute() else Path.home() / xdg_default / path


def user_data_dir() -> Path:
    override = os.environ.get("BRIEFER_DATA_DIR")
    path = (
        Path(override)
        if override
        else _per_user(appdirs.user_data_dir(_APP_DIR_NAME, APP_AUTHOR), ".local/share")
    )
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def user_log_dir() -> Path:
    path = _per_user(appdirs.user_log_dir(_APP_DIR_NAME, APP_AUTHOR), ".cache")
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_store_path() -> Path:
    """The user's own store: created on first use of File → New Store or the CLI."""
    return user_data_dir() / "briefer.db"


def sample_store_path() -> Path:
    """The sample workspace lives in a store of its own so it never mixes with real work."""
    return user_data_dir() / "sample-workspace.db"


def backup_dir_for(store_path: Path) -> Path:
    """Backups of a store go to a folder named after it in the user data dir."""
    resolved = store_path.resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:8]
    tag = f"{resolved.stem}-{digest}"
    path = user_data_dir() / "backups" / tag
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
