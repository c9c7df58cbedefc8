"""The confidence stage: rule strength, resolution penalties, the model's view; calibrated on dev."""

from __future__ import annotations

from graphbuild.evaluate import evaluate_paths, reliability
from graphbuild.extract.confidence import model_confidence, rule_confidence, with_model
from graphbuild.records import Modality


def test_penalties_and_model_view_move_confidence_the_right_way():
    named = rule_confidence(0.85, ("name", "name"), Modality.ASSERTED)
    assert named == 0.85
    assert rule_confidence(0.85, ("pronoun", "name"), Modality.ASSERTED) < named
    assert rule_confidence(0.85, ("name", "role"), Modality.ASSERTED) < named
    assert rule_confidence(0.85, ("name", "name"), Modality.HYPOTHETICAL) < named
    assert with_model(named, 0.9, 0.0) == named > with_model(named, 0.1, 0.8)
    assert model_confidence(0.99) < named


def test_reliability_table_bins_and_high_confidence_row():
    rows = {r["bin"]: r for r in reliability([(0.85, True, "rule"), (0.82, False, "rule"), (0.55, True, "model")])}
    assert rows[">=0.8"] == {"bin": ">=0.8", "count": 2, "share_correct": 0.5}
    assert rows["0.5-0.6"]["count"] == 1 and rows["method=model"]["share_correct"] == 1.0


def test_confidence_is_calibrated_on_the_dev_corpus(dev_corpus):
    report = evaluate_paths([dev_corpus])
    high = [ok for c, ok, _ in report.total.scored if c >= 0.8]
    assert len(high) >= 10, "too few confident edges to check calibration"
    assert sum(high) / len(high) >= 0.8, (sum(high), len(high))
    rows = {r["bin"]: r for r in report.to_json()["reliability"]}
    assert rows[">=0.8"]["count"] == len(high)
