"""Role personas used across the suite (after healthchecks' Alice, Bob and Charlie).

- Sara: supplier consultant at Jobvejen, which has a contract with Rudersdal (230).
- Jonas: jobcentre consultant in Rudersdal.
- Amira: analyst in Rudersdal (sees no CPR numbers).
- Ada: administrator.
- Otto: jobcentre consultant in another municipality (Lyngby-Taarbæk, 173).
- Sune: supplier consultant at another supplier (Mentorhuset) with no contract in Rudersdal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from effekt.organisations.models import Citizen, Municipality, Role, Supplier, User
from effekt.progression.models import Contract, ContractConfiguration, Course, CourseStatus
from effekt.progression.services.configuration import configuration_create_default

PASSWORD = "persona-password-1"


@dataclass
class World:
    rudersdal: Municipality
    lyngby: Municipality
    jobvejen: Supplier
    mentorhuset: Supplier
    sara: User
    jonas: User
    amira: User
    ada: User
    otto: User
    sune: User
    contract: Contract
    configuration: ContractConfiguration

    def course(
        self,
        *,
        cpr: str = "0101901234",
        name: str = "Birgit Borger",
        start: dt.date = dt.date(2026, 9, 7),
        course_type: str = "job_uddannelsesformidling",
        distance: str = "taet_paa",
        status: str = CourseStatus.ACTIVE,
        contract: Contract | None = None,
    ) -> Course:
        contract = contract or self.contract
        configuration = contract.active_configuration()
        assert configuration is not None
        citizen, _ = Citizen.objects.get_or_create(
            municipality=contract.municipality, cpr=cpr, defaults={"name": name}
        )
        return Course.objects.create(
            citizen=citizen,
            contract=contract,
            configuration=configuration,
            course_type=configuration.course_types.get(code=course_type),
            municipality=contract.municipality,
            supplier=contract.supplier,
            distance=distance,
            target_group="kontanthjaelp_aktivitetsparat",
            result_goal=["ordinaert_job", "uddannelse"],
            start_date=start,
            status=status,
            referred_by=self.jonas,
            jobcentre_consultant=self.jonas,
            supplier_consultant=self.sara,
        )


def _user(username: str, role: str, **org: object) -> User:
    user = User(username=username, role=role, first_name=username.capitalize(), **org)
    user.set_password(PASSWORD)
    user.save()
    return user


def make_world() -> World:
    rudersdal = Municipality.objects.create(code="230", name="Rudersdal")
    lyngby = Municipality.objects.create(code="173", name="Lyngby-Taarbæk")
    jobvejen = Supplier.objects.create(name="Jobvejen ApS")
    mentorhuset = Supplier.objects.create(name="Mentorhuset A/S")
    contract = Contract.objects.create(
        municipality=rudersdal,
        supplier=jobvejen,
        name="Rammeaftale",
        start_date=dt.date(2025, 1, 1),
    )
    configuration = configuration_create_default(contract=contract)
    return World(
        rudersdal=rudersdal,
        lyngby=lyngby,
        jobvejen=jobvejen,
        mentorhuset=mentorhuset,
        sara=_user("sara", Role.SUPPLIER_CONSULTANT, supplier=jobvejen),
        jonas=_user("jonas", Role.JOBCENTRE_CONSULTANT, municipality=rudersdal),
        amira=_user("amira", Role.ANALYST, municipality=rudersdal),
        ada=_user("ada", Role.ADMINISTRATOR, is_staff=True, is_superuser=True),
        otto=_user("otto", Role.JOBCENTRE_CONSULTANT, municipality=lyngby),
        sune=_user("sune", Role.SUPPLIER_CONSULTANT, supplier=mentorhuset),
        contract=contract,
        configuration=configuration,
    )
