"""An encrypted store's whole life: create, reopen, a wrong passphrase, search, backup,
restore, copy to plain and back, and the file holding no plaintext."""

from __future__ import annotations

import hashlib
import os
import pty
import select
import shutil
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from briefer.cipher import PassphraseNeeded, WrongPassphrase
from briefer.errors import StoreError
from briefer.models import Case
from briefer.services.cases import add_status
from briefer.services.copy import copy_between
from briefer.services.search import search
from briefer.store import Store, check_store, is_encrypted_file
from tests.conftest import PASSPHRASE
from tests.test_cli import briefer

# Names and words the sample holds; none may appear in an encrypted file in any encoding.
PLAINTEXT = ["Shcharanskiy", "Щаранский", "Human Rights Between Summits", "refusenik"]


@pytest.fixture
def encrypted(encrypted_sample: Path, tmp_path: Path) -> Path:
    path = tmp_path / "laptop.db"
    shutil.copyfile(encrypted_sample, path)
    path.chmod(0o600)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_no_plaintext(*files: Path) -> None:
    for file in files:
        content = file.read_bytes()
        for text in PLAINTEXT:
            for encoding in ("utf-8", "utf-16-le"):
                assert text.encode(encoding) not in content, f"{text!r} readable in {file.name}"


def _finds_sharansky(store: Store) -> None:
    with store.session() as session:
        for spelling in ("Sharansky", "Щаранский"):
            hits = [h.title for h in search(session, spelling, ("case",))]
            assert hits == ["Anatoly Shcharanskiy"], spelling


def test_a_new_encrypted_store_is_private_and_reopens_only_with_its_passphrase(tmp_path):
    path = tmp_path / "new.db"
    with Store.open(path, passphrase=PASSPHRASE, encrypt=True) as store:
        assert store.encrypted
    assert path.stat().st_mode & 0o777 == 0o600
    assert is_encrypted_file(path)
    with pytest.raises(PassphraseNeeded):
        Store.open(path)
    with Store.open(path, passphrase=PASSPHRASE) as again:
        assert again.encrypted and again.info("application") == "briefer"


def test_a_wrong_passphrase_is_a_clear_error_and_leaves_the_file_as_it_was(encrypted):
    before = _digest(encrypted)
    with pytest.raises(WrongPassphrase, match="wrong, or the file is not a Briefer store"):
        Store.open(encrypted, passphrase="Correct horse battery")
    with pytest.raises(PassphraseNeeded, match="passphrase is needed"):
        Store.open(encrypted)
    assert _digest(encrypted) == before
    assert not list(encrypted.parent.glob("laptop.db-*"))  # no journal left by a failed open
    with Store.open(encrypted, passphrase=PASSPHRASE) as store:
        _finds_sharansky(store)


def test_the_file_shows_no_plaintext_without_the_passphrase(encrypted):
    with Store.open(encrypted, passphrase=PASSPHRASE, auto_backup=False) as store:
        _finds_sharansky(store)
        with store.session() as session:
            hit = next(h for h in search(session, "Щаранский", ("case",)))
            add_status(
                session,
                session.get(Case, hit.id),
                occurred_on=date(1987, 12, 1),
                status="emigrated",
                source="Shcharanskiy's wife, by telephone",
            )
        # The change sits in the write-ahead log until a checkpoint: that file too.
        _assert_no_plaintext(*encrypted.parent.glob("laptop.db*"))
    _assert_no_plaintext(encrypted)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(encrypted).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_standard_sqlcipher_opens_it_with_the_passphrase(encrypted):
    """The file is plain SQLCipher 4: the user's passphrase opens it with SQLCipher's own
    tools, not only through Briefer."""
    from sqlcipher3 import dbapi2

    connection = dbapi2.connect(str(encrypted))
    connection.execute(f"PRAGMA key = '{PASSPHRASE}'")
    assert connection.execute('SELECT count(*) FROM "case"').fetchone()[0] == 40
    connection.close()


