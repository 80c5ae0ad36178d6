"""Where Briefer keeps a user's files."""

from __future__ import annotations

from pathlib import Path

from briefer import paths


def test_an_empty_xdg_variable_means_its_default_not_the_current_folder(monkeypatch, tmp_path):
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("BRIEFER_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", "")
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    monkeypatch.chdir(tmp_path)
    assert paths.user_data_dir() == home / ".local/share/briefer"
    assert paths.user_log_dir() == home / ".cache/briefer/log"
    assert not (tmp_path / "briefer").exists()  # nothing written beside the working folder
    assert oct(paths.user_data_dir().stat().st_mode & 0o777) == "0o700"


def test_xdg_data_home_is_honoured(monkeypatch, tmp_path):
    monkeypatch.delenv("BRIEFER_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert paths.default_store_path().parent == Path(tmp_path / "data" / "briefer")
