"""The hover text's line wrapping: textwrap's lines, without its cost."""

from __future__ import annotations

import textwrap

from hypothesis import given
from hypothesis import strategies as st

from app.charts.describe import wrap_lines

# Words as the data has them (names with hyphens, dates, figures) and some longer than a line.
WORDS = st.text(alphabet=st.characters(blacklist_categories=("Z", "C")), min_size=1, max_size=70)


@given(st.lists(WORDS, max_size=40), st.integers(min_value=5, max_value=80))
def test_lines_are_textwraps_lines_broken_at_spaces_only(words: list[str], width: int) -> None:
    text = " ".join(words)
    assert wrap_lines(text, width) == textwrap.wrap(text, width, break_on_hyphens=False)


def test_a_hyphenated_name_stays_whole_and_runs_of_spaces_are_one() -> None:
    text = "Reported by Korea Institute for National Unification,   2019-05-01 (Russia-North Korea)"
    lines = wrap_lines(text, 30)
    assert lines == ["Reported by Korea Institute", "for National Unification,", "2019-05-01 (Russia-North", "Korea)"]
    assert all(len(line) <= 30 for line in lines)
