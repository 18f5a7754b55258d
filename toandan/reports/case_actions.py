"""The actions of the officer's case page as a table: each names its form, where the form sits in the page
context, and the workflow service it calls. The view binds the form, validates it and runs the service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest

from toandan.accounts.models import User
from toandan.reports import workflow
from toandan.reports.models import EventKind, Report
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
    """One action of the case page: ``form(data, report, user)`` binds its form, ``run`` calls the service."""

    form: Callable[[Any, Report, Any], forms.Form]
    run: Callable[[Report, dict[str, Any], HttpRequest], Any]
    context_key: str


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


def _step(kind: str) -> CaseAction:
    return CaseAction(
        form=lambda data, report, user: StepForm(data, prefix=kind),
        run=lambda report, d, request: workflow.record_step(
            report, kind, actor=request.user, note=d["text"], request=request
        ),
        context_key=f"{kind}_form",
    )


ACTIONS: dict[str, CaseAction] = {
    "status": CaseAction(lambda data, report, user: StatusForm(data, user=user), _transition, "status_form"),
    "transfer": CaseAction(
        lambda data, report, user: TransferForm(data),
        lambda report, d, request: workflow.transfer(
            report, d["unit"], actor=request.user, reason=d["reason"], request=request
        ),
        "transfer_form",
    ),
    "assign": CaseAction(
        lambda data, report, user: AssignForm(data, officers=officers_for(report)),
        lambda report, d, request: workflow.assign(report, d["officer"], actor=request.user, request=request),
        "assign_form",
    ),
    "track": CaseAction(
        lambda data, report, user: TrackForm(data),
        lambda report, d, request: workflow.set_track(
            report, d["track"], actor=request.user, multi_place=d["multi_place"], request=request
        ),
        "track_form",
    ),
    EventKind.PROCURACY_NOTIFIED: _step(EventKind.PROCURACY_NOTIFIED),
    EventKind.ACCEPTED: _step(EventKind.ACCEPTED),
    "extend": CaseAction(
        lambda data, report, user: ExtensionForm(data),
        lambda report, d, request: workflow.extend(
            report, d["step"], actor=request.user, reason=d["reason"], request=request
        ),
        "extension_form",
    ),
    "recovered": CaseAction(
        lambda data, report, user: MoneyRecoveredForm(data, prefix="recovered"),
        lambda report, d, request: workflow.record_money_recovered(
            report, d["amount"], actor=request.user, note=d["note"], request=request
        ),
        "recovered_form",
    ),
    "message": CaseAction(
        lambda data, report, user: TextForm(data, prefix="message"),
        lambda report, d, request: workflow.send_message(
            report, d["text"], actor=request.user, request=request
        ),
        "message_form",
    ),
    "note": CaseAction(
        lambda data, report, user: TextForm(data, prefix="note"),
        lambda report, d, request: workflow.add_note(report, d["text"], actor=request.user, request=request),
        "note_form",
    ),
}
