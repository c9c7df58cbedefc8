"""The learned direction-and-polarity component (graphbuild_direction) and the confidence stage."""

from __future__ import annotations

import numpy as np
import pytest

from graphbuild.extract import DIRECTION, RawEdge, extract_edges
from graphbuild.extract.direction import NEG_BACK, NEG_FWD, POS_FWD, DirectionComponent, DirectionModel, review
from graphbuild.records import Article, Modality, Relation


def _span(doc, text: str) -> tuple[int, int]:
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    return span.start, span.end


def _proba(nlp, text: str, e1: str, e2: str) -> np.ndarray:
    doc = nlp(text)
    return nlp.get_pipe(DIRECTION).model.predict_pair(doc, _span(doc, e1), _span(doc, e2))


def test_weights_round_trip_through_disk(nlp, tmp_path):
    comp = nlp.get_pipe(DIRECTION)
    doc = nlp("Ted Cruz lashed out at Marco Rubio, calling him a liar.")
    before = comp.model.predict_pair(doc, _span(doc, "Ted Cruz"), _span(doc, "Marco Rubio"))
    comp.to_disk(tmp_path / "direction")
    fresh = DirectionComponent(nlp, "copy", 0.9, 0.9, True)
    fresh.model = DirectionModel(
        np.zeros_like(comp.model.W), comp.model.V * 0, comp.model.b * 0, comp.model.mean, comp.model.scale
    )
    fresh.from_disk(tmp_path / "direction")
    after = fresh.model.predict_pair(doc, _span(doc, "Ted Cruz"), _span(doc, "Marco Rubio"))
    assert np.array_equal(before, after)
    assert (tmp_path / "direction" / "weights.npz").stat().st_size < 5_000_000


@pytest.mark.parametrize(
    "text, e1, e2, expected",
    [
        (
            "Bernie Sanders praised Elizabeth Warren as a great fighter for working families.",
            "Bernie Sanders",
            "Elizabeth Warren",
            POS_FWD,
        ),
        (
            "Nancy Pelosi blasted Mitch McConnell, calling his bill a cruel disgrace.",
            "Nancy Pelosi",
            "Mitch McConnell",
            NEG_FWD,
        ),
        (
            "Mitt Romney was harshly attacked by Donald Trump in a series of angry tweets.",
            "Mitt Romney",
            "Donald Trump",
            NEG_BACK,
        ),
    ],
)
def test_clear_sentences_get_their_class_and_direction(nlp, text, e1, e2, expected):
    p = _proba(nlp, text, e1, e2)
    assert int(np.argmax(p)) == expected, p


def test_a_reversed_rule_edge_is_redirected(nlp):
    doc = nlp("Nancy Pelosi blasted Mitch McConnell, calling his bill a cruel disgrace.")
    s = doc.text.index(".") + 1
    wrong = RawEdge(
        "mitch-mcconnell",
        "Mitch McConnell",
        "nancy-pelosi",
        "Nancy Pelosi",
        Relation.CRITICIZED,
        "blasted",
        Modality.ASSERTED,
        None,
        None,
        0.8,
        0,
        s,
    )
    [fixed] = review(doc, [wrong], doc._.graphbuild_mentions, nlp.get_pipe(DIRECTION).model, 0.6, None)
    assert (fixed.source, fixed.relation, fixed.target) == ("nancy-pelosi", Relation.CRITICIZED, "mitch-mcconnell")
    assert fixed.method == "rule+model"


def test_a_rule_edge_of_opposite_polarity_is_dropped(nlp):
    doc = nlp("Nancy Pelosi blasted Mitch McConnell, calling his bill a cruel disgrace.")
    wrong = RawEdge(
        "nancy-pelosi",
        "Nancy Pelosi",
        "mitch-mcconnell",
        "Mitch McConnell",
        Relation.PRAISED,
        "blasted",
        Modality.ASSERTED,
        None,
        None,
        0.8,
        0,
        len(doc.text),
    )
    assert review(doc, [wrong], doc._.graphbuild_mentions, nlp.get_pipe(DIRECTION).model, 0.6, None) == []
    # positive control: the same edge the right way round stays
    right = RawEdge(
        "nancy-pelosi",
        "Nancy Pelosi",
        "mitch-mcconnell",
        "Mitch McConnell",
        Relation.CRITICIZED,
        "blasted",
        Modality.ASSERTED,
        None,
        None,
        0.8,
        0,
        len(doc.text),
    )
    [kept] = review(doc, [right], doc._.graphbuild_mentions, nlp.get_pipe(DIRECTION).model, 0.6, None)
    assert (kept.source, kept.target, kept.method) == ("nancy-pelosi", "mitch-mcconnell", "rule")


def test_model_made_edges_are_marked_and_less_confident(nlp):
    doc = nlp("Nancy Pelosi blasted Mitch McConnell, calling his bill a cruel disgrace.")
    [rule] = doc._.graphbuild  # the rules read it too
    assert (rule.source, rule.relation, rule.target, rule.method) == (
        "nancy-pelosi",
        Relation.CRITICIZED,
        "mitch-mcconnell",
        "rule",
    )
    # with no rule edge in the sentence, the model proposes the same edge, marked and less confident
    [made] = review(doc, [], doc._.graphbuild_mentions, nlp.get_pipe(DIRECTION).model, 0.95, 0.5)
    assert (made.source, made.relation, made.target, made.method) == (
        "nancy-pelosi",
        Relation.CRITICIZED,
        "mitch-mcconnell",
        "model",
    )
    assert made.confidence < rule.confidence
    # and the edge record carries the method
    [(_, [edge])] = list(extract_edges([Article(id="m", text=doc.text)], nlp))
    assert edge.to_json()["method"] == "rule"


def test_model_off_leaves_rules_alone():
    from graphbuild.extract import load_pipeline

    assert DIRECTION not in load_pipeline(direction_model="off").pipe_names


def test_an_ensemble_is_one_model_scoring_the_mean_of_its_members():
    from graphbuild.extract.direction import DENSE, Example, Features

    rng = np.random.default_rng(0)
    exs = [
        Example(Features(rng.integers(0, 500, 12).astype(np.int32), rng.normal(size=DENSE).astype(np.float32)), y)
        for y in rng.integers(0, 5, 200).tolist()
    ]
    args = {"l2": 1e-5, "epochs": 2, "lr": 0.05, "hidden": 8}
    one, two = (DirectionModel.train(exs, seed=s, **args) for s in (3, 4))
    both = DirectionModel.train(exs, seed=3, members=2, **args)
    feats = [e.features for e in exs[:10]]
    assert both.U.shape == (DENSE, 16)
    assert np.allclose(both.scores(feats), (one.scores(feats) + two.scores(feats)) / 2, atol=1e-4)
    assert not np.allclose(one.scores(feats), two.scores(feats))


def test_features_carry_the_lexicon_polarity_and_the_governing_verb(nlp):
    from graphbuild.extract.direction import feature_strings

    doc = nlp("Nancy Pelosi castigated Mitch McConnell over the bill.")
    f = feature_strings(doc, _span(doc, "Nancy Pelosi"), _span(doc, "Mitch McConnell"))
    assert "lexp_lca=-|nsubj|dobj" in f
    assert "e1_gov=castigate|nsubj" in f and "e2_gov=castigate|dobj" in f
    doc = nlp("Nancy Pelosi praised Mitch McConnell over the bill.")
    f = feature_strings(doc, _span(doc, "Nancy Pelosi"), _span(doc, "Mitch McConnell"))
    assert "lexp_lca=+|nsubj|dobj" in f
