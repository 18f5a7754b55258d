"""Helpers the evaluation views share: the plan with its access check, form errors as messages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from toandan.accounts.permissions import get_visible_or_404
from toandan.plans.models import Plan


def visible_plan(request: HttpRequest, pk: int) -> Plan:
    return get_visible_or_404(Plan.objects.select_related("issuer"), request.user, pk=pk)  # type: ignore[return-value]


def report_error(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)
