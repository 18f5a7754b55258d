"""Staff pages under /can-bo/tuyen-truyen/trac-nghiem/: the unit's question banks, writing questions, and
publishing a bank (reviewers)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toandan.accounts.permissions import staff_required
from toandan.awareness import permissions, quiz_authoring
from toandan.awareness.forms_quiz import BankForm, QuestionForm
from toandan.awareness.models import Question, QuizBank


def _bank(request: HttpRequest, pk: int) -> QuizBank:
    bank = get_object_or_404(QuizBank.objects.select_related("unit"), pk=pk)
    if not permissions.writable_units(request.user).filter(pk=bank.unit_id).exists():
        raise Http404  # another unit's bank: not found, as elsewhere
    return bank


@staff_required
def bank_list(request: HttpRequest) -> HttpResponse:
    banks = (
        QuizBank.objects.filter(unit__in=permissions.writable_units(request.user))
        .select_related("unit")
        .order_by("-created_at")
    )
    return render(request, "awareness/staff_quiz_list.html", {"banks": banks})


@staff_required
def bank_new(request: HttpRequest) -> HttpResponse:
    form = BankForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            bank = quiz_authoring.save_bank(form.save(commit=False), actor=request.user, request=request)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã tạo bộ câu hỏi; hãy thêm câu hỏi."))
            return redirect("awareness:staff_quiz", pk=bank.pk)
    return render(
        request, "awareness/staff_quiz_form.html", {"form": form}, status=400 if form.errors else 200
    )


@staff_required
def bank_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bank = _bank(request, pk)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        choices = quiz_authoring.parse_choices(form.cleaned_data["answers"])
        try:
            quiz_authoring.add_question(
                bank, form.save(commit=False), choices, actor=request.user, request=request
            )
        except ValidationError as exc:
            form.add_error("answers" if "đáp án" in " ".join(exc.messages) else None, exc)
        else:
            messages.success(request, _("Đã thêm câu hỏi."))
            return redirect(f"{request.path}#cau-hoi")
    context = {
        "bank": bank,
        "questions": bank.questions.prefetch_related("choices"),
        "form": form,
        "can_review": permissions.can_review(request.user, bank),
    }
    return render(request, "awareness/staff_quiz.html", context, status=400 if form.errors else 200)


@staff_required
@require_POST
def question_delete(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    bank = _bank(request, pk)
    question = get_object_or_404(Question, pk=question_pk, bank=bank)
    try:
        quiz_authoring.remove_question(question, actor=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã xóa câu hỏi."))
    return redirect(reverse("awareness:staff_quiz", args=[bank.pk]) + "#cau-hoi")


@staff_required
@require_POST
def bank_publish(request: HttpRequest, pk: int) -> HttpResponse:
    bank = _bank(request, pk)
    if not permissions.can_review(request.user, bank):
        raise PermissionDenied
    published = request.POST.get("publish") == "1"
    try:
        quiz_authoring.set_published(bank, published, actor=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã công khai bộ câu hỏi.") if published else _("Đã gỡ công khai."))
    return redirect("awareness:staff_quiz", pk=bank.pk)
