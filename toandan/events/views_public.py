"""Citizens' pages: the calendar and its iCalendar feed, an event page with registration, the personal
ticket (QR code, tests, survey, certificate), cancellation by link and the certificate check."""

from __future__ import annotations

import io

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from toandan.core.ratelimit import hit, too_many_requests
from toandan.events import certificate_pdf, contacts, files, ical, learning, links, registration
from toandan.events.forms import CalendarFilter, FeedbackForm, RegisterForm
from toandan.events.limits import limited, rate
from toandan.events.models import (
    Certificate,
    Event,
    EventMaterial,
    EventStatus,
    Participant,
    ParticipantStatus,
    Phase,
)
from toandan.events.quiz import questions_for
from toandan.events.registration import Person


def base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _public_events():  # type: ignore[no-untyped-def]
    return Event.objects.filter(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED], is_public=True)


@limited("calendar")
def calendar(request: HttpRequest) -> HttpResponse:
    form = CalendarFilter(request.GET or None)
    events = (
        _public_events()
        .filter(status=EventStatus.PUBLISHED)
        .upcoming()
        .select_related("commune", "organiser")
    )
    if form.is_valid():
        if form.cleaned_data["commune"]:
            events = events.filter(commune=form.cleaned_data["commune"])
        if form.cleaned_data["audience"]:
            events = events.filter(audience=form.cleaned_data["audience"])
    return render(request, "events/calendar.html", {"form": form, "events": events[:200]})


@limited("calendar")
def feed(request: HttpRequest) -> HttpResponse:
    events = _public_events().upcoming().select_related("commune")[:500]
    body = ical.calendar(events, base_url(request), request.get_host())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="su-kien.ics"'
    return response


