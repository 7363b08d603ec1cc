"""The statistics' data from PostgreSQL as numpy arrays, narrowed to what the statistics use.

`load_packed` gives the frames of the portable ORM path (`db_source.load_portable`) without
a Python object per row: every query aggregates its rows into one bytea of fixed-width
big-endian records (`string_agg(int8send(..) || float8send(..))`) that numpy reads directly.
Text columns travel as small integer codes (foreign keys, or positions in the field's
choices) decoded against short dictionaries; a score's course, point, day and indicator
travel packed into one integer.

The scores are narrowed to the measurements the progression figures compare (rules in
`analysis.progression`): every baseline and final measurement, and a midway measurement
only for courses whose final measurement lacks scores of the citizen or of the caseworker
(a midway measurement is never the latest one when the final one has both).

It returns None when a row cannot be coded that way (a text value outside the field's
choices, a result goal that is not a JSON list, a follow-up other than 3 or 6 months, a
measurement dated before 1970, an indicator above 15 or a course id of 2**37 or more); the
caller then uses the portable path, so the result never depends on which path ran.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import pandas as pd
import psycopg
from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections
from django.db.models import F, QuerySet

from effekt.progression.choices import Distance, TargetGroup
from effekt.progression.models import Course
from effekt.statistics.analysis.records import ENDING_CATEGORIES, FollowUpRecord
from effekt.statistics.pg_frames import (
    DB_POINTS,
    ENDED_EARLY,
    EXTENDED,
    HAS_GOAL,
    ODD,
    REACHED_GOAL,
    Array,
    Columns,
    course_frame,
    follow_ups,
    score_frame,
)

WIDTHS = {"int8": ">i8", "int4": ">i4", "float8": ">f8"}
SENDS = {"int8": "int8send", "int4": "int4send", "float8": "float8send"}
INDICATOR_LIMIT, DAY_LIMIT, POINT_LIMIT = 2**4, 2**20, 2**2  # bits of a packed score key
COURSE_LIMIT = 2 ** (63 - 4 - 20 - 2)
DAYS = "- DATE '1970-01-01'"  # date minus the epoch: days as int4

# The course fields the statistics read, through the ORM (its joins and the filters), as
# columns q_<name> of the subquery q.
COURSE_FIELDS = {
    "id": "id",
    "person": "citizen_id",
    "municipality": "municipality_id",
    "supplier": "supplier_id",
    "course_type": "course_type_id",
    "group": "target_group",
    "distance": "distance",
    "start": "start_date",
    "ended": "ended_on",
    "category": "ending__category",
    "goal": "result_goal",
    "weeks": "course_type__standard_length_weeks",
}
# Columns of one row per course of q. Text codes: 1-based positions in the choices,
# 0 = NULL, -1 = a value outside the choices.
COURSE_COLUMNS = {
    "id": ("q.q_id", "int8"),
    "person": ("q.q_person", "int8"),
    "municipality": ("q.q_municipality", "int8"),
    "supplier": ("q.q_supplier", "int8"),
    "course_type": ("q.q_course_type", "int8"),
    "target_group": ("coalesce(array_position(%(groups)s, q.q_group::text), -1)", "int4"),
    "distance": ("coalesce(array_position(%(distances)s, q.q_distance::text), -1)", "int4"),
    "category": (
        "CASE WHEN q.q_category IS NULL THEN 0"
        " ELSE coalesce(array_position(%(categories)s, q.q_category::text), -1) END",
        "int4",
    ),
    "end": (f"q.q_ended {DAYS}", "int4"),
    "flags": (
        f"""(CASE WHEN x.last_end IS NOT NULL THEN {EXTENDED} ELSE 0 END)
        + (CASE WHEN q.q_ended < coalesce(x.last_end, q.q_start + (7 * q.q_weeks - 1))
           THEN {ENDED_EARLY} ELSE 0 END)
        + (CASE WHEN jsonb_typeof(q.q_goal) = 'array'
                 AND jsonb_array_length(q.q_goal) > 0 THEN {HAS_GOAL} ELSE 0 END)
        + (CASE WHEN jsonb_typeof(q.q_goal) = 'array' AND q.q_category IS NOT NULL
                 AND jsonb_exists(q.q_goal, q.q_category) THEN {REACHED_GOAL} ELSE 0 END)
        + (CASE WHEN jsonb_typeof(q.q_goal) NOT IN ('array', 'null')
                 OR f.odd THEN {ODD} ELSE 0 END)""",
        "int4",
    ),
    "follow_up_3": ("coalesce(f.support_3, -1)", "int4"),
    "follow_up_6": ("coalesce(f.support_6, -1)", "int4"),
}
COURSE_FROM = """
FROM (%(courses)s) q
LEFT JOIN (
    SELECT course_id, max(new_planned_end) AS last_end FROM progression_extension
    GROUP BY course_id
) x ON x.course_id = q.q_id
LEFT JOIN (
    SELECT course_id,
        max(CASE WHEN months_after = 3 THEN on_public_support::int END) AS support_3,
        max(CASE WHEN months_after = 6 THEN on_public_support::int END) AS support_6,
        bool_or(months_after NOT IN (3, 6)) AS odd
    FROM progression_followup GROUP BY course_id
) f ON f.course_id = q.q_id
WHERE q.q_ended IS NOT NULL
"""
# One record per indicator score with a citizen or caseworker score (a score with neither is
# never compared), of measurements matching %(measurements)s. `key` packs the course, the
# point (0-based position in DB_POINTS), the day and the indicator into one int8 (see
# `_unpacked`); -1 when a value does not fit, which sends the load to the portable path.
SCORE_COLUMNS = {
    "key": (
        f"""CASE WHEN s.indicator BETWEEN 0 AND {INDICATOR_LIMIT - 1}
                 AND m.measured_on {DAYS} BETWEEN 0 AND {DAY_LIMIT - 1}
                 AND m.course_id BETWEEN 0 AND {COURSE_LIMIT - 1}
                 AND m.point IN ('baseline', 'midway', 'final')
            THEN ((m.course_id * {POINT_LIMIT} + CASE m.point WHEN 'baseline' THEN 0
                   WHEN 'midway' THEN 1 ELSE 2 END) * {DAY_LIMIT} + (m.measured_on {DAYS}))
                 * {INDICATOR_LIMIT} + s.indicator
            ELSE -1 END""",
        "int8",
    ),
    "citizen": ("coalesce(s.citizen, 'NaN')", "float8"),
    "caseworker": ("coalesce(s.caseworker, 'NaN')", "float8"),
}
FIRST_PHASE = "m.course_id IN (%s) AND m.point <> 'midway'"
SCORE_FROM = """
FROM progression_indicatorscore s
JOIN progression_measurement m ON m.id = s.measurement_id
WHERE %(measurements)s AND (s.citizen IS NOT NULL OR s.caseworker IS NOT NULL)
"""
NAMES_SQL = """
SELECT 0, id, code FROM organisations_municipality WHERE id = ANY(%(municipality)s)
UNION ALL SELECT 1, id, name FROM organisations_supplier WHERE id = ANY(%(supplier)s)
UNION ALL SELECT 2, id, code FROM progression_coursetypeconfig WHERE id = ANY(%(course_type)s)
"""


def _records(
    cursor: psycopg.Cursor[Any],
    columns: dict[str, tuple[str, str]],
    rest: str,
    params: dict[str, Any],
) -> Columns:
    """Run SELECT string_agg(<the columns' binary values, concatenated>) `rest` and read the
    fixed-width records into one native numpy array per column."""
    record = " || ".join(f"{SENDS[kind]}({expr})" for expr, kind in columns.values())
    cursor.execute(f"SELECT string_agg({record}, ''::bytea) {rest}", params, binary=True)
    row = cursor.fetchone()
    data = b"" if row is None or row[0] is None else row[0]
    layout = np.dtype([(name, WIDTHS[kind]) for name, (_, kind) in columns.items()])
    packed = np.frombuffer(data, dtype=layout)
    return {name: packed[name].astype(WIDTHS[kind][1:]) for name, (_, kind) in columns.items()}


def _unpacked(scores: Columns) -> Columns:
    """The course, point, day and indicator packed into the score key, as columns."""
    key = scores.pop("key")
    scores["indicator"] = key % INDICATOR_LIMIT
    key //= INDICATOR_LIMIT
    scores["day"] = key % DAY_LIMIT
    key //= DAY_LIMIT
    scores["point"] = key % POINT_LIMIT
    scores["course"] = key // POINT_LIMIT
    return scores


def _names(cursor: psycopg.Cursor[Any], courses: Columns) -> None:
    """Replace the foreign keys by the municipality code, supplier name and course type code."""
    kinds = ("municipality", "supplier", "course_type")
    keys = {kind: np.unique(courses[kind]) for kind in kinds}
    cursor.execute(NAMES_SQL, {kind: keys[kind].tolist() for kind in kinds})
    found: dict[tuple[int, int], str] = {(k, pk): name for k, pk, name in cursor.fetchall()}
    for index, kind in enumerate(kinds):
        names = np.array([found[index, int(pk)] for pk in keys[kind]], dtype=object)
        courses[kind] = names[np.searchsorted(keys[kind], courses[kind])]


def _needs_midway(ids: Array, scores: Columns) -> Array:
    """Ids (of the sorted `ids`) of the courses whose final measurement lacks a citizen or a
    caseworker score."""
    complete = np.zeros((2, len(ids) + 1), dtype=bool)  # the last column: other courses
    if len(ids):
        final = scores["point"] == DB_POINTS.index("final")
        course = scores["course"][final]
        rows = np.minimum(np.searchsorted(ids, course), len(ids) - 1)
        rows[ids[rows] != course] = len(ids)  # a course the course query did not see
        for perspective, column in enumerate(("citizen", "caseworker")):
            complete[perspective, rows[~np.isnan(scores[column][final])]] = True
    complete = complete[:, :-1]
    needs: Array = ids[~complete.all(axis=0)]
    return needs


def _sql(query: QuerySet[Any, Any], prefix: str) -> tuple[str, dict[str, Any]]:
    """A queryset's SQL with named parameters (prefix0, prefix1, ..) and their values."""
    sql, values = query.order_by().query.sql_with_params()
    names = [f"{prefix}{number}" for number in range(len(values))]
    return sql % tuple(f"%({name})s" for name in names), dict(zip(names, values, strict=True))


def _course_arrays(cursor: psycopg.Cursor[Any], courses: QuerySet[Course]) -> Columns | None:
    """COURSE_COLUMNS of `courses`, sorted by id, names decoded; None if a row needs the
    portable path."""
    fields, params = _sql(
        courses.values(**{f"q_{name}": F(field) for name, field in COURSE_FIELDS.items()}), "q"
    )
    choices = {
        "groups": list(TargetGroup.values),
        "distances": list(Distance.values),
        "categories": list(ENDING_CATEGORIES),
    }
    rows = _records(
        cursor, COURSE_COLUMNS, COURSE_FROM.replace("%(courses)s", fields), params | choices
    )
    order = np.argsort(rows["id"], kind="stable")
    rows = {name: values[order] for name, values in rows.items()}
    odd = (rows["flags"] & ODD) > 0
    unknown = (rows["target_group"] < 1) | (rows["distance"] < 1) | (rows["category"] < 0)
    if odd.any() or unknown.any():
        return None
    _names(cursor, rows)
    return rows


def _score_part(
    cursor: psycopg.Cursor[Any], measured: str, params: dict[str, Any]
) -> Columns | None:
    """The unpacked score columns of the measurements matching `measured`, or None."""
    part = _records(cursor, SCORE_COLUMNS, SCORE_FROM % {"measurements": measured}, params)
    return None if (part["key"] < 0).any() else _unpacked(part)


def _first_scores(
    chosen: str, params: dict[str, Any], raw: psycopg.Connection[Any] | None
) -> Columns | None:
    """The scores of the baseline and final measurements of the courses `chosen`: on `raw`
    (a psycopg connection), or on a connection of this thread's own when `raw` is None."""
    if raw is not None:
        with psycopg.Cursor(raw) as cursor:
            return _score_part(cursor, FIRST_PHASE % chosen, params)
    own = connections[DEFAULT_DB_ALIAS]
    try:
        own.ensure_connection()
        with psycopg.Cursor(own.connection) as cursor:
            return _score_part(cursor, FIRST_PHASE % chosen, params)
    finally:
        own.close()


def _with_midway(cursor: psycopg.Cursor[Any], ids: Array, first: Columns) -> Columns | None:
    """`first` and the scores of the midway measurements that can be the latest ones."""
    needs = _needs_midway(ids, first)
    if not len(needs):
        return first
    midway = _score_part(
        cursor, "m.course_id = ANY(%(needs)s) AND m.point = 'midway'", {"needs": needs.tolist()}
    )
    if midway is None:
        return None
    return {name: np.concatenate([first[name], midway[name]]) for name in first}


def load_packed(
    courses: QuerySet[Course],
) -> tuple[pd.DataFrame, pd.DataFrame, list[FollowUpRecord]] | None:
    """Course frame and score frame (integer course ids) and follow-ups of `courses`, or
    None when a row needs the portable path.

    The baseline and final scores are read in a worker thread: outside a transaction on a
    connection of its own, while this thread reads the courses (PostgreSQL runs both
    queries at once); inside one (which a second connection would not see) on the same
    connection after the courses. Either way the course frame and the follow-ups are built
    while PostgreSQL reads the scores.
    """
    try:
        chosen, params = _sql(courses.values("id"), "c")
    except EmptyResultSet:  # a filter that can match nothing (`.none()`): no SQL to run
        return None
    connection.ensure_connection()
    raw: psycopg.Connection[Any] = connection.connection
    separate = connection.get_autocommit() and not connection.in_atomic_block
    with ThreadPoolExecutor(max_workers=1) as pool:
        early = pool.submit(_first_scores, chosen, params, None) if separate else None
        with psycopg.Cursor(raw) as cursor:
            rows = _course_arrays(cursor, courses)
        if rows is None:
            return None
        pending = early or pool.submit(_first_scores, chosen, params, raw)
        frame, registered = course_frame(rows), follow_ups(rows)
        try:
            first = pending.result()
        except OperationalError:  # no second connection (say, too many): use this one
            first = _first_scores(chosen, params, raw)
    if first is None:
        return None
    with psycopg.Cursor(raw) as cursor:
        scores = _with_midway(cursor, rows["id"], first)
    if scores is None:
        return None
    return frame, score_frame(rows, scores), registered
