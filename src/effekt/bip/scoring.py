"""Scoring BIP answers into indicator scores. Pure: no Django import.

Answers are a mapping from item code to:
- an ordinal value (int) or the string "ved_ikke" (don't know: missing);
- for channel-count items (B10), a list of option codes;
- for number items (B11), a number;
- an item that is absent or None is unanswered (missing).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from statistics import fmean
from typing import Any

from effekt.bip.instrument import PERSPECTIVES, Instrument, Item, Perspective

DONT_KNOW = "ved_ikke"
Answers = Mapping[str, Any]


@dataclass(frozen=True)
class IndicatorScore:
    """One indicator's score in one measurement, per perspective and combined."""

    indicator: int
    citizen: float | None
    caseworker: float | None

    @property
    def combined(self) -> float | None:
        """The mean of the perspectives present (None when neither is)."""
        present = [s for s in (self.citizen, self.caseworker) if s is not None]
        return fmean(present) if present else None

    def get(self, perspective: Perspective | str) -> float | None:
        if perspective == "citizen":
            return self.citizen
        if perspective == "caseworker":
            return self.caseworker
        if perspective == "combined":
            return self.combined
        raise ValueError(f"unknown perspective {perspective!r}")


def answer_error(item: Item, answer: Any) -> str | None:
    """A Danish message when the answer does not fit the item's scale, else None."""
    if answer is None:
        return None
    scale = item.scale
    if scale.kind == "ordinal":
        if answer == DONT_KNOW or answer in scale.values:
            return None
        return f"{item.code}: vælg en af svarmulighederne."
    if scale.kind == "channel_count":
        if not isinstance(answer, list | tuple) or not all(isinstance(a, str) for a in answer):
            return f"{item.code}: vælg en eller flere svarmuligheder."
        assert scale.none_option is not None and scale.refusal_option is not None
        known = {str(v) for v in scale.values} | {
            str(scale.none_option.value),
            str(scale.refusal_option.value),
        }
        unknown = set(answer) - known
        if unknown:
            return f"{item.code}: ukendt svarmulighed {sorted(unknown)[0]!r}."
        exclusive = {str(scale.none_option.value), str(scale.refusal_option.value)}
        if set(answer) & exclusive and len(set(answer)) > 1:
            labels = f"«{scale.none_option.label}» og «{scale.refusal_option.label}»"
            return f"{item.code}: {labels} kan ikke kombineres med andre svar."
        return None
    if isinstance(answer, bool) or not isinstance(answer, int | float):
        return f"{item.code}: skriv et tal."
    if (scale.minimum is not None and answer < scale.minimum) or (
        scale.maximum is not None and answer > scale.maximum
    ):
        return f"{item.code}: tallet skal ligge mellem {scale.minimum:g} og {scale.maximum:g}."
    return None


def item_score(item: Item, answer: Any) -> float | None:
    """The item's score, or None when it is missing (unanswered, "Ved ikke", refusal)."""
    if answer is None or not item.scored:
        return None
    error = answer_error(item, answer)
    if error:
        raise ValueError(error)
    scale = item.scale
    if scale.kind == "ordinal":
        return None if answer == DONT_KNOW else float(answer)
    assert scale.none_option is not None and scale.refusal_option is not None
    chosen = set(answer)
    if not chosen or str(scale.refusal_option.value) in chosen:
        return None
    if str(scale.none_option.value) in chosen:
        return float(scale.score_none) if scale.score_none is not None else None
    index = min(len(chosen), len(scale.score_by_count)) - 1
    return float(scale.score_by_count[index])


def validate_answers(
    instrument: Instrument, perspective: Perspective, answers: Answers
) -> dict[str, str]:
    """Item code -> message for every answer that does not fit (unknown items included)."""
    errors: dict[str, str] = {}
    for code, answer in answers.items():
        try:
            item = instrument.item(code)
        except KeyError:
            errors[code] = f"{code}: findes ikke i instrumentet {instrument.version}."
            continue
        if item.perspective != perspective:
            errors[code] = f"{code}: hører ikke til {perspective}-delen."
            continue
        message = answer_error(item, answer)
        if message:
            errors[code] = message
    return errors


def score_indicators(
    instrument: Instrument,
    citizen_answers: Answers,
    caseworker_answers: Answers,
    indicators: set[int] | None = None,
) -> dict[int, IndicatorScore]:
    """Each indicator's score: per perspective the mean of its answered items."""
    answers_by_perspective: dict[Perspective, Answers] = {
        "citizen": citizen_answers,
        "caseworker": caseworker_answers,
    }
    wanted = indicators if indicators is not None else {i.number for i in instrument.indicators}
    result: dict[int, IndicatorScore] = {}
    for number in sorted(wanted):
        per: dict[Perspective, float | None] = {}
        for perspective in PERSPECTIVES:
            scores = [
                item_score(item, answers_by_perspective[perspective].get(item.code))
                for item in instrument.items
                if item.indicator == number and item.perspective == perspective
            ]
            present = [s for s in scores if s is not None]
            per[perspective] = fmean(present) if present else None
        result[number] = IndicatorScore(number, per["citizen"], per["caseworker"])
    return result


def mean_score(scores: Mapping[int, IndicatorScore], perspective: str = "combined") -> float | None:
    """The mean over the measured indicators ("across all indicators")."""
    present = [s.get(perspective) for s in scores.values()]
    values = [v for v in present if v is not None]
    return fmean(values) if values else None
