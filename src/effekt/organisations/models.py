"""Municipalities, suppliers, users with roles, citizens, and the audit log."""

from __future__ import annotations

import contextlib
from collections.abc import Collection
from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q

from effekt.core.cpr import InvalidCPR, mask_cpr, normalise_cpr


class Municipality(models.Model):
    """A Danish municipality ("kommune"), and so its jobcentre ("Beskæftigelse")."""

    code = models.CharField(
        "kommunekode",
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^\d{3}$", "Kommunekoden har tre cifre, fx 101.")],
    )
    name = models.CharField("navn", max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = "kommune"
        verbose_name_plural = "kommuner"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Supplier(models.Model):
    """A supplier ("leverandør") running courses for municipalities."""

    name = models.CharField("navn", max_length=200, unique=True)
    cvr = models.CharField(
        "CVR-nummer",
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", "Et CVR-nummer har otte cifre.")],
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "leverandør"
        verbose_name_plural = "leverandører"

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    SUPPLIER_CONSULTANT = "supplier_consultant", "Leverandørkonsulent"
    JOBCENTRE_CONSULTANT = "jobcentre_consultant", "Jobkonsulent"
    ANALYST = "analyst", "Analytiker"
    EVALUATOR = "evaluator", "Evaluator"
    ADMINISTRATOR = "administrator", "Administrator"


MUNICIPALITY_ROLES = frozenset({Role.JOBCENTRE_CONSULTANT, Role.ANALYST, Role.EVALUATOR})


class User(AbstractUser):
    """A person who logs in. Belongs to exactly one organisation, given by the role."""

    role = models.CharField("rolle", max_length=32, choices=Role.choices)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name="kommune",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    supplier = models.ForeignKey(
        Supplier,
        verbose_name="leverandør",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )

    objects: ClassVar[UserManager[User]] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = "bruger"
        verbose_name_plural = "brugere"
        constraints = [
            models.CheckConstraint(
                name="user_single_organisation",
                condition=Q(municipality__isnull=True) | Q(supplier__isnull=True),
            ),
        ]

    def clean(self) -> None:
        super().clean()
        if self.role == Role.SUPPLIER_CONSULTANT and self.supplier_id is None:
            raise ValidationError(
                {"supplier": "En leverandørkonsulent skal høre til en leverandør."}
            )
        if self.role in MUNICIPALITY_ROLES and self.municipality_id is None:
            raise ValidationError({"municipality": "Rollen skal høre til en kommune."})
        if self.municipality_id is not None and self.supplier_id is not None:
            raise ValidationError("En bruger hører til én organisation: kommune eller leverandør.")

    @property
    def is_supplier_user(self) -> bool:
        return self.role == Role.SUPPLIER_CONSULTANT

    @property
    def is_municipality_user(self) -> bool:
        return self.role in MUNICIPALITY_ROLES

    @property
    def may_see_cpr(self) -> bool:
        """Analysts and evaluators work on pseudonymised data and never see CPR numbers."""
        return self.role in {
            Role.SUPPLIER_CONSULTANT,
            Role.JOBCENTRE_CONSULTANT,
            Role.ADMINISTRATOR,
        }

    @property
    def organisation_name(self) -> str:
        if self.municipality is not None:
            return str(self.municipality.name)
        if self.supplier is not None:
            return str(self.supplier.name)
        return ""


def validate_cpr(value: str) -> None:
    try:
        normalise_cpr(value)
    except InvalidCPR as error:
        raise ValidationError(str(error), code="invalid_cpr") from None


class CitizenQuerySet(models.QuerySet["Citizen"]):
    def for_municipality(self, municipality: Municipality) -> CitizenQuerySet:
        return self.filter(municipality=municipality)


class Citizen(models.Model):
    """A citizen ("borger") known to a municipality by CPR number."""

    cpr = models.CharField("CPR-nummer", max_length=10, validators=[validate_cpr])
    name = models.CharField("navn", max_length=200)
    municipality = models.ForeignKey(
        Municipality, verbose_name="kommune", on_delete=models.PROTECT, related_name="citizens"
    )
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField("telefon", max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CitizenQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "borger"
        verbose_name_plural = "borgere"
        constraints = [
            models.UniqueConstraint(fields=["municipality", "cpr"], name="citizen_unique_cpr"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.masked_cpr})"

    def clean_fields(self, exclude: Collection[str] | None = None) -> None:
        """Store CPR numbers as ten digits, whether typed with a dash or not."""
        if self.cpr:
            with contextlib.suppress(InvalidCPR):  # the field validator reports it
                self.cpr = normalise_cpr(self.cpr)
        super().clean_fields(exclude=exclude)

    @property
    def masked_cpr(self) -> str:
        return mask_cpr(self.cpr)

    @property
    def formatted_cpr(self) -> str:
        return f"{self.cpr[:6]}-{self.cpr[6:]}"

    def cpr_for(self, user: User) -> str:
        """The CPR number as this user may see it."""
        return self.formatted_cpr if user.may_see_cpr else self.masked_cpr


class AuditAction(models.TextChoices):
    READ = "read", "Læst"
    CREATE = "create", "Oprettet"
    UPDATE = "update", "Ændret"
    DELETE = "delete", "Slettet"
    EXPORT = "export", "Eksporteret"


class AuditEntry(models.Model):
    """Who read or changed which citizen's data, and when. Written by services, never edited."""

    at = models.DateTimeField("tidspunkt", auto_now_add=True, db_index=True)
    user = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, verbose_name="bruger")
    citizen = models.ForeignKey(
        Citizen, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="borger"
    )
    action = models.CharField("handling", max_length=16, choices=AuditAction.choices)
    object_type = models.CharField("objekttype", max_length=64)
    object_id = models.CharField("objekt-id", max_length=64, blank=True)
    detail = models.CharField("detalje", max_length=300, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = "logpost"
        verbose_name_plural = "adgangslog"
        indexes = [models.Index(fields=["citizen", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.action} {self.object_type}"
