"""Opening, creating, migrating, checking, backing up and restoring a Briefer store.

A store is a SQLite file (the default, one per user) or a PostgreSQL database given by URL.
The rules enforced here are the ones a user's data depends on:

* a file that is not a Briefer store, or is damaged, is refused with a message saying so,
  and is never written to — it is inspected through a read-only connection first;
* a new store file is created readable by its owner only (0600, whatever the umask);
* opening an older store takes a backup first, then migrates one revision per transaction;
* SQLite connections run with foreign keys on, WAL, a busy timeout and real transactional
  DDL (pysqlite's implicit transaction handling is switched off, as SQLAlchemy documents);
* backups use SQLite's online backup API, rotate, and are taken at most daily on open;
* an encrypted store (SQLCipher, see :mod:`briefer.cipher`) is opened only with its
  passphrase, and its backups are encrypted with the same key.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlalchemy import create_engine, event, inspect, select, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

if TYPE_CHECKING:
    from alembic.config import Config

from briefer import cipher, clock, paths
from briefer.cipher import CipherKey, PassphraseNeeded
from briefer.errors import ConflictError, StoreError, ValidationError
from briefer.migrations import HEAD, REVISIONS
from briefer.models import revisions
from briefer.models.store_info import (
    APPLICATION_KEY,
    APPLICATION_VALUE,
    AS_OF_KEY,
    SAMPLE_KEY,
    StoreInfo,
)
from briefer.search import sync

SQLITE_HEADER = b"SQLite format 3\x00"
BACKUPS_KEPT = 10
BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class StoreTarget:
    """Where a store lives: a SQLite file path, or a database URL."""

    url: str
    path: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def display(self) -> str:
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)


def resolve_target(db: str | os.PathLike[str] | None) -> StoreTarget:
    """``--db`` wins, then ``BRIEFER_DB``, then the default store in the user data dir."""
    raw = os.fspath(db) if db is not None else os.environ.get("BRIEFER_DB") or ""
    if "://" in raw:
        url = make_url(raw)
        if url.get_backend_name() == "sqlite":
            if not url.database:
                raise StoreError("A SQLite URL needs a file name, e.g. sqlite:///path/briefer.db")
            return _file_target(Path(url.database))
        if url.get_backend_name() != "postgresql":
            raise StoreError(
                f"Briefer stores live in SQLite files or PostgreSQL; '{url.get_backend_name()}' "
                "is not supported. Give a file path or a postgresql+psycopg:// URL."
            )
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return StoreTarget(url.render_as_string(hide_password=False), None)
    return _file_target(Path(raw) if raw else paths.default_store_path())


def _file_target(path: Path) -> StoreTarget:
    path = path.expanduser().absolute()
    return StoreTarget(f"sqlite:///{path}", path)


# --------------------------------------------------------------------------- files


def create_private_file(path: Path) -> None:
    """Create an empty file readable and writable by its owner only, whatever the umask."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def _not_a_store(path: Path, reason: str) -> StoreError:
    return StoreError(
        f"{path} is not a Briefer store: {reason}. It was left untouched; "
        "choose another file, or restore a backup with 'briefer restore'."
    )


def sqlite_connection(
    path: Path, key: CipherKey | None = None, *, readonly: bool = False
) -> sqlite3.Connection:
    """The one way Briefer connects to a SQLite file, plain or encrypted (with ``key``).

    Both kinds get the same driver options, so a store behaves the same whichever it is:
    in particular ``check_same_thread`` is off for both, because the engine's pool hands
    a connection to whichever thread checks it out next (the window exports and copies on
    QThreadPool workers), one thread at a time. Only the keying step is SQLCipher's own.
    """
    dbapi: Any = sqlite3 if key is None else cipher.driver()
    mode = "ro" if readonly else "rwc"
    connection = dbapi.connect(
        f"file:{quote(str(path))}?mode={mode}", uri=True, check_same_thread=False
    )
    if key is not None:
        cipher.unlock(connection, path, key)
    return connection  # type: ignore[no-any-return]


def _readonly_connection(path: Path, key: CipherKey | None = None) -> sqlite3.Connection:
    return sqlite_connection(path, key, readonly=True)


def _read_header(path: Path) -> bytes:
    if path.is_dir():
        raise _not_a_store(path, "it is a folder")
    if not path.exists():
        raise StoreError(f"{path} does not exist.")
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{path} cannot be read: {exc.strerror}.") from exc


