"""Names across alphabets: one key per spelling, search on both dialects, duplicate warnings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.names import name_key
from briefer.services import cases, search

SHCHARANSKIY = ["Shcharanskiy", "Shcharansky", "Sharansky", "Щаранский"]


@pytest.mark.parametrize(
    "spellings",
    [
        SHCHARANSKIY,
        ["Yelena Dubinina", "Elena Dubinina", "Дубинина Елена"],
        ["Zhuravlyov", "Zhuravlev", "Журавлёв"],
        ["Yevgeny Katsnelson", "Evgeny Katznelson", "Евгений Кацнельсон"],
    ],
)
def test_spellings_of_one_name_share_a_key(spellings):
    assert len({name_key(s) for s in spellings}) == 1


def test_different_people_keep_different_keys():
    assert name_key("Boris Yasny") != name_key("Boris Lasny")
    assert name_key("Anna Sheinina") != name_key("Anna Sheinin Jr")


@settings(deadline=None, max_examples=100)
@given(st.text(max_size=60))
def test_any_name_has_a_stable_ascii_key(name):
    key = name_key(name)
    assert name_key(key) == key  # a key is its own key
    assert key.isascii()
    assert name_key(" ".join(reversed(name.split()))) == key  # word order is folded


@pytest.mark.parametrize("query", [*SHCHARANSKIY, "sharan", "Щаран"])
def test_every_spelling_finds_the_person_on_both_dialects(store, query):
    with store.session() as session:
        cases.create_case(session, primary_name="Anatoly Shcharanskiy", category="refusenik")
        cases.create_case(
            session,
            primary_name="Olga Tsvetkova",
            category="religious prisoner",
            name_variants=["Ольга Цветкова"],
        )
    with store.session() as session:
        hits = search.search(session, query, ["case"])
    assert [h.title for h in hits] == ["Anatoly Shcharanskiy"]


def test_a_name_of_our_own_in_latin_and_cyrillic(store):
    with store.session() as session:
        cases.create_case(session, primary_name="Olga Tsvetkova", category="religious prisoner")
    with store.session() as session:
        for query in ("Цветкова", "Tsvetkova", "Tsvetkova Olga"):
            assert [h.title for h in search.search(session, query, ["case"])] == ["Olga Tsvetkova"]


def test_duplicates_are_offered_never_merged(store):
    with store.session() as session:
        existing = cases.create_case(
            session, primary_name="Anatoly Shcharanskiy", category="political prisoner"
        )
        relative = cases.create_case(
            session, primary_name="Leonid Shcharanskiy", category="divided family"
        )
    with store.session() as session:
        same = cases.possible_duplicates(session, ["Щаранский Анатолий"])
        assert same[0].case_id == str(existing.id) and same[0].same_key
        near = cases.possible_duplicates(session, ["Sharansky"])
        assert {d.case_id for d in near} == {str(existing.id), str(relative.id)}
        assert not any(d.same_key for d in near)
        assert cases.possible_duplicates(session, ["Vera Orlova"]) == []
        assert len(cases.list_cases(session)) == 2


def test_keys_follow_edits_to_names(store):
    with store.session() as session:
        case = cases.create_case(session, primary_name="Mikhail Berezin", category="refusenik")
        assert case.name_keys == ["berezin mihail"]
        cases.update_case(session, case, name_variants=["Михаил Березин", "M. Berezine"])
        assert case.name_keys == ["berezin mihail", "berezine m"]
    with store.session() as session:
        assert [h.title for h in search.search(session, "Березин", ["case"])] == ["Mikhail Berezin"]
