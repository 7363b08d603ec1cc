"""Answer scales used by the questionnaires of source 004."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ScaleKey = Literal["degree5", "agree5", "quality4", "degree4", "yes_no"]
DONT_KNOW = "Ved ikke"


@dataclass(frozen=True)
class Scale:
    """An ordered answer scale; the first `positive` steps count as a positive answer.

    `dont_know` adds "Ved ikke", which is left out of shares (it is not an opinion).
    """

    key: ScaleKey
    steps: tuple[str, ...]
    positive: int
    dont_know: bool = True

    @property
    def choices(self) -> tuple[str, ...]:
        """Every answer a respondent may give, "Ved ikke" last."""
        return (*self.steps, DONT_KNOW) if self.dont_know else self.steps

    @property
    def positive_label(self) -> str:
        return " + ".join(self.steps[: self.positive])


SCALES: dict[ScaleKey, Scale] = {
    "degree5": Scale(
        "degree5",
        ("I meget høj grad", "I høj grad", "I nogen grad", "I mindre grad", "Slet ikke"),
        positive=2,
    ),
    "agree5": Scale(
        "agree5", ("Helt enig", "Enig", "Hverken eller", "Uenig", "Helt uenig"), positive=2
    ),
    "quality4": Scale(
        "quality4", ("Rigtig godt", "Godt", "Mindre godt", "Ikke godt"), positive=2, dont_know=False
    ),
    "degree4": Scale(
        "degree4", ("I høj grad", "I nogen grad", "I mindre grad", "Slet ikke"), positive=2
    ),
    "yes_no": Scale("yes_no", ("Ja", "Nej"), positive=1),
}


def scale(key: ScaleKey) -> Scale:
    """The scale called `key`; KeyError names the unknown key."""
    return SCALES[key]