def is_encrypted_file(path: Path) -> bool:
    """Whether opening this file will need a passphrase (False for a missing file)."""
    try:
        return path.is_file() and cipher.looks_encrypted(path, _read_header(path))
    except StoreError:
        return False


def file_key(path: Path, passphrase: str | None) -> CipherKey | None:
    """The key an existing file needs: None for a plain store, else derived from the
    passphrase and the file's salt."""
    if not is_encrypted_file(path):
        return None
    if passphrase is None:
        raise PassphraseNeeded(path)
    return CipherKey.for_file(path, passphrase)


def inspect_sqlite_file(path: Path, key: CipherKey | None = None) -> str | None:
    """Check a file is a sound Briefer store without writing to it.

    Returns its schema revision, or None for a file that is empty (0 bytes or no tables) and
    may be initialised. Raises StoreError with the reason otherwise (PassphraseNeeded for an
    encrypted file without its key, WrongPassphrase for one the key does not open).
    """
    header = _read_header(path)
    if not header:
        return None
    if key is None:
        if cipher.looks_encrypted(path, header):
            raise PassphraseNeeded(path)
        if header != SQLITE_HEADER:
            raise _not_a_store(path, "it is not a database file (text or another format)")
        _refuse_truncated(path)
    try:
        with closing(_readonly_connection(path, key)) as conn:
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables:
                return None
            if "store_info" not in tables or "alembic_version" not in tables:
                raise _not_a_store(path, "it is a database made by another program")
            app = conn.execute(
                "SELECT value FROM store_info WHERE key = ?", (APPLICATION_KEY,)
            ).fetchone()
            if app is None or app[0] != APPLICATION_VALUE:
                raise _not_a_store(path, "it is a database made by another program")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except cipher.database_errors(key) as exc:
        raise _not_a_store(path, f"the database is damaged or truncated ({exc})") from exc
    revision = row[0] if row else None
    _refuse_unknown_revision(path, revision)
    return revision


