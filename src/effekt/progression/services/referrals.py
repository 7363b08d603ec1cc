"""Referring citizens to a supplier (one at a time or from a CSV file) and starting courses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from effekt.organisations.models import AuditAction, Citizen, Role, User
from effekt.organisations.services import audit_record
from effekt.progression.choices import Distance, TargetGroup
from effekt.progression.models import Contract, Course, CourseStatus, CourseTypeConfig
from effekt.progression.rules import endings
from effekt.progression.rules.referral_csv import RowError, Vocabulary, parse_referrals


@dataclass(frozen=True)
class Referral:
    """What the jobcentre consultant fills in."""

    contract: Contract
    course_type: str
    cpr: str
    name: str
    distance: str
    target_group: str
    result_goal: tuple[str, ...]
    start_date: dt.date
    min_plan: str = ""


class ReferralImportError(ValidationError):
    """The file had errors; nothing was imported."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        super().__init__([str(e) for e in errors])
        self.row_errors = list(errors)


def vocabulary() -> Vocabulary:
    return Vocabulary(
        distances=dict(Distance.choices),
        target_groups=dict(TargetGroup.choices),
        ending_categories=dict(endings.CHOICES),
    )


def referral_contracts(user: User) -> list[Contract]:
    """The contracts a jobcentre consultant may refer under: their municipality's."""
    if user.role != Role.JOBCENTRE_CONSULTANT or user.municipality_id is None:
        return []
    return list(
        Contract.objects.filter(municipality_id=user.municipality_id).select_related("supplier")
    )


def course_type_for(contract: Contract, code_or_name: str) -> CourseTypeConfig | None:
    configuration = contract.active_configuration()
    if configuration is None:
        return None
    wanted = code_or_name.strip().casefold()
    for course_type in configuration.course_types.all():
        if wanted in (course_type.code.casefold(), course_type.name.casefold()):
            return course_type
    return None


def _check_allowed(user: User, contract: Contract) -> None:
    if user.role != Role.JOBCENTRE_CONSULTANT or user.municipality_id != contract.municipality_id:
        raise PermissionDenied("Kun kommunens jobkonsulenter kan henvise under denne kontrakt.")


def _check_choices(referral: Referral) -> None:
    errors: dict[str, str] = {}
    if referral.distance not in Distance.values:
        errors["distance"] = f"Ukendt afstand {referral.distance!r}."
    if referral.target_group not in TargetGroup.values:
        errors["target_group"] = f"Ukendt målgruppe {referral.target_group!r}."
    unknown = [c for c in referral.result_goal if c not in endings.BY_CODE]
    if unknown:
        errors["result_goal"] = f"Ukendt afslutningskategori {unknown[0]!r}."
    elif not referral.result_goal:
        errors["result_goal"] = "Vælg mindst én afslutningskategori som mål."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def referral_create(*, user: User, referral: Referral) -> Course:
    """Create the citizen (if new) and the referred course under the contract's configuration."""
    contract = referral.contract
    _check_allowed(user, contract)
    course_type = course_type_for(contract, referral.course_type)
    if course_type is None:
        raise ValidationError(
            {"course_type": f"Kontrakten har ingen forløbstype {referral.course_type!r}."}
        )
    _check_choices(referral)
    citizen, created = Citizen.objects.get_or_create(
        municipality_id=contract.municipality_id,
        cpr=referral.cpr,
        defaults={"name": referral.name},
    )
    if created:
        audit_record(user=user, action=AuditAction.CREATE, obj=citizen, citizen=citizen)
    course = Course.objects.create(
        citizen=citizen,
        contract=contract,
        configuration=course_type.configuration,
        course_type=course_type,
        municipality_id=contract.municipality_id,
        supplier_id=contract.supplier_id,
        distance=referral.distance,
        target_group=referral.target_group,
        result_goal=list(referral.result_goal),
        start_date=referral.start_date,
        min_plan=referral.min_plan,
        referred_by=user,
        jobcentre_consultant=user,
    )
    audit_record(
        user=user, action=AuditAction.CREATE, obj=course, citizen=citizen, detail="henvisning"
    )
    return course


def _contract_for(contracts: list[Contract], supplier: str) -> Contract | None:
    wanted = supplier.strip().casefold()
    for contract in contracts:
        if wanted in (contract.supplier.name.casefold(), contract.name.casefold()):
            return contract
    return None


@transaction.atomic
def referral_import(*, user: User, text: str) -> list[Course]:
    """Import every referral in the file, or none: any error raises ReferralImportError."""
    rows, errors = parse_referrals(text, vocabulary())
    contracts = referral_contracts(user)
    referrals: list[Referral] = []
    for row in rows:
        contract = _contract_for(contracts, row.supplier)
        if contract is None:
            errors.append(
                RowError(row.line, "leverandoer", f"ingen kontrakt med {row.supplier!r}.")
            )
            continue
        if course_type_for(contract, row.course_type) is None:
            errors.append(
                RowError(row.line, "forloebstype", f"ukendt forløbstype {row.course_type!r}.")
            )
            continue
        referrals.append(
            Referral(
                contract=contract,
                course_type=row.course_type,
                cpr=row.cpr,
                name=row.name,
                distance=row.distance,
                target_group=row.target_group,
                result_goal=row.result_goal,
                start_date=row.start_date,
                min_plan=row.min_plan,
            )
        )
    if errors:
        raise ReferralImportError(sorted(errors, key=lambda e: e.line))
    return [referral_create(user=user, referral=r) for r in referrals]


def course_start(*, course: Course, user: User) -> Course:
    """The supplier accepts the referral and starts the course."""
    if user.role != Role.SUPPLIER_CONSULTANT or user.supplier_id != course.supplier_id:
        raise PermissionDenied("Kun leverandørens konsulenter kan starte forløbet.")
    if course.status != CourseStatus.REFERRED:
        raise ValidationError("Forløbet er allerede startet eller afsluttet.")
    updated = Course.objects.filter(pk=course.pk, version=course.version).update(
        status=CourseStatus.ACTIVE,
        started_at=timezone.now(),
        supplier_consultant=user,
        version=course.version + 1,
        updated_at=timezone.now(),
    )
    if not updated:
        raise ValidationError("Forløbet er ændret af en anden i mellemtiden. Genindlæs siden.")
    course.refresh_from_db()
    audit_record(
        user=user, action=AuditAction.UPDATE, obj=course, citizen=course.citizen, detail="start"
    )
    return course
