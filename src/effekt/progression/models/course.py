"""Courses ("forløb") from referral to ending, with extensions and follow-up."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from effekt.organisations.models import Citizen, Municipality, Role, Supplier, User
from effekt.progression.choices import Distance, TargetGroup
from effekt.progression.models.configuration import (
    Contract,
    ContractConfiguration,
    CourseTypeConfig,
)
from effekt.progression.rules import endings
from effekt.progression.rules.schedule import PlannedMeasurement, measurement_plan, planned_end


class CourseStatus(models.TextChoices):
    REFERRED = "referred", "Henvist"
    ACTIVE = "active", "I gang"
    ENDED = "ended", "Afsluttet"
    DECLINED = "declined", "Afvist"


class CourseQuerySet(models.QuerySet["Course"]):
    def visible_to(self, user: User) -> CourseQuerySet:
        """Suppliers see their own courses; municipality users their municipality's."""
        if user.is_superuser or user.role == Role.ADMINISTRATOR:
            return self
        if user.role == Role.SUPPLIER_CONSULTANT and user.supplier_id:
            return self.filter(supplier_id=user.supplier_id)
        if user.municipality_id:
            return self.filter(municipality_id=user.municipality_id)
        return self.none()

    def running(self) -> CourseQuerySet:
        return self.filter(status__in=[CourseStatus.REFERRED, CourseStatus.ACTIVE])


class Course(models.Model):
    """A citizen's course with a supplier, from the jobcentre's referral to the ending."""

    citizen = models.ForeignKey(
        Citizen, on_delete=models.PROTECT, related_name="courses", verbose_name="borger"
    )
    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, verbose_name="kontrakt")
    configuration = models.ForeignKey(
        ContractConfiguration,
        on_delete=models.PROTECT,
        related_name="courses",
        verbose_name="konfiguration",
    )
    course_type = models.ForeignKey(
        CourseTypeConfig, on_delete=models.PROTECT, verbose_name="forløbstype"
    )
    # Copied from the contract at referral so access checks and statistics filter without joins.
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, verbose_name="kommune")
    supplier = models.ForeignKey(Supplier, on_delete=models.PROTECT, verbose_name="leverandør")
    distance = models.CharField(
        "afstand til arbejdsmarkedet", max_length=16, choices=Distance.choices
    )
    target_group = models.CharField("målgruppe", max_length=40, choices=TargetGroup.choices)
    result_goal = models.JSONField("resultatmål", default=list, help_text="Afslutningskategorier")
    start_date = models.DateField("startdato")
    min_plan = models.TextField("Min Plan", blank=True)
    status = models.CharField(
        "status", max_length=16, choices=CourseStatus.choices, default=CourseStatus.REFERRED
    )
    referred_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="referrals", verbose_name="henvist af"
    )
    referred_at = models.DateTimeField("henvist", auto_now_add=True)
    jobcentre_consultant = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="jobcentre_courses",
        verbose_name="jobkonsulent",
    )
    supplier_consultant = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supplier_courses",
        verbose_name="leverandørkonsulent",
    )
    started_at = models.DateTimeField("startet", null=True, blank=True)
    ended_on = models.DateField("afsluttet", null=True, blank=True)
    regression_flag = models.BooleanField("regression markeret", default=False)
    version = models.PositiveIntegerField("version", default=1)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CourseQuerySet.as_manager()

    class Meta:
        verbose_name = "forløb"
        verbose_name_plural = "forløb"
        ordering = ["-start_date", "id"]
        indexes = [
            models.Index(fields=["supplier", "status"]),
            models.Index(fields=["municipality", "status"]),
            models.Index(fields=["start_date"]),
            models.Index(fields=["ended_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                name="course_ended_after_start",
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("start_date")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course_type.name} for {self.citizen.name} fra {self.start_date:%d.%m.%Y}"

    @property
    def extended_to(self) -> dt.date | None:
        """The planned end of the latest extension; from prefetched extensions when the caller
        prefetched them (no query), else one query."""
        if "extensions" in getattr(self, "_prefetched_objects_cache", {}):
            extensions = sorted(self.extensions.all(), key=lambda e: (e.created_at, e.pk))
            return extensions[-1].new_planned_end if extensions else None
        last = self.extensions.order_by("-created_at", "-id").first()
        return last.new_planned_end if last else None

    @property
    def planned_end(self) -> dt.date:
        return planned_end(
            self.start_date, self.course_type.standard_length_weeks, self.extended_to
        )

    @property
    def ended_early(self) -> bool:
        return self.ended_on is not None and self.ended_on < self.planned_end

    def plan(self) -> list[PlannedMeasurement]:
        return measurement_plan(
            self.start_date,
            self.course_type.standard_length_weeks,
            self.course_type.point_specs(),
            extended_to=self.extended_to,
            ended_on=self.ended_on,
        )

    def indicators(self) -> list[int]:
        return self.course_type.indicators_for(self.distance)

    @property
    def goal_reached(self) -> bool | None:
        ending = getattr(self, "ending", None)
        return endings.goal_reached(ending.category if ending else None, set(self.result_goal))


class Extension(models.Model):
    """A course extended to a new planned end ("forlængelse")."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="extensions", verbose_name="forløb"
    )
    new_planned_end = models.DateField("ny planlagt slutdato")
    reason = models.TextField("begrundelse")
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, verbose_name="oprettet af")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "forlængelse"
        verbose_name_plural = "forlængelser"
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Forlænget til {self.new_planned_end:%d.%m.%Y}"


class Ending(models.Model):
    """The ending status of a course, with its required details."""

    course = models.OneToOneField(
        Course, on_delete=models.CASCADE, related_name="ending", verbose_name="forløb"
    )
    category = models.CharField("afslutningskategori", max_length=40, choices=endings.CHOICES)
    ended_on = models.DateField("slutdato")
    industry = models.CharField("branche (DB07)", max_length=10, blank=True)
    hours_per_week = models.DecimalField(
        "timer pr. uge", max_digits=4, decimal_places=1, null=True, blank=True
    )
    education = models.CharField("uddannelse", max_length=200, blank=True)
    reason = models.TextField("årsag", blank=True)
    registered_by = models.ForeignKey(User, on_delete=models.PROTECT, verbose_name="registreret af")
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "afslutning"
        verbose_name_plural = "afslutninger"

    def __str__(self) -> str:
        return self.get_category_display()


class FollowUp(models.Model):
    """The citizen's status 3 or 6 months after the course ended."""

    class Source(models.TextChoices):
        REGISTER = "register", "Registerdata"
        JOBCENTRE = "jobcentre", "Registreret af jobcentret"

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="follow_ups", verbose_name="forløb"
    )
    months_after = models.PositiveSmallIntegerField(
        "måneder efter", choices=[(3, "3 måneder"), (6, "6 måneder")]
    )
    on_public_support = models.BooleanField("på offentlig forsørgelse")
    source = models.CharField("kilde", max_length=16, choices=Source.choices)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "opfølgning"
        verbose_name_plural = "opfølgninger"
        constraints = [
            models.UniqueConstraint(fields=["course", "months_after"], name="follow_up_once"),
        ]

    def __str__(self) -> str:
        status = "offentlig forsørgelse" if self.on_public_support else "selvforsørgende"
        return f"{self.months_after} mdr.: {status}"
