"""Hand-made registers for the worked examples; the expected numbers are derived in the
comments and asserted in `test_worked_examples.py` (reference) and
`test_engine_matches_reference.py` (engine)."""

from __future__ import annotations

from .writer import Table


def person(pid: str, born: str = "1980-05-05") -> dict[str, str]:
    return {"person_id": pid, "birth_date": born}


def benefit(pid: str, name: str, start: str, end: str = "", **extra: str) -> dict[str, str]:
    return {"person_id": pid, "benefit": name, "start_date": start, "end_date": end, **extra}


def lives(pid: str, code: str, start: str = "2000-01-01", end: str = "") -> dict[str, str]:
    return {"person_id": pid, "municipality_code": code, "valid_from": start, "valid_to": end}


def talk(pid: str, day: str, form: str = "personligt", kind: str = "jobsamtale") -> dict[str, str]:
    return {"person_id": pid, "date": day, "form": form, "kind": kind, "held_by": "jobcenter"}


def offer(pid: str, name: str, start: str, end: str) -> dict[str, str]:
    return {"person_id": pid, "offer": name, "start_date": start, "end_date": end}


def scenario_a_spell_counts_from_its_twelfth_whole_month() -> dict[str, Table]:
    # a: kontanthjælp from 1 Jan 2019: 12 months on 31 Dec 2019 -> measured from 2019-12.
    # b: kontanthjælp from 2 Jan 2019: 364 days by 31 Dec -> measured only from 2020-01.
    # a had a praktik in June and four personal conversations (two on one day count once,
    # the phone call outside an offer does not): offers 1/1, conversations 1/1 in 2019-12.
    # In 2020-01 b has neither: offers 1/2, conversations 1/2; running means (1+1/2)/2.
    tables: dict[str, Table] = {
        "persons": [person("a"), person("b")],
        "residence": [lives("a", "101"), lives("b", "101")],
        "benefits": [
            benefit("a", "kontanthjaelp", "2019-01-01"),
            benefit("b", "kontanthjaelp", "2019-01-02"),
        ],
        "offers": [
            {
                "person_id": "a",
                "offer": "virksomhedspraktik",
                "start_date": "2019-06-01",
                "end_date": "2019-06-30",
            }
        ],
        "conversations": [
            talk("a", "2019-02-01"),
            talk("a", "2019-03-01"),
            talk("a", "2019-03-01", kind="other"),
            talk("a", "2019-04-01"),
            talk("a", "2019-05-01", form="telefon"),
            talk("a", "2019-07-01"),
        ],
    }
    return tables


def scenario_dagpenge_seniority_is_net_hours_broken_only_by_a_new_period() -> dict[str, Table]:
    # d1: every full month gives 160.33 hours: 12 x 160.33 on 31 Dec 2019 -> from 2019-12.
    # d2: a new period on 1 Mar 2019 restarts the count -> measured from 2020-02.
    # d3: barsel (a dead period) through May 2019 adds no hours -> from 2020-01.
    # d4: a-kasse hours per month, one month 0.01 short: 1923.95 < 1923.96 -> never.
    d4_hours = [
        benefit("d4", "dagpenge", f"2019-{m:02d}-01", f"2019-{m:02d}-28", hours=h)
        for m, h in zip(range(1, 13), ["160.32"] + ["160.33"] * 11, strict=True)
    ]
    tables: dict[str, Table] = {
        "persons": [person(p) for p in ("d1", "d2", "d3", "d4")],
        "residence": [lives(p, "101") for p in ("d1", "d2", "d3", "d4")],
        "benefits": [
            benefit("d1", "dagpenge", "2019-01-01"),
            benefit("d2", "dagpenge", "2019-01-01", "2019-02-28"),
            benefit("d2", "dagpenge", "2019-03-01", new_period="true"),
            benefit("d3", "dagpenge", "2019-01-01"),
            *d4_hours,
        ],
        "exemptions": [
            {
                "person_id": "d3",
                "reason": "barsel",
                "start_date": "2019-05-01",
                "end_date": "2019-05-31",
            }
        ],
    }
    return tables


