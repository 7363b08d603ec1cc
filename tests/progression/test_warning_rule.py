"""The early-warning rule (pure), on hand-computed cases."""

from __future__ import annotations

from effekt.progression.rules.warning import WarningSettings, regression


def test_it_flags_a_fall_of_the_mean_across_indicators() -> None:
    # mean 3.0 -> 2.9: no indicator falls a full step, but the mean falls
    result = regression({1: 3.0, 4: 3.0}, {1: 2.8, 4: 3.0})
    assert result.mean_before == 3.0
    assert abs((result.mean_after or 0) - 2.9) < 1e-12
    assert result.mean_fell
    assert result.fallen_indicators == ()
    assert result.flagged


def test_it_flags_an_indicator_falling_a_full_step_even_when_the_mean_rises() -> None:
    # indicator 1 falls 4 -> 3 (a full step); indicator 4 rises 2 -> 4; mean 3 -> 3.5
    result = regression({1: 4.0, 4: 2.0}, {1: 3.0, 4: 4.0})
    assert not result.mean_fell
    assert result.fallen_indicators == (1,)
    assert result.flagged


def test_it_does_not_flag_stagnation_or_progression() -> None:
    assert not regression({1: 3.0, 4: 3.0}, {1: 3.0, 4: 3.5}).flagged
    # a fall of 0.5 in one indicator is offset by a rise in another: no warning
    assert not regression({1: 3.0, 4: 3.0}, {1: 2.5, 4: 3.5}).flagged


def test_it_compares_only_indicators_scored_in_both_measurements() -> None:
    # indicator 8 is missing at midway: its absence is not a fall
    result = regression({1: 3.0, 8: 5.0}, {1: 3.0, 8: None})
    assert not result.flagged
    assert result.mean_before == 3.0


def test_its_thresholds_are_configurable() -> None:
    previous, current = {1: 3.0, 4: 3.0}, {1: 2.5, 4: 3.0}
    assert regression(previous, current).flagged  # default: the mean falls 3.0 -> 2.75
    lenient = WarningSettings(mean_falls=False, indicator_drop=1.0)
    assert not regression(previous, current, lenient).flagged
    strict = WarningSettings(mean_falls=False, indicator_drop=0.5)
    assert regression(previous, current, strict).fallen_indicators == (1,)
