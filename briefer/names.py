"""Names across alphabets: one key per person, whatever the spelling.

Case names reach the desk transliterated by different hands — Shcharanskiy, Shcharansky,
Sharansky, Щаранский. Each name is transliterated to Latin by ``anyascii`` (a maintained
library, permissively licensed), then folded: case, word order, and the usual variants of
transliterating Russian (shch/sh, -iy/-ii/-y, ye/e, yu/iu …). Equal keys mean "the same
name"; near keys (rapidfuzz) mean "possibly the same person" — never merged silently, since
relatives often share near-identical names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from anyascii import anyascii

# Applied in order to each lower-case Latin word.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"shch|sch", "sh"),
        (r"tch", "ch"),
        (r"kh", "h"),
        (r"ph", "f"),
        (r"w", "v"),
        (r"tz", "ts"),
        (r"x", "ks"),
        (r"^ye", "e"),
        (r"([aeiou])ye", r"\1e"),
        (r"yo", "e"),
        (r"yu", "iu"),
        (r"ya", "ia"),
        (r"(iy|ii|yi|yy|ij|y)$", "i"),
        (r"ey$", "ei"),
        (r"ay$", "ai"),
        (r"(.)\1+", r"\1"),  # any run of one letter, so that a key is its own key
    )
)


def fold_word(word: str) -> str:
    """One word's spelling-insensitive form (``Shcharanskiy`` → ``sharanski``)."""
    folded = anyascii(word).casefold()
    folded = "".join(ch for ch in folded if ch.isalpha())
    for pattern, replacement in _FOLDS:
        folded = pattern.sub(replacement, folded)
    return folded


def name_key(name: str) -> str:
    """The key of a full name: its folded words, in alphabetical order."""
    words = re.findall(r"[^\W\d_]+", name)
    return " ".join(sorted(filter(None, (fold_word(word) for word in words))))


def name_keys(names: Iterable[str]) -> list[str]:
    """The distinct keys of a person's primary name and variants."""
    return sorted({key for key in (name_key(name) for name in names) if key})
