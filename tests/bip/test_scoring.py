"""Each scoring rule of the BIP instrument (system.md, "The BIP instrument")."""

import pytest

from effekt.bip import DONT_KNOW, default_instrument, item_score, mean_score, score_indicators
from effekt.bip.instrument import InstrumentError, default_document, parse_instrument
from effekt.bip.scoring import validate_answers

BIP = default_instrument()


def test_the_instrument_has_eleven_indicators_and_the_published_item_mapping() -> None:
    assert [i.number for i in BIP.indicators] == list(range(1, 12))
    mapping = {item.code: item.indicator for item in BIP.items}
    assert mapping["B9"] == 1 and mapping["S2"] == 1
    assert mapping["B10"] == 2
    assert mapping["S7"] == 3 and mapping["S8"] == 3
    assert mapping["B7"] == 7 and mapping["B8"] == 7
    assert mapping["S12"] == 8
    assert mapping["B11"] is None  # reservation wage is a background item
    assert BIP.provisional


def test_an_ordinal_item_scores_its_value_and_ved_ikke_is_missing() -> None:
    b1 = BIP.item("B1")
    assert item_score(b1, 4) == 4.0
    assert item_score(b1, DONT_KNOW) is None
    assert item_score(b1, None) is None


def test_s12_uses_the_jobchance_scale() -> None:
    s12 = BIP.item("S12")
    labels = {o.label: o.value for o in s12.scale.options}
    assert labels == {"Nej": 1, "Tvivler": 2, "Det svinger": 3, "Gode chancer": 4, "Ja": 5}
    assert s12.scale.dont_know == "Ved ikke"
    assert item_score(s12, DONT_KNOW) is None


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        (["soeger_ikke"], 1.0),
        (["internettet"], 3.0),
        (["internettet", "netvaerk"], 4.0),
        (["internettet", "netvaerk", "uopfordret"], 5.0),
        (["aviser", "internettet", "netvaerk", "uopfordret", "vikarbureau"], 5.0),
        (["oensker_ikke_at_svare"], None),
        ([], None),
    ],
)
def test_b10_scores_by_the_number_of_channels(chosen: list[str], expected: float | None) -> None:
    assert item_score(BIP.item("B10"), chosen) == expected


def test_b10_refuses_soeger_ikke_together_with_a_channel() -> None:
    errors = validate_answers(BIP, "citizen", {"B10": ["soeger_ikke", "internettet"]})
    assert "B10" in errors
    with pytest.raises(ValueError):
        item_score(BIP.item("B10"), ["soeger_ikke", "internettet"])


def test_an_indicator_is_the_mean_of_its_answered_items_per_perspective() -> None:
    scores = score_indicators(
        BIP,
        citizen_answers={"B7": 2, "B8": 5},
        caseworker_answers={"S7": 4, "S8": DONT_KNOW},
        indicators={3, 7},
    )
    assert scores[7].citizen == 3.5 and scores[7].caseworker is None
    assert scores[7].combined == 3.5  # only the perspective present
    assert scores[3].citizen is None and scores[3].caseworker == 4.0


def test_combined_is_the_mean_of_the_two_perspectives_not_of_the_items() -> None:
    # Indicator 5: B2 (citizen), S4 and S5 (caseworker).
    scores = score_indicators(BIP, {"B2": 5}, {"S4": 1, "S5": 2}, indicators={5})
    assert scores[5].citizen == 5.0
    assert scores[5].caseworker == 1.5
    assert scores[5].combined == 3.25  # (5 + 1.5) / 2, not (5 + 1 + 2) / 3


def test_an_indicator_with_every_item_missing_has_no_score() -> None:
    scores = score_indicators(BIP, {"B1": DONT_KNOW}, {"S3": None}, indicators={4})
    assert scores[4].citizen is None and scores[4].caseworker is None
    assert scores[4].combined is None


def test_the_mean_across_indicators_skips_missing_ones() -> None:
    scores = score_indicators(BIP, {"B1": 2, "B9": 4}, {}, indicators={1, 3, 4})
    assert mean_score(scores, "citizen") == 3.0


def test_answers_outside_the_scale_and_to_unknown_items_are_reported() -> None:
    errors = validate_answers(BIP, "citizen", {"B1": 7, "S12": 3, "B99": 1, "B11": -5})
    assert set(errors) == {"B1", "S12", "B99", "B11"}


def test_a_definition_with_a_dangling_reference_is_refused() -> None:
    document = default_document()
    document["items"][0]["indicator"] = 42
    with pytest.raises(InstrumentError, match="unknown indicator 42"):
        parse_instrument(document)
