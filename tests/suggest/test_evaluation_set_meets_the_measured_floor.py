"""The labelled set (tests/suggest/data/evaluation.json): precision and recall stay at what we measured."""

from __future__ import annotations

import pytest

from claims.suggest.evaluation import evaluation_load, evaluation_run

# Measured with bench/suggest.py: overall precision 0.92, recall 0.92.
PRECISION_FLOOR = 0.88
RECALL_FLOOR = 0.85


@pytest.mark.django_db
def test_the_evaluation_set_has_at_least_sixty_labelled_sentences():
    data = evaluation_load()
    sentences = [s for d in data["documents"] for s in d["sentences"]]
    assert len(sentences) >= 60
    assert sum(1 for s in sentences if s["labels"]) >= 40


@pytest.mark.django_db
def test_suggestions_meet_the_measured_precision_and_recall_floor():
    report = evaluation_run(evaluation_load())
    precision, recall, *_ = report.scores()
    assert precision >= PRECISION_FLOOR, report.errors()
    assert recall >= RECALL_FLOOR, report.errors()
