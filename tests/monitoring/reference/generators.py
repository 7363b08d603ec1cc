"""Hypothesis strategies for random register histories, written as input tables.

The histories aim at the edges of source 002: spells starting and ending around month ends,
spells of exactly 12 months, overlapping and touching sickness spells, gaps of almost or
exactly a whole calendar month, moves between municipalities, dead periods, same-day
conversations, dagpenge hours and new periods, exemptions near 50 %, mentor around
2019-12-31, delvis raskmelding, and employment hours near 225.
"""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import strategies as st

from .writer import Table

MUNICIPALITIES = ("101", "147", "851")
FIRST_YEAR = 2018
LAST_YEAR = 2021
BENEFITS = (
    "dagpenge",
    "sygedagpenge",
    "kontanthjaelp",
    "uddannelseshjaelp",
    "overgangsydelse",
    "revalidering",
    "forrevalidering",
    "ressourceforloeb",
    "jobafklaring",
    "ledighedsydelse",
    "foertidspension",
    "fleksjob",
    "su",
)
OFFERS = (
    "loentilskud",
    "virksomhedspraktik",
    "nytteindsats",
    "vejledning_opkvalificering",
    "mentor",
    "delvis_raskmelding",
)
HELD_BY = ("jobcenter", "anden_aktoer", "akasse")
Row = dict[str, str]
draws = st.DrawFn


def _iso(day: dt.date | None) -> str:
    return "" if day is None else day.isoformat()


@st.composite
def edge_days(draw: draws, first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR) -> dt.date:
    """A day, usually close to the start or the end of its month."""
    year = draw(st.integers(first_year, last_year))
    month = draw(st.integers(1, 12))
    length = calendar.monthrange(year, month)[1]
    day = draw(st.sampled_from((1, 1, 2, 15, length - 1, length, length)))
    return dt.date(year, month, day)


@st.composite
def spell_lengths(draw: draws, start: dt.date) -> dt.date:
    """An end day: often exactly 12 months after `start` (less one day), else anything."""
    months = draw(st.sampled_from((0, 1, 3, 11, 12, 12, 13, 24)))
    nudge = draw(st.sampled_from((-1, -1, -1, 0, -2, 14)))
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return max(start, dt.date(year, month + 1, day) + dt.timedelta(days=nudge))


@st.composite
def gaps(draw: draws) -> int:
    """Days from the end of one benefit row to the start of the next (<= 0: overlap)."""
    return draw(st.sampled_from((-10, -1, 0, 1, 1, 1, 2, 15, 28, 31, 32, 45, 62)))


@st.composite
def benefit_rows(draw: draws, pid: str) -> list[Row]:
    """One to four benefit rows in sequence, sometimes overlapping, sometimes open-ended."""
    rows: list[Row] = []
    start = draw(edge_days(FIRST_YEAR, 2019))
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(BENEFITS))
        end = draw(spell_lengths(start))
        open_end = draw(st.integers(0, 5)) == 0
        row = {"person_id": pid, "benefit": name, "start_date": _iso(start)}
        row["end_date"] = "" if open_end else _iso(end)
        if name == "dagpenge":
            row["new_period"] = draw(st.sampled_from(("", "", "false", "true")))
        if name == "overgangsydelse":
            row["intro_program"] = draw(st.sampled_from(("", "false", "true")))
        if name == "kontanthjaelp":
            row["supplementary"] = draw(st.sampled_from(("", "", "", "true")))
        rows.append(row)
        if open_end:
            break
        start = end + dt.timedelta(days=draw(gaps()))
    return rows + draw(dagpenge_hour_rows(pid))


@st.composite
def dagpenge_hour_rows(draw: draws, pid: str) -> list[Row]:
    """A-kasse rows with net hours, each inside one month (so spreading them is moot)."""
    rows = []
    for _ in range(draw(st.integers(0, 3))):
        year, month = draw(st.integers(2018, 2020)), draw(st.integers(1, 12))
        length = calendar.monthrange(year, month)[1]
        hours = draw(st.sampled_from(("160.33", "160.32", "80", "0", "1923.96")))
        rows.append(
            {
                "person_id": pid,
                "benefit": "dagpenge",
                "start_date": _iso(dt.date(year, month, 1)),
                "end_date": _iso(dt.date(year, month, length)),
                "hours": hours,
            }
        )
    return rows


@st.composite
def intervals(draw: draws, pid: str, column: str, values: tuple[str, ...]) -> list[Row]:
    rows = []
    for _ in range(draw(st.integers(0, 2))):
        start = draw(edge_days(2018, 2020))
        end = draw(spell_lengths(start))
        rows.append(
            {
                "person_id": pid,
                column: draw(st.sampled_from(values)),
                "start_date": _iso(start),
                "end_date": _iso(end),
            }
        )
    return rows


