from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from effekt.organisations.models import Role, User
from effekt.web.forms import LoginForm
from effekt.web.start import start_page


class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The role's start page; consultants start on the progression dashboard."""
    assert isinstance(request.user, User)
    if request.user.role in {Role.SUPPLIER_CONSULTANT, Role.JOBCENTRE_CONSULTANT}:
        return redirect("progression:dashboard")
    page = start_page(request.user)
    return render(request, page.template, {"page": page})


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
