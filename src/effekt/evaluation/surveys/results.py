"""Results of a survey wave: answer distributions, positive shares with Wilson intervals,
and the change from one wave to the next with Newcombe's hybrid score interval."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from effekt.evaluation.analysis.shares import Share, wilson_share
from effekt.evaluation.surveys.scales import DONT_KNOW, scale
from effekt.evaluation.surveys.schema import Question

Answer = str | list[str]


@dataclass(frozen=True)
class OptionCount:
    """How many chose `label`, as a share (with Wilson interval) of those who answered."""

    label: str
    share: Share


@dataclass(frozen=True)
class ItemResult:
    """One scale item or one choice question in one wave.

    For scale items `positive` is the share in the scale's positive steps (e.g. "I meget høj
    grad" + "I høj grad") among those with an opinion; "Ved ikke" is counted in `dont_know`
    and left out of every share. For choice questions `positive` is None.
    """

    key: str
    question: str
    text: str
    options: tuple[OptionCount, ...]
    dont_know: int
    positive: Share | None


@dataclass(frozen=True)
class WaveResult:
    """All results of one wave."""

    label: str
    invited: int
    responses: int
    response_rate: Share
    items: tuple[ItemResult, ...]
    texts: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Change:
    """The change in a positive share from wave `before` to wave `after`, in share points,
    with Newcombe's (1998, method 10) hybrid score interval built from the Wilson intervals."""

    key: str
    text: str
    before: str
    after: str
    difference: float | None
    ci_low: float | None
    ci_high: float | None


def response_rate(invited: int, responded: int, alpha: float = 0.05) -> Share:
    """Responses out of invitations, with a Wilson interval."""
    return wilson_share(responded, invited, alpha)


def _given(answers: Sequence[Mapping[str, Answer]], key: str) -> list[Answer]:
    return [a[key] for a in answers if a.get(key) not in (None, "", [])]


def _options(labels: Sequence[str], values: list[str], total: int) -> tuple[OptionCount, ...]:
    return tuple(OptionCount(label, wilson_share(values.count(label), total)) for label in labels)


def item_results(question: Question, answers: Sequence[Mapping[str, Answer]]) -> list[ItemResult]:
    """The results of one non-text question over a wave's answers."""
    if question.kind == "scale":
        assert question.scale is not None
        steps = scale(question.scale)
        rows = []
        for item, key in zip(question.items, question.answer_keys(), strict=True):
            values = [str(v) for v in _given(answers, key)]
            opinions = [v for v in values if v != DONT_KNOW]
            positive = sum(1 for v in opinions if v in steps.steps[: steps.positive])
            rows.append(
                ItemResult(
                    key=key,
                    question=question.text,
                    text=item.text,
                    options=_options(steps.steps, opinions, len(opinions)),
                    dont_know=len(values) - len(opinions),
                    positive=wilson_share(positive, len(opinions)),
                )
            )
        return rows
    given = _given(answers, question.key)
    chosen = [c for v in given for c in (v if isinstance(v, list) else [v])]
    return [
        ItemResult(
            key=question.key,
            question=question.text,
            text=question.text,
            options=_options(question.options, chosen, len(given)),
            dont_know=0,
            positive=None,
        )
    ]


def wave_result(
    label: str,
    questions: Sequence[Question],
    answers: Sequence[Mapping[str, Answer]],
    invited: int,
    responded: int | None = None,
) -> WaveResult:
    """Every question's result for one wave, plus its response rate: `responded` (default:
    the number of answers) out of `invited`."""
    items: list[ItemResult] = []
    texts: list[tuple[str, tuple[str, ...]]] = []
    for question in questions:
        if question.kind == "text":
            given = tuple(str(v).strip() for v in _given(answers, question.key))
            if given:
                texts.append((question.text, given))
        else:
            items.extend(item_results(question, answers))
    return WaveResult(
        label=label,
        invited=invited,
        responses=len(answers) if responded is None else responded,
        response_rate=response_rate(invited, len(answers) if responded is None else responded),
        items=tuple(items),
        texts=tuple(texts),
    )


def newcombe_difference(after: Share, before: Share) -> tuple[float, float, float] | None:
    """`after.share - before.share` with Newcombe's hybrid score interval (method 10)."""
    if after.share is None or before.share is None:
        return None
    assert after.ci_low is not None and after.ci_high is not None
    assert before.ci_low is not None and before.ci_high is not None
    p1, l1, u1 = after.share, after.ci_low, after.ci_high
    p2, l2, u2 = before.share, before.ci_low, before.ci_high
    difference = p1 - p2
    low = difference - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = difference + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return difference, low, high


def wave_changes(before: WaveResult, after: WaveResult) -> list[Change]:
    """The change of every scale item's positive share from `before` to `after`."""
    earlier = {item.key: item for item in before.items if item.positive is not None}
    changes = []
    for item in after.items:
        previous = earlier.get(item.key)
        if item.positive is None or previous is None or previous.positive is None:
            continue
        found = newcombe_difference(item.positive, previous.positive)
        if found is None:  # no opinions in one of the waves: nothing to compare
            continue
        difference, low, high = found
        changes.append(
            Change(item.key, item.text, before.label, after.label, difference, low, high)
        )
    return changes
