"""Staff pages under /can-bo/du-lieu-ca-nhan/: the retention schedule and its runs, data subjects' requests,
the breach register and the processing dossier. Administrators and standing officers; only administrators
change the schedule or run it."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from toandan.accounts.permissions import staff_required
from toandan.privacy import breaches, dossier, registry, retention, subject_requests
from toandan.privacy.deadlines import BREACH_BASIS, REQUEST_BASIS
from toandan.privacy.forms import (
    BreachForm,
    CloseForm,
    NoteForm,
    NotifyForm,
    PeriodForm,
    PurposeForm,
    RequestForm,
)
from toandan.privacy.models import Breach, RetentionRuleChange, RetentionRun, RunTrigger, SubjectRequest
from toandan.privacy.permissions import can_handle, can_manage_schedule

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def privacy_staff(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    @staff_required
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_handle(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _errors(request: HttpRequest, exc: ValidationError) -> None:
    messages.error(request, " ".join(exc.messages))


@privacy_staff
def schedule(request: HttpRequest) -> HttpResponse:
    context = {
        "lines": retention.schedule(),
        "runs": RetentionRun.objects.select_related("actor")[:10],
        "changes": RetentionRuleChange.objects.select_related("actor")[:10],
        "can_manage": can_manage_schedule(request.user),
        "form": PeriodForm(),
        "tab": "schedule",
    }
    return render(request, "privacy/schedule.html", context)


@require_POST
@privacy_staff
def set_period(request: HttpRequest, key: str) -> HttpResponse:
    if not can_manage_schedule(request.user):
        raise PermissionDenied
    try:
        registry.kind(key)
    except KeyError as exc:
        raise PermissionDenied from exc
    form = PeriodForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect("privacy:schedule")
    try:
        retention.set_period(
            key,
            form.cleaned_data["days"],
            actor=request.user,
            reason=form.cleaned_data["reason"],
            request=request,
        )
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("Đã cập nhật thời hạn lưu giữ."))
    return redirect("privacy:schedule")


@require_POST
@privacy_staff
def run_now(request: HttpRequest) -> HttpResponse:
    if not can_manage_schedule(request.user):
        raise PermissionDenied
    done = retention.run(trigger=RunTrigger.MANUAL, actor=request.user)
    messages.success(
        request, _("Đã chạy lịch lưu giữ: %(total)s bản ghi được ẩn danh hoặc xóa.") % {"total": done.total}
    )
    return redirect("privacy:schedule")


@privacy_staff
def request_list(request: HttpRequest) -> HttpResponse:
    form = RequestForm(request.POST or None)
    status_code = 200
    if request.method == "POST":
        status_code = 400
        if form.is_valid():
            data = subject_requests.NewRequest(**form.cleaned_data)
            try:
                item = subject_requests.open_request(data, actor=request.user, request=request)
            except ValidationError as exc:
                _errors(request, exc)
            else:
                messages.success(request, _("Đã ghi nhận yêu cầu %(code)s.") % {"code": item.code})
                return redirect("privacy:request", code=item.code)
    now = timezone.now()
    items = [
        (item, subject_requests.due_at(item), subject_requests.overdue(item, now))
        for item in SubjectRequest.objects.all()[:200]
    ]
    context = {"items": items, "form": form, "basis": REQUEST_BASIS, "tab": "requests"}
    return render(request, "privacy/requests.html", context, status=status_code)


def _request_page(request: HttpRequest, item: SubjectRequest, **extra: Any) -> HttpResponse:
    context = {
        "item": item,
        "due": subject_requests.due_at(item),
        "overdue": subject_requests.overdue(item),
        "is_open": item.status in subject_requests.OPEN,
        "erasing": item.kind in subject_requests.ERASING,
        "records_label": registry.subject_record(item.record_type).label,
        "events": item.events.select_related("actor"),
        "note_form": NoteForm(),
        "purpose_form": PurposeForm(),
        "basis": REQUEST_BASIS.get(item.kind),
        "tab": "requests",
        **extra,
    }
    return render(request, "privacy/request.html", context, status=400 if extra.get("failed") else 200)


@never_cache
@privacy_staff
def request_detail(request: HttpRequest, code: str) -> HttpResponse:
    return _request_page(request, get_object_or_404(SubjectRequest, code=code))


ACTIONS = {"start", "answer", "refuse", "erase", "records", "subject"}


@never_cache
@require_POST
@privacy_staff
def request_action(request: HttpRequest, code: str, action: str) -> HttpResponse:
    item = get_object_or_404(SubjectRequest, code=code)
    if action not in ACTIONS:
        raise PermissionDenied
    note = request.POST.get("note", "")[:4000]
    try:
        if action == "records":
            rows = subject_requests.show_records(
                item, actor=request.user, purpose=request.POST.get("purpose", "")[:200], request=request
            )
            return _request_page(request, item, records=rows)
        if action == "subject":
            return _request_page(
                request, item, subject=subject_requests.subject_of(item, actor=request.user, request=request)
            )
        if action == "start":
            subject_requests.start(item, actor=request.user, note=note, request=request)
        elif action == "answer":
            subject_requests.answer(item, actor=request.user, note=note, request=request)
        elif action == "refuse":
            subject_requests.refuse(item, actor=request.user, reason=note, request=request)
        else:
            subject_requests.carry_out_erasure(item, actor=request.user, note=note, request=request)
    except ValidationError as exc:
        _errors(request, exc)
        item.refresh_from_db()
        return _request_page(request, item, failed=True)
    messages.success(request, _("Đã cập nhật yêu cầu."))
    return redirect("privacy:request", code=item.code)


@privacy_staff
def breach_list(request: HttpRequest) -> HttpResponse:
    form = BreachForm(request.POST or None)
    status_code = 200
    if request.method == "POST":
        status_code = 400
        if form.is_valid():
            try:
                breach = breaches.record_breach(form.save(commit=False), actor=request.user, request=request)
            except ValidationError as exc:
                _errors(request, exc)
            else:
                messages.success(request, _("Đã ghi nhận sự cố."))
                return redirect("privacy:breach", pk=breach.pk)
    now = timezone.now()
    rows = [_breach_row(b, now) for b in Breach.objects.all()[:200]]
    context = {"rows": rows, "form": form, "basis": BREACH_BASIS, "tab": "breaches"}
    return render(request, "privacy/breaches.html", context, status=status_code)


def _breach_row(breach: Breach, now: Any) -> dict[str, Any]:
    left = breaches.time_left(breach, now)
    seconds = None if left is None else left.total_seconds()
    return {
        "breach": breach,
        "due": breaches.due_at(breach),
        # whole hours, rounded down either way: "còn 61 giờ" at 61 h 40 min, "quá hạn 8 giờ" at 8 h 5 min
        "hours_left": None if seconds is None or seconds < 0 else int(seconds // 3600),
        "hours_over": None if seconds is None or seconds >= 0 else int(-seconds // 3600),
        "overdue": breaches.overdue(breach, now),
        "late": breaches.notified_late(breach),
    }


@privacy_staff
def breach_detail(request: HttpRequest, pk: int) -> HttpResponse:
    breach = get_object_or_404(Breach, pk=pk)
    notify, close = NotifyForm(), CloseForm()
    status_code = 200
    if request.method == "POST":
        status_code = 400
        try:
            if request.POST.get("action") == "notify":
                notify = NotifyForm(request.POST)
                if notify.is_valid():
                    breaches.mark_notified(
                        breach,
                        actor=request.user,
                        at=notify.cleaned_data["notified_at"],
                        reference=notify.cleaned_data["reference"],
                        note=notify.cleaned_data["note"],
                        request=request,
                    )
                    messages.success(request, _("Đã ghi nhận việc thông báo."))
                    return redirect("privacy:breach", pk=breach.pk)
            elif request.POST.get("action") == "close":
                close = CloseForm(request.POST)
                if close.is_valid():
                    breaches.close(
                        breach, actor=request.user, measures=close.cleaned_data["measures"], request=request
                    )
                    messages.success(request, _("Đã đóng sự cố."))
                    return redirect("privacy:breach", pk=breach.pk)
        except ValidationError as exc:
            _errors(request, exc)
    clock = _breach_row(breach, timezone.now())
    context = {
        **clock,
        "clock": clock,
        "events": breach.events.select_related("actor"),
        "notify_form": notify,
        "close_form": close,
        "basis": BREACH_BASIS,
        "tab": "breaches",
    }
    return render(request, "privacy/breach.html", context, status=status_code)


@privacy_staff
def dossier_docx(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(dossier.build(), content_type=DOCX)
    name = f"ho-so-danh-gia-tac-dong-{timezone.localdate():%Y%m%d}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