def scenario_sickness_spells_merge_only_on_real_overlap_and_count_partial_return() -> dict[
    str, Table
]:
    # s1: two spells overlapping by six days merge into one from 1 Jan 2019 -> measured.
    #     Delvis raskmelding counts as an offer for sygedagpenge; counted conversations:
    #     phone sygeopfølgning (yes), personal (yes), phone in the offer (yes), video
    #     outside an offer (no) -> 3, so s1 lacks conversations only.
    # s2: the second spell starts on the first's last day: not "at least one day before",
    #     so a new spell from 30 Jun 2019 -> not measured in 2019-12.
    # k1: kontanthjælp with delvis raskmelding: not an offer outside sygedagpenge.
    # 2019-12 in 101: population 2 (s1, k1), offers 1/2, conversations 0/2.
    tables: dict[str, Table] = {
        "persons": [person(p) for p in ("s1", "s2", "k1")],
        "residence": [lives(p, "101") for p in ("s1", "s2", "k1")],
        "benefits": [
            benefit("s1", "sygedagpenge", "2019-01-01", "2019-08-10"),
            benefit("s1", "sygedagpenge", "2019-08-05", "2020-06-30"),
            benefit("s2", "sygedagpenge", "2019-01-01", "2019-06-30"),
            benefit("s2", "sygedagpenge", "2019-06-30", "2020-06-30"),
            benefit("k1", "kontanthjaelp", "2019-01-01"),
        ],
        "offers": [
            offer("s1", "delvis_raskmelding", "2019-04-01", "2019-04-30"),
            offer("k1", "delvis_raskmelding", "2019-04-01", "2019-04-30"),
        ],
        "conversations": [
            talk("s1", "2019-02-01", form="telefon", kind="sygeopfoelgning"),
            talk("s1", "2019-03-01"),
            talk("s1", "2019-04-10", form="telefon"),
            talk("s1", "2019-05-01", form="video"),
        ],
    }
    return tables


def scenario_the_two_continuity_exceptions_and_moving() -> dict[str, Table]:
    # o1: overgangsydelse straight into kontanthjælp: one spell from 1 Jan 2019; moved to 851
    #     on 16 Dec, so counted in 851 (residence on the spell's last day in the month).
    # o2: a whole month (May) without benefit between them: spell from 1 Jun -> not measured.
    # o3: a gap of 16 Mar - 19 Apr covers no whole calendar month: spell from 1 Jan.
    # o4: forrevalidering is part of the revalidering spell: from 1 Jan.
    # o5: kontanthjælp -> overgangsydelse is a change of benefit: spell from 1 Mar.
    # o6: overgangsydelse in the introduction programme is a different benefit: from 1 May.
    # 2019-12: 101 has o3, o4; 851 has o1.
    ids = ("o1", "o2", "o3", "o4", "o5", "o6")
    tables: dict[str, Table] = {
        "persons": [person(p) for p in ids],
        "residence": [
            lives("o1", "101", end="2019-12-15"),
            lives("o1", "851", start="2019-12-16"),
            *(lives(p, "101") for p in ids[1:]),
        ],
        "benefits": [
            benefit("o1", "overgangsydelse", "2019-01-01", "2019-04-30"),
            benefit("o1", "kontanthjaelp", "2019-05-01"),
            benefit("o2", "overgangsydelse", "2019-01-01", "2019-04-30"),
            benefit("o2", "kontanthjaelp", "2019-06-01"),
            benefit("o3", "kontanthjaelp", "2019-01-01", "2019-03-15"),
            benefit("o3", "kontanthjaelp", "2019-04-20"),
            benefit("o4", "forrevalidering", "2019-01-01", "2019-02-28"),
            benefit("o4", "revalidering", "2019-03-01"),
            benefit("o5", "kontanthjaelp", "2019-01-01", "2019-02-28"),
            benefit("o5", "overgangsydelse", "2019-03-01", "2019-03-31"),
            benefit("o5", "kontanthjaelp", "2019-04-01"),
            benefit("o6", "overgangsydelse", "2019-01-01", "2019-04-30", intro_program="true"),
            benefit("o6", "kontanthjaelp", "2019-05-01"),
        ],
    }
    return tables


