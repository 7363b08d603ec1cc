"""Wilson intervals: a published case and properties that must hold for every share."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effekt.evaluation.analysis.shares import wilson_share


def test_it_matches_newcombes_published_wilson_interval() -> None:
    # Newcombe (1998), Statistics in Medicine 17:857, Table I: 81/263 -> 0.2553 to 0.3662.
    share = wilson_share(81, 263)
    assert share.ci_low == pytest.approx(0.2553, abs=5e-5)
    assert share.ci_high == pytest.approx(0.3662, abs=5e-5)


@given(st.integers(min_value=1, max_value=500).flatmap(
    lambda total: st.tuples(st.integers(min_value=0, max_value=total), st.just(total))
))  # fmt: skip
def test_the_interval_holds_the_share_and_stays_within_zero_and_one(
    case: tuple[int, int],
) -> None:
    count, total = case
    share = wilson_share(count, total)
    assert share.share is not None and share.ci_low is not None and share.ci_high is not None
    assert 0.0 <= share.ci_low <= share.share <= share.ci_high <= 1.0
