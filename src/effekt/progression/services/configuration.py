"""Creating and versioning contract configurations."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from effekt.bip.instrument import default_document
from effekt.progression.choices import DefaultCourseType, Distance
from effekt.progression.models import (
    Contract,
    ContractConfiguration,
    CourseTypeConfig,
    InstrumentVersion,
    MeasurementPointConfig,
)
from effekt.progression.rules.schedule import DEFAULT_POINTS

# Recommended: 4–6 indicators common across course types (source 000); the common core is
# labour-market knowledge (1), purposefulness (4), the citizen's (7) and caseworker's (8) belief.
DEFAULT_INDICATORS: dict[str, list[int]] = {
    Distance.CLOSE: [1, 2, 4, 7, 8],
    Distance.MIDDLE: [1, 4, 5, 7, 8, 10],
    Distance.FAR: [4, 5, 7, 8, 10, 11],
}


def instrument_default() -> InstrumentVersion:
    """The shipped instrument version (loaded by a data migration; recreated if removed)."""
    document = default_document()
    instrument, _ = InstrumentVersion.objects.get_or_create(
        version=document["version"],
        defaults={"definition": document, "provisional": bool(document.get("provisional"))},
    )
    return instrument


@transaction.atomic
def configuration_create_default(
    *, contract: Contract, instrument: InstrumentVersion | None = None, note: str = ""
) -> ContractConfiguration:
    """A new configuration version with the six default course types of 13 weeks."""
    instrument = instrument or instrument_default()
    latest = contract.configurations.aggregate(v=Max("version"))["v"] or 0
    configuration = ContractConfiguration.objects.create(
        contract=contract,
        version=latest + 1,
        instrument=instrument,
        note=note or "Standardkonfiguration",
    )
    for code, name in DefaultCourseType.choices:
        course_type = CourseTypeConfig.objects.create(
            configuration=configuration,
            code=code,
            name=name,
            standard_length_weeks=13,
            indicators_by_distance={str(k): v for k, v in DEFAULT_INDICATORS.items()},
        )
        MeasurementPointConfig.objects.bulk_create(
            MeasurementPointConfig(
                course_type=course_type,
                kind=p.kind,
                week=p.week,
                window_before_days=p.window_before,
                window_after_days=p.window_after,
            )
            for p in DEFAULT_POINTS
        )
    return configuration


@transaction.atomic
def configuration_new_version(
    *, configuration: ContractConfiguration, note: str = ""
) -> ContractConfiguration:
    """Copy a configuration (course types and points included) into the next version."""
    contract = configuration.contract
    latest = contract.configurations.aggregate(v=Max("version"))["v"] or 0
    copy = ContractConfiguration.objects.create(
        contract=contract,
        version=latest + 1,
        instrument=configuration.instrument,
        note=note or f"Kopi af version {configuration.version}",
        report_frequency=configuration.report_frequency,
        classification_method=configuration.classification_method,
        threshold=configuration.threshold,
        reliability=configuration.reliability,
    )
    for course_type in configuration.course_types.prefetch_related("points"):
        points = list(course_type.points.all())
        course_type.pk = None
        course_type.configuration = copy
        course_type.save()
        for point in points:
            point.pk = None
            point.course_type = course_type
            point.save()
    return copy
