"""An event's figures and their way into the plan: one progress update on the task it carries out, posted
through the plans app's own service (toandan.plans.tracking.post_update), never by writing its tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from toandan.events.learning import Gain, feedback_summary, gain_of
from toandan.events.models import Audience, Event, Participant, ParticipantStatus
from toandan.events.services import assignment_for
from toandan.identifiers.text import strip_diacritics
from toandan.plans.models import Indicator, ProgressState
from toandan.plans.tracking import post_update

# The plans' default indicators an event feeds (matched by name, folded): sessions held and people reached.
SESSIONS_INDICATOR = "so buoi tuyen truyen, hoi nghi, tap huan"
PEOPLE_INDICATOR = "so luot nguoi duoc tuyen truyen"


@dataclass
class Figures:
    registered: int
    attended: int
    walk_ins: int
    waitlisted: int
    by_unit: list[tuple[str, int]] = field(default_factory=list)
    by_audience: list[tuple[str, int]] = field(default_factory=list)
    gain: Gain | None = None
    feedback: dict[str, Any] = field(default_factory=dict)


def figures(event: Event) -> Figures:
    people = Participant.objects.filter(event=event)
    counts = dict(people.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    attended = people.filter(status=ParticipantStatus.ATTENDED)
    by_unit = [
        (name or _("Người dân tự đăng ký"), n)
        for name, n in attended.values_list("unit__name").annotate(n=Count("id")).order_by("-n", "unit__name")
    ]
    labels = dict(Audience.choices)
    by_audience = [
        (str(labels.get(a, a)), n)
        for a, n in attended.values_list("audience").annotate(n=Count("id")).order_by("-n")
    ]
    return Figures(
        registered=people.exclude(status=ParticipantStatus.CANCELLED).exclude(source="walk_in").count(),
        attended=counts.get(ParticipantStatus.ATTENDED, 0),
        walk_ins=people.filter(source="walk_in").count(),
        waitlisted=counts.get(ParticipantStatus.WAITLISTED, 0),
        by_unit=by_unit,
        by_audience=by_audience,
        gain=gain_of(people),
        feedback=feedback_summary(event),
    )


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}%"


def narrative(event: Event, f: Figures) -> str:
    day = date_format(timezone.localtime(event.starts_at), "d/m/Y")
    lines = [
        _("%(kind)s “%(title)s” ngày %(day)s (%(organiser)s).")
        % {
            "kind": event.get_kind_display(),
            "title": event.title,
            "day": day,
            "organiser": event.organiser.name,
        },
        _("Đăng ký: %(registered)s; tham dự: %(attended)s (trong đó %(walk_ins)s người đến trực tiếp).")
        % {"registered": f.registered, "attended": f.attended, "walk_ins": f.walk_ins},
    ]
    if f.by_unit:
        lines.append(_("Theo đơn vị: %(list)s.") % {"list": "; ".join(f"{n}: {c}" for n, c in f.by_unit)})
    if f.by_audience:
        lines.append(
            _("Theo đối tượng: %(list)s.") % {"list": "; ".join(f"{n}: {c}" for n, c in f.by_audience)}
        )
    if f.gain is not None and f.gain.pairs:
        lines.append(
            _("Kiểm tra trước/sau (%(pairs)s người): %(before)s → %(after)s, tăng %(gain)s điểm phần trăm.")
            % {
                "pairs": f.gain.pairs,
                "before": _percent(f.gain.before),
                "after": _percent(f.gain.after),
                "gain": f"{f.gain.gain:+.0f}",
            }
        )
    if f.feedback.get("count"):
        lines.append(
            _("Phiếu góp ý: %(count)s, mức hữu ích trung bình %(rating)s/5.")
            % {"count": f.feedback["count"], "rating": f"{f.feedback['rating']:.1f}"}
        )
    return "\n".join(lines)


def indicator_values(event: Event, f: Figures) -> dict[int, int]:
    values: dict[int, int] = {}
    for indicator in Indicator.objects.filter(plan_id=event.task.plan_id):
        name = " ".join(strip_diacritics(indicator.name).lower().split())
        if name == SESSIONS_INDICATOR:
            values[indicator.pk] = 1
        elif name == PEOPLE_INDICATOR:
            values[indicator.pk] = f.attended
    return values


def post_figures(event: Event, *, actor: Any, request: Any = None) -> Any:
    """Post the event's figures as a progress update on its task (once: a second call is refused)."""
    if event.figures_update_id:
        raise ValidationError(_("Số liệu của sự kiện này đã được đưa vào kế hoạch."))
    if not event.is_over:
        raise ValidationError(_("Chỉ đưa số liệu vào kế hoạch sau khi sự kiện kết thúc."))
    assignment = assignment_for(event.task, event.organiser)
    if assignment is None:
        raise ValidationError(_("Đơn vị tổ chức không được giao nhiệm vụ này trong kế hoạch."))
    f = figures(event)
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if locked.figures_update_id:
            raise ValidationError(_("Số liệu của sự kiện này đã được đưa vào kế hoạch."))
        update = post_update(
            assignment,
            actor=actor,
            state=ProgressState.IN_PROGRESS,
            narrative=narrative(event, f),
            values=indicator_values(event, f),
            request=request,
        )
        locked.figures_update = update
        locked.save(update_fields=["figures_update"])
    event.figures_update = update
    return update
