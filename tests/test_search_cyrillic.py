"""A name typed in Cyrillic finds the case whatever alphabet it is stored in, prefix by prefix
as it is typed, on both dialects (issue 13, item 19): the query is transliterated and
folded the same way the index's name keys are."""

from __future__ import annotations

import pytest

from briefer.services.drawer import drawer_rows
from briefer.services.search import search

NAME = "Anatoly Shcharanskiy"


@pytest.mark.parametrize("typed", ["Щаранск", "Щаранский", "щаранс", "Sharan", "Щаранский А"])
def test_a_cyrillic_or_latin_prefix_finds_the_case(sample_store, typed):
    with sample_store.session() as session:
        found = [hit.title for hit in search(session, typed)]
        in_drawer = [row.title for row in drawer_rows(session, typed)]
    assert NAME in found, found
    assert NAME in in_drawer, in_drawer