def scenario_work_hours_exemptions_mentor_and_dead_periods() -> dict[str, Table]:
    # e1: 200 + 25 work hours = 225 -> an offer; four personal conversations -> met.
    # e2: 200 + 24.99 = 224.99 -> no offer; its personal conversation in a barsel dead
    #     period does not count, so 3 of 4 count (its spell started 2018, so the ten dead
    #     days do not cost it its seniority).
    # e3: exempt ("other", not dead) 1 Jan - 2 Jul 2019 = 183 of 365 days >= 50 %: left out
    #     of the offers measure only.
    # e6: exempt 1 Jan - 1 Jul 2019 plus 1 Jul again (overlap counted once) = 182 of 365
    #     days < 50 %: stays in the offers measure, without an offer.
    # e4: mentor from 1 Dec 2019 counts (up to 2019-12-31). e5: mentor from 2020 never counts.
    # 2019-12: population 6, offers 2/5 (e1, e4), conversations 1/6 (e1).
    ids = ("e1", "e2", "e3", "e4", "e5", "e6")
    hours = [("e1", "2019-03", "200"), ("e1", "2019-09", "25")]
    hours += [("e2", "2019-03", "200"), ("e2", "2019-09", "24.99")]
    tables: dict[str, Table] = {
        "persons": [person(p) for p in ids],
        "residence": [lives(p, "101") for p in ids],
        "benefits": [benefit(p, "kontanthjaelp", "2019-01-01") for p in ("e1", "e3", "e4", "e6")]
        + [benefit(p, "kontanthjaelp", "2018-06-01") for p in ("e2", "e5")],
        "employment_hours": [{"person_id": p, "month": m, "hours": h} for p, m, h in hours],
        "exemptions": [
            {
                "person_id": "e2",
                "reason": "barsel",
                "start_date": "2019-10-01",
                "end_date": "2019-10-10",
            },
            {
                "person_id": "e3",
                "reason": "other",
                "start_date": "2019-01-01",
                "end_date": "2019-07-02",
            },
            {
                "person_id": "e6",
                "reason": "other",
                "start_date": "2019-01-01",
                "end_date": "2019-07-01",
            },
            {
                "person_id": "e6",
                "reason": "other",
                "start_date": "2019-07-01",
                "end_date": "2019-07-01",
            },
        ],
        "offers": [
            offer("e4", "mentor", "2019-12-01", "2020-03-31"),
            offer("e5", "mentor", "2020-01-01", "2020-02-28"),
        ],
        "conversations": [talk("e1", f"2019-0{m}-03") for m in (2, 4, 6, 8)]
        + [talk("e2", f"2019-0{m}-03") for m in (2, 4, 6)]
        + [talk("e2", "2019-10-05")],
    }
    return tables


def _status(code: str, status: str) -> dict[str, str]:
    return {"municipality_code": code, "status": status, "valid_from": "2019-01-01", "valid_to": ""}


def _by(pid: str, day: str, form: str, kind: str, held_by: str, exp: str = "") -> dict[str, str]:
    return {**talk(pid, day, form, kind), "held_by": held_by, "akasse_experiment": exp}


TALK_DAYS = ("2019-02-04", "2019-04-04", "2019-06-04", "2019-08-05")


def scenario_free_and_trial_municipalities_and_dagpenge_conversations() -> dict[str, Table]:
    # 400 is a frikommune: f1's four phone job conversations by the jobcentre count; f2's
    #     by the a-kasse do not. 500 is a forsøgskommune: f3 has two video (count) and two
    #     phone (do not) conversations; f4 on dagpenge has two fællessamtaler by phone and
    #     two a-kasse job conversations in the experiment -> 4.
    # 101 has no status: f6 on dagpenge has four personal fællessamtaler -> 4.
    # 2019-12: 400 -> 1/2, 500 -> 1/2, 101 -> 1/1.
    ids = ("f1", "f2", "f3", "f4", "f6")
    homes = {"f1": "400", "f2": "400", "f3": "500", "f4": "500", "f6": "101"}
    days = TALK_DAYS
    tables: dict[str, Table] = {
        "persons": [person(p) for p in ids],
        "residence": [lives(p, homes[p]) for p in ids],
        "municipality_status": [_status("400", "frikommune"), _status("500", "forsoegskommune")],
        "benefits": [benefit(p, "kontanthjaelp", "2019-01-01") for p in ("f1", "f2", "f3")]
        + [benefit(p, "dagpenge", "2019-01-01") for p in ("f4", "f6")],
        "conversations": [_by("f1", d, "telefon", "jobsamtale", "jobcenter") for d in days]
        + [_by("f2", d, "telefon", "jobsamtale", "akasse") for d in days]
        + [
            _by("f3", d, f, "jobsamtale", "jobcenter")
            for d, f in zip(days, ("video", "video", "telefon", "telefon"), strict=True)
        ]
        + [_by("f4", d, "telefon", "faellessamtale", "akasse") for d in days[:2]]
        + [_by("f4", d, "telefon", "jobsamtale", "akasse", "true") for d in days[2:]]
        + [_by("f6", d, "personligt", "faellessamtale", "jobcenter") for d in days],
    }
    return tables


