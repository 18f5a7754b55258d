"""Retraining the category model from this platform's own confirmed cases, reproducibly.

Labelled cases: reports whose suggestion an officer confirmed or corrected (the label is the category the
officer left), and resolved reports with an outcome that required reading the case (opened, not opened,
administrative fine): their category stood to the end.

Split (fixed, no randomness): a case is in the test part when the first 8 hex digits of SHA-256 of
"report:<id>", as an integer, modulo 10 is 0 or 1 (about 20 %). Training order is by report id and FTRL
shuffles with a fixed seed, so the same cases give the same model, byte for byte.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from toandan.indicators.models import ReportIndicator
from toandan.reports.models import Outcome, Report, Status
from toandan.triage import training
from toandan.triage.cases import classifier, keywords
from toandan.triage.cases.accuracy import summary
from toandan.triage.models import CaseSuggestion
from toandan.triage.modelstore import LinearModel

SEED = 2025
PARAMS = training.FtrlParams(alpha=0.3, beta=1.0, l1=0.05, l2=0.5, epochs=12)
CONFIRMING_OUTCOMES = (Outcome.CASE_OPENED, Outcome.NOT_OPENED, Outcome.ADMINISTRATIVE)
MIN_CASES = 20
SPLIT = 'sha256("report:<id>")[:8] % 10 in (0, 1) -> test'


@dataclass(frozen=True)
class Example:
    """One labelled case."""

    report_id: int
    case: classifier.CaseInput
    label: str
    reported: str


def is_test(report_id: int) -> bool:
    return training.is_test(f"report:{report_id}")


def labelled_cases() -> list[Example]:
    """Every confirmed or corrected case, in report id order."""
    reviewed = CaseSuggestion.objects.filter(reviewed_at__isnull=False).values("report_id")
    reports = list(
        Report.objects.filter(Q(pk__in=reviewed) | Q(status=Status.RESOLVED, outcome__in=CONFIRMING_OUTCOMES))
        .select_related("category")
        .order_by("pk")
    )
    ids = [report.pk for report in reports]
    kinds: dict[int, set[str]] = {}
    for report_id, kind in ReportIndicator.objects.filter(report_id__in=ids).values_list(
        "report_id", "indicator__kind"
    ):
        kinds.setdefault(report_id, set()).add(kind)
    reported = dict(
        CaseSuggestion.objects.filter(report_id__in=ids).values_list("report_id", "reported_category__code")
    )
    return [
        Example(
            report.pk,
            classifier.CaseInput(
                report.description,
                report.money_lost,
                report.payment_method,
                tuple(sorted(kinds.get(report.pk, ()))),
            ),
            report.category.code,
            reported.get(report.pk, report.category.code),
        )
        for report in reports
    ]


def split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    """(training part, test part) by the fixed hash of the report id."""
    return [e for e in examples if not is_test(e.report_id)], [e for e in examples if is_test(e.report_id)]


def train(examples: list[Example], n_test: int = 0) -> classifier.CategoryModel:
    """One-vs-rest FTRL over the hashed case features."""
    vectors = [classifier.vector(e.case) for e in examples]
    classes: dict[str, LinearModel] = {}
    for code in sorted({e.label for e in examples}):
        bias, weights = training.train_ftrl(
            vectors, [1 if e.label == code else 0 for e in examples], PARAMS, SEED
        )
        classes[code] = LinearModel(bias, weights)
    model = classifier.CategoryModel(
        classes,
        {
            "data": "own cases",
            "split": SPLIT,
            "date": dt.datetime.now(tz=dt.UTC).date().isoformat(),
            "n_tr": len(examples),
            "n_te": n_test,
            "ftrl": dict(PARAMS.__dict__, seed=SEED),
        },
    )
    model.meta["version"] = classifier.fingerprint(model)
    return model


def evaluate(predict: Callable[[Example], str | None], examples: list[Example]) -> dict[str, Any]:
    """Accuracy, macro F1 and per-category precision/recall/F1 of a predictor on examples."""
    return summary([(predict(e) or "", e.label) for e in examples])


def model_predictor(model: classifier.CategoryModel) -> Callable[[Example], str | None]:
    def predict(example: Example) -> str | None:
        found = model.predict(example.case)
        return found[0] if found else None

    return predict


def keyword_predictor(available: set[str]) -> Callable[[Example], str | None]:
    """What the platform suggests without a model: keywords, else the reporter's choice."""

    def predict(example: Example) -> str | None:
        return (
            keywords.keyword_category(example.case.description, available, example.reported)
            or example.reported
        )

    return predict


@dataclass
class Retraining:
    """A candidate model and its evaluation beside the current method, on the same test part."""

    model: classifier.CategoryModel
    n_train: int
    n_test: int
    new: dict[str, Any]
    current: dict[str, Any]
    current_name: str
    reporter: dict[str, Any]


class NotEnoughCases(ValueError):
    """Too few confirmed cases, or a single category, to train on."""


def retrain(available: set[str]) -> Retraining:
    """Train a candidate on the training part and evaluate it and the current method on the test part."""
    examples = labelled_cases()
    train_part, test_part = split(examples)
    if len(examples) < MIN_CASES or len({e.label for e in train_part}) < 2:
        raise NotEnoughCases(len(examples))
    model = train(train_part, len(test_part))
    current = classifier.load()
    if current is not None:
        current_eval, name = evaluate(model_predictor(current), test_part), f"model {current.version}"
    else:
        current_eval, name = evaluate(keyword_predictor(available), test_part), "keywords"
    new_eval = evaluate(model_predictor(model), test_part)
    model.meta["test"] = {"acc": new_eval["acc"], "macro_f1": new_eval["macro_f1"]}
    reporter = evaluate(lambda e: e.reported, test_part)
    return Retraining(model, len(train_part), len(test_part), new_eval, current_eval, name, reporter)
