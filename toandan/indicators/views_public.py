"""Citizen pages: check a number, account, link or a whole message; appeal a wrong listing."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from toandan.core.ratelimit import hit, too_many_requests
from toandan.core.upload_limits import clean_files
from toandan.core.uploads import EvidenceError
from toandan.indicators import appeals, hooks
from toandan.indicators.check import CheckError, MessageResult, Result, check_text, sender_type_or_none
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
                context.update(_sharing(request, outcome))
            except CheckError as exc:
                form.add_error("q", exc.message)
                status = 400
        else:
            status = 400
    return render(request, "indicators/check.html", context, status=status)


def headline(result: Result) -> str:
    """The card's verdict in a few words, for the shared message."""
    risky = (result.risk or {}).get("verdict")
    if result.verdict == "confirmed":
        return _("Đã xác nhận lừa đảo")
    if risky == "scam":
        return _("Rất giống lừa đảo")
    if result.verdict == "reported":
        return _("Đã có tố giác, chưa được xác minh")
    if risky == "suspicious":
        return _("Có dấu hiệu đáng ngờ")
    if result.verdict == "allowlisted":
        return _("Thuộc danh sách chính thức")
    return _("Chưa có tố giác – không có nghĩa là an toàn")


def _sharing(request: HttpRequest, outcome: MessageResult) -> dict[str, str]:
    """The shareable GET address of a single indicator's answer and the text sent with it (never a message:
    what people paste stays out of addresses and logs)."""
    single = outcome.single
    if single is None:
        return {}
    query = urlencode({"q": single.display})
    text = _("%(kind)s %(value)s: %(verdict)s. Kết quả kiểm tra trên Toàn Dân:") % {
        "kind": single.kind_label.capitalize(),
        "value": single.display,
        "verdict": headline(single),
    }
    url = request.build_absolute_uri(f"{reverse('indicators:check')}?{query}") + "#ket-qua"
    return {"share_url": url, "share_text": text}


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
