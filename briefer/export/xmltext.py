"""Text that XML 1.0 can hold: anything a user can paste must export, not crash."""

from __future__ import annotations

import re

# XML 1.0 allows tab, LF, CR and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """Drop characters XML forbids (NUL, other C0 controls, lone surrogates, U+FFFE/F)."""
    return _ILLEGAL.sub("", text)


def escape(text: str) -> str:
    return (
        xml_safe(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )
