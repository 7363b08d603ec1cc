"""The BIP instrument (data) and its scoring rules. Pure: no Django import."""

from effekt.bip.instrument import (
    Indicator,
    Instrument,
    InstrumentError,
    Item,
    Perspective,
    default_instrument,
    parse_instrument,
)
from effekt.bip.scoring import (
    DONT_KNOW,
    IndicatorScore,
    item_score,
    mean_score,
    score_indicators,
    validate_answers,
)

__all__ = [
    "DONT_KNOW",
    "Indicator",
    "IndicatorScore",
    "Instrument",
    "InstrumentError",
    "Item",
    "Perspective",
    "default_instrument",
    "item_score",
    "mean_score",
    "parse_instrument",
    "score_indicators",
    "validate_answers",
]
