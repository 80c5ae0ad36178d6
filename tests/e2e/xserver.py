"""A private X display for the end-to-end suite: Xvfb, the openbox window manager, and the
X tools a test uses to act and to look (xdotool, xprop, xwininfo, ImageMagick's import).

Every input event goes through the X server as a person's would (xdotool uses XTEST): the
app under test cannot tell it from a real keyboard and mouse. Nothing here knows Briefer.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from shutil import which
from typing import TypeVar

T = TypeVar("T")

# tool -> Debian package (the Makefile's TEST_PACKAGES installs them all).
TOOLS = {
    "Xvfb": "xvfb",
    "openbox": "openbox",
    "xdotool": "xdotool",
    "xprop": "x11-utils",
    "xwininfo": "x11-utils",
    "import": "imagemagick",
}
FIRST_DISPLAY = int(os.environ.get("BRIEFER_E2E_FIRST_DISPLAY", "140"))
PR_SET_PDEATHSIG = 1  # linux/prctl.h
WAIT_S = 30.0  # a safety net for a stuck step, never a measurement


def die_with_the_tests() -> None:
    """For Popen's preexec_fn: the child gets SIGTERM if the test process dies without its
    teardown (killed, crashed), so no display or window outlives the suite."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def missing_tools() -> list[str]:
    return [f"{tool} (Debian package {pkg})" for tool, pkg in TOOLS.items() if not which(tool)]


def poll(probe: Callable[[], T], what: str, timeout: float = WAIT_S, every: float = 0.1) -> T:
    """Call ``probe`` until it returns something truthy; fail saying ``what`` was awaited."""
    deadline = time.monotonic() + timeout
    last: object = None
    while True:
        last = probe()
        if last:
            return last
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what} (last seen: {last!r})")
        time.sleep(every)


class XServer:
    """Xvfb on a free display number with openbox managing its windows."""

    def __init__(self, workdir: Path, width: int = 1366, height: int = 768) -> None:
        self.workdir, self.width, self.height = workdir, width, height
        self.display = ""
        self._processes: list[subprocess.Popen[bytes]] = []

    # ------------------------------------------------------------ life cycle

    def start(self) -> XServer:
        missing = missing_tools()
        if missing:
            raise RuntimeError(
                "the end-to-end suite needs " + ", ".join(missing) + " (`make test` installs them)"
            )
        self.workdir.mkdir(parents=True, exist_ok=True)
        for number in range(FIRST_DISPLAY, FIRST_DISPLAY + 200):
            if Path(f"/tmp/.X{number}-lock").exists():
                continue
            if self._start_xvfb(number):
                break
        else:
            raise RuntimeError("no free X display number for Xvfb")
        home = self.workdir / "wm-home"
        home.mkdir(exist_ok=True)
        wm_env = {**self.env, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config")}
        self._spawn(["openbox", "--sm-disable"], wm_env, "openbox.log")
        poll(self._wm_running, "openbox to manage the display")
        return self

    def _start_xvfb(self, number: int) -> bool:
        screen = f"{self.width}x{self.height}x24"
        process = self._spawn(
            ["Xvfb", f":{number}", "-screen", "0", screen, "-nolisten", "tcp", "-noreset"],
            dict(os.environ),
            f"xvfb-{number}.log",
        )
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            if process.poll() is not None:  # display taken meanwhile: try the next one
                self._processes.remove(process)
                return False
            if socket.exists():
                self.display = f":{number}"
                if self._query("xprop", "-root", "_NET_SUPPORTED").returncode == 0:
                    return True
            time.sleep(0.05)
        raise RuntimeError(f"Xvfb :{number} did not start; see {self.workdir}")

    def _spawn(self, argv: list[str], env: dict[str, str], log: str) -> subprocess.Popen[bytes]:
        with open(self.workdir / log, "wb") as out:
            process = subprocess.Popen(
                argv,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=die_with_the_tests,
            )
        self._processes.append(process)
        return process

    def _wm_running(self) -> bool:
        return "window id" in self._query("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").stdout

    def stop(self) -> None:
        """The window manager, then the server; each killed if it does not end when asked."""
        for process in reversed(self._processes):
            stop_process(process)
        self._processes.clear()

    @property
    def env(self) -> dict[str, str]:
        return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DISPLAY": self.display}

    # ------------------------------------------------------------ the X tools

    def _query(self, *argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(argv), env=self.env, capture_output=True, text=True, timeout=WAIT_S
        )

    def xdotool(self, *args: str) -> str:
        done = self._query("xdotool", *args)
        if done.returncode != 0 and done.stderr.strip():
            raise AssertionError(f"xdotool {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def key(self, *keys: str) -> None:
        """Press and release each key combination in turn, e.g. ``key("ctrl+e")``."""
        self.xdotool("key", "--delay", "40", *keys)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "20", "--", text)

    def click(self, x: int, y: int, button: int = 1, repeat: int = 1) -> None:
        self.xdotool("mousemove", "--sync", str(x), str(y), "sleep", "0.1")
        self.xdotool("click", "--repeat", str(repeat), "--delay", "80", str(button))

    def drag(self, start: tuple[int, int], end: tuple[int, int], steps: int = 12) -> None:
        """Press, move in small steps (a drag starts only after some movement and the drop
        target follows the pointer), pause over the target, release."""
        (x1, y1), (x2, y2) = start, end
        chain = ["mousemove", "--sync", str(x1), str(y1), "sleep", "0.2", "mousedown", "1"]
        chain += ["sleep", "0.2", "mousemove", str(x1 + 4), str(y1 + 4), "sleep", "0.1"]
        chain += ["mousemove", str(x1 + 12), str(y1 + 8), "sleep", "0.1"]
        for step in range(1, steps + 1):
            x = x1 + (x2 - x1) * step // steps
            y = y1 + (y2 - y1) * step // steps
            chain += ["mousemove", str(x), str(y), "sleep", "0.06"]
        chain += ["mousemove", str(x2), str(y2 + 1), "sleep", "0.4", "mouseup", "1"]
        self.xdotool(*chain)

    def windows(self, pid: int | None = None, name: str = ".") -> list[str]:
        """Ids of the visible windows whose title matches the regular expression ``name``."""
        args = ["search", "--all", "--onlyvisible", "--name", name]
        if pid is not None:
            args[1:1] = ["--pid", str(pid)]
        return self._query("xdotool", *args).stdout.split()

    def title(self, window: str) -> str:
        return self._query("xdotool", "getwindowname", window).stdout.rstrip("\n")

    def frame(self, window: str) -> tuple[int, int, int, int]:
        """Where a window is on screen with its title bar and borders: x, y, width, height."""
        info = self._query("xwininfo", "-id", window).stdout
        values = {}
        for line in info.splitlines():
            key, _, value = line.strip().partition(":")
            values[key] = value.strip()
        x, y = int(values["Absolute upper-left X"]), int(values["Absolute upper-left Y"])
        width, height = int(values["Width"]), int(values["Height"])
        extents = self._query("xprop", "-id", window, "_NET_FRAME_EXTENTS").stdout
        left = right = top = bottom = 0
        if "=" in extents:
            left, right, top, bottom = (int(v) for v in extents.split("=")[1].split(","))
        return x - left, y - top, width + left + right, height + top + bottom

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._query("import", "-window", "root", str(path))
        return path


def stop_process(process: subprocess.Popen[bytes], grace: float = 5.0) -> None:
    """Ask the process (and its session) to end; kill it if it has not within ``grace``."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, 15)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 9)
        process.wait(timeout=grace)
