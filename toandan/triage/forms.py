"""Forms of the triage staff pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from toandan.reports.models import ReportCategory
from toandan.triage.models import Priority


class DecisionForm(forms.Form):
    """The officer's category and priority for a report."""

    category = forms.ModelChoiceField(
        label=_("Loại tố giác"), queryset=ReportCategory.objects.filter(is_active=True), empty_label=None
    )
    priority = forms.ChoiceField(label=_("Mức ưu tiên"), choices=Priority.choices)
    note = forms.CharField(label=_("Ghi chú (không bắt buộc)"), max_length=300, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, prefix="triage", **kwargs)  # type: ignore[arg-type]


class DraftDecisionForm(forms.Form):
    """An editor's note on approving or rejecting a draft warning."""

    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)
