"""The BIP instrument as data: indicators, items, scales. Pure: no Django import.

An instrument definition is a JSON document (see `data/`); a municipality can load the
official wording as a new version without code changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

Perspective = Literal["citizen", "caseworker"]
PERSPECTIVES: tuple[Perspective, ...] = ("citizen", "caseworker")
DEFAULT_VERSION = "2026.1-provisional"


class InstrumentError(ValueError):
    """The instrument definition is malformed."""


@dataclass(frozen=True)
class Option:
    value: int | str
    label: str


@dataclass(frozen=True)
class Scale:
    """How an item is answered and scored.

    kind `ordinal`: one of `options` (scored by its value) or the don't-know label (missing).
    kind `channel_count`: a multi-select of channels; the none-option scores `score_none`,
    one, two, three-or-more channels score `score_by_count[0..2]`; the refusal option is missing.
    kind `number`: a background number (not scored).
    """

    key: str
    kind: Literal["ordinal", "channel_count", "number"]
    options: tuple[Option, ...] = ()
    dont_know: str | None = None
    none_option: Option | None = None
    refusal_option: Option | None = None
    score_none: int | None = None
    score_by_count: tuple[int, ...] = ()
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None

    @property
    def values(self) -> tuple[int | str, ...]:
        return tuple(option.value for option in self.options)


@dataclass(frozen=True)
class Item:
    code: str
    perspective: Perspective
    indicator: int | None
    scale: Scale
    text: str

    @property
    def scored(self) -> bool:
        return self.indicator is not None and self.scale.kind != "number"


@dataclass(frozen=True)
class Indicator:
    number: int
    name: str
    key: str


@dataclass(frozen=True)
class Instrument:
    version: str
    provisional: bool
    note: str
    indicators: tuple[Indicator, ...]
    items: tuple[Item, ...]
    _by_code: dict[str, Item] = field(default_factory=dict, compare=False, repr=False)

    def item(self, code: str) -> Item:
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"Instrument {self.version} has no item {code!r}") from None

    def indicator(self, number: int) -> Indicator:
        for indicator in self.indicators:
            if indicator.number == number:
                return indicator
        raise KeyError(f"Instrument {self.version} has no indicator {number}")

    def items_for(self, perspective: Perspective, indicators: set[int] | None = None) -> list[Item]:
        """Items of one perspective, restricted to the given indicators (background items kept)."""
        return [
            item
            for item in self.items
            if item.perspective == perspective
            and (indicators is None or item.indicator is None or item.indicator in indicators)
        ]

    def perspectives_of(self, number: int) -> set[Perspective]:
        return {item.perspective for item in self.items if item.indicator == number}


def _option(raw: dict[str, Any]) -> Option:
    return Option(value=raw.get("value", raw.get("code", "")), label=str(raw["label"]))


def _scale(key: str, raw: dict[str, Any]) -> Scale:
    kind = raw.get("type")
    if kind == "ordinal":
        return Scale(
            key=key,
            kind="ordinal",
            options=tuple(_option(o) for o in raw["options"]),
            dont_know=raw.get("dont_know"),
        )
    if kind == "channel_count":
        return Scale(
            key=key,
            kind="channel_count",
            options=tuple(_option(o) for o in raw["channels"]),
            none_option=_option(raw["none_option"]),
            refusal_option=_option(raw["refusal_option"]),
            score_none=int(raw["score_none"]),
            score_by_count=tuple(int(v) for v in raw["score_by_count"]),
        )
    if kind == "number":
        return Scale(
            key=key,
            kind="number",
            unit=raw.get("unit", ""),
            minimum=raw.get("min"),
            maximum=raw.get("max"),
        )
    raise InstrumentError(f"scale {key!r}: unknown type {kind!r}")


def parse_instrument(document: dict[str, Any]) -> Instrument:
    """Build an Instrument from its JSON document, checking references."""
    try:
        scales = {key: _scale(key, raw) for key, raw in document["scales"].items()}
        indicators = tuple(
            Indicator(number=int(i["number"]), name=str(i["name"]), key=str(i["key"]))
            for i in document["indicators"]
        )
        numbers = {i.number for i in indicators}
        items: list[Item] = []
        for raw in document["items"]:
            code = str(raw["code"])
            if raw["perspective"] not in PERSPECTIVES:
                raise InstrumentError(f"item {code}: perspective must be citizen or caseworker")
            if raw["scale"] not in scales:
                raise InstrumentError(f"item {code}: unknown scale {raw['scale']!r}")
            indicator = raw.get("indicator")
            if indicator is not None and indicator not in numbers:
                raise InstrumentError(f"item {code}: unknown indicator {indicator}")
            items.append(
                Item(code, raw["perspective"], indicator, scales[raw["scale"]], str(raw["text"]))
            )
    except KeyError as missing:
        raise InstrumentError(f"instrument definition lacks {missing}") from None
    codes = [item.code for item in items]
    if len(codes) != len(set(codes)):
        raise InstrumentError("item codes must be unique")
    return Instrument(
        version=str(document["version"]),
        provisional=bool(document.get("provisional", False)),
        note=str(document.get("note", "")),
        indicators=indicators,
        items=tuple(items),
        _by_code={item.code: item for item in items},
    )


def default_document() -> dict[str, Any]:
    """The shipped (provisional) instrument definition as a JSON document."""
    path = resources.files("effekt.bip") / "data" / f"bip-{DEFAULT_VERSION}.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@cache
def default_instrument() -> Instrument:
    return parse_instrument(default_document())
