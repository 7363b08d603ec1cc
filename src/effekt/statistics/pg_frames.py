"""Frames of the statistics from the packed PostgreSQL columns of `pg_source`.

The codes shared with the SQL of `pg_source`: the course flags (bits), the points (positions
in DB_POINTS) and the text codes (1-based positions in the field's choices, 0 = NULL).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from effekt.progression.choices import Distance, TargetGroup
from effekt.statistics.analysis.progression import SCORE_COLUMNS
from effekt.statistics.analysis.records import (
    ENDING_CATEGORIES,
    POINTS,
    FollowUpMonths,
    FollowUpRecord,
)
from effekt.statistics.analysis.steering import COURSE_FRAME_COLUMNS

Array = npt.NDArray[Any]
Columns = dict[str, Array]
EXTENDED, ENDED_EARLY, HAS_GOAL, REACHED_GOAL, ODD = 1, 2, 4, 8, 16
DB_POINTS = ("baseline", "midway", "final")  # PointKind; code = position (0-based)


def _decoded(codes: Array, values: list[str]) -> npt.NDArray[np.object_]:
    """Codes (1-based positions, 0 = None) as an object array of the values."""
    table = np.array([None, *values], dtype=object)
    decoded: npt.NDArray[np.object_] = table[codes]
    return decoded


def _days(days: Array) -> Array:
    """Days since 1970-01-01 as datetime64[ns], like dates read by pandas."""
    return days.astype("datetime64[D]").astype("datetime64[ns]")


def course_frame(rows: Columns) -> pd.DataFrame:
    """The COURSE_FRAME_COLUMNS frame (ids still integers) of `pg_source`'s course columns."""
    flags = rows["flags"]
    return pd.DataFrame(
        {
            "course_id": rows["id"],
            "person_id": rows["person"],
            "municipality_code": rows["municipality"],
            "supplier": rows["supplier"],
            "course_type": rows["course_type"],
            "target_group": _decoded(rows["target_group"], list(TargetGroup.values)),
            "distance": _decoded(rows["distance"], list(Distance.values)),
            "end": _days(rows["end"]),
            "extended": (flags & EXTENDED) > 0,
            "ended_early": (flags & ENDED_EARLY) > 0,
            "ending_category": _decoded(rows["category"], list(ENDING_CATEGORIES)),
            "has_goal": (flags & HAS_GOAL) > 0,
            "reached_goal": (flags & REACHED_GOAL) > 0,
        },
        columns=COURSE_FRAME_COLUMNS,
    )


def score_frame(rows: Columns, scores: Columns) -> pd.DataFrame:
    """The SCORE_COLUMNS frame (integer course ids, categorical points) of `pg_source`'s
    score columns; the final measurement of a course that ended early is its early final."""
    early = rows["id"][(rows["flags"] & ENDED_EARLY) > 0]  # sorted
    course, point = scores["course"], scores["point"].copy()
    position = np.minimum(np.searchsorted(early, course), max(len(early) - 1, 0))
    is_early = early[position] == course if len(early) else np.zeros(len(course), dtype=bool)
    point[is_early & (point == DB_POINTS.index("final"))] = POINTS.index("early_final")
    return pd.DataFrame(
        {
            "course_id": course,
            "point": pd.Categorical.from_codes(point, categories=pd.Index(POINTS)),
            "date": _days(scores["day"]),
            "indicator": scores["indicator"].astype(np.int64),
            "citizen": scores["citizen"],
            "caseworker": scores["caseworker"],
        },
        columns=SCORE_COLUMNS,
    )


def follow_ups(rows: Columns) -> list[FollowUpRecord]:
    """The follow-ups registered for the courses of `pg_source`'s course columns."""
    records = []
    columns: tuple[tuple[FollowUpMonths, str], ...] = ((3, "follow_up_3"), (6, "follow_up_6"))
    for months, column in columns:
        registered = rows[column] >= 0
        ids = rows["id"][registered].astype(str).tolist()
        support = (rows[column][registered] == 1).tolist()
        records += [
            FollowUpRecord(pk, months, on)  # positional: faster for many records
            for pk, on in zip(ids, support, strict=True)
        ]
    return records
