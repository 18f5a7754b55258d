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
    folds = [training_messages.fold_of(row.text) for row in rows]
    everything = frozenset(range(len(rows)))
    trained_on: dict[int, frozenset[int]] = {}
    outer: list[frozenset[int]] = []  # the test fold of each outer model, in order
    scored: list[tuple[int, frozenset[int], frozenset[int]]] = []  # (outer fold #, model's rows, rows scored)
    fit, quick = _Training.fit, _Training.quick_logits

    def spy_fit(self: _Training, indices: list[int], params: MessageParams) -> Any:
        model = fit(self, indices, params)
        trained_on[id(model)] = frozenset(indices)
        left_out = everything - frozenset(indices)
        if len({folds[i] for i in left_out}) == 1:
            outer.append(left_out)
        return model

    def spy_quick(self: _Training, model: Any, indices: list[int]) -> list[float]:
        scored.append((len(outer) - 1, trained_on[id(model)], frozenset(indices)))
        return quick(self, model, indices)

    monkeypatch.setattr(_Training, "fit", spy_fit)
    monkeypatch.setattr(_Training, "quick_logits", spy_quick)
    _shift, report = training_messages.cross_validate(rows, MessageParams(l2=0.1))

    test_folds = [frozenset(i for i, f in enumerate(folds) if f == k) for k in range(training_messages.FOLDS)]
    assert outer == test_folds
    assert len(scored) == training_messages.FOLDS * (training_messages.FOLDS - 1)
    for k, model_rows, rows_scored in scored:
        assert not model_rows & outer[k] and not rows_scored & outer[k]
        assert not model_rows & rows_scored
    assert len(report["shifts"]) == training_messages.FOLDS
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
