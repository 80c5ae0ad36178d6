"""What a desktop needs to show Briefer: the .desktop entry, the icon, the version."""

from __future__ import annotations

import configparser
import subprocess

from briefer import __version__, paths
from tests.readers import require


def test_the_desktop_entry_is_valid_and_names_the_shipped_icon():
    entry = paths.asset("resources", "linux", "briefer.desktop")
    validator = require("desktop-file-validate", "desktop-file-utils")
    checked = subprocess.run([validator, str(entry)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    parsed = configparser.ConfigParser(interpolation=None)
    parsed.optionxform = str  # keys are case-sensitive
    parsed.read(entry, encoding="utf-8")
    desktop = parsed["Desktop Entry"]
    assert (desktop["Exec"].split()[0], desktop["Icon"]) == ("briefer", "briefer")
    icon = paths.asset("resources", "icons", f"{desktop['Icon']}.svg")
    assert icon.read_text(encoding="utf-8").lstrip().startswith(("<svg", "<?xml"))


def test_the_version_comes_from_the_package():
    from importlib.metadata import version

    assert version("briefer") == __version__
