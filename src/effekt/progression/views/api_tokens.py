"""A user's own API tokens: make one (shown once), see them, revoke."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from effekt.progression.models import ApiToken
from effekt.progression.services.api_tokens import api_token_create, api_token_revoke
from effekt.progression.views.access import request_user


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Navn (fx sagssystemet)",
        max_length=100,
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )


@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = TokenForm(request.POST or None)
    token = None
    if request.method == "POST" and form.is_valid():
        _, token = api_token_create(user=user, name=form.cleaned_data["name"])
        form = TokenForm()
    context = {"form": form, "token": token, "tokens": ApiToken.objects.filter(user=user)}
    return render(request, "progression/api_tokens.html", context)


@login_required
def api_token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method == "POST":
        api_token = get_object_or_404(ApiToken, pk=pk, user=request_user(request))
        api_token_revoke(api_token=api_token)
        messages.success(request, f"API-nøglen «{api_token.name}» er tilbagekaldt.")
    return redirect("progression:api_tokens")
