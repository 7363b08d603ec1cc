"""Which sections each role sees. One table, used by the menu and by the tests."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from effekt.organisations.models import Role, User


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str

    @property
    def url(self) -> str:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return "#"


NAVIGATION: dict[str, list[NavItem]] = {
    Role.SUPPLIER_CONSULTANT: [
        NavItem("Mine forløb", "progression:dashboard"),
        NavItem("Statistik", "statistics:page"),
    ],
    Role.JOBCENTRE_CONSULTANT: [
        NavItem("Mine forløb", "progression:dashboard"),
        NavItem("Henvis borger", "progression:referral"),
        NavItem("Statistik", "statistics:page"),
        NavItem("Overvågning", "monitoring:overview"),
    ],
    Role.ANALYST: [
        NavItem("Overblik", "home"),
        NavItem("Statistik", "statistics:page"),
        NavItem("Overvågning", "monitoring:overview"),
        NavItem("Forsøg", "evaluation:experiment_list"),
    ],
    Role.EVALUATOR: [
        NavItem("Overblik", "home"),
        NavItem("Forsøg", "evaluation:experiment_list"),
        NavItem("Overvågning", "monitoring:overview"),
    ],
    Role.ADMINISTRATOR: [
        NavItem("Overblik", "home"),
        NavItem("Statistik", "statistics:page"),
        NavItem("Overvågning", "monitoring:overview"),
        NavItem("Administration", "admin:index"),
    ],
}


def navigation_for(user: User) -> list[NavItem]:
    if user.is_superuser and not user.role:
        return NAVIGATION[Role.ADMINISTRATOR]
    return NAVIGATION.get(user.role, [])
