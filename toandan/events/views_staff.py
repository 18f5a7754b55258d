"""Organisers' pages under /can-bo/su-kien/: events, their participants, tests and figures."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toandan.accounts.permissions import get_visible_or_404, staff_required
from toandan.core.audit import record
from toandan.core.models import AuditAction
from toandan.events import contacts, figures, files, learning, registration, services, spreadsheets
from toandan.events.forms import BulkForm, CapacityForm, EventForm, QuestionForm, StaffRegisterForm
from toandan.events.models import Event, EventMaterial, EventStatus, Participant, Question, Source
from toandan.events.registration import Person
from toandan.events.views_public import base_url
from toandan.plans.models import Assignment

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def get_event(request: HttpRequest, pk: int, *, organise: bool = False) -> Event:
    """The event if the user's units can see it; with `organise`, only for those who run it."""
    event: Event = get_visible_or_404(
        Event.objects.select_related(
            "organiser", "commune", "task__plan", "figures_update__assignment__unit"
        ),
        request.user,
        pk=pk,
    )  # type: ignore[assignment]
    if organise and not services.can_organise(request.user, event):
        raise PermissionDenied
    return event


@staff_required
def event_list(request: HttpRequest) -> HttpResponse:
    events = (
        Event.objects.visible_to(request.user).select_related("organiser", "commune").order_by("-starts_at")
    )  # type: ignore[arg-type]
    return render(request, "events/staff_list.html", {"events": events[:300]})


def _save_form(request: HttpRequest, form: EventForm) -> Event | None:
    if not form.is_valid():
        return None
    event = form.save(commit=False)
    if not services.can_write_for(request.user, event.organiser):
        form.add_error("organiser", _("Bạn không tổ chức sự kiện cho đơn vị này."))
        return None
    try:
        cleaned = files.clean(form.cleaned_data["materials"])
        return services.save_event(
            event,
            actor=request.user,
            participating_units=list(form.cleaned_data["participating_units"]),
            materials=cleaned,
            request=request,
        )
    except files.UploadError as exc:
        form.add_error("materials", str(exc))
    except ValidationError as exc:
        form.add_error(None, exc)
    return None


@staff_required
def event_create(request: HttpRequest) -> HttpResponse:
    form = EventForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and (event := _save_form(request, form)):
        messages.success(request, _("Đã tạo sự kiện (bản nháp). Mở đăng ký khi sẵn sàng."))
        return redirect("events:staff_event", pk=event.pk)
    return render(request, "events/staff_form.html", {"form": form}, status=400 if form.errors else 200)


@staff_required
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event(request, pk, organise=True)
    form = EventForm(request.POST or None, request.FILES or None, instance=event, user=request.user)
    if request.method == "POST" and _save_form(request, form):
        messages.success(request, _("Đã lưu sự kiện."))
        return redirect("events:staff_event", pk=event.pk)
    return render(
        request, "events/staff_form.html", {"form": form, "event": event}, status=400 if form.errors else 200
    )


@staff_required
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event(request, pk)
    people = event.participants.select_related("unit", "commune").order_by("status", "registered_at", "id")
    context: dict[str, Any] = {
        "event": event,
        "people": people,
        "can_organise": services.can_organise(request.user, event),
        "figures": figures.figures(event),
        # The figures go to the plan task's assignment of the unit that leads it, which the organiser (a
        # commune station) may not see: link to it only for those who can open it.
        "figures_visible": bool(event.figures_update_id)
        and Assignment.objects.visible_to(request.user).filter(updates__pk=event.figures_update_id).exists(),
        "questions": event.questions.all(),
        "materials": event.materials.all(),
        "register_form": StaffRegisterForm(initial={"audience": event.audience}),
        "bulk_form": BulkForm(user=request.user),
        "capacity_form": CapacityForm(initial={"capacity": event.capacity}),
        "question_form": QuestionForm(),
        "statuses": EventStatus,
    }
    return render(request, "events/staff_event.html", context)


def _back(event: Event) -> HttpResponse:
    return redirect("events:staff_event", pk=event.pk)


