"""Quizzes for everyone (no account): the list, one quiz on one page, the answers with explanations; and the
anonymous aggregates for staff."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods, require_safe

from toandan.accounts.permissions import staff_required
from toandan.awareness import quizzes
from toandan.awareness.models import AgeGroup, AudienceCode, QuizBank
from toandan.core.ratelimit import hit, too_many_requests
from toandan.orgs.models import Unit, UnitKind


@require_safe
def quiz_list(request: HttpRequest) -> HttpResponse:
    banks = QuizBank.objects.filter(is_published=True)
    return render(request, "awareness/quiz_list.html", {"banks": banks})


def _answers(request: HttpRequest, questions: list[quizzes.QuestionData]) -> dict[int, set[int]]:
    answers: dict[int, set[int]] = {}
    for question in questions:
        values = request.POST.getlist(f"q{question.id}")[:20]
        answers[question.id] = {int(v) for v in values if v.isdigit()}
    return answers


@require_http_methods(["GET", "HEAD", "POST"])
def quiz(request: HttpRequest, slug: str) -> HttpResponse:
    bank = quizzes.published_bank(slug)
    if bank is None:
        raise Http404
    questions = quizzes.bank_questions(bank)
    communes = Unit.objects.filter(kind=UnitKind.COMMUNE, is_active=True).only("pk", "name")
    context: dict[str, object] = {
        "bank": bank,
        "questions": questions,
        "communes": communes,
        "age_groups": AgeGroup.choices,
        "audiences": AudienceCode.choices,
    }
    if request.method == "POST":
        if hit(request, "awareness-quiz", getattr(settings, "AWARENESS_QUIZ_RATE", "20/m")):
            return too_many_requests(request)
        result = quizzes.grade(questions, _answers(request, questions))
        commune_id = request.POST.get("commune", "")
        age = request.POST.get("age_group", "")
        audience = request.POST.get("audience", "")
        commune = communes.filter(pk=commune_id).first() if commune_id.isdigit() else None
        counted = quizzes.record_attempt(
            bank,
            result,
            key=quizzes.browser_key(request, bank),
            commune=commune,
            age_group=age if age in AgeGroup.values else "",
            audience=audience if audience in AudienceCode.values else "",
        )
        context.update({"result": result, "counted": counted})
        return render(request, "awareness/quiz_result.html", context)
    return render(request, "awareness/quiz.html", context)


@staff_required
def quiz_results(request: HttpRequest, slug: str) -> HttpResponse:
    bank = get_object_or_404(QuizBank, slug=slug)
    groups = {by: list(quizzes.aggregates(bank, by)) for by in ("month", "commune", "age", "audience")}
    labels = dict(AgeGroup.choices) | dict(AudienceCode.choices)
    for rows in groups.values():
        for row in rows:
            row["label"] = labels.get(row["group"], row["group"])
            row["percent"] = round(100 * (row["mean"] or 0))
    return render(request, "awareness/quiz_results.html", {"bank": bank, "groups": groups})
