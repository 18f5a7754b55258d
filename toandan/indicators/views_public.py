"""Citizen pages: check a number, account, link or a whole message; appeal a wrong listing."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from toandan.core.ratelimit import hit, too_many_requests
from toandan.core.upload_limits import clean_files
from toandan.core.uploads import EvidenceError
from toandan.indicators import appeals, hooks
from toandan.indicators.check import CheckError, check_text, sender_type_or_none
from toandan.indicators.forms import AppealForm, CheckForm

APPEAL_DONE_KEY = "toandan_appeal_done"


def _rate(name: str, default: str) -> str:
    return getattr(settings, name, default)


@never_cache
def check(request: HttpRequest) -> HttpResponse:
    """GET ?q= (a shareable single lookup) or POST from the form (messages stay out of logs and history)."""
    data = request.POST if request.method == "POST" else (request.GET if "q" in request.GET else None)
    form = CheckForm(data)
    context: dict[str, object] = {"form": form}
    status = 200
    if form.is_bound:
        text = form.data.get("q", "")
        long_text = len(text) > 60
        if long_text and hit(request, "check-message", _rate("CHECK_MESSAGE_RATE", "30/m")):
            return too_many_requests(request)
        if form.is_valid():
            try:
                context["outcome"] = outcome = check_text(
                    form.cleaned_data["q"], sender_type=sender_type_or_none(form.cleaned_data["sender_type"])
                )
                context["related"] = hooks.related_for(outcome)
            except CheckError as exc:
                form.add_error("q", exc.message)
                status = 400
        else:
            status = 400
    return render(request, "indicators/check.html", context, status=status)


def appeal(request: HttpRequest) -> HttpResponse:
    initial = {"value": request.GET.get("q", "")[:300]}
    form = AppealForm(request.POST or None, request.FILES or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if hit(request, "appeal", _rate("APPEAL_RATE_PER_IP", "5/h")):
            return too_many_requests(request)
        if form.is_valid():
            data = form.cleaned_data
            try:
                files = clean_files(data["evidence"])
                filed = appeals.file_appeal(
                    appeals.AppealInput(
                        value=data["value"],
                        relation=data["relation"],
                        statement=data["statement"],
                        name=data["name"],
                        contact=data["contact"],
                        files=files,
                    ),
                    request=request,
                )
            except EvidenceError as exc:
                form.add_error("evidence", str(exc))
            except ValidationError as exc:
                form.add_error("value", exc.messages[0])
            else:
                request.session[APPEAL_DONE_KEY] = filed.code
                return redirect("indicators:appeal_done")
    return render(request, "indicators/appeal.html", {"form": form}, status=status)


def appeal_done(request: HttpRequest) -> HttpResponse:
    code = request.session.pop(APPEAL_DONE_KEY, None)
    if code is None:
        return redirect("indicators:appeal")
    return render(request, "indicators/appeal_done.html", {"code": code, "title": _("Đã gửi khiếu nại")})
