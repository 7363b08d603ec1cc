"""Follow-up 3 and 6 months after the end of a course. Pure: no Django import.

The follow-up day is the course's actual end date plus 3 (or 6) calendar months, clamped to
the month's last day (31 January + 1 month = 28/29 February). A course is "back on public
support" when a benefit of the public-support list covers that day in `benefits`
(data-formats.md; both ends inclusive, an empty end date still running). A follow-up
registered by the jobcentre for the course wins over register data. Courses whose follow-up
day lies after `as_of` are "not due"; due courses with neither a registration nor register
data are "not measurable".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence

import numpy as np
import pandas as pd

from effekt.statistics.analysis.records import (
    FOLLOW_UP_MONTHS,
    BenefitRecord,
    FollowUpMonths,
    FollowUpRecord,
)
from effekt.statistics.analysis.results import FollowUpFigure, Share

BENEFIT_COLUMNS = ["person_id", "benefit", "start_date", "end_date"]


def benefits_frame(benefits: Iterable[BenefitRecord]) -> pd.DataFrame:
    """The benefits table as a frame with datetime columns (end NaT = still running)."""
    frame = pd.DataFrame(
        [(b.person_id, b.benefit, b.start_date, b.end_date) for b in benefits],
        columns=BENEFIT_COLUMNS,
    )
    frame["start_date"] = pd.to_datetime(frame["start_date"])
    frame["end_date"] = pd.to_datetime(frame["end_date"])
    return frame


def follow_up_day(end: pd.Series, months: int) -> pd.Series:
    """End date plus `months` calendar months, clamped to the month's last day."""
    return end + pd.DateOffset(months=months)


def _on_support(due: pd.DataFrame, benefits: pd.DataFrame, support: Collection[str]) -> int:
    """How many due courses have a support benefit covering their follow-up day."""
    spells = benefits.loc[benefits["benefit"].isin(support), ["person", "start_date", "end_date"]]
    joined = due[["person", "day"]].assign(row=np.arange(len(due))).merge(spells, on="person")
    covers = (joined["start_date"] <= joined["day"]) & (
        joined["end_date"].isna() | (joined["day"] <= joined["end_date"])
    )
    return len(np.unique(joined.loc[covers, "row"].to_numpy()))


def follow_up_figure(
    ended: pd.DataFrame,
    months: FollowUpMonths,
    registered: dict[str, bool],
    benefits: pd.DataFrame | None,
    as_of: dt.date,
    support: Collection[str],
) -> FollowUpFigure:
    """One follow-up figure for the ended courses (columns course_id, person, end), with
    `benefits` carrying the same integer `person` codes."""
    frame = ended.assign(day=follow_up_day(ended["end"], months))
    due = frame[frame["day"] <= pd.Timestamp(as_of)]
    registration = due["course_id"].map(registered) if registered else pd.Series(index=due.index)
    by_registration = registration.notna()
    unregistered = due[~by_registration]
    on_support = int(registration[by_registration].astype(bool).sum())
    from_register = 0
    if benefits is not None:
        from_register = len(unregistered)
        on_support += _on_support(unregistered, benefits, support)
    determined = int(by_registration.sum()) + from_register
    return FollowUpFigure(
        months=months,
        share=Share(on_support, determined, len(due) - determined),
        not_due=len(frame) - len(due),
        from_registration=int(by_registration.sum()),
        from_register_data=from_register,
    )


def follow_up_figures(
    ended: pd.DataFrame,
    registrations: Sequence[FollowUpRecord],
    benefits: pd.DataFrame | None,
    as_of: dt.date,
    support: Collection[str],
) -> tuple[FollowUpFigure, ...]:
    """The 3- and 6-month follow-up figures."""
    return tuple(
        follow_up_figure(
            ended,
            months,
            {r.course_id: r.on_public_support for r in registrations if r.months == months},
            benefits,
            as_of,
            support,
        )
        for months in FOLLOW_UP_MONTHS
    )
