"""Citizen pages: make a report, get a code and key, follow the case and add information."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from toandan.core import antiabuse, codes, video
from toandan.core.ratelimit import hit
from toandan.core.upload_limits import clean_files
from toandan.core.uploads import MAX_BYTES, MAX_FILES, EvidenceError
from toandan.orgs import places
from toandan.orgs.models import Unit, UnitKind
from toandan.reports import receipt
from toandan.reports.consent import consent_text
from toandan.reports.deadlines import compute
from toandan.reports.forms import AddInfoForm, FollowForm, ReportForm
from toandan.reports.intake import IntakeRefused, intake
from toandan.reports.models import Channel, Report
from toandan.reports.services import ReportInput, add_information


def _form_context(form: ReportForm) -> dict[str, Any]:
    return {
        "form": form,
        "communes": Unit.objects.filter(kind=UnitKind.COMMUNE, is_active=True)
        .order_by("name")
        .values_list("name", flat=True),
        "consent_text": consent_text(),
        "challenge": antiabuse.new_challenge(),
        "pow_difficulty": antiabuse.difficulty(),
        "limits": evidence_limits(),
    }


def evidence_limits() -> dict[str, int]:
    """What the browser checks before uploading (the server checks the same again)."""
    videos = video.max_files() if video.available() else 0
    return {
        "max_files": MAX_FILES,
        "max_bytes": MAX_BYTES,
        "video_max_files": videos,
        "video_max_bytes": video.max_bytes() if videos else 0,
        "video_max_mb": video.max_bytes() >> 20,
    }


def _report_input(data: dict[str, Any]) -> ReportInput:
    anonymous = data["anonymous"]
    return ReportInput(
        category=data["category"],
        description=data["description"],
        identifiers=data["identifiers"],
        happened_on=data["happened_on"],
        commune=data["commune"],
        outside_province=data["outside_province"],
        money_lost=data["money_lost"],
        payment_method=data["payment_method"] or "",
        anonymous=anonymous,
        name="" if anonymous else data["name"],
        phone="" if anonymous else data["phone"],
        email="" if anonymous else data["email"],
        id_number="" if anonymous else data["id_number"],
        receipt_email=data["receipt_email"] if anonymous else "",
        consent=data["consent"],
    )


def _sent_by_script(request: HttpRequest) -> bool:
    # The form's script sends it with an upload progress bar and asks for the next address as JSON.
    return request.headers.get("X-Toandan-Upload") == "1"


def new_report(request: HttpRequest) -> HttpResponse:
    # "Tố giác số này" on the check's answer opens the form with that indicator filled in (?q=).
    initial = {"identifiers": request.GET.get("q", "")[:300].strip()} if "q" in request.GET else None
    form = ReportForm(request.POST or None, request.FILES or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            report_input = _report_input(data)
            try:
                submitted = intake(
                    request,
                    report_input,
                    data["evidence"],
                    pow_challenge=data["pow_challenge"],
                    pow_nonce=data["pow_nonce"],
                    channel=Channel.WEB,
                )
            except IntakeRefused as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
                status = exc.status
            else:
                emailed = bool(report_input.email or report_input.receipt_email)
                kept = receipt.Receipt(submitted.report.code, submitted.key, emailed)
                if _sent_by_script(request):
                    return receipt.keep(JsonResponse({"next": reverse("reports:done")}), kept)
                return receipt.keep(redirect("reports:done"), kept)
    context = _form_context(form)
    # Browsers never keep chosen files across a page with errors: say so plainly (the form's script keeps
    # them when it sent the form itself and the files were not the problem).
    context["files_to_choose_again"] = len(request.FILES.getlist("evidence"))
    return render(request, "reports/new.html", context, status=status)


@never_cache
def place(request: HttpRequest) -> HttpResponse:
    """What a typed place means (orgs.places), for the report form's live hint: today's commune or why not."""
    text = request.GET.get("q", "")[:200]
    answer = places.resolve(text) if text.strip() else places.Answer()
    return JsonResponse(
        {
            "commune": answer.commune.name if answer.commune else None,
            "message": places.explain(answer, text) if text.strip() else "",
            "options": [unit.name for unit in answer.options] or answer.suggestions,
        }
    )


@never_cache
def done(request: HttpRequest) -> HttpResponse:
    """The receipt, again on every reload for RECEIPT_SECONDS in the browser that sent the report."""
    kept = receipt.read(request)
    if kept is None:
        return redirect("reports:follow")
    context = {
        "receipt": kept,
        "minutes": receipt.RECEIPT_SECONDS // 60,
        "follow_form": FollowForm(initial={"code": kept.code, "key": kept.key}),
    }
    return render(request, "reports/done.html", context)


@never_cache
def done_image(request: HttpRequest) -> HttpResponse:
    """The receipt as a PNG to save in the phone's photos."""
    from toandan.reports.receipt_image import render_png  # Pillow's drawing modules only when asked

    kept = receipt.read(request)
    if kept is None:
        return redirect("reports:follow")
    png = render_png(kept, request.build_absolute_uri(reverse("reports:follow")))
    response = HttpResponse(png, content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="to-giac-{kept.code}.png"'
    return response


@require_POST
def done_forget(request: HttpRequest) -> HttpResponse:
    """On a shared phone: remove the receipt from this browser now."""
    return receipt.forget(redirect("reports:follow"))


def _authorised_report(form: FollowForm) -> Report | None:
    report = Report.objects.select_related("category", "unit").filter(code=form.cleaned_data["code"]).first()
    if report is None or not codes.key_matches(form.cleaned_data["key"], report.key_hash):
        # Same answer for a wrong code and a wrong key: codes cannot be probed.
        form.add_error(None, _("Mã tra cứu hoặc mã bí mật không đúng."))
        return None
    return report


@never_cache
def follow(request: HttpRequest) -> HttpResponse:
    kept = receipt.read(request)
    # The code of the report this browser just sent is filled in; the key stays for the person to type.
    form = FollowForm(request.POST or None, initial={"code": kept.code} if kept else None)
    if request.method == "POST" and form.is_valid():
        report = _authorised_report(form)
        if report is not None:
            return _status_page(request, report, form.cleaned_data["key"], AddInfoForm())
    return render(
        request,
        "reports/follow.html",
        {"form": form},
        status=200 if form.is_bound is False or not form.errors else 400,
    )


@never_cache
def add_info(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return redirect("reports:follow")
    form = AddInfoForm(request.POST, request.FILES)
    if not form.is_valid():
        report = None
        if "code" in form.cleaned_data and "key" in form.cleaned_data:
            report = _authorised_report(form)
        if report is None:
            return render(request, "reports/follow.html", {"form": FollowForm(request.POST)}, status=400)
        return _status_page(request, report, form.cleaned_data["key"], form, status=400)
    report = _authorised_report(form)
    if report is None:
        return render(request, "reports/follow.html", {"form": FollowForm(request.POST)}, status=400)
    # Its own limits: per address, per case, and a total of files per case.
    if hit(request, "add-info-ip", settings.ADD_INFO_RATE_PER_IP) or hit(
        request, "add-info-report", settings.ADD_INFO_RATE_PER_REPORT, key=f"report:{report.code}"
    ):
        form.add_error(None, _("Bạn đã bổ sung nhiều lần trong thời gian ngắn. Vui lòng thử lại sau."))
        return _status_page(request, report, form.cleaned_data["key"], form, status=429)
    room = max(0, settings.MAX_FILES_PER_REPORT - report.evidence.count())
    uploads = form.cleaned_data["evidence"]
    try:
        if uploads and not room:
            raise EvidenceError(
                _("Tố giác này đã có đủ %(count)s tệp bằng chứng.") % {"count": settings.MAX_FILES_PER_REPORT}
            )
        files = clean_files(uploads, max_files=min(room, MAX_FILES))
    except EvidenceError as exc:
        form.add_error("evidence", str(exc))
        return _status_page(request, report, form.cleaned_data["key"], form, status=400)
    # No request: a citizen's addition is audited as what was added, never the sender's address or account
    # (docs/security.md, "Anonymous means anonymous").
    add_information(report, text=form.cleaned_data["text"], files=files)
    return _status_page(
        request, report, form.cleaned_data["key"], AddInfoForm(), notice=_("Đã gửi thông tin bổ sung.")
    )


def _status_page(
    request: HttpRequest, report: Report, key: str, add_form: AddInfoForm, status: int = 200, notice: str = ""
) -> HttpResponse:
    events = list(report.events.all())
    public_events = [e for e in events if e.public]
    add_form.initial = {"code": report.code, "key": key}
    context = {
        "report": report,
        "category_name": report.category.display_name(get_language()),
        "events": public_events,
        "deadlines": compute(report, events),
        "add_form": add_form,
        "notice": notice,
    }
    return render(request, "reports/status.html", context, status=status)


def not_found(request: HttpRequest) -> HttpResponse:
    raise Http404
