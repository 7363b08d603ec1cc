"""Focus target 1: which offers count, work hours as an offer and the 50 % exemption rule."""

from __future__ import annotations

from pathlib import Path

from tests.monitoring.scenarios.helpers import benefit, exemption, focus, lives, offer, person


def test_which_offers_count_in_the_12_months(tmp_path: Path) -> None:
    # January 2020's window is 2019-02-01..2020-01-31. Everyone is measured (kontanthjælp,
    # or sygedagpenge for of6, since 2018):
    # of1 praktik 2019-02-01..05 (inside, any length): met
    # of2 praktik 2018-12-01..2019-01-31 (ends before the window): not met
    # of3 mentor 2019-06-01..2020-06-30 (counts on its days up to 2019-12-31): met
    # of4 mentor from 2020-01-01 (no longer an offer): not met
    # of5 delvis raskmelding while on kontanthjælp: not met
    # of6 delvis raskmelding while on sygedagpenge: met
    # of7 225.00 work hours over the 12 months: met; of8 224.99 hours: not met
    # -> offers 4 of 8.
    ids = [f"of{i}" for i in range(1, 9)]
    benefits = [benefit(p, "kontanthjaelp", "2018-01-01") for p in ids if p != "of6"]
    benefits.append(benefit("of6", "sygedagpenge", "2018-06-01"))
    hours = [
        {"person_id": pid, "month": f"2019-{m:02d}", "hours": "18.75"}
        for pid in ("of7", "of8")
        for m in range(2, 13)
    ]
    hours += [
        {"person_id": "of7", "month": "2020-01", "hours": "18.75"},
        {"person_id": "of8", "month": "2020-01", "hours": "18.74"},
    ]
    tables = {
        "persons": [person(p) for p in ids],
        "residence": [lives(p, "101") for p in ids],
        "benefits": benefits,
        "offers": [
            offer("of1", "virksomhedspraktik", "2019-02-01", "2019-02-05"),
            offer("of2", "virksomhedspraktik", "2018-12-01", "2019-01-31"),
            offer("of3", "mentor", "2019-06-01", "2020-06-30"),
            offer("of4", "mentor", "2020-01-01", "2020-12-31"),
            offer("of5", "delvis_raskmelding", "2019-06-01", "2019-06-30"),
            offer("of6", "delvis_raskmelding", "2019-06-01", "2019-06-30"),
        ],
        "employment_hours": hours,
    }
    row = focus(tmp_path, tables, "2020-01", "2020-01")["101", "2020-01"]
    assert (row["population"], row["offers_population"], row["offers_met"]) == ("8", "8", "4")
    assert row["offers_share"] == "0.5"


def test_persons_exempt_half_the_window_leave_the_offers_measure_only(tmp_path: Path) -> None:
    # January 2020's window has 365 days. ex1 is exempt 182 days (2019-02-01..08-01): less
    # than half, stays. ex2 183 days (..08-02): 2 x 183 >= 365, out of the offers measure.
    # ex3 183 days of barsel: out as well (any reason counts; the dead days do not stop the
    # spell from 2018 being 12 months old). Nobody has an offer: offers 0 of 1, population 3.
    ids = ["ex1", "ex2", "ex3"]
    tables = {
        "persons": [person(p) for p in ids],
        "residence": [lives(p, "101") for p in ids],
        "benefits": [benefit(p, "kontanthjaelp", "2018-01-01") for p in ids],
        "exemptions": [
            exemption("ex1", "other", "2019-02-01", "2019-08-01"),
            exemption("ex2", "other", "2019-02-01", "2019-08-02"),
            exemption("ex3", "barsel", "2019-02-01", "2019-08-02"),
        ],
    }
    row = focus(tmp_path, tables, "2020-01", "2020-01")["101", "2020-01"]
    assert (row["population"], row["offers_population"], row["offers_met"]) == ("3", "1", "0")
    assert row["conversations_population"] == "3"
