"""The item editor's live preview: Markdown shown as it will read, without slowing typing.

Rendering a 20,000-character item through the Markdown parser takes tens of milliseconds,
longer than a keystroke may take. So the preview is rendered after a short pause in typing
(never per key), only while it can be seen (a hidden or collapsed preview is rendered when
it is shown again), and block by block: a keystroke changes one block of the text, and the
HTML of the blocks it did not touch is reused.
"""

from __future__ import annotations

import re
import time
from typing import Any

from briefer.gui.qt import QTextBrowser, QTimer

PREVIEW_PAUSE_MS = 250  # the preview catches up this long after the last keystroke

# A blank line followed by a line that can only start a new top-level block (not a list
# item, an indented continuation or a quote): the parser reads the text on either side of
# it independently, so each side can be rendered, and cached, on its own.
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n(?=[^\s>*+\-\d])")
# A reference definition ("[id]: url") is read from the whole text, wherever it stands:
# such a text is rendered in one piece.
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:", re.M)


class BlockRenderer:
    """Markdown → HTML, one independent block at a time, reusing the last call's blocks."""

    def __init__(self, trees: Any) -> None:
        self._trees = trees
        self._cache: dict[str, str] = {}

    def html(self, text: str) -> str:
        if _REFERENCE.search(text):
            self._cache = {}
            return str(self._trees.html(text))
        cache: dict[str, str] = {}
        parts = []
        for block in _BLOCK_BREAK.split(text):
            html = self._cache.get(block)
            if html is None:
                html = str(self._trees.html(block))
            cache[block] = html
            if html:
                parts.append(html)
        self._cache = cache  # only the blocks of the text shown: the cache never grows
        return "\n".join(parts)


class ItemPreview(QTextBrowser):
    """A read-only preview of one item's Markdown, brought up to date after a pause."""

    def __init__(self, trees: Any) -> None:
        super().__init__()
        self._trees = trees
        self._renderer: BlockRenderer | None = None
        self._text = ""
        self._stale = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self._paused)
        self._last_change = 0.0  # time.monotonic() of the last show_text

    def show_text(self, text: str, *, at_once: bool = False) -> None:
        """Preview ``text``: at once (another item was chosen) or after the typing pause."""
        self._text = text
        self._stale = True
        if at_once:
            self._pause.stop()
            self._render_if_shown()
        else:  # not restarted per key (a call into Qt per key): _paused waits out the rest
            self._last_change = time.monotonic()
            if not self._pause.isActive():
                self._pause.start(PREVIEW_PAUSE_MS)

    def _paused(self) -> None:
        waited_ms = (time.monotonic() - self._last_change) * 1000
        if waited_ms < PREVIEW_PAUSE_MS - 5:  # typed since the timer started
            self._pause.start(int(PREVIEW_PAUSE_MS - waited_ms) + 1)
        else:
            self._render_if_shown()

    def is_shown(self) -> bool:
        """Visible and not collapsed to nothing by its splitter."""
        return self.isVisible() and self.width() > 0 and self.height() > 0

    def _render_if_shown(self) -> None:
        if not self._stale or not self.is_shown():
            return
        self._stale = False
        if self._renderer is None:
            self._renderer = BlockRenderer(self._trees())
        bar = self.verticalScrollBar()
        position = bar.value()  # where the person scrolled to (the end, while typing there)
        self.setHtml(self._renderer.html(self._text))
        bar.setValue(position)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._catch_up()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._catch_up()

    def _catch_up(self) -> None:
        """Shown again, or uncollapsed: render what changed meanwhile, once laid out."""
        if self._stale:
            self._pause.start(0)  # the interval is given at each start