def test_backups_are_encrypted_with_the_same_key_and_restore(encrypted, tmp_path):
    with Store.open(encrypted, passphrase=PASSPHRASE) as store:
        automatic = store.backups()
        assert len(automatic) == 1  # taken on open
        chosen = store.backup(tmp_path / "chosen.db")
        store.set_info("note", "after the backup")
        safety = store.restore(chosen)
        assert store.info("note") is None
    for backup in (*automatic, chosen, safety):
        assert backup.stat().st_mode & 0o777 == 0o600
        assert is_encrypted_file(backup)
        _assert_no_plaintext(backup)
        with Store.open(backup, passphrase=PASSPHRASE, auto_backup=False) as opened:
            _finds_sharansky(opened)


def test_restore_refuses_a_backup_of_the_other_kind(encrypted, sample_sqlite, tmp_path):
    plain = tmp_path / "plain.db"
    shutil.copyfile(sample_sqlite, plain)
    with (
        Store.open(encrypted, passphrase=PASSPHRASE, auto_backup=False) as store,
        pytest.raises(StoreError, match="not encrypted and this store is"),
    ):
        store.restore(plain)
    with (
        Store.open(plain, auto_backup=False) as store,
        pytest.raises(StoreError, match="encrypted backup"),
    ):
        store.restore(encrypted)


def test_check_reads_an_encrypted_store_without_writing(encrypted):
    before = _digest(encrypted)
    assert check_store(encrypted, passphrase=PASSPHRASE) == []
    with pytest.raises(PassphraseNeeded):
        check_store(encrypted)
    assert _digest(encrypted) == before


def test_copy_to_plain_and_back_keeps_every_value(encrypted, sample_sqlite, tmp_path):
    from tests.test_copy import _fingerprint

    plain, back = tmp_path / "plain.db", tmp_path / "back.db"
    copy_between(str(encrypted), str(plain), source_passphrase=PASSPHRASE)
    assert not is_encrypted_file(plain)
    copy_between(str(plain), str(back), target_passphrase="another passphrase", encrypt=True)
    _assert_no_plaintext(back)
    with pytest.raises(WrongPassphrase):
        Store.open(back, passphrase=PASSPHRASE)
    with Store.open(back, passphrase="another passphrase", auto_backup=False) as store:
        _finds_sharansky(store)
    assert _fingerprint(str(back), "another passphrase") == _fingerprint(str(sample_sqlite))


def test_a_failed_encrypted_copy_leaves_no_file(sample_sqlite, tmp_path, monkeypatch):
    from briefer.services import copy as store_copy

    def corrupt(*_args, **_kwargs):
        raise store_copy.VerificationFailed("injected")

    monkeypatch.setattr(store_copy, "_verify", corrupt)
    target, source = tmp_path / "target.db", tmp_path / "source.db"
    shutil.copyfile(sample_sqlite, source)
    with pytest.raises(store_copy.VerificationFailed):
        copy_between(str(source), str(target), target_passphrase=PASSPHRASE, encrypt=True)
    assert list(tmp_path.glob("target.db*")) == []


def test_short_passphrases_and_other_files_are_refused(tmp_path):
    with pytest.raises(StoreError, match="at least 8 characters"):
        Store.open(tmp_path / "short.db", passphrase="secret", encrypt=True)
    assert not (tmp_path / "short.db").exists()
    text = tmp_path / "notes.db"
    text.write_text("minutes of the meeting\n" * 500)
    assert not is_encrypted_file(text)
    with pytest.raises(StoreError, match="not a database file"):
        Store.open(text)
    with pytest.raises(StoreError, match="Encryption is for SQLite"):
        Store.open("postgresql+psycopg://nobody@127.0.0.1:1/none", encrypt=True)


def test_a_plain_store_is_not_encrypted_in_place(sample_sqlite, tmp_path):
    plain = tmp_path / "plain.db"
    shutil.copyfile(sample_sqlite, plain)
    with pytest.raises(StoreError, match="copy it to a new file"):
        Store.open(plain, passphrase=PASSPHRASE, encrypt=True)


# ------------------------------------------------------------------ the command line