@limited("calendar")
def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(_public_events().select_related("commune"), pk=pk)
    response = HttpResponse(
        ical.calendar([event], base_url(request), request.get_host()),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="su-kien-{event.pk}.ics"'
    return response


@limited("register", "EVENTS_RATE_REGISTER")
@require_http_methods(["GET", "POST"])
def event_page(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(_public_events().select_related("commune", "organiser", "task__plan"), pk=pk)
    form = RegisterForm(request.POST or None, initial={"audience": event.audience})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["website"]:  # the hidden field only robots fill
            return redirect("events:event", pk=event.pk)
        phone, email = data["phone"], data["email"]
        try:
            key = contacts.contact_hash(contacts.normalise_phone(phone), contacts.normalise_email(email))
        except ValidationError:
            key = ""
        if key and hit(request, "events-register-contact", rate("EVENTS_RATE_REGISTER_CONTACT"), key=key):
            return too_many_requests(request)
        person = Person(
            name=data["name"],
            phone=phone,
            email=email,
            commune_id=data["commune"].pk if data["commune"] else None,
            audience=data["audience"],
        )
        try:
            participant = registration.register(event, person, request=request, link_base=base_url(request))
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            return redirect("events:ticket", token=links.ticket_token(participant.pk))
    seats = registration.seats_taken(event)
    context = {
        "event": event,
        "form": form,
        "seats_left": max(event.capacity - seats, 0),
        "open": event.status == EventStatus.PUBLISHED and not event.is_over,
        "materials": event.materials.all(),
    }
    return render(request, "events/event.html", context, status=400 if form.errors else 200)


@limited("calendar")
def material(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(EventMaterial.objects.filter(event__in=_public_events()), pk=pk)
    return files.download(item)


def _participant(token: str, salt: str = links.TICKET_SALT) -> Participant:
    pk = links.read_token(token, salt)
    if pk is None:
        raise Http404
    return get_object_or_404(Participant.objects.select_related("event__organiser", "event__commune"), pk=pk)


@limited("ticket")
def ticket(request: HttpRequest, token: str) -> HttpResponse:
    participant = _participant(token)
    event = participant.event
    attempts = {a.phase: a for a in participant.attempts.all()}
    has_test = bool(questions_for(event))
    context = {
        "participant": participant,
        "event": event,
        "token": token,
        "has_test": has_test,
        "before": attempts.get(Phase.BEFORE),
        "after": attempts.get(Phase.AFTER),
        "can_feedback": participant.status == ParticipantStatus.ATTENDED,
        "feedback": getattr(participant, "feedback", None),
        "certificate_ok": learning.passed(participant),
        "cancel_url": links.cancel_path(participant.pk),
        "show_qr": participant.status in (ParticipantStatus.REGISTERED, ParticipantStatus.WAITLISTED),
    }
    response = render(request, "events/ticket.html", context)
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@limited("ticket")
def ticket_qr(request: HttpRequest, token: str) -> HttpResponse:
    participant = _participant(token)
    out = io.BytesIO()
    url = base_url(request) + links.checkin_path(participant.checkin_code)
    segno.make(url, error="m").save(out, kind="png", scale=8, border=4)
    response = HttpResponse(out.getvalue(), content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    return response


@limited("ticket")
@require_http_methods(["GET", "POST"])
def take_test(request: HttpRequest, token: str, phase: str) -> HttpResponse:
    participant = _participant(token)
    if phase not in Phase.values:
        raise Http404
    questions = questions_for(participant.event)
    if not questions:
        raise Http404
    errors: list[str] = []
    answers: dict[str, int] = {}
    if request.method == "POST":
        for q in questions:
            raw = request.POST.get(q.key, "")
            if raw.isdigit():
                answers[q.key] = int(raw)
        try:
            attempt = learning.submit_test(participant, phase, answers)
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(
                request,
                _("Bạn trả lời đúng %(score)s/%(total)s câu.")
                % {"score": attempt.score, "total": attempt.total},
            )
            return redirect("events:ticket", token=token)
    context = {
        "participant": participant,
        "event": participant.event,
        "questions": questions,
        "phase": Phase(phase),
        "errors": errors,
        "answers": answers,
        "token": token,
    }
    return render(request, "events/test.html", context, status=400 if errors else 200)


@limited("ticket")
@require_http_methods(["GET", "POST"])
def feedback(request: HttpRequest, token: str) -> HttpResponse:
    participant = _participant(token)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            learning.save_feedback(participant, d["rating"], d["will_share"], d["comment"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Cảm ơn bạn đã góp ý."))
            return redirect("events:ticket", token=token)
    context = {"participant": participant, "event": participant.event, "form": form, "token": token}
    return render(request, "events/feedback.html", context, status=400 if form.errors else 200)


@limited("ticket")
def certificate(request: HttpRequest, token: str) -> HttpResponse:
    participant = _participant(token)
    try:
        cert = learning.issue_certificate(participant)
    except ValidationError as exc:
        return render(
            request,
            "core/error.html",
            {"title": _("Chưa cấp được giấy chứng nhận"), "message": exc.messages[0]},
            status=400,
        )
    verify = base_url(request) + reverse("events:verify", args=[cert.number])
    response = HttpResponse(certificate_pdf.render(cert, verify), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="chung-nhan-{cert.number}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@limited("verify")
def verify(request: HttpRequest, number: str) -> HttpResponse:
    cert = (
        Certificate.objects.select_related("participant__event__organiser")
        .filter(Q(number=number.strip().upper()))
        .first()
    )
    return render(
        request,
        "events/verify.html",
        {"certificate": cert, "number": number[:40]},
        status=200 if cert else 404,
    )


@limited("cancel")
@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    participant = _participant(token, links.CANCEL_SALT)
    done = participant.status == ParticipantStatus.CANCELLED
    error = ""
    if request.method == "POST" and not done:
        try:
            registration.cancel(participant, request=request)
        except ValidationError as exc:
            error = exc.messages[0]
        else:
            done = True
    return render(
        request,
        "events/cancel.html",
        {"participant": participant, "event": participant.event, "done": done, "error": error},
        status=400 if error else 200,
    )
