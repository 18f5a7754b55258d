"""The actions of the officer's case page as a table: each names its form, where the form sits in the page
context, the workflow service it calls and the sentence that confirms what was done. The view binds the
form, validates it, runs the service, then returns to the action's place in the page (its anchor) with the
sentence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext as _

from toandan.accounts.models import User
from toandan.core.templatetags.vi_format import money
from toandan.reports import repeats, workflow
from toandan.reports.models import DeadlineStep, EventKind, Report, Status, Track
from toandan.reports.staff_forms import (
    AssignForm,
    ExtensionForm,
    MoneyRecoveredForm,
    StatusForm,
    StepForm,
    TextForm,
    TrackForm,
    TransferForm,
)


def officers_for(report: Report) -> Any:
    """The people who may be assigned a report: active members of its unit and the units below it."""
    return User.objects.filter(
        memberships__unit__path__startswith=report.unit.path, is_active=True
    ).distinct()


@dataclass(frozen=True)
class CaseAction:
    """One action of the case page: ``form(data, report, user)`` binds its form, ``run`` calls the service,
    ``done(report, data)`` says what was done; ``anchor`` is the id of the action's place in the page."""

    form: Callable[[Any, Report, Any], forms.Form]
    run: Callable[[Report, dict[str, Any], HttpRequest], Any]
    context_key: str
    done: Callable[[Report, dict[str, Any]], str]
    anchor: str


def _transition(report: Report, d: dict[str, Any], request: HttpRequest) -> Any:
    return workflow.transition(
        report,
        d["status"],
        actor=request.user,
        note=d["note"],
        outcome=d["outcome"],
        duplicate_of=d["duplicate_of"],
        request=request,
    )


def _status_done(report: Report, d: dict[str, Any]) -> str:
    label = Status(d["status"]).label
    if d["note"].strip():
        return _("Đã cập nhật trạng thái: %(status)s, và gửi nội dung cho người tố giác.") % {"status": label}
    return _("Đã cập nhật trạng thái: %(status)s.") % {"status": label}


def _assign_done(report: Report, d: dict[str, Any]) -> str:
    if d["officer"] is None:
        return _("Đã bỏ phân công: tố giác chưa giao cho cán bộ nào.")
    return _("Đã phân công cho %(officer)s.") % {"officer": d["officer"]}


def _step_done(kind: str) -> Callable[[Report, dict[str, Any]], str]:
    def done(report: Report, d: dict[str, Any]) -> str:
        if kind == EventKind.PROCURACY_NOTIFIED:
            return _("Đã ghi nhận: đã thông báo Viện kiểm sát.")
        return _("Đã ghi nhận thụ lý tố cáo.")

    return done


def _step(kind: str) -> CaseAction:
    return CaseAction(
        form=lambda data, report, user: StepForm(data, prefix=kind),
        run=lambda report, d, request: workflow.record_step(
            report, kind, actor=request.user, note=d["text"], request=request
        ),
        context_key=f"{kind}_form",
        done=_step_done(kind),
        anchor=f"xu-ly-{kind.replace('_', '-')}",
    )


ACTIONS: dict[str, CaseAction] = {
    "status": CaseAction(
        lambda data, report, user: StatusForm(data, user=user),
        _transition,
        "status_form",
        _status_done,
        "xu-ly-trang-thai",
    ),
    "transfer": CaseAction(
        lambda data, report, user: TransferForm(data, report=report),
        lambda report, d, request: workflow.transfer(
            report, d["unit"], actor=request.user, reason=d["reason"], request=request
        ),
        "transfer_form",
        lambda report, d: _("Đã chuyển tố giác đến %(unit)s.") % {"unit": d["unit"].name},
        "xu-ly-chuyen",
    ),
    "assign": CaseAction(
        lambda data, report, user: AssignForm(data, officers=officers_for(report)),
        lambda report, d, request: workflow.assign(report, d["officer"], actor=request.user, request=request),
        "assign_form",
        _assign_done,
        "xu-ly-phan-cong",
    ),
    "track": CaseAction(
        lambda data, report, user: TrackForm(data),
        lambda report, d, request: workflow.set_track(
            report, d["track"], actor=request.user, multi_place=d["multi_place"], request=request
        ),
        "track_form",
        lambda report, d: _("Đã lưu trình tự xử lý: %(track)s.") % {"track": Track(d["track"]).label},
        "xu-ly-trinh-tu",
    ),
    EventKind.PROCURACY_NOTIFIED: _step(EventKind.PROCURACY_NOTIFIED),
    EventKind.ACCEPTED: _step(EventKind.ACCEPTED),
    "extend": CaseAction(
        lambda data, report, user: ExtensionForm(data),
        lambda report, d, request: workflow.extend(
            report, d["step"], actor=request.user, reason=d["reason"], request=request
        ),
        "extension_form",
        lambda report, d: _("Đã ghi quyết định gia hạn: %(step)s.") % {"step": DeadlineStep(d["step"]).label},
        "xu-ly-gia-han",
    ),
    "recovered": CaseAction(
        lambda data, report, user: MoneyRecoveredForm(data, prefix="recovered"),
        lambda report, d, request: workflow.record_money_recovered(
            report, d["amount"], actor=request.user, note=d["note"], request=request
        ),
        "recovered_form",
        lambda report, d: _("Đã ghi số tiền thu hồi: %(amount)s.") % {"amount": money(d["amount"])},
        "xu-ly-thu-hoi",
    ),
    "message": CaseAction(
        lambda data, report, user: TextForm(data, prefix="message"),
        lambda report, d, request: workflow.send_message(
            report, d["text"], actor=request.user, request=request
        ),
        "message_form",
        lambda report, d: _("Đã gửi tin nhắn cho người tố giác."),
        "xu-ly-tin-nhan",
    ),
    # A likely repeat found at intake is another incident after all (reports.repeats).
    "not_repeat": CaseAction(
        lambda data, report, user: forms.Form(data),
        lambda report, d, request: repeats.separate(report, actor=request.user, request=request),
        "not_repeat_form",
        lambda report, d: _("Đã tách: tố giác này được tính là một vụ việc riêng."),
        "noi-dung",
    ),
    "note": CaseAction(
        lambda data, report, user: TextForm(data, prefix="note"),
        lambda report, d, request: workflow.add_note(report, d["text"], actor=request.user, request=request),
        "note_form",
        lambda report, d: _("Đã lưu ghi chú nội bộ."),
        "xu-ly-ghi-chu",
    ),
}
