"""How the command line opens a store, including an encrypted one.

A passphrase comes from the environment (``BRIEFER_PASSPHRASE`` for the store a command
works on, ``BRIEFER_TO_PASSPHRASE`` for the target of ``copy``), else from a prompt on the
terminal; a script without either is told how to give one rather than left waiting.
"""

from __future__ import annotations

import getpass
import os
import sys
from typing import Any

from briefer.cipher import PASSPHRASE_ENV
from briefer.errors import StoreError
from briefer.store import Store, StoreTarget, is_encrypted_file, resolve_target

TO_PASSPHRASE_ENV = "BRIEFER_TO_PASSPHRASE"


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _ask(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except EOFError as exc:
        raise StoreError("No passphrase was typed; nothing was opened.") from exc


def _given(env: str, what: str) -> str | None:
    """The passphrase set in ``env``; None when a person at the terminal can type it."""
    given = os.environ.get(env)
    if given is None and not _interactive():
        raise StoreError(
            f"{what} Set {env} to its passphrase, or run the command in a terminal to type it."
        )
    return given


def passphrase_for(target: StoreTarget, env: str = PASSPHRASE_ENV) -> str | None:
    """The passphrase an existing encrypted store needs; None for any other store."""
    if target.path is None or not is_encrypted_file(target.path):
        return None
    given = _given(env, f"{target.path} is an encrypted store.")
    return given if given is not None else _ask(f"Passphrase for {target.path}: ")


def new_passphrase(target: StoreTarget, env: str = PASSPHRASE_ENV) -> str:
    """A passphrase for a store about to be encrypted: from the environment, or typed twice."""
    given = _given(env, f"{target.display} is to be encrypted.")
    if given is not None:
        return given
    first = _ask(f"New passphrase for {target.display}: ")
    if _ask("The same passphrase again: ") != first:
        raise StoreError("The two passphrases differ; nothing was created.")
    return first


def open_store(db: str | None, *, encrypt: bool = False, **options: Any) -> Store:
    """``Store.open`` with the passphrase the store needs, asked for only when it does."""
    target = resolve_target(db)
    if encrypt:
        return Store.open(target, passphrase=new_passphrase(target), encrypt=True, **options)
    return Store.open(target, passphrase=passphrase_for(target), **options)
