"""Choice lists shared by the progression models and forms."""

from django.db import models


class Distance(models.TextChoices):
    CLOSE = "taet_paa", "Tæt på arbejdsmarkedet"
    MIDDLE = "mellem", "Mellem"
    FAR = "langt_fra", "Langt fra arbejdsmarkedet"


class TargetGroup(models.TextChoices):
    DAGPENGE = "dagpenge", "Dagpengemodtager"
    KONTANTHJAELP_JOBPARAT = "kontanthjaelp_jobparat", "Jobparat kontanthjælpsmodtager"
    KONTANTHJAELP_AKTIVITETSPARAT = (
        "kontanthjaelp_aktivitetsparat",
        "Aktivitetsparat kontanthjælpsmodtager",
    )
    UDDANNELSESHJAELP_UDDANNELSESPARAT = (
        "uddannelseshjaelp_uddannelsesparat",
        "Uddannelsesparat uddannelseshjælpsmodtager",
    )
    UDDANNELSESHJAELP_AKTIVITETSPARAT = (
        "uddannelseshjaelp_aktivitetsparat",
        "Aktivitetsparat uddannelseshjælpsmodtager",
    )
    SYGEDAGPENGE = "sygedagpenge", "Sygedagpengemodtager"
    RESSOURCEFORLOEB = "ressourceforloeb", "Ressourceforløb"
    JOBAFKLARING = "jobafklaring", "Jobafklaringsforløb"
    LEDIGHEDSYDELSE = "ledighedsydelse", "Ledighedsydelsesmodtager"
    REVALIDERING = "revalidering", "Revalidend"


class DefaultCourseType(models.TextChoices):
    JOB_EDUCATION_PLACEMENT = "job_uddannelsesformidling", "Job- og uddannelsesformidling"
    JOB_EDUCATION_EXPLORATION = "job_uddannelsesafsoegende", "Job- og uddannelsesafsøgende forløb"
    MENTOR = "mentor", "Mentor"
    COPING = "mestringsforloeb", "Mestringsforløb"
    SICKNESS = "sygedagpengeforloeb", "Sygedagpengeforløb"
    AFTERCARE = "eftervaern", "Efterværn"


class ReportFrequency(models.TextChoices):
    QUARTERLY = "quarterly", "Kvartalsvis"
    HALF_YEARLY = "half_yearly", "Halvårlig"
    OTHER = "other", "Anden aftale"


class ClassificationMethod(models.TextChoices):
    THRESHOLD = "threshold", "Tærskel (±0,5 skalapoint)"
    RCI = "rci", "Reliable change index (Jacobson–Truax)"


class PointKind(models.TextChoices):
    BASELINE = "baseline", "Baselinemåling"
    MIDWAY = "midway", "Midtvejsmåling"
    FINAL = "final", "Slutmåling"
