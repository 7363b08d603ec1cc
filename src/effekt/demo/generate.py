"""Create demo organisations, users and courses (idempotent, reproducible by seed)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from django.db import transaction
from django.utils import timezone

from effekt.demo.courses import course_batch
from effekt.organisations.models import Municipality, Role, Supplier, User
from effekt.progression.models import (
    Contract,
    CourseTypeConfig,
)
from effekt.progression.services.configuration import configuration_create_default

DEMO_PASSWORD = "effekt-demo-2026"
MUNICIPALITIES = [("230", "Rudersdal"), ("173", "Lyngby-Taarbæk")]
SUPPLIERS = ["Jobvejen ApS", "Mentorhuset A/S", "Fremad Beskæftigelse"]
CONTRACTS = {"230": [0, 1, 2], "173": [0, 2]}
BASE_COURSES = 400  # at --scale 1
# About 17 running courses per consultant: at larger scales more consultants share the work.
COURSES_PER_CONSULTANT = 400


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    organisation: str


def _batched[T](items: Iterator[T], size: int) -> Iterator[list[T]]:
    while batch := list(islice(items, size)):
        yield batch


def demo_logins() -> list[DemoLogin]:
    return [
        DemoLogin(u.username, u.get_role_display(), u.organisation_name or "alle")
        for u in User.objects.filter(username__startswith="demo-")
        .select_related("municipality", "supplier")
        .order_by("role", "username")
    ]


def _users(municipalities: list[Municipality], suppliers: list[Supplier]) -> dict[str, User]:
    users: dict[str, User] = {}

    def make(username: str, role: str, first: str, last: str, **org: Any) -> None:
        user = User(
            username=username,
            role=role,
            first_name=first,
            last_name=last,
            email=f"{username}@example.invalid",
            **org,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        users[username] = user

    for supplier, slug in zip(suppliers, ["jobvejen", "mentorhuset", "fremad"], strict=True):
        make(
            f"demo-leverandoer-{slug}",
            Role.SUPPLIER_CONSULTANT,
            "Lea",
            supplier.name.split()[0],
            supplier=supplier,
        )
    for municipality, slug in zip(municipalities, ["rudersdal", "lyngby"], strict=True):
        make(
            f"demo-jobkonsulent-{slug}",
            Role.JOBCENTRE_CONSULTANT,
            "Jonas",
            municipality.name,
            municipality=municipality,
        )
        make(
            f"demo-analytiker-{slug}",
            Role.ANALYST,
            "Amira",
            municipality.name,
            municipality=municipality,
        )
    make(
        "demo-evaluator-rudersdal",
        Role.EVALUATOR,
        "Eva",
        "Rudersdal",
        municipality=municipalities[0],
    )
    make("demo-admin", Role.ADMINISTRATOR, "Ada", "Admin", is_staff=True, is_superuser=True)
    return users


def run_demo(
    *,
    seed: int = 1,
    scale: float = 1.0,
    echo: Callable[[str], object] = print,
    today: dt.date | None = None,
) -> bool:
    """Create the demo data unless it exists. Returns True when it created anything."""
    if User.objects.filter(username="demo-admin").exists():
        echo("Demo data already loaded.")
        return False
    with transaction.atomic():
        _create(seed=seed, scale=scale, echo=echo, today=today or timezone.localdate())
    return True


def _create(*, seed: int, scale: float, echo: Callable[[str], object], today: dt.date) -> None:
    rng = random.Random(seed)
    municipalities = [
        Municipality.objects.get_or_create(code=c, defaults={"name": n})[0]
        for c, n in MUNICIPALITIES
    ]
    suppliers = [Supplier.objects.get_or_create(name=n)[0] for n in SUPPLIERS]
    users = _users(municipalities, suppliers)
    contracts: list[Contract] = []
    for municipality in municipalities:
        for index in CONTRACTS[municipality.code]:
            contract = Contract.objects.create(
                municipality=municipality,
                supplier=suppliers[index],
                start_date=today - dt.timedelta(days=800),
                name=f"Rammeaftale {municipality.name}/{suppliers[index].name.split()[0]}",
            )
            configuration_create_default(contract=contract)
            contracts.append(contract)
    count = max(1, round(BASE_COURSES * scale))
    echo(f"Creating {count} demo courses …")
    _courses(rng, contracts, users, count, today, echo)


def _courses(
    rng: random.Random,
    contracts: list[Contract],
    users: dict[str, User],
    count: int,
    today: dt.date,
    echo: Callable[[str], object],
) -> None:
    types = {
        c.pk: list(
            CourseTypeConfig.objects.filter(configuration__contract=c).prefetch_related("points")
        )
        for c in contracts
    }
    configs = {c.pk: c.active_configuration() for c in contracts}
    instrument = configs[contracts[0].pk].instrument.instrument()  # type: ignore[union-attr]
    per_organisation = max(1, -(-count // COURSES_PER_CONSULTANT))
    consultants = _caseloads(
        [u for u in users.values() if u.role == Role.SUPPLIER_CONSULTANT], per_organisation
    )
    jobcentre = _caseloads(
        [u for u in users.values() if u.role == Role.JOBCENTRE_CONSULTANT], per_organisation
    )
    made = 0
    used_cpr: set[tuple[int, str]] = set()
    for batch in _batched(iter(range(count)), 2000):
        course_batch(
            rng,
            len(batch),
            contracts,
            types,
            configs,
            instrument,
            consultants,
            jobcentre,
            today,
            used_cpr,
        )
        made += len(batch)
        if count > 2000:
            echo(f"  {made}/{count} courses")


def _caseloads(demo_users: list[User], per_organisation: int) -> dict[int | None, list[User]]:
    """Each demo consultant's organisation gets colleagues (no password) up to the number."""
    caseloads: dict[int | None, list[User]] = {}
    colleagues: list[User] = []
    for user in demo_users:
        key = user.supplier_id or user.municipality_id
        caseloads[key] = [user]
        for number in range(2, per_organisation + 1):
            colleague = User(
                username=f"{user.username.removeprefix('demo-')}-{number:03d}",
                role=user.role,
                supplier_id=user.supplier_id,
                municipality_id=user.municipality_id,
                first_name="Kollega",
                last_name=str(number),
            )
            colleague.set_unusable_password()
            colleagues.append(colleague)
            caseloads[key].append(colleague)
    User.objects.bulk_create(colleagues)
    return caseloads
