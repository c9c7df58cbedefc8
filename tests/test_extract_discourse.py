"""Issue-3 phenomena: roles, relative clauses, nominalizations, reported speech, refusals."""

from __future__ import annotations

import pytest

from graphbuild.records import Modality
from test_extract_patterns import edges_of, triples


@pytest.mark.parametrize("text, expected", [
    ("Donald Trump's attorney general William Barr appointed John Durham to lead the review.",
     {("William Barr", "SERVED_UNDER", "Donald Trump"), ("William Barr", "APPOINTED", "John Durham")}),
    ("Jeff Sessions, who endorsed Donald Trump in 2016, is running again.",
     {("Jeff Sessions", "ENDORSED", "Donald Trump")}),
    ("Donald Trump's criticism of Jeff Sessions grew louder.", {("Donald Trump", "CRITICIZED", "Jeff Sessions")}),
    ("Jeff Sessions' endorsement of Donald Trump surprised the Senate.",
     {("Jeff Sessions", "ENDORSED", "Donald Trump")}),
    ("Attorney General William Barr met Vladimir Putin. Later the attorney general praised Mike Pence.",
     {("William Barr", "PRAISED", "Mike Pence")}),
    ("Sen. Lindsey Graham spoke on Sunday. The senator criticized Chuck Hagel.",
     {("Lindsey Graham", "CRITICIZED", "Chuck Hagel")}),
    ("Ms. Nancy Pelosi thanked Rep. Adam Schiff. Gov. Gavin Newsom praised Speaker Pelosi.",
     {("Nancy Pelosi", "PRAISED", "Adam Schiff"), ("Gavin Newsom", "PRAISED", "Nancy Pelosi")}),
])
def test_roles_relatives_and_nominalizations(nlp, text, expected):
    assert expected <= triples(edges_of(nlp, text))


def test_reported_speech_keeps_the_speaker(nlp):
    edges = edges_of(nlp, "Michael Cohen said that Donald Trump called Jeff Sessions a liar.")
    [e] = [e for e in edges if e.relation.value == "CRITICIZED"]
    assert (e.source.name, e.target.name, e.speaker) == ("Donald Trump", "Jeff Sessions", "michael-cohen")


def test_quote_across_sentences_with_attribution_after(nlp):
    text = ('Donald Trump spoke about Jeff Sessions on Friday. "He was a disaster. I fired him," '
            "Trump said.")
    [e] = [e for e in edges_of(nlp, text) if e.relation.value == "FIRED"]
    assert (e.source.name, e.target.name, e.speaker) == ("Donald Trump", "Jeff Sessions", "donald-trump")


@pytest.mark.parametrize("text, modality", [
    ("Mitt Romney refused to endorse Donald Trump.", Modality.NEGATED),
    ("Mitt Romney declined to endorse Donald Trump.", Modality.NEGATED),
    ("Mitt Romney wants to endorse Donald Trump.", Modality.HYPOTHETICAL),
    ("Mitt Romney plans to endorse Donald Trump.", Modality.HYPOTHETICAL),
    ("Reporters asked whether Mitt Romney endorsed Donald Trump.", Modality.HYPOTHETICAL),
    ("Mitt Romney might endorse Donald Trump.", Modality.HYPOTHETICAL),
    ("Mitt Romney never endorsed Donald Trump.", Modality.NEGATED),
])
def test_modality(nlp, text, modality):
    edges = [e for e in edges_of(nlp, text) if e.relation.value == "ENDORSED"]
    assert edges and all(e.modality is modality for e in edges)


def test_refusal_to_back_is_also_opposition(nlp):
    got = triples(edges_of(nlp, "Mitt Romney refused to endorse Donald Trump."))
    assert ("Mitt Romney", "OPPOSED", "Donald Trump") in got
