"""Conversations judged by the benefit measured on, with many benefit variants: seven
(sygedagpenge, dagpenge, five benefits of a restricted offer, the rest) and sixteen, more
than one packed count holds (twelve)."""

from __future__ import annotations

from pathlib import Path

from tests.monitoring.scenarios.helpers import (
    benefit,
    lives,
    offer,
    person,
    read_csv,
    run_cli,
    talk,
)

PARAMETERS = Path(__file__).parents[3] / "src/effekt/monitoring/parameters/parameter_sets.toml"
DAYS = ["2019-03-04", "2019-05-06", "2019-08-05", "2019-11-04"]
DEFAULT = 'only_for = { delvis_raskmelding = ["sygedagpenge"] }'
WIDE = (
    "only_for = { delvis_raskmelding = "
    '["sygedagpenge", "kontanthjaelp", "revalidering", "ledighedsydelse", "jobafklaring"] }'
)

# every benefit but uddannelseshjaelp, with jobafklaring last: 16 variants
WIDEST = (
    "only_for = { delvis_raskmelding = "
    '["sygedagpenge", "kontanthjaelp", "overgangsydelse", "revalidering", "forrevalidering", '
    '"ressourceforloeb", "ledighedsydelse", "foertidspension", "fleksjob", '
    '"selvforsoergelse_hjemrejse", "efterloen", "su", "barsel", "jobafklaring"] }'
)


def _met(tmp_path: Path, only_for: str) -> tuple[str, str]:
    # v1 (jobafklaring, the last restricted variant) and v4 (kontanthjaelp): four phone
    # conversations during a delvis raskmelding; v2 (uddannelseshjaelp, the "other" variant):
    # four in person; v3 (uddannelseshjaelp): four by phone during the delvis raskmelding.
    people = {
        "v1": "jobafklaring",
        "v2": "uddannelseshjaelp",
        "v3": "uddannelseshjaelp",
        "v4": "kontanthjaelp",
    }
    phoned = ("v1", "v3", "v4")
    tables = {
        "persons": [person(p) for p in people],
        "residence": [lives(p, "101") for p in people],
        "benefits": [benefit(p, b, "2018-01-01") for p, b in people.items()],
        "conversations": [
            talk(p, d, "telefon" if p in phoned else "personligt") for p in people for d in DAYS
        ],
        "offers": [offer(p, "delvis_raskmelding", "2019-03-01", "2019-12-31") for p in phoned],
    }
    text = PARAMETERS.read_text("utf-8")
    assert DEFAULT in text
    tmp_path.mkdir()
    parameters = tmp_path / "parameters.toml"
    parameters.write_text(text.replace(DEFAULT, only_for), "utf-8")
    args = ["--from", "2020-01", "--to", "2020-01", "--parameters", str(parameters)]
    result = run_cli(tmp_path, tables, *args)
    assert result.exit_code == 0, result.output
    rows = read_csv(tmp_path / "out" / "focus_targets.csv")
    row = {(r["municipality_code"], r["month"]): r for r in rows}["101", "2020-01"]
    return row["population"], row["conversations_met"]


def test_a_restricted_offer_counts_for_each_of_its_benefits_only(tmp_path: Path) -> None:
    assert _met(tmp_path / "default", DEFAULT) == ("4", "1")
    assert _met(tmp_path / "wide", WIDE) == ("4", "3")
    assert _met(tmp_path / "widest", WIDEST) == ("4", "3")