def test_command_line_life_of_an_encrypted_store(tmp_path):
    db = str(tmp_path / "cli.db")
    with_key = {"BRIEFER_PASSPHRASE": PASSPHRASE}
    created = briefer("--db", db, "init", "--encrypt", env_extra=with_key)
    assert created.returncode == 0, created.stderr
    assert "Created an encrypted store" in created.stdout
    assert briefer("--db", db, "demo", env_extra=with_key).returncode == 0
    found = briefer("--db", db, "search", "Щаранский", "--kind", "case", env_extra=with_key)
    assert "Anatoly Shcharanskiy" in found.stdout

    without = briefer("--db", db, "list", "cases")
    assert without.returncode == 1
    assert "Set BRIEFER_PASSPHRASE" in without.stderr and "Traceback" not in without.stderr
    wrong = briefer("--db", db, "list", "cases", env_extra={"BRIEFER_PASSPHRASE": "not it at all"})
    assert wrong.returncode == 1 and "passphrase does not open" in wrong.stderr
    assert briefer("--db", db, "check", env_extra=with_key).returncode == 0

    plain, back = str(tmp_path / "plain.db"), str(tmp_path / "back.db")
    assert briefer("copy", "--from", db, "--to", plain, env_extra=with_key).returncode == 0
    to_key = {"BRIEFER_TO_PASSPHRASE": "a second passphrase"}
    again = briefer("copy", "--from", plain, "--to", back, "--encrypt", env_extra=to_key)
    assert again.returncode == 0, again.stderr
    listed = briefer(
        "--db", back, "list", "cases", env_extra={"BRIEFER_PASSPHRASE": "a second passphrase"}
    )
    assert "Anatoly Shcharanskiy" in listed.stdout
    _assert_no_plaintext(Path(db), Path(back))


def _run_in_terminal(argv: list[str], answers: list[str]) -> tuple[int, str]:
    """Run the command on a pseudo-terminal, typing each answer at its own prompt (output
    that ends in a colon after the last answer was typed)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command itself, with the terminal as stdin
        os.execv(sys.executable, [sys.executable, "-m", "briefer", *argv])
    seen, answered_at = b"", 0
    pending = list(answers)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1.0)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # the child closed the terminal: it has finished
            break
        if not chunk:
            break
        seen += chunk
        if pending and seen[answered_at:].rstrip().endswith(b":"):
            os.write(fd, pending.pop(0).encode() + b"\n")
            answered_at = len(seen)
    else:
        os.kill(pid, 9)
    _pid, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), seen.decode(errors="replace")


def test_a_terminal_is_asked_for_the_passphrase_twice_when_creating_once_when_opening(tmp_path):
    db = str(tmp_path / "typed.db")
    code, screen = _run_in_terminal(["--db", db, "init", "--encrypt"], [PASSPHRASE, PASSPHRASE])
    assert code == 0, screen
    assert "New passphrase for" in screen and "same passphrase again" in screen
    assert PASSPHRASE not in screen  # never echoed
    code, screen = _run_in_terminal(["--db", db, "list", "briefings"], [PASSPHRASE])
    assert code == 0, screen
    assert f"Passphrase for {db}" in screen
    code, screen = _run_in_terminal(
        ["--db", str(tmp_path / "x.db"), "init", "--encrypt"], [PASSPHRASE, "something else"]
    )
    assert code == 1 and "passphrases differ" in screen
    assert not (tmp_path / "x.db").exists()


def test_a_damaged_encrypted_store_is_called_damaged_not_a_wrong_passphrase(encrypted):
    content = bytearray(encrypted.read_bytes())
    pages = len(content) // 4096
    for page in range(2, pages, 2):  # every other page after the first, the header intact
        content[page * 4096 + 64 : page * 4096 + 96] = bytes(32)
    encrypted.write_bytes(bytes(content))
    with pytest.raises(StoreError, match="damaged or truncated"):
        Store.open(encrypted, passphrase=PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Store.open(encrypted, passphrase="another passphrase")
    assert encrypted.read_bytes() == bytes(content)
    problems = check_store(encrypted, passphrase=PASSPHRASE)
    assert len(problems) == 1 and "damaged" in problems[0]
