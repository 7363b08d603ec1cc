"""Focus target 2: which conversations count (source 002, "Samtalemålingen")."""

from __future__ import annotations

from pathlib import Path

from tests.monitoring.scenarios.helpers import (
    benefit,
    exemption,
    focus,
    lives,
    offer,
    person,
    talk,
)

DAYS = ["2019-03-04", "2019-05-06", "2019-08-05", "2019-11-04"]


def _tables(
    benefits: dict[str, str], codes: dict[str, str], **more: list[dict[str, str]]
) -> dict[str, list[dict[str, str]]]:
    return {
        "persons": [person(p) for p in benefits],
        "residence": [lives(p, codes.get(p, "101")) for p in benefits],
        "benefits": [benefit(p, b, "2018-01-01") for p, b in benefits.items()],
        **more,
    }


def _met(
    tmp_path: Path, tables: dict[str, list[dict[str, str]]], code: str = "101"
) -> tuple[str, str]:
    row = focus(tmp_path, tables, "2020-01", "2020-01")[code, "2020-01"]
    return row["population"], row["conversations_met"]


def test_in_person_counts_other_forms_only_in_an_offer_one_a_day_none_when_dead(
    tmp_path: Path,
) -> None:
    # c1: four in person on four days: 4, met.
    # c2: three in person and one by phone outside an offer: 3.
    # c3: three in person and one by phone during a praktik: 4, met.
    # c4: four in person on two days (two a day): 2.
    # c8: four in person, one of them during barsel (a dead period): 3.
    # -> 2 of 5 have four.
    people = {p: "kontanthjaelp" for p in ("c1", "c2", "c3", "c4", "c8")}
    talks = [talk("c1", d) for d in DAYS]
    talks += [talk("c2", d) for d in DAYS[:3]] + [talk("c2", DAYS[3], "telefon")]
    talks += [talk("c3", d) for d in DAYS[:3]] + [talk("c3", DAYS[3], "telefon")]
    talks += [talk("c4", d) for d in DAYS[:2] * 2]
    talks += [talk("c8", d) for d in DAYS]
    tables = _tables(
        people,
        {},
        conversations=talks,
        offers=[offer("c3", "virksomhedspraktik", "2019-11-01", "2019-11-08")],
        exemptions=[exemption("c8", "barsel", "2019-11-01", "2019-11-30")],
    )
    assert _met(tmp_path, tables) == ("5", "2")


def test_sickness_follow_ups_and_dagpenge_rules(tmp_path: Path) -> None:
    # c5 (sygedagpenge): four sygeopfølgning by phone: all count, met.
    # c6 (dagpenge): two in person, a fællessamtale by phone and an a-kasse job conversation
    #     by video in the "mere ansvar" experiment: 4, met.
    # c7 (dagpenge): three in person and an a-kasse job conversation outside the experiment: 3.
    # c9 (kontanthjælp): four sygeopfølgning by phone do not count for kontanthjælp: 0.
    people = {"c5": "sygedagpenge", "c6": "dagpenge", "c7": "dagpenge", "c9": "kontanthjaelp"}
    akasse = {"held_by": "akasse"}
    talks = [talk("c5", d, "telefon", "sygeopfoelgning") for d in DAYS]
    talks += [talk("c9", d, "telefon", "sygeopfoelgning") for d in DAYS]
    talks += [talk("c6", d) for d in DAYS[:2]]
    talks += [talk("c6", DAYS[2], "telefon", "faellessamtale")]
    talks += [talk("c6", DAYS[3], "video", **akasse, akasse_experiment="true")]
    talks += [talk("c7", d) for d in DAYS[:3]]
    talks += [talk("c7", DAYS[3], "telefon", **akasse, akasse_experiment="false")]
    assert _met(tmp_path, _tables(people, {}, conversations=talks)) == ("4", "2")


def test_frikommune_and_forsoegskommune_rules(tmp_path: Path) -> None:
    # 147 is a frikommune from 2019-01-01: job conversations by phone held by the jobcentre
    # count (f1: 4, met) but not when held by an a-kasse (f2: 0).
    # 851 is a forsøgskommune: video counts (t1: 4, met), phone does not (t2: 0).
    people = {p: "kontanthjaelp" for p in ("f1", "f2", "t1", "t2")}
    codes = {"f1": "147", "f2": "147", "t1": "851", "t2": "851"}
    talks = [talk("f1", d, "telefon") for d in DAYS]
    talks += [talk("f2", d, "telefon", held_by="akasse") for d in DAYS]
    talks += [talk("t1", d, "video") for d in DAYS]
    talks += [talk("t2", d, "telefon") for d in DAYS]
    status = [
        {
            "municipality_code": "147",
            "status": "frikommune",
            "valid_from": "2019-01-01",
            "valid_to": "",
        },
        {
            "municipality_code": "851",
            "status": "forsoegskommune",
            "valid_from": "2019-01-01",
            "valid_to": "",
        },
    ]
    tables = _tables(people, codes, conversations=talks, municipality_status=status)
    rows = focus(tmp_path, tables, "2020-01", "2020-01")
    assert (rows["147", "2020-01"]["population"], rows["147", "2020-01"]["conversations_met"]) == (
        "2",
        "1",
    )
    assert (rows["851", "2020-01"]["population"], rows["851", "2020-01"]["conversations_met"]) == (
        "2",
        "1",
    )


def test_a_kasse_conversations_count_only_by_the_dagpenge_rules(tmp_path: Path) -> None:
    # ak1 (kontanthjælp): four in person held by an a-kasse: 0 (the general rules are about the
    #     jobcentre's and other actors' conversations).
    # ak2 (dagpenge): four in person held by an a-kasse outside the experiment: 0.
    # ak3 (dagpenge): four a-kasse job conversations by phone in the experiment: 4, met.
    people = {"ak1": "kontanthjaelp", "ak2": "dagpenge", "ak3": "dagpenge"}
    akasse = {"held_by": "akasse"}
    talks = [talk("ak1", d, **akasse) for d in DAYS]
    talks += [talk("ak2", d, **akasse, akasse_experiment="false") for d in DAYS]
    talks += [talk("ak3", d, "telefon", **akasse, akasse_experiment="true") for d in DAYS]
    assert _met(tmp_path, _tables(people, {}, conversations=talks)) == ("3", "1")