@st.composite
def mentor_around_new_year(draw: draws, pid: str) -> list[Row]:
    """Mentor offers ending or starting right around 2019-12-31."""
    if not draw(st.booleans()):
        return []
    start = dt.date(2019, 12, 31) + dt.timedelta(days=draw(st.sampled_from((-40, -1, 0, 1))))
    end = start + dt.timedelta(days=draw(st.sampled_from((0, 1, 30))))
    return [{"person_id": pid, "offer": "mentor", "start_date": _iso(start), "end_date": _iso(end)}]


@st.composite
def residence_rows(draw: draws, pid: str) -> list[Row]:
    """One home, or a move on a day near a month end (sometimes with a day homeless)."""
    first = draw(st.sampled_from(MUNICIPALITIES))
    if draw(st.booleans()):
        return [
            {
                "person_id": pid,
                "municipality_code": first,
                "valid_from": "2000-01-01",
                "valid_to": "",
            }
        ]
    second = draw(st.sampled_from(MUNICIPALITIES))
    moved = draw(edge_days(2018, 2020))
    gap = draw(st.sampled_from((1, 1, 1, 2)))
    return [
        {
            "person_id": pid,
            "municipality_code": first,
            "valid_from": "2000-01-01",
            "valid_to": _iso(moved - dt.timedelta(days=1)),
        },
        {
            "person_id": pid,
            "municipality_code": second,
            "valid_from": _iso(moved + dt.timedelta(days=gap - 1)),
            "valid_to": "",
        },
    ]


@st.composite
def conversation_rows(draw: draws, pid: str, held_by: tuple[str, ...] = HELD_BY) -> list[Row]:
    """Up to twelve conversations, some on the same day."""
    rows: list[Row] = []
    for _ in range(draw(st.integers(0, 12))):
        day = rows[-1]["date"] if rows and draw(st.integers(0, 3)) == 0 else None
        rows.append(
            {
                "person_id": pid,
                "date": day or _iso(draw(edge_days(2019, 2020))),
                "form": draw(
                    st.sampled_from(("personligt", "personligt", "telefon", "video", "andet"))
                ),
                "kind": draw(
                    st.sampled_from(("jobsamtale", "sygeopfoelgning", "faellessamtale", "other"))
                ),
                "held_by": draw(st.sampled_from(held_by)),
                "akasse_experiment": draw(st.sampled_from(("", "true", "false"))),
            }
        )
    return rows


@st.composite
def employment_rows(draw: draws, pid: str) -> list[Row]:
    """Work hours per month that often sum to just below, at or above 225."""
    chosen = draw(st.lists(st.integers(0, 35), max_size=3, unique=True))
    hours = ("0.01", "24.99", "25", "100", "200", "224.99", "225")
    return [
        {
            "person_id": pid,
            "month": f"{2018 + index // 12}-{index % 12 + 1:02d}",
            "hours": draw(st.sampled_from(hours)),
        }
        for index in chosen
    ]


@st.composite
def person_tables(
    draw: draws, pid: str, held_by: tuple[str, ...] = HELD_BY
) -> dict[str, list[Row]]:
    birth_year = draw(st.sampled_from((1960, 1975, 1990, 2003, 2004)))
    born = dt.date(birth_year, draw(st.integers(1, 12)), draw(st.sampled_from((1, 15, 28))))
    return {
        "persons": [{"person_id": pid, "birth_date": _iso(born)}],
        "residence": draw(residence_rows(pid)),
        "benefits": draw(benefit_rows(pid)),
        "exemptions": draw(
            intervals(pid, "reason", ("barsel", "opfoelgning_uden_kontakt", "other", "other"))
        ),
        "offers": draw(intervals(pid, "offer", OFFERS)) + draw(mentor_around_new_year(pid)),
        "conversations": draw(conversation_rows(pid, held_by)),
        "employment_hours": draw(employment_rows(pid)),
    }


@st.composite
def status_rows(draw: draws) -> list[Row]:
    rows = []
    for code in MUNICIPALITIES:
        status = draw(st.sampled_from(("", "", "frikommune", "forsoegskommune")))
        if status:
            start = draw(st.sampled_from(("2018-01-01", "2019-07-01", "2020-01-01")))
            rows.append(
                {"municipality_code": code, "status": status, "valid_from": start, "valid_to": ""}
            )
    return rows


@st.composite
def registers(
    draw: draws, max_persons: int = 5, held_by: tuple[str, ...] = HELD_BY
) -> dict[str, Table]:
    """A small register: up to `max_persons` persons in three municipalities, whose
    conversations are held by one of `held_by`."""
    tables: dict[str, list[Row]] = {
        "municipalities": [
            {"municipality_code": c, "name": f"Kommune {c}"} for c in MUNICIPALITIES
        ],
        "municipality_status": draw(status_rows()),
    }
    for index in range(draw(st.integers(1, max_persons))):
        for name, rows in draw(person_tables(f"p{index}", held_by)).items():
            tables.setdefault(name, []).extend(rows)
    return dict(tables)
