"""Questions as data: what a survey template and a stored survey hold."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, cast

from effekt.evaluation.surveys.scales import ScaleKey, scale

QuestionKind = Literal["scale", "single", "multiple", "text"]
AudienceKey = Literal["citizen", "employee", "manager", "company"]


@dataclass(frozen=True)
class Item:
    """One statement of a scale question ("… engagerede sagsbehandlere")."""

    key: str
    text: str


@dataclass(frozen=True)
class Question:
    """A question. Scale questions have items, each answered on `scale`; single and
    multiple choice have `options`; text questions take free text."""

    key: str
    kind: QuestionKind
    text: str
    scale: ScaleKey | None = None
    items: tuple[Item, ...] = ()
    options: tuple[str, ...] = ()
    required: bool = False
    final_only: bool = False

    def answer_keys(self) -> list[str]:
        """The keys under which a response stores this question's answers."""
        if self.kind == "scale":
            return [f"{self.key}.{item.key}" for item in self.items]
        return [self.key]

    def choices(self) -> tuple[str, ...]:
        """The allowed answers (empty for free text)."""
        if self.kind == "scale":
            assert self.scale is not None
            return scale(self.scale).choices
        return self.options


@dataclass(frozen=True)
class SurveyTemplate:
    """A ready questionnaire, with the annex of source 004 it comes from."""

    key: str
    title: str
    audience: AudienceKey
    source: str
    introduction: str
    questions: tuple[Question, ...] = field(default=())


def questions_to_json(questions: tuple[Question, ...]) -> list[dict[str, Any]]:
    """Questions as JSON-ready dicts (stored on the survey)."""
    rows: list[dict[str, Any]] = []
    for q in questions:
        row: dict[str, Any] = {"key": q.key, "kind": q.kind, "text": q.text}
        if q.scale:
            row["scale"] = q.scale
        if q.items:
            row["items"] = [{"key": i.key, "text": i.text} for i in q.items]
        if q.options:
            row["options"] = list(q.options)
        row["required"] = q.required
        row["final_only"] = q.final_only
        rows.append(row)
    return rows


def questions_from_json(rows: list[dict[str, Any]]) -> tuple[Question, ...]:
    """The inverse of `questions_to_json`."""
    return tuple(
        Question(
            key=str(row["key"]),
            kind=cast(QuestionKind, row["kind"]),
            text=str(row["text"]),
            scale=cast(ScaleKey | None, row.get("scale")),
            items=tuple(Item(str(i["key"]), str(i["text"])) for i in row.get("items", [])),
            options=tuple(str(o) for o in row.get("options", [])),
            required=bool(row.get("required", False)),
            final_only=bool(row.get("final_only", False)),
        )
        for row in rows
    )
