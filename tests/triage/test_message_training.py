"""The message model's cross-validation: each test fold's threshold is chosen without that fold (nested)."""

from __future__ import annotations

from typing import Any

import pytest

from toandan.triage import training, training_messages
from toandan.triage.training_messages import MessageParams, Row, _Training


def _authored_rows() -> list[Row]:
    tune = training.authored_sets("message")["tune"]
    picked = [r for r in tune if r[1]][:40] + [r for r in tune if not r[1]][:40]
    return [Row(text, label, "personal_number" if label else "") for text, label in picked]


def test_each_folds_threshold_is_chosen_on_the_other_folds_only(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _authored_rows()
    assert {row.label for row in rows} == {0, 1}
    events: list[tuple[str, frozenset[int]]] = []
    fit, quick = _Training.fit, _Training.quick_logits

    def spy_fit(self: _Training, indices: list[int], params: MessageParams) -> Any:
        events.append(("fit", frozenset(indices)))
        return fit(self, indices, params)

    def spy_quick(self: _Training, model: Any, indices: list[int]) -> list[float]:
        events.append(("score", frozenset(indices)))
        return quick(self, model, indices)

    monkeypatch.setattr(_Training, "fit", spy_fit)
    monkeypatch.setattr(_Training, "quick_logits", spy_quick)
    _shift, report = training_messages.cross_validate(rows, MessageParams(l2=0.1))

    folds = [training_messages.fold_of(row.text) for row in rows]
    everything = frozenset(range(len(rows)))
    per_fold = 1 + 2 * (training_messages.FOLDS - 1)  # the outer fit, then 4 × (inner fit, inner scoring)
    outer = list(range(0, len(events), per_fold))
    assert len(outer) == training_messages.FOLDS
    for k, start in enumerate(outer):
        test_fold = everything - events[start][1]
        assert test_fold == {i for i, f in enumerate(folds) if f == k}
        inner = events[start + 1 : start + 1 + 2 * (training_messages.FOLDS - 1)]
        assert len(inner) == 2 * (training_messages.FOLDS - 1)
        for _kind, ids in inner:
            assert not ids & test_fold
    assert len(report["fold_shifts"]) == training_messages.FOLDS
    assert set(report["nosend"]["pooled"]) == {"scam", "flag"}


def test_extra_rows_join_training_and_are_never_measured(tmp_path: Any) -> None:
    (tmp_path / "vi-sms-extra").mkdir()
    path = tmp_path / training_messages.EXTRA_REAL_CSV
    path.write_text(
        "content,label,source\nTin nhan thu,0,test\nTrung thuong bam link,1,test\n", encoding="utf-8"
    )
    extra, weights = training_messages.read_extra(tmp_path, MessageParams(extra_weight=0.5))
    assert [r.label for r in extra] == [0, 1] and weights == [0.5, 0.5]
    assert training_messages.read_extra(tmp_path, MessageParams(extra_weight=0.0)) == ([], [])
    data = _Training.of(_authored_rows()[:10], extra, weights)
    assert len(data.extra) == 2 and len(data.pairs) == 10