def _refuse_truncated(path: Path) -> None:
    """A file shorter than the size its own header records has lost pages.

    The SQLite file format keeps the database size in pages at offset 28 (valid when the
    "version-valid-for" number at 92 equals the change counter at 24) and the page size at
    16. Comparing it with the file's length catches truncation without reading every page,
    which ``PRAGMA quick_check`` would (``briefer check`` still runs the full check).
    """
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100:
        raise _not_a_store(path, "the database is truncated (its header is incomplete)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[92:96] == header[24:28]
    if header_valid and pages and path.stat().st_size < pages * page_size:
        raise _not_a_store(path, "the database is truncated (pages are missing at its end)")


def _refuse_unknown_revision(where: object, revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise StoreError(
            f"{where} was made by a newer version of Briefer (schema {revision}). "
            "Update Briefer to open it; the store was left untouched."
        )


# --------------------------------------------------------------------------- migrations


def _alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return HEAD


def known_revisions() -> set[str]:
    return set(REVISIONS)


def _revision_of(connection: Connection) -> str | None:
    """The store's schema revision, read straight from Alembic's version table."""
    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return _revision_of(connection)


def migrate(engine: Engine, revision: str = "head", *, down: bool = False) -> None:
    """Upgrade (or, for tests and recovery, downgrade) to ``revision``; each step commits on
    its own (transaction_per_migration).

    On SQLite a batch step re-creates a table (copy, drop, rename). With foreign keys on,
    dropping the old table would cascade-delete every row that refers to it — a briefing's
    sections, a case's status history — so they are off while the steps run, and the
    foreign keys are checked before they are switched back on.
    """
    from alembic import command

    with engine.connect() as connection:
        # The pragma is a no-op inside a transaction, and SQLAlchemy opens one (BEGIN, see
        # _sqlite_engine) on its first statement: so it goes straight to the driver first.
        raw = (
            connection.connection.driver_connection if connection.dialect.name == "sqlite" else None
        )
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            step = command.downgrade if down else command.upgrade
            step(_alembic_config(connection), revision)
            connection.commit()
            if raw is not None:
                broken = raw.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(
                        f"The migration left {len(broken)} broken reference(s) (first in table "
                        f"'{broken[0][0]}'); restore the backup taken before it."
                    )
        finally:
            if raw is not None:
                connection.rollback()
                raw.execute("PRAGMA foreign_keys=ON")


# --------------------------------------------------------------------------- engines


def _sqlite_engine(path: Path, *, key: CipherKey | None = None) -> Engine:
    """The one engine factory for SQLite stores, plain and encrypted alike: connections come
    from :func:`sqlite_connection`; the file URL keeps SQLAlchemy's file pool, and the module
    makes the driver's errors the ones SQLAlchemy wraps. Statement parameters (the store's
    content) are kept out of error messages, which reach logs and dialogs."""
    engine = create_engine(
        f"sqlite:///{path}",
        creator=lambda: sqlite_connection(path, key),
        module=sqlite3 if key is None else cipher.driver(),
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy emit BEGIN itself so DDL is transactional too (see "begin" below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def _postgres_engine(url: str) -> Engine:
    # As for SQLite: no statement parameters (the store's content) in error messages.
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def _connect_error(target: StoreTarget, exc: Exception) -> StoreError:
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
    return StoreError(f"Cannot open the store at {target.display}: {detail}")


def _describe(records: Any) -> str:
    """Name the records of a refused write for the message."""
    from briefer.models.base import describe_record

    return ", ".join(describe_record(r) for r in list(records)[:3]) or "this record"


def _is_write_contention(exc: OperationalError) -> bool:
    """SQLite reports a writer that lost a race (SQLITE_BUSY / BUSY_SNAPSHOT) as 'locked'."""
    message = str(exc.orig).lower()
    return "database is locked" in message or "database is busy" in message


# --------------------------------------------------------------------------- the store


class Store:
    """An open store: an engine, a unit-of-work factory, and the store's own facts."""

    def __init__(self, target: StoreTarget, engine: Engine, key: CipherKey | None = None):
        self.target = target
        self.engine = engine
        self.key = key
        self._factory = sessionmaker(engine, expire_on_commit=False)
        revisions.install(self._factory)
        sync.install(self._factory)

    # ---- opening

    @classmethod
    def open(
        cls,
        db: str | os.PathLike[str] | StoreTarget | None = None,
        *,
        create: bool = True,
        auto_backup: bool = True,
        passphrase: str | None = None,
        encrypt: bool = False,
    ) -> Store:
        """Open (or create) a store. ``passphrase`` opens an encrypted SQLite store;
        with ``encrypt`` a store created here is encrypted with it."""
        target = db if isinstance(db, StoreTarget) else resolve_target(db)
        if target.is_sqlite:
            return cls._open_sqlite(
                target,
                create=create,
                auto_backup=auto_backup,
                passphrase=passphrase,
                encrypt=encrypt,
            )
        if encrypt:
            raise StoreError(
                "Encryption is for SQLite store files; protect a PostgreSQL store on its "
                "server (disk encryption, TLS, roles)."
            )
        return cls._open_postgres(target, create=create)

    @classmethod
    def _open_sqlite(
        cls,
        target: StoreTarget,
        *,
        create: bool,
        auto_backup: bool,
        passphrase: str | None,
        encrypt: bool,
    ) -> Store:
        path = target.path
        assert path is not None
        is_new = not path.exists() or (encrypt and path.is_file() and not path.stat().st_size)
        key: CipherKey | None = None
        if is_new:
            if not create:
                raise StoreError(f"There is no store at {path}.")
            if encrypt:
                if passphrase is None:
                    raise StoreError("A new encrypted store needs a passphrase.")
                key = CipherKey.new(passphrase)
            if not path.parent.is_dir():
                raise StoreError(
                    f"Cannot create a store at {path}: the folder {path.parent} does not exist."
                )
            try:
                if not path.exists():
                    create_private_file(path)
            except OSError as exc:
                raise StoreError(f"Cannot create a store at {path}: {exc.strerror}.") from exc
            revision = None
        else:
            key = file_key(path, passphrase)
            if encrypt and key is None:
                raise StoreError(
                    f"{path} already holds a store that is not encrypted. To encrypt it, copy "
                    "it to a new file: briefer copy --from OLD --to NEW --encrypt."
                )
            revision = inspect_sqlite_file(path, key)
            if not os.access(path, os.W_OK):
                raise StoreError(f"{path} is read-only; Briefer needs to write to its store.")
        store = cls(target, _sqlite_engine(path, key=key), key)
        try:
            if revision != head_revision():
                if revision is not None:
                    store.backup(reason="before-migration")
                migrate(store.engine)
            elif auto_backup:
                store.backup_if_due()
        except Exception:
            store.close()
            if is_new:
                path.unlink(missing_ok=True)
            raise
        return store

    @classmethod
    def _open_postgres(cls, target: StoreTarget, *, create: bool) -> Store:
        engine = _postgres_engine(target.url)
        try:
            with engine.connect() as connection:
                tables = set(inspect(connection).get_table_names())
                if tables and not {"store_info", "alembic_version"} <= tables:
                    raise StoreError(
                        f"The database at {target.display} holds tables of another program; "
                        "it was left untouched. Give Briefer an empty database."
                    )
                revision = _revision_of(connection)
            _refuse_unknown_revision(target.display, revision)
            if revision is None and not create:
                raise StoreError(f"The database at {target.display} holds no Briefer store.")
            if revision != head_revision():
                migrate(engine)
        except StoreError:
            engine.dispose()
            raise
        except (OperationalError, DBAPIError) as exc:
            engine.dispose()
            raise _connect_error(target, exc) from exc
        return cls(target, engine)

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ---- units of work

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error.

        A stale write (someone else saved the record since it was read) becomes a
        ConflictError, and nothing of the unit is written.
        """
        session = self._factory()
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            changed = _describe(session.dirty)
            session.rollback()
            raise ConflictError(
                f"Someone else changed {changed} after you read it, so your change was not "
                "saved. Reload it to see their version, then make your change again."
            ) from exc
        except IntegrityError as exc:
            session.rollback()
            raise ValidationError(f"The change breaks a rule of the store: {exc.orig}") from exc
        except OperationalError as exc:
            session.rollback()
            if _is_write_contention(exc):
                raise ConflictError(
                    "Another window or program saved to this store while you were working, so "
                    "your change was not saved. Reload and make your change again."
                ) from exc
            raise StoreError(f"The store could not complete the change: {exc.orig}") from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    # ---- the store's own facts

    def info(self, key: str) -> str | None:
        with self.session() as session:
            row = session.get(StoreInfo, key)
            return row.value if row else None

    def set_info(self, key: str, value: str | None) -> None:
        with self.session() as session:
            row = session.get(StoreInfo, key)
            if value is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(StoreInfo(key=key, value=value))
            else:
                row.value = value

    @property
    def as_of(self) -> date | None:
        value = self.info(AS_OF_KEY)
        return date.fromisoformat(value) if value else None

    def today(self) -> date:
        return clock.today(self.as_of)

    @property
    def is_sample(self) -> bool:
        return self.info(SAMPLE_KEY) == "1"

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # ---- backups (SQLite)

    def _require_sqlite(self, action: str) -> Path:
        if self.target.path is None:
            raise StoreError(
                f"{action} works on SQLite stores; back up a PostgreSQL store with pg_dump."
            )
        return self.target.path

    def backup_dir(self) -> Path:
        return paths.backup_dir_for(self._require_sqlite("Backup"))

    def backups(self) -> list[Path]:
        """Automatic backups, oldest first."""
        return sorted(self.backup_dir().glob("*.db"), key=lambda p: (p.stat().st_mtime, p.name))

    def backup(self, dest: Path | None = None, *, reason: str = "auto") -> Path:
        """Copy the live store with SQLite's online backup API; rotate automatic backups."""
        path = self._require_sqlite("Backup")
        automatic = dest is None
        if dest is None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            dest = self.backup_dir() / f"{path.stem}-{stamp}-{reason}.db"
        dest = dest.expanduser().absolute()
        if dest.is_dir():
            raise StoreError(
                f"Cannot write the backup to {dest}: it is a folder. Give a file name."
            )
        if not dest.parent.is_dir():
            raise StoreError(f"Cannot write the backup to {dest}: the folder does not exist.")
        temporary = dest.with_name(dest.name + ".tmp")
        temporary.unlink(missing_ok=True)
        try:
            create_private_file(temporary)
            raw = self.engine.raw_connection()
            try:
                with closing(self._connect_copy(temporary)) as copy:
                    raw.driver_connection.backup(copy)  # type: ignore[union-attr]
            finally:
                raw.close()
            os.replace(temporary, dest)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise StoreError(f"Cannot write the backup to {dest}: {exc.strerror}.") from exc
        if automatic:
            self._rotate_backups()
        return dest

    def _connect_copy(self, path: Path) -> sqlite3.Connection:
        """A backup of an encrypted store is encrypted with the same key (and salt)."""
        return sqlite_connection(path, self.key)

    def backup_if_due(self) -> Path | None:
        """At most one automatic backup a day, taken when the store is opened."""
        existing = self.backups()
        if existing:
            newest = datetime.fromtimestamp(existing[-1].stat().st_mtime).date()
            if newest >= date.today():
                return None
        return self.backup()

    def _rotate_backups(self) -> None:
        for old in self.backups()[:-BACKUPS_KEPT]:
            old.unlink(missing_ok=True)

    def restore(self, source: Path) -> Path:
        """Replace the store's content with a backup; the current content is backed up first.

        Returns the path of that safety backup.
        """
        self._require_sqlite("Restore")
        source = source.expanduser().absolute()
        source_key = self._key_for_restore(source)
        revision = inspect_sqlite_file(source, source_key)
        if revision is None:
            raise _not_a_store(source, "it is empty")
        safety = self.backup(reason="before-restore")
        self.engine.dispose()
        raw = self.engine.raw_connection()
        try:
            with closing(_readonly_connection(source, source_key)) as backup_source:
                backup_source.backup(raw.driver_connection)  # type: ignore[arg-type]
        finally:
            raw.close()
        self.engine.dispose()
        if revision != head_revision():
            migrate(self.engine)
        return safety

    def _key_for_restore(self, source: Path) -> CipherKey | None:
        """SQLite's backup copies pages, so a backup and the store it replaces must be both
        plain or both encrypted (with this store's passphrase)."""
        source_encrypted = is_encrypted_file(source)
        if self.key is None and source_encrypted:
            raise StoreError(
                f"{source} is an encrypted backup and this store is not encrypted. Open the "
                "backup itself with its passphrase, or copy it: "
                "briefer copy --from BACKUP --to NEW."
            )
        if self.key is not None and not source_encrypted:
            raise StoreError(
                f"{source} is not encrypted and this store is. Copy it into a new encrypted "
                "store instead: briefer copy --from BACKUP --to NEW --encrypt."
            )
        return file_key(source, self.key.passphrase) if self.key else None


# --------------------------------------------------------------------------- checking


def check_store(
    db: str | os.PathLike[str] | StoreTarget | None, *, passphrase: str | None = None
) -> list[str]:
    """List what is wrong with a store, without migrating or writing anything."""
    target = db if isinstance(db, StoreTarget) else resolve_target(db)
    if target.path is not None:
        return _check_sqlite(target.path, passphrase)
    return _check_postgres(target)


def _check_sqlite(path: Path, passphrase: str | None) -> list[str]:
    try:
        key = file_key(path, passphrase)
        revision = inspect_sqlite_file(path, key)
    except PassphraseNeeded:
        raise
    except StoreError as exc:
        return [str(exc)]
    if revision is None:
        return [f"{path} is empty: no Briefer store has been created in it yet."]
    problems: list[str] = []
    with closing(_readonly_connection(path, key)) as conn:
        try:
            integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            foreign = list(conn.execute("PRAGMA foreign_key_check"))
        except cipher.database_errors(key) as exc:  # an encrypted page that fails its HMAC
            return [f"integrity: the database is damaged ({exc}); restore a backup"]
        if integrity != ["ok"]:
            problems.extend(f"integrity: {line}" for line in integrity)
        for table, rowid, parent, _fk in foreign:
            problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
    problems.extend(_schema_problems(revision))
    return problems


def _check_postgres(target: StoreTarget) -> list[str]:
    engine = _postgres_engine(target.url)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            if "store_info" not in tables:
                return [f"The database at {target.display} holds no Briefer store."]
            app = connection.execute(
                select(StoreInfo.value).where(StoreInfo.key == APPLICATION_KEY)
            ).scalar()
            if app != APPLICATION_VALUE:
                return [f"The database at {target.display} is not a Briefer store."]
            revision = _revision_of(connection)
    except SQLAlchemyError as exc:
        return [str(_connect_error(target, exc))]
    finally:
        engine.dispose()
    return _schema_problems(revision)


def _schema_problems(revision: str | None) -> list[str]:
    head = head_revision()
    if revision == head:
        return []
    if revision in known_revisions():
        return [
            f"schema: at revision {revision}, not {head}; opening it in Briefer will migrate it"
        ]
    return [f"schema: unknown revision {revision}"]
