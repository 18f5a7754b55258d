"""Writing quizzes without the admin site: editors of a unit create its question banks and questions; a
reviewer of the unit makes a bank public or takes it down. Each change: one transaction, one audit row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from toandan.awareness.models import Choice, Question, QuestionKind, QuizBank
from toandan.core.audit import record, record_change
from toandan.core.models import AuditAction

MAX_CHOICES = 8


@dataclass(frozen=True)
class ChoiceText:
    text: str
    correct: bool


def parse_choices(lines: str) -> list[ChoiceText]:
    """One answer per line; a line starting with `*` is a correct answer ("* Không đọc mã OTP cho ai")."""
    out = []
    for raw in lines.splitlines():
        line = raw.strip()
        if not line:
            continue
        correct = line.startswith("*")
        out.append(ChoiceText(line.lstrip("*").strip(), correct))
    return out


def check_question(kind: str, message: str, choices: list[ChoiceText]) -> None:
    """The rules of each kind of question; ValidationError lists what to fix, in Vietnamese."""
    errors = []
    correct = sum(c.correct for c in choices)
    if any(not c.text for c in choices):
        errors.append(_("Mỗi dòng đáp án phải có nội dung sau dấu *."))
    if any(len(c.text) > 300 for c in choices):
        errors.append(_("Mỗi đáp án dài tối đa 300 ký tự."))
    if kind == QuestionKind.TRUE_FALSE or kind == QuestionKind.SCAM_MESSAGE:
        if len(choices) != 2 or correct != 1:
            errors.append(_("Câu đúng/sai có đúng hai đáp án, trong đó một đáp án đúng (đánh dấu *)."))
    elif not 2 <= len(choices) <= MAX_CHOICES:
        errors.append(_("Cần từ 2 đến %(n)s đáp án, mỗi dòng một đáp án.") % {"n": MAX_CHOICES})
    elif kind == QuestionKind.SINGLE and correct != 1:
        errors.append(_("Câu chọn một đáp án cần đúng một đáp án đúng (đánh dấu * ở đầu dòng)."))
    elif kind == QuestionKind.MULTIPLE and correct < 1:
        errors.append(_("Đánh dấu * ở đầu ít nhất một đáp án đúng."))
    if kind == QuestionKind.SCAM_MESSAGE and not message.strip():
        errors.append(_("Câu “có phải lừa đảo?” cần nội dung tin nhắn mẫu."))
    if errors:
        raise ValidationError(errors)


def unique_slug(title: str) -> str:
    base = slugify(title.replace("đ", "d").replace("Đ", "D"))[:70] or "bo-cau-hoi"
    slug, n = base, 1
    while QuizBank.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def save_bank(bank: QuizBank, *, actor: Any, request: Any = None) -> QuizBank:
    created = bank.pk is None
    if created:
        bank.slug = unique_slug(bank.title)
        bank.is_published = False
    bank.full_clean()
    bank.save()
    record(
        AuditAction.CREATED if created else AuditAction.STATE_CHANGED,
        actor=actor,
        request=request,
        target=bank,
        unit=bank.unit,
        summary=bank.title[:200],
    )
    return bank


@transaction.atomic
def add_question(
    bank: QuizBank, question: Question, choices: list[ChoiceText], *, actor: Any, request: Any = None
) -> Question:
    check_question(question.kind, question.message, choices)
    bank = QuizBank.objects.select_for_update().get(pk=bank.pk)
    question.bank = bank
    question.position = (bank.questions.aggregate(top=Max("position"))["top"] or 0) + 1
    question.full_clean()
    question.save()
    Choice.objects.bulk_create(
        Choice(question=question, text=c.text, is_correct=c.correct, position=i)
        for i, c in enumerate(choices, start=1)
    )
    record(
        AuditAction.CREATED,
        actor=actor,
        request=request,
        target=question,
        unit=bank.unit,
        summary=question.text[:200],
    )
    return question


@transaction.atomic
def remove_question(question: Question, *, actor: Any, request: Any = None) -> None:
    bank = question.bank
    if bank.is_published and bank.questions.count() <= 1:
        raise ValidationError(
            _("Bộ câu hỏi đang công khai phải còn ít nhất một câu hỏi; hãy gỡ công khai trước.")
        )
    summary = _("Xóa câu hỏi: %(text)s") % {"text": question.text[:150]}
    record_change(bank, summary, actor=actor, request=request, unit=bank.unit)
    question.delete()


@transaction.atomic
def set_published(bank: QuizBank, published: bool, *, actor: Any, request: Any = None) -> QuizBank:
    bank = QuizBank.objects.select_for_update().get(pk=bank.pk)
    if published and not bank.questions.exists():
        raise ValidationError(_("Thêm ít nhất một câu hỏi trước khi công khai."))
    if bank.is_published == published:
        return bank
    bank.is_published = published
    bank.save(update_fields=["is_published"])
    record_change(
        bank,
        _("Công khai bộ câu hỏi") if published else _("Gỡ công khai bộ câu hỏi"),
        actor=actor,
        request=request,
        unit=bank.unit,
        from_status=str(not published),
        to_status=str(published),
    )
    return bank
