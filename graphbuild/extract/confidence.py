"""Confidence of an edge, in one place.

An edge's confidence combines:

- the rule's strength: how explicit the pattern that found it is (``Candidate.strength``);
- resolution penalties, one per end, by how that end was found: a name costs
  nothing, an apposition, role phrase ("the president"), quote speaker or
  pronoun costs more (``PENALTY``);
- a penalty when the edge is not asserted (hedged, negated, hypothetical);
- the direction model's probability (``graphbuild_direction``): its reading of
  the reverse direction or the opposite polarity lowers a rule edge's
  confidence (agreement does not raise it: on dev, raising it put edges right
  71% of the time into the 0.9 bin); an edge the model alone proposes gets a
  confidence from its probability, kept below rule edges.

The numbers are calibrated on the dev corpus (``graphbuild evaluate --json``
prints the reliability table: per confidence bin, how many distinct edges and
the share matching gold), so that edges at confidence >= 0.8 are right at least
80% of the time; ``tests/test_confidence.py`` checks that.
"""

from __future__ import annotations

from ..records import Modality

# How each end of an edge was resolved -> what it costs.
PENALTY = {"name": 0.0, "apposition": 0.03, "role": 0.1, "speaker": 0.08, "pronoun": 0.16, "none": 0.2}
NOT_ASSERTED = 0.05
FLOOR, CEILING = 0.05, 0.99
# Model-made edges: confidence = MODEL_SCALE * p, never above MODEL_MAX.
MODEL_SCALE = 0.7
MODEL_MAX = 0.7
# Rule edge with the model's view: - CONTRADICT_WEIGHT * p_contradict
CONTRADICT_WEIGHT = 0.1


def _clip(x: float) -> float:
    return round(min(CEILING, max(FLOOR, float(x))), 3)


def rule_confidence(strength: float, how: tuple[str, str], modality: Modality) -> float:
    """Confidence of a rule edge before the model has looked at it."""
    conf = strength - PENALTY.get(how[0], PENALTY["none"]) - PENALTY.get(how[1], PENALTY["none"])
    if modality is not Modality.ASSERTED:
        conf -= NOT_ASSERTED
    return _clip(conf)


def with_model(rule_conf: float, p_agree: float, p_contradict: float) -> float:
    """A rule edge's confidence after the model's probabilities that the pair has the edge's
    direction and polarity (``p_agree``) or the reverse direction or opposite polarity
    (``p_contradict``)."""
    return _clip(rule_conf - CONTRADICT_WEIGHT * p_contradict)


def model_confidence(p: float) -> float:
    """Confidence of an edge the model alone proposes, from its class probability."""
    return _clip(min(MODEL_MAX, MODEL_SCALE * p))
