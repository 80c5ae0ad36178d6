"""Write a file so that a failure never leaves a partial file nor clobbers a good one.

The content goes to a temporary file beside the target, which is renamed into place only
when complete (a rename within one folder is atomic). Every refusal says what to do.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from briefer.errors import ExportError


def check_target(target: Path) -> Path:
    target = target.expanduser().absolute()
    if target.is_dir():
        raise ExportError(
            f"{target} is a folder. Give a file name, e.g. {target / 'briefing.docx'}."
        )
    parent = target.parent
    if not parent.exists():
        raise ExportError(
            f"The folder {parent} does not exist. Create it or choose another folder."
        )
    if not parent.is_dir():
        raise ExportError(f"{parent} is a file, not a folder. Choose a folder to save into.")
    return target


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(temporary_path)``, then move the result onto ``target``."""
    target = check_target(target)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ExportError(
            f"Cannot write in {target.parent}: {exc.strerror}. Choose a folder you can write to."
        ) from exc
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        # Keep an existing file's permissions; a new export is private to its owner, like the
        # store it came from (exports carry classified material).
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o600
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as exc:
        raise ExportError(f"Cannot write {target}: {exc.strerror}. Nothing was changed.") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    return target