@staff_required
@require_POST
def event_status(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event(request, pk, organise=True)
    try:
        services.set_status(event, request.POST.get("status", ""), actor=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("Đã đổi tình trạng sự kiện."))
    return _back(event)


@staff_required
@require_POST
def event_capacity(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event(request, pk, organise=True)
    form = CapacityForm(request.POST)
    if form.is_valid():
        promoted = registration.set_capacity(
            event, form.cleaned_data["capacity"], actor=request.user, request=request
        )
        messages.success(
            request, _("Đã đổi số chỗ; %(count)s người từ danh sách chờ được lên.") % {"count": len(promoted)}
        )
    else:
        messages.error(request, " ".join(form.errors.get("capacity", [])))
    return _back(event)


@staff_required
@require_POST
def staff_register(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event(request, pk, organise=True)
    form = StaffRegisterForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        person = Person(
            d["name"], d["phone"], d["email"], None, d["unit"].pk if d["unit"] else None, d["audience"]
        )
        try:
            p = registration.register(
                event,
                person,
                source=Source.STAFF,
                actor=request.user,
                request=request,
                link_base=base_url(request),
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("Đã đăng ký %(name)s (%(status)s).") % {"name": p.name, "status": p.get_status_display()},
            )
    else:
        messages.error(request, " ".join(m for errs in form.errors.values() for m in errs))
    return _back(event)


@staff_required
def bulk_register(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event(request, pk, organise=True)
    form = BulkForm(request.POST or None, request.FILES or None, user=request.user)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            people = spreadsheets.read_people(form.cleaned_data["file"].read(), event)
            made = registration.bulk_register(
                event,
                people,
                unit=form.cleaned_data["unit"],
                actor=request.user,
                request=request,
                link_base=base_url(request),
            )
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("Đã đăng ký %(count)s người từ danh sách.") % {"count": len(made)})
            return _back(event)
    return render(
        request,
        "events/staff_bulk.html",
        {"event": event, "form": form, "errors": errors},
        status=400 if (errors or form.errors) else 200,
    )


@staff_required
def bulk_template(request: HttpRequest, pk: int) -> HttpResponse:
    get_event(request, pk, organise=True)
    response = HttpResponse(spreadsheets.template_xlsx(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-danh-sach.xlsx"'
    return response


@staff_required
def participant_contacts(request: HttpRequest, pk: int) -> HttpResponse:
    """Phones and e-mails, decrypted for the organiser only; every viewing is in the audit log."""
    event = get_event(request, pk, organise=True)
    people = list(event.participants.exclude(status="cancelled").order_by("name", "id"))
    rows = [(p, contacts.unseal(p.phone), contacts.unseal(p.email)) for p in people]
    record(
        AuditAction.PERSONAL_DATA_VIEWED,
        request=request,
        target=event,
        unit=event.organiser,
        summary=f"{event.title[:150]}: {len(rows)}",
    )
    response = render(request, "events/staff_contacts.html", {"event": event, "rows": rows})
    response["Cache-Control"] = "private, no-store"
    return response


@staff_required
@require_POST
def cancel_participant(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    event = get_event(request, pk, organise=True)
    participant = get_object_or_404(Participant, event=event, pk=participant_pk)
    try:
        promoted = registration.cancel(participant, actor=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("Đã hủy đăng ký của %(name)s.") % {"name": participant.name})
        if promoted:
            messages.info(request, _("%(name)s được lên từ danh sách chờ.") % {"name": promoted.name})
    return _back(event)


@staff_required
@require_POST
def add_question(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event(request, pk, organise=True)
    form = QuestionForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        with transaction.atomic():
            Question.objects.create(
                event=event,
                order=event.questions.count() + 1,
                text=d["text"],
                choices=d["options"],
                correct=d["correct"] - 1,
            )
            record(
                AuditAction.STATE_CHANGED,
                request=request,
                target=event,
                unit=event.organiser,
                summary=_("thêm câu hỏi"),
            )
        messages.success(request, _("Đã thêm câu hỏi."))
    else:
        messages.error(request, " ".join(m for errs in form.errors.values() for m in errs))
    return _back(event)


@staff_required
def staff_material(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(EventMaterial, pk=pk)
    get_event(request, item.event_id)
    return files.download(item)


@staff_required
@require_POST
def post_figures(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event(request, pk, organise=True)
    try:
        figures.post_figures(event, actor=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("Đã đưa số liệu vào tiến độ nhiệm vụ của kế hoạch."))
    return _back(event)


@staff_required
def gains(request: HttpRequest) -> HttpResponse:
    events = Event.objects.visible_to(request.user)  # type: ignore[arg-type]
    context = {
        "by_event": [
            learning.gain_of(Participant.objects.filter(event=e), e.title)
            for e in events.order_by("-starts_at")[:100]
        ],
        "by_topic": learning.gains_by("topic", events),
        "by_audience": learning.gains_by("audience", events),
    }
    return render(request, "events/staff_gains.html", context)
