"""Parameter sets as data, and the engine's independence from Django."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from effekt.monitoring.engine.parameters import ParameterError, load_rules

DEFAULT = Path(__file__).parents[3] / "src/effekt/monitoring/parameters/parameter_sets.toml"


def _with(tmp_path: Path, *lines: str) -> Path:
    """The default file with one more set from 2027-01-01 holding `lines`."""
    extra = ["", "[[parameter_set]]", 'name = "later"', 'valid_from = "2027-01-01"', *lines, ""]
    path = tmp_path / "rules.toml"
    path.write_text(DEFAULT.read_text("utf-8") + "\n".join(extra), "utf-8")
    return path


def test_the_default_set_holds_the_numbers_of_source_002() -> None:
    params = load_rules().set_for(dt.date(2020, 1, 1))
    assert params.employment_hundredths_as_offer == 22500
    assert params.dagpenge_hundredths_per_month == 16033
    assert params.offers_target_share == Fraction(4, 5)
    assert params.min_conversations == 4
    assert params.candidate_rule == "result_and_any_focus"


def test_a_later_set_changes_only_what_it_names(tmp_path: Path) -> None:
    rules = load_rules(
        _with(tmp_path, "employment_hours_as_offer = 100", 'offers_target_share = "0.70"')
    )
    before, after = rules.set_for(dt.date(2026, 12, 1)), rules.set_for(dt.date(2027, 1, 1))
    assert (before.employment_hundredths_as_offer, after.employment_hundredths_as_offer) == (
        22500,
        10000,
    )
    assert after.offers_target_share == Fraction(7, 10)
    assert after.conversations_target_share == Fraction(4, 5)


def test_it_refuses_an_unknown_candidate_rule(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match="candidate_rule='sometimes'"):
        load_rules(_with(tmp_path, 'candidate_rule = "sometimes"'))


def test_it_refuses_hours_finer_than_hundredths(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match="more than two decimals"):
        load_rules(_with(tmp_path, 'employment_hours_as_offer = "99.999"'))


def test_the_engine_imports_no_django() -> None:
    code = (
        "import sys, effekt.monitoring.engine.run, effekt.monitoring.engine.render; "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
