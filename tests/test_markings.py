"""The overall-marking rule and the marking vocabulary (data, not constants)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.errors import ValidationError
from briefer.markings import default_scheme, normalise, overall_marking

SCHEME = default_scheme()
LEVELS = [level.name for level in SCHEME.levels]
CAVEATS = [caveat.name for caveat in SCHEME.caveats]


def test_scale_is_read_from_the_shipped_vocabulary():
    assert LEVELS == ["UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET"]
    assert "SENSITIVE" in CAVEATS and "NOFORN" in CAVEATS


@pytest.mark.parametrize(
    ("text", "canonical", "portion"),
    [
        ("Secret/Sensitive", "SECRET/SENSITIVE", "(S)"),
        ("(C)", "CONFIDENTIAL", "(C)"),
        ("S/NF", "SECRET/NOFORN", "(S/NF)"),
        ("top secret", "TOP SECRET", "(TS)"),
        ("", "UNCLASSIFIED", "(U)"),
        ("SECRET—SENSITIVE", "SECRET/SENSITIVE", "(S)"),
        ("S/NF/SENS", "SECRET/SENSITIVE/NOFORN", "(S/NF)"),
    ],
)
def test_parse_spellings_users_type(text, canonical, portion):
    marking = SCHEME.parse(text)
    assert str(marking) == canonical
    assert marking.portion == portion


def test_unknown_level_and_caveat_name_the_known_ones():
    with pytest.raises(ValidationError, match="Use one of: UNCLASSIFIED"):
        normalise("RESTRICTED")
    with pytest.raises(ValidationError, match="Known caveats: SENSITIVE"):
        normalise("SECRET/ORCON-ISH")


def test_overall_is_highest_level_with_union_of_caveats():
    overall = overall_marking(
        "CONFIDENTIAL", ["SECRET/SENSITIVE", "UNCLASSIFIED", "C/NOFORN", None]
    )
    assert str(overall) == "SECRET/SENSITIVE/NOFORN"


def test_overall_is_unclassified_only_when_nothing_is_higher():
    assert str(overall_marking(None, [None, "U"])) == "UNCLASSIFIED"
    assert str(overall_marking("UNCLASSIFIED", ["(C)"])) == "CONFIDENTIAL"


markings = st.tuples(st.sampled_from(LEVELS), st.sets(st.sampled_from(CAVEATS), max_size=3)).map(
    lambda t: "/".join([t[0], *sorted(t[1])])
)


@settings(deadline=None, max_examples=200)
@given(base=markings, portions=st.lists(markings, max_size=12))
def test_overall_is_never_lower_than_any_portion(base, portions):
    overall = overall_marking(base, portions)
    for part in [base, *portions]:
        assert overall >= SCHEME.parse(part)
    assert overall.level.rank == max(SCHEME.parse(p).level.rank for p in [base, *portions])
