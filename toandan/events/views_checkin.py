"""Check-in at the door: the organiser's phone scans participants' QR codes (camera or photo, decoded in the
browser), or finds them by name; walk-ins are added on the spot; the attendance list comes out as XLSX.

The scan endpoint is idempotent and takes the time of the scan, so the page can queue scans in localStorage
while the network is down and send them again later without losing or doubling one."""

from __future__ import annotations

import json
from datetime import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toandan.accounts.permissions import staff_required
from toandan.events import registration, spreadsheets
from toandan.events.forms import WalkInForm
from toandan.events.models import Participant, ParticipantStatus
from toandan.events.registration import Person
from toandan.events.views_staff import XLSX, get_event

SEARCH_LIMIT = 30


@staff_required
def checkin_page(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event(request, pk, organise=True)
    query = request.GET.get("q", "").strip()[:60]
    found = []
    if query:
        found = list(
            event.participants.exclude(status=ParticipantStatus.CANCELLED)
            .filter(Q(name__icontains=query))
            .select_related("unit")
            .order_by("name", "id")[:SEARCH_LIMIT]
        )
    context = {
        "event": event,
        "query": query,
        "found": found,
        "walk_in_form": WalkInForm(initial={"audience": event.audience}),
        "attended": event.participants.filter(status=ParticipantStatus.ATTENDED).count(),
        "seated": event.participants.seated().count(),
    }
    return render(request, "events/checkin.html", context)


@staff_required
@require_POST
def checkin_person(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    """Check in someone found by name (a plain form: works without JavaScript)."""
    event = get_event(request, pk, organise=True)
    try:
        result = registration.check_in(event, pk=participant_pk, actor=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        name = result.participant.name
        if result.already:
            messages.info(request, _("%(name)s đã điểm danh trước đó.") % {"name": name})
        else:
            messages.success(request, _("Đã điểm danh %(name)s.") % {"name": name})
    return redirect("events:checkin", pk=event.pk)


def _code_from(value: str) -> str:
    """The check-in code from a scanned QR: the whole check-in address or the code alone."""
    value = value.strip()
    marker = "/diem-danh/ma/"
    if marker in value:
        value = value.split(marker, 1)[1]
    return value.strip("/").split("?")[0][:40]


@staff_required
@require_POST
def checkin_scan(request: HttpRequest, pk: int) -> JsonResponse:
    """JSON: {"code": scanned text, "at": ISO time of the scan} → {"ok", "name", "already"} or {"detail"}."""
    event = get_event(request, pk, organise=True)
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        return JsonResponse({"ok": False, "detail": _("Dữ liệu gửi lên không hợp lệ.")}, status=400)
    code = _code_from(str(data.get("code", "")))
    at = parse_datetime(str(data.get("at", ""))) if data.get("at") else None
    if not code:
        return JsonResponse({"ok": False, "detail": _("Không có mã.")}, status=400)
    try:
        result = registration.check_in(
            event, code=code, actor=request.user, at=at if isinstance(at, datetime) and at.tzinfo else None
        )
    except ValidationError as exc:
        # A definite answer: the page drops this scan from its queue and shows the reason.
        return JsonResponse({"ok": False, "detail": exc.messages[0]}, status=422)
    return JsonResponse({"ok": True, "name": result.participant.name, "already": result.already})


@staff_required
def checkin_code(request: HttpRequest, code: str) -> HttpResponse:
    """The address inside each QR code: a phone's own camera app opens it; the organiser confirms."""
    participant = get_object_or_404(Participant.objects.select_related("event"), checkin_code=code[:40])
    event = get_event(request, participant.event_id, organise=True)
    if request.method == "POST":
        try:
            result = registration.check_in(event, code=participant.checkin_code, actor=request.user)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            if result.already:
                messages.info(request, _("%(name)s đã điểm danh trước đó.") % {"name": participant.name})
            else:
                messages.success(request, _("Đã điểm danh %(name)s.") % {"name": participant.name})
        return redirect("events:checkin", pk=event.pk)
    return render(request, "events/checkin_confirm.html", {"event": event, "participant": participant})


@staff_required
@require_POST
def walk_in(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event(request, pk, organise=True)
    form = WalkInForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        person = Person(
            d["name"], d["phone"], d["email"], None, d["unit"].pk if d["unit"] else None, d["audience"]
        )
        try:
            p = registration.walk_in(event, person, actor=request.user, request=request)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã ghi nhận %(name)s đến trực tiếp.") % {"name": p.name})
    else:
        messages.error(request, " ".join(m for errs in form.errors.values() for m in errs))
    return redirect("events:checkin", pk=event.pk)


@staff_required
def attendance_export(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event(request, pk, organise=True)
    response = HttpResponse(spreadsheets.attendance_xlsx(event), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="diem-danh-su-kien-{event.pk}.xlsx"'
    return response
