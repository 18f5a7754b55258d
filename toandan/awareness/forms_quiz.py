"""Staff forms for writing quizzes: a bank, and a question with its answers written one per line."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from toandan.awareness.models import Question, QuizBank
from toandan.awareness.permissions import writable_units
from toandan.orgs.models import Unit


class BankForm(forms.ModelForm):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Đơn vị phụ trách"))

    class Meta:
        model = QuizBank
        fields = ["title", "topic", "description", "unit"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = writable_units(user).order_by("path")
        self.fields["unit"].queryset = units
        if not self.initial.get("unit") and units.exists():
            self.initial["unit"] = units.first().pk


class QuestionForm(forms.ModelForm):
    answers = forms.CharField(
        label=_("Các đáp án"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        help_text=_(
            "Mỗi dòng một đáp án; đánh dấu * ở đầu dòng đáp án đúng. Câu đúng/sai: hai dòng “Đúng”, “Sai”."
        ),
    )

    class Meta:
        model = Question
        fields = ["kind", "text", "message", "explanation", "difficulty", "topic"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "message": forms.Textarea(attrs={"rows": 3}),
            "explanation": forms.Textarea(attrs={"rows": 3}),
        }

    field_order = ["kind", "text", "message", "answers", "explanation", "difficulty", "topic"]
