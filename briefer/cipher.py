"""Encrypted SQLite stores: SQLCipher 4 through the ``sqlcipher3`` driver.

A laptop carried to a summit holds the names of people at risk, so a store can be encrypted
with a passphrase. The file is then a standard SQLCipher 4 database (AES-256 pages, HMAC
per page, PBKDF2-HMAC-SHA512 with 256,000 iterations): the ``sqlcipher`` shell opens it with
``PRAGMA key = 'passphrase'``.

The passphrase is stretched once per opening, here, rather than by SQLCipher once per
connection: the derived key and the file's salt are handed to every connection as a raw
key (SQLCipher's ``x'<key><salt>'`` form), which is the same key SQLCipher would derive.
A store opens one connection to inspect it and a pool of them to work, and each
derivation costs a fifth of a second.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from briefer.errors import StoreError

SALT_BYTES = 16
KEY_BYTES = 32
KDF_ITERATIONS = 256_000  # SQLCipher 4's default, so its own tools open our files
PAGE_SIZE = 4096  # SQLCipher 4's default page size
MIN_PASSPHRASE = 8
PASSPHRASE_ENV = "BRIEFER_PASSPHRASE"  # read by the command line, and tried first by the window


class PassphraseNeeded(StoreError):
    """The store is encrypted and no passphrase was given."""

    def __init__(self, path: Path):
        super().__init__(f"{path} is an encrypted store: its passphrase is needed to open it.")
        self.path = path


class WrongPassphrase(StoreError):
    """The passphrase does not open the file; nothing was written to it."""

    def __init__(self, path: Path):
        super().__init__(
            f"The passphrase does not open {path}: it is wrong, or the file is not a Briefer "
            "store. The file was left untouched; try again with the right passphrase."
        )
        self.path = path


def driver() -> ModuleType:
    """The SQLCipher DB-API module; imported only when an encrypted store is used."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:  # pragma: no cover - the wheel is a dependency
        raise StoreError(
            "Encrypted stores need the sqlcipher3-wheels package; reinstall Briefer."
        ) from exc
    return dbapi2


def database_errors(key: CipherKey | None) -> tuple[type[Exception], ...]:
    """What a damaged file raises: SQLCipher's driver has error classes of its own."""
    if key is None:
        return (sqlite3.DatabaseError,)
    return (sqlite3.DatabaseError, driver().DatabaseError)


def check_new_passphrase(passphrase: str) -> None:
    """A passphrase protects names of people at risk: refuse one that is trivially short."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise StoreError(
            f"Choose a passphrase of at least {MIN_PASSPHRASE} characters; a short one can be "
            "guessed by anyone who takes the file."
        )
    if "\x00" in passphrase:
        raise StoreError("A passphrase cannot contain a NUL character.")


@dataclass(frozen=True)
class CipherKey:
    """A store's derived key and salt; the passphrase is kept to open backups and copies
    that have a salt of their own."""

    passphrase: str = field(repr=False)
    salt: bytes = field(repr=False)
    key: bytes = field(repr=False)

    @classmethod
    def derive(cls, passphrase: str, salt: bytes) -> CipherKey:
        key = hashlib.pbkdf2_hmac(
            "sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES
        )
        return cls(passphrase, salt, key)

    @classmethod
    def new(cls, passphrase: str) -> CipherKey:
        """The key for a file not written yet: a fresh random salt."""
        check_new_passphrase(passphrase)
        return cls.derive(passphrase, os.urandom(SALT_BYTES))

    @classmethod
    def for_file(cls, path: Path, passphrase: str) -> CipherKey:
        """SQLCipher keeps the salt in the clear as the file's first 16 bytes."""
        with path.open("rb") as handle:
            salt = handle.read(SALT_BYTES)
        if len(salt) < SALT_BYTES:
            raise WrongPassphrase(path)
        return cls.derive(passphrase, salt)

    @property
    def pragma(self) -> str:
        return f"PRAGMA key = \"x'{self.key.hex()}{self.salt.hex()}'\""


def looks_encrypted(path: Path, header: bytes) -> bool:
    """An encrypted file has no readable header; it is whole pages of random-looking bytes.

    A text or other file is almost never an exact multiple of the page size, so it is
    still called "not a database" rather than asked for a passphrase.
    """
    size = path.stat().st_size
    return not header.startswith(b"SQLite format 3\x00") and size >= PAGE_SIZE and size % 512 == 0


def unlock(connection: sqlite3.Connection, path: Path, key: CipherKey) -> None:
    """Key a new connection, checked at once: a wrong key fails here, not at first use.

    The connection itself is made by ``briefer.store``'s one connection factory, with the
    same driver options as a plain store's; only this step is SQLCipher's own.
    """
    try:
        # SQLCipher logs a failed HMAC check to stderr; the message below says it better.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(key.pragma)
        # The header lives in page 1 alone: if it decrypts, the key is right, and a failure
        # further on is damage, which the caller reports as such.
        connection.execute("PRAGMA user_version").fetchone()
    except driver().DatabaseError as exc:
        connection.close()
        raise WrongPassphrase(path) from exc
