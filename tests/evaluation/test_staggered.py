"""Callaway–Sant'Anna against R did's published mpdta group-time effects."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from effekt.cli import main

# R package did, vignette "Introduction to DiD with Multiple Time Periods":
# att_gt(yname = "lemp", gname = "first.treat", idname = "countyreal", tname = "year",
#        xformla = ~1, data = mpdta) -> ATT(g, t).
PUBLISHED_ATT = {
    (2004, 2004): -0.0105, (2004, 2005): -0.0704, (2004, 2006): -0.1373, (2004, 2007): -0.1008,
    (2006, 2004): 0.0065, (2006, 2005): -0.0028, (2006, 2006): -0.0046, (2006, 2007): -0.0412,
    (2007, 2004): 0.0305, (2007, 2005): -0.0027, (2007, 2006): -0.0311, (2007, 2007): -0.0261,
}  # fmt: skip
# The vignette's bootstrapped standard errors; ours are analytical, so compared loosely.
PUBLISHED_SE = {
    (2004, 2004): 0.0233, (2004, 2005): 0.0310, (2004, 2006): 0.0364, (2004, 2007): 0.0344,
    (2006, 2004): 0.0233, (2006, 2005): 0.0196, (2006, 2006): 0.0178, (2006, 2007): 0.0202,
    (2007, 2004): 0.0150, (2007, 2005): 0.0164, (2007, 2006): 0.0179, (2007, 2007): 0.0167,
}  # fmt: skip


@pytest.fixture
def mpdta_csv(tmp_path: Path) -> Path:
    """Callaway and Sant'Anna's county teen-employment panel, shipped by `moderndid`."""
    import moderndid  # type: ignore[import-untyped]

    path = tmp_path / "mpdta.csv"
    moderndid.load_mpdta().to_pandas().to_csv(path, index=False)
    return path


def test_it_reproduces_the_published_mpdta_group_time_effects(mpdta_csv: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["evaluation", "staggered", str(mpdta_csv), "--outcome", "lemp", "--unit",
         "countyreal", "--time", "year", "--group", "first.treat", "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    effects = {(e["group"], e["time"]): e for e in data["effects"]}
    assert set(effects) == set(PUBLISHED_ATT)
    for key, att in PUBLISHED_ATT.items():
        assert effects[key]["estimate"] == pytest.approx(att, abs=5e-5)
        assert effects[key]["std_error"] == pytest.approx(PUBLISHED_SE[key], rel=0.15)
    assert data["n_units"] == 500
    # aggte(type = "simple"): -0.0400; aggte(type = "dynamic") at e = 0: -0.0199.
    assert data["overall_estimate"] == pytest.approx(-0.0400, abs=5e-5)
    by_event = {p["relative"]: p["estimate"] for p in data["event_study"]}
    assert by_event[0] == pytest.approx(-0.0199, abs=5e-5)
    assert by_event[3] == pytest.approx(-0.1008, abs=5e-5)


def test_the_event_time_chart_has_a_point_per_event_time(mpdta_csv: Path, tmp_path: Path) -> None:
    svg = tmp_path / "cs.svg"
    result = CliRunner().invoke(
        main,
        ["evaluation", "staggered", str(mpdta_csv), "--outcome", "lemp", "--unit",
         "countyreal", "--time", "year", "--group", "first.treat", "--svg", str(svg)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Samlet ATT: -0.0400" in result.output
    labels = re.findall(r'data-label="([^"]+)"', svg.read_text(encoding="utf-8"))
    assert labels == ["-3", "-2", "-1", "0", "1", "2", "3"]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("a,1,0,1\na,2,0,2\nb,1,2,1\nb,2,2,3\nc,1,0,1\n", "ubalanceret panel: enheden 'c'"),
        ("a,1,0,1\na,2,0,2\nb,1,2,1\nb,2,3,3\n", "linje 4, kolonne 'g': første behandlede"),
        ("a,1,0,1\na,1,0,2\nb,1,2,1\nb,2,2,3\n", "linje 3: enhed og periode optræder to gange"),
        ("a,1,0,1\na,2,0,x\n", "linje 3, kolonne 'y': 'x' er ikke et tal"),
    ],
)
def test_it_refuses_a_panel_it_cannot_estimate(tmp_path: Path, rows: str, message: str) -> None:
    path = tmp_path / "panel.csv"
    path.write_text("u,t,g,y\n" + rows, encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["evaluation", "staggered", str(path), "--outcome", "y", "--unit", "u", "--time", "t",
         "--group", "g"],
    )  # fmt: skip
    assert result.exit_code != 0
    assert message in result.output