def scenario_a_kasse_conversations_count_only_by_the_dagpenge_rules() -> dict[str, Table]:
    # On kontanthjælp in 101 (no status): a1 has four personal job conversations held by an
    #     a-kasse; a2 four by phone during a løntilskud. Source 002 adds a-kasse
    #     conversations only for dagpenge ("jobsamtaler afholdt af a-kassen (for a-kasser,
    #     som er med i forsøg ...)"), so none count: 2019-12 -> population 2, met 0.
    tables: dict[str, Table] = {
        "persons": [person("a1"), person("a2")],
        "residence": [lives("a1", "101"), lives("a2", "101")],
        "benefits": [benefit(p, "kontanthjaelp", "2019-01-01") for p in ("a1", "a2")],
        "offers": [offer("a2", "loentilskud", "2019-01-01", "2019-12-31")],
        "conversations": [_by("a1", d, "personligt", "jobsamtale", "akasse") for d in TALK_DAYS]
        + [_by("a2", d, "telefon", "jobsamtale", "akasse") for d in TALK_DAYS],
    }
    return tables


def scenario_the_measured_ages_run_from_16_to_the_state_pension_age() -> dict[str, Table]:
    # y: born 15 Jun 2003, 16 on 15 Jun 2019: measured from 2019-06 (age on the month's last
    #    day), not in 2019-05.
    # o: born 10 Mar 1955, pension age 66 1/2 reached on 10 Sep 2021: measured in 2021-08,
    #    not in 2021-09.
    tables: dict[str, Table] = {
        "persons": [person("y", "2003-06-15"), person("o", "1955-03-10")],
        "residence": [lives("y", "101"), lives("o", "851")],
        "benefits": [
            benefit("y", "uddannelseshjaelp", "2018-01-01"),
            benefit("o", "ledighedsydelse", "2018-01-01"),
        ],
    }
    return tables


def scenario_twelve_months_end_on_the_last_day_of_february() -> dict[str, Table]:
    # m1: kontanthjælp from 1 Mar 2020. On 28 Feb 2021 it has run twelve whole calendar
    #     months (March to February, 365 days); the 12 months ending on a month's last day
    #     start after the last day of the same month a year earlier (29 Feb 2020), so it is
    #     measured in 2021-02.
    # m2: from 2 Mar 2020: 364 days on 28 Feb 2021 -> measured only from 2021-03.
    # 2021-02: population 1; 2021-03: population 2.
    tables: dict[str, Table] = {
        "persons": [person("m1"), person("m2")],
        "residence": [lives("m1", "101"), lives("m2", "101")],
        "benefits": [
            benefit("m1", "kontanthjaelp", "2020-03-01"),
            benefit("m2", "kontanthjaelp", "2020-03-02"),
        ],
    }
    return tables


# scenario -> (first, last) month it is checked on
SCENARIOS = {
    scenario_a_spell_counts_from_its_twelfth_whole_month: ("2019-11", "2020-01"),
    scenario_dagpenge_seniority_is_net_hours_broken_only_by_a_new_period: ("2019-11", "2020-02"),
    scenario_sickness_spells_merge_only_on_real_overlap_and_count_partial_return: (
        "2019-12",
        "2019-12",
    ),
    scenario_the_two_continuity_exceptions_and_moving: ("2019-12", "2019-12"),
    scenario_work_hours_exemptions_mentor_and_dead_periods: ("2019-12", "2019-12"),
    scenario_free_and_trial_municipalities_and_dagpenge_conversations: ("2019-12", "2019-12"),
    scenario_a_kasse_conversations_count_only_by_the_dagpenge_rules: ("2019-12", "2019-12"),
    scenario_the_measured_ages_run_from_16_to_the_state_pension_age: ("2019-05", "2021-09"),
    scenario_twelve_months_end_on_the_last_day_of_february: ("2021-02", "2021-03"),
}
