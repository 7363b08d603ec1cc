"""Login lands each role on its start page; navigation and figures follow role and organisation."""

from __future__ import annotations

import pytest
from django.test import Client

from effekt.organisations.models import User
from effekt.web.navigation import navigation_for
from tests.personas import PASSWORD, World

pytestmark = pytest.mark.django_db


def login(client: Client, user: User) -> None:
    response = client.post("/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]


@pytest.mark.parametrize(
    ("persona", "heading"),
    [
        ("sara", "Mine forløb"),
        ("jonas", "Mine forløb"),
        ("amira", "Overblik for Rudersdal"),
        ("ada", "Administration"),
        ("otto", "Mine forløb"),
    ],
)
def test_login_lands_each_role_on_its_start_page(
    client: Client, world: World, persona: str, heading: str
) -> None:
    login(client, getattr(world, persona))
    response = client.get("/", follow=True)
    assert response.status_code == 200
    assert f"<h1>{heading}" in response.content.decode()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client: Client, world: World) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_the_login_page_is_styled_with_det_faelles_designsystem(
    client: Client, world: World
) -> None:
    html = client.get("/login/").content.decode()
    assert "vendor/dkfds/css/dkfds.min.css" in html
    assert 'class="form-input' in html or "form-input" in html


def test_a_wrong_password_keeps_the_username_and_says_what_is_wrong(
    client: Client, world: World
) -> None:
    response = client.post("/login/", {"username": "sara", "password": "nope"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="sara"' in html
    assert "alert-error" in html


def test_navigation_differs_by_role(world: World) -> None:
    assert navigation_for(world.sara)[0].label == "Mine forløb"
    assert navigation_for(world.jonas)[0].label == "Mine forløb"
    assert "Henvis borger" in [i.label for i in navigation_for(world.jonas)]
    assert "Henvis borger" not in [i.label for i in navigation_for(world.sara)]
    assert "Administration" in [i.label for i in navigation_for(world.ada)]
    assert "Administration" not in [i.label for i in navigation_for(world.jonas)]


def test_start_page_figures_count_only_the_users_own_organisation(
    client: Client, world: World
) -> None:
    from effekt.organisations.models import Role

    world.course()  # a Rudersdal course at Jobvejen
    login(client, world.amira)  # Rudersdal's analyst sees it
    assert client.get("/").context["page"].figures[0] == ("Forløb i gang", 1)
    client.logout()
    lyngby_analyst = User.objects.create_user(
        "lis", password=PASSWORD, role=Role.ANALYST, municipality=world.lyngby
    )
    login(client, lyngby_analyst)  # Lyngby-Taarbæk's analyst sees none of it
    assert client.get("/").context["page"].figures[0] == ("Forløb i gang", 0)


def test_consultants_lists_show_only_their_own_organisations_courses_with_masked_cpr(
    client: Client, world: World
) -> None:
    world.course(name="Birgit Borger")
    for persona, sees in (("sara", True), ("jonas", True), ("otto", False), ("sune", False)):
        login(client, getattr(world, persona))
        html = client.get("/forloeb/?alle=1").content.decode()
        assert ("Birgit Borger" in html) is sees, persona
        assert "0101901234" not in html and "010190-1234" not in html
        client.logout()


def test_only_administrators_reach_the_admin(client: Client, world: World) -> None:
    login(client, world.jonas)
    assert client.get("/admin/").status_code == 302
    client.logout()
    login(client, world.ada)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/organisations/auditentry/").status_code == 200


def test_password_reset_sends_a_danish_e_mail_with_a_working_link(
    client: Client, world: World, mailoutbox: list[object]
) -> None:
    world.sara.email = "sara@example.invalid"
    world.sara.save()
    response = client.post("/adgangskode/", {"email": "sara@example.invalid"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    body: str = message.body  # type: ignore[attr-defined]
    assert "Nulstil" in message.subject  # type: ignore[attr-defined]
    link = next(line for line in body.splitlines() if "/adgangskode/" in line)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    assert "Vælg en ny adgangskode" in response.content.decode()
    new = "a-brand-new-passw0rd"
    response = client.post(
        response.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    assert client.login(username="sara", password=new)


def test_the_interface_is_danish_even_for_an_english_browser(client: Client, world: World) -> None:
    html = client.get("/login/", HTTP_ACCEPT_LANGUAGE="en-US,en").content.decode()
    assert "Brugernavn" in html and "Adgangskode" in html
    assert "Username" not in html


def test_every_printed_demo_login_lands_on_its_roles_start_page(client: Client) -> None:
    from effekt.demo.generate import DEMO_PASSWORD, demo_logins, run_demo

    run_demo(seed=1, scale=0.05, echo=lambda _: None)
    logins = demo_logins()
    assert len(logins) == 9
    headings = {
        "Leverandørkonsulent": "<h1>Mine forløb",
        "Jobkonsulent": "<h1>Mine forløb",
        "Analytiker": "<h1>Overblik for",
        "Evaluator": "<h1>Evaluering for",
        "Administrator": "<h1>Administration",
    }
    for login in logins:
        response = client.post("/login/", {"username": login.username, "password": DEMO_PASSWORD})
        assert response.status_code == 302, login.username
        page = client.get(response["Location"], follow=True)
        assert headings[login.role] in page.content.decode(), login.username
        client.logout()
