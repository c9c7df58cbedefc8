"""Learned direction and polarity between two people in one sentence.

Five classes, as in the DSA corpus the model is trained on (Park, Pan and Joo,
Findings of ACL 2021): 0 none, 1 e1 positive toward e2, 2 e2 positive toward
e1, 3 e1 negative toward e2, 4 e2 negative toward e1.

Features come from the small spaCy model's analysis only: the dependency path
between the two mentions (labels, lemmas, the word where the paths meet),
words between them, verbs and negation on the path, the verb governing each
mention, the polarity the relation lexicon gives the words linking them,
entity types, and the token vectors ``doc.tensor`` of both heads and the
meeting word. String features are hashed (murmurhash, fixed) into ``BUCKETS``
rows; the classifier is a multinomial logistic regression with one ReLU layer
over the token vectors, written in numpy, so running it needs no other
library; several seeds are trained and averaged into one model of the same
form. Training: ``python -m graphbuild.extract.train_direction``.

The weights ship in ``direction_model/`` beside this module and load with
``DirectionModel.from_disk``; the spaCy component ``graphbuild_direction``
(below, in ``graphbuild.extract``) wraps the model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
from murmurhash.mrmr import hash as _mhash
from spacy.tokens import Doc, Token

from ..errors import DirectionModelError
from .doc_text import doc_text

CLASSES = (0, 1, 2, 3, 4)
NONE, POS_FWD, POS_BACK, NEG_FWD, NEG_BACK = CLASSES
BUCKETS = 1 << 17
WIDTH = 96  # the small model's token vectors (doc.tensor)
DENSE = WIDTH * 3  # both heads and the word where their paths meet (path and gap means did worse in CV)
DEFAULT_MODEL_DIR = Path(__file__).with_name("direction_model")
_SWAP = {0: 0, 1: 2, 2: 1, 3: 4, 4: 3}


def swap_label(label: int) -> int:
    """The label of the same pair with entity 1 and entity 2 exchanged."""
    return _SWAP[label]


@dataclass(frozen=True, slots=True)
class Features:
    idx: np.ndarray  # hashed feature rows (int32), with repeats
    dense: np.ndarray  # float32, DENSE long


@dataclass(frozen=True, slots=True)
class Example:
    features: Features
    label: int


# -- features -------------------------------------------------------------------------

_NEG = {"not", "n't", "never", "no", "without", "nobody", "neither", "nor"}


def _head(doc: Doc, span: tuple[int, int]) -> Token:
    return doc[span[0] : span[1]].root


def _chain(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _word(t: Token) -> str:
    if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return t.ent_type_
    return t.lemma_.lower()


def feature_strings(doc: Doc, span1: tuple[int, int], span2: tuple[int, int]) -> list[str]:
    """The string features of one ordered pair (entity 1, entity 2) of token spans."""
    h1, h2 = _head(doc, span1), _head(doc, span2)
    f = ["bias", "order=" + ("12" if span1[0] < span2[0] else "21")]
    c1, c2 = _chain(h1), _chain(h2)
    ids2 = {t.i: n for n, t in enumerate(c2)}
    up, down, lca = c1, [], None
    for n, t in enumerate(c1):
        if t.i in ids2:
            lca = t
            up, down = c1[:n], list(reversed(c2[: ids2[t.i]]))
            break
    if lca is None:  # different sentences or a broken parse
        f.append("nolca")
        lca = h1
    path_deps = [t.dep_ + "^" for t in up] + [t.dep_ + "v" for t in down]
    inner = list(up[1:]) + [lca] + list(down[:-1])
    inner = [t for t in inner if t.i not in (h1.i, h2.i)]
    f.append("path=" + " ".join(path_deps))
    f.append("pathlex=" + " ".join(path_deps) + "|" + lca.lemma_.lower())
    f.append(f"lca={lca.lemma_.lower()}")
    f.append(f"lca_pos={lca.pos_}")
    d1 = up[0].dep_ if up else "self"
    d2 = down[-1].dep_ if down else "self"
    # the role of each end at the meeting word, with the word
    r1 = up[-1].dep_ if up else "self"
    r2 = down[0].dep_ if down else "self"
    f.append(f"roles={r1}|{r2}")
    f.append(f"roles_lca={r1}|{lca.lemma_.lower()}|{r2}")
    f.append(f"d1={d1}")
    f.append(f"d2={d2}")
    f.append(f"plen={min(len(path_deps), 8)}")
    for t in inner:
        f.append(f"pw={t.lemma_.lower()}")
        if t.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            f.append(f"pw_{'up' if t in up else 'down'}={t.lemma_.lower()}")
    for t in [lca] + inner:
        for c in t.children:
            if c.dep_ == "neg" or c.lower_ in _NEG:
                f.append("neg")
                f.append(f"neg={t.lemma_.lower()}")
            elif c.dep_ in ("aux", "auxpass") and c.tag_ == "MD":
                f.append(f"modal={c.lower_}")
            elif c.dep_ in ("prt", "acomp", "dobj") and c.i not in (h1.i, h2.i):
                f.append(f"lca_child={t.lemma_.lower()}_{c.lemma_.lower()}")
    # words between the two mentions
    a, b = (span1[1], span2[0]) if span1[0] < span2[0] else (span2[1], span1[0])
    between = [t for t in doc[a:b] if not t.is_punct]
    f.append(f"gap={min(len(between), 10) if len(between) < 10 else 'far'}")
    for t in between[:20]:
        f.append(f"bw={_word(t)}")
    for x, y in zip(between, between[1:21]):
        f.append(f"bb={_word(x)}_{_word(y)}")
    if len(between) == 0:
        f.append("adjacent")
    # words around the pair
    lo, hi = min(span1[0], span2[0]), max(span1[1], span2[1])
    for t in doc[max(0, lo - 3) : lo]:
        f.append(f"before={_word(t)}")
    for t in doc[hi : hi + 3]:
        f.append(f"after={_word(t)}")
    # entity kinds and what each end does / is done to
    for tag, h in (("e1", h1), ("e2", h2)):
        f.append(f"{tag}_ent={h.ent_type_ or 'none'}")
        f.append(f"{tag}_head={h.head.lemma_.lower()}|{h.dep_}")
        if h.dep_ == "poss":
            f.append(f"{tag}_poss={h.head.lemma_.lower()}")
    # sentence words (sentiment cues that the path misses)
    sent = h1.sent
    quote = False
    for t in sent:  # one pass: token access is what featurizing costs
        lemma = t.lemma_
        if t.pos_ in ("VERB", "ADJ", "NOUN") and not t.ent_type_:
            f.append(f"s={lemma.lower()}")
        if t.dep_ == "neg":
            f.append("s_neg")
        quote = quote or t.text in ('"', "'") or lemma in ("say", "tell")
    if quote:
        f.append("says")
        if lca.lemma_ in ("say", "tell") and sent.start <= lca.i < sent.end:
            f.append(f"say_roles={r1}|{r2}")
    # the relation lexicon's polarity of the meeting word, the path words and the words between
    pl = _polarity(lca)
    if pl:
        f.append(f"lexp_lca={pl}")
        f.append(f"lexp_lca={pl}|{r1}|{r2}")
        f.append(f"lexp_lca={pl}|{r1}|{r2}|neg={any(c.dep_ == 'neg' for c in lca.children)}")
    for t in inner:
        p = _polarity(t)
        if p:
            f.append(f"lexp_path={p}|{'up' if t in up else 'down'}")
    for t in doc[a:b]:
        p = _polarity(t)
        if p:
            f.append(f"lexp_bw={p}")
    # the verb governing each end, with the end's role under it
    for tag, h in (("e1", h1), ("e2", h2)):
        role, t, steps = h.dep_, h, 0
        while t.head.i != t.i and t.pos_ != "VERB" and steps < 6:
            role, t, steps = t.dep_, t.head, steps + 1
        if t.pos_ == "VERB" and t.i != h.i:
            f.append(f"{tag}_gov={t.lemma_.lower()}|{role}")
            f.append(f"{tag}_govl={t.lemma_.lower()}")
            p = _polarity(t)
            if p:
                f.append(f"{tag}_govp={p}|{role}")
    # lemma trigrams and the whole sequence of words between two close mentions
    if len(between) <= 12:
        w = [t.lemma_.lower() for t in between]
        for x, y, z in zip(w, w[1:], w[2:]):
            f.append(f"btri={x}_{y}_{z}")
        f.append("bseq=" + " ".join(_word(t) for t in between))
    # the path with the lemma of every word on it
    f.append(
        "fullpath="
        + " ".join(
            [t.dep_ + "^" + t.lemma_.lower() for t in up[1:]]
            + ["@" + lca.lemma_.lower()]
            + [t.dep_ + "v" + t.lemma_.lower() for t in down[:-1]]
        )
    )
    f.append(f"r1lex={r1}|{lca.lemma_.lower()}")
    f.append(f"r2lex={r2}|{lca.lemma_.lower()}")
    return f


@lru_cache(maxsize=1)
def _polarities() -> dict[str, str]:
    """Lemma -> "+" or "-": verbs of the relation lexicon whose patterns all have one polarity,
    and its nouns and adjectives with a polarity."""
    from .lexicon import load_lexicon

    lex = load_lexicon()
    out = {}
    for d in (lex.nouns, lex.relational_nouns):
        for lemma, pat in d.items():
            if int(pat.relation.polarity):
                out[lemma] = "+" if int(pat.relation.polarity) > 0 else "-"
    for lemma, pats in lex.verbs.items():
        pols = {int(p.relation.polarity) for p in pats} - {0}
        if len(pols) == 1:
            out[lemma] = "+" if pols.pop() > 0 else "-"
    return out


def _polarity(t: Token) -> str | None:
    return _polarities().get(t.lemma_.lower())


def _hash(s: str) -> int:
    return _mhash(s) % BUCKETS


def featurize(doc: Doc, span1: tuple[int, int], span2: tuple[int, int]) -> Features:
    idx = np.fromiter((_hash(s) for s in feature_strings(doc, span1, span2)), dtype=np.int32)
    dense = np.zeros(DENSE, dtype=np.float32)
    t = doc.tensor
    if t is not None and len(t) == len(doc) and t.ndim == 2 and t.shape[1] == WIDTH:
        h1, h2 = _head(doc, span1), _head(doc, span2)
        ids1 = {x.i for x in _chain(h1)}
        lca = next((x for x in _chain(h2) if x.i in ids1), h1)
        dense[:WIDTH] = t[h1.i]
        dense[WIDTH : 2 * WIDTH] = t[h2.i]
        dense[2 * WIDTH :] = t[lca.i]
    return Features(idx, dense)


# -- the classifier -------------------------------------------------------------------


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass
class DirectionModel:
    """Multinomial logistic regression over hashed string features and dense token vectors."""

    W: np.ndarray  # BUCKETS x 5
    V: np.ndarray  # DENSE x 5
    b: np.ndarray  # 5
    mean: np.ndarray  # DENSE, for standardizing the dense part
    scale: np.ndarray
    U: np.ndarray | None = None  # DENSE x hidden: a ReLU layer over the dense part (None: none)
    c: np.ndarray | None = None  # hidden
    O: np.ndarray | None = None  # hidden x 5
    meta: dict = field(default_factory=dict)

    def scores(self, feats: Sequence[Features]) -> np.ndarray:
        if not feats:
            return np.zeros((0, len(CLASSES)), dtype=np.float32)
        idx = np.concatenate([f.idx for f in feats])
        starts = np.cumsum([0] + [len(f.idx) for f in feats[:-1]])
        sparse = np.add.reduceat(self.W[idx], starts, axis=0)
        dense = (np.stack([f.dense for f in feats]) - self.mean) / self.scale
        z = sparse + dense @ self.V + self.b
        if self.U is not None:
            z = z + np.maximum(dense @ self.U + self.c, 0.0) @ self.O
        return z

    def predict_proba(self, feats: Sequence[Features]) -> np.ndarray:
        """Probabilities of the five classes, one row per pair."""
        return _softmax(self.scores(list(feats)).astype(np.float64)).astype(np.float32)

    def predict_pair(self, doc: Doc, span1: tuple[int, int], span2: tuple[int, int]) -> np.ndarray:
        """Probabilities for one pair, made symmetric: the average of (1, 2) and the swapped (2, 1)."""
        p = self.predict_proba([featurize(doc, span1, span2), featurize(doc, span2, span1)])
        return (p[0] + p[1][[0, 2, 1, 4, 3]]) / 2

    @classmethod
    def train(
        cls,
        examples: Iterable[Example],
        *,
        seed: int,
        l2: float,
        epochs: int,
        lr: float,
        hidden: int = 0,
        batch: int = 64,
        dense: bool = True,
        class_weight: float = 0.0,
        members: int = 1,
    ) -> DirectionModel:
        """Adam on the softmax loss with L2; ``examples`` should already hold both orders of each pair.

        ``members`` > 1 trains that many models (seeds ``seed``, ``seed + 1``, ...) and keeps their
        mean score as one model of the same form: the linear weights averaged, the hidden layers
        side by side (``members * hidden`` units), so predicting costs what one model costs.
        """
        exs = list(examples)
        parts = [
            cls._train_one(
                exs,
                seed=seed + i,
                l2=l2,
                epochs=epochs,
                lr=lr,
                hidden=hidden,
                batch=batch,
                dense=dense,
                class_weight=class_weight,
            )
            for i in range(members)
        ]
        model = parts[0]
        if members > 1:
            hid = [None, None, None]
            if hidden:
                hid = [
                    np.concatenate([m.U for m in parts], axis=1),
                    np.concatenate([m.c for m in parts]),
                    np.concatenate([m.O for m in parts], axis=0) / members,
                ]
            model = cls(
                np.mean([m.W for m in parts], axis=0),
                np.mean([m.V for m in parts], axis=0),
                np.mean([m.b for m in parts], axis=0),
                model.mean,
                model.scale,
                *hid,
                dict(model.meta),
            )
        model.meta["members"] = members
        return model

    @classmethod
    def _train_one(
        cls,
        exs: list[Example],
        *,
        seed: int,
        l2: float,
        epochs: int,
        lr: float,
        hidden: int,
        batch: int,
        dense: bool,
        class_weight: float,
    ) -> DirectionModel:
        rng = np.random.default_rng(seed)
        use_dense = dense
        dense = np.stack([e.features.dense for e in exs])
        mean = dense.mean(0)
        scale = dense.std(0) + 1e-3
        dense = (dense - mean) / scale
        if not use_dense:  # the string features alone: the dense part is multiplied by zero weights
            dense[:] = 0.0
        y = np.array([e.label for e in exs])
        k = len(CLASSES)
        # each class's loss weighted by (1 / its frequency) ** class_weight, mean weight 1
        freq = np.bincount(y, minlength=k) / len(y)
        cw = np.where(freq > 0, np.maximum(freq, 1e-9) ** -class_weight, 0.0)
        cw = cw / (cw[y].mean())
        W = np.zeros((BUCKETS, k), dtype=np.float64)
        V = np.zeros((DENSE, k), dtype=np.float64)
        b = np.zeros(k, dtype=np.float64)
        H = max(hidden, 1)
        U = rng.normal(0, np.sqrt(2.0 / DENSE), (DENSE, H)) * (hidden > 0)
        c = np.zeros(H)
        O = rng.normal(0, np.sqrt(1.0 / H), (H, k)) * (hidden > 0)
        params = [W, V, b, U, c, O]
        m = [np.zeros_like(p) for p in params]
        v = [np.zeros_like(p) for p in params]
        b1, b2, eps = 0.9, 0.999, 1e-8
        step = 0
        for _ in range(epochs):
            order = rng.permutation(len(exs))
            for s in range(0, len(exs), batch):
                rows = order[s : s + batch]
                feats = [exs[i].features for i in rows]
                idx = np.concatenate([f.idx for f in feats])
                lens = np.array([len(f.idx) for f in feats])
                starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
                X = dense[rows]
                z = np.add.reduceat(W[idx], starts, axis=0) + X @ V + b
                if hidden:
                    h = np.maximum(X @ U + c, 0.0)
                    z = z + h @ O
                p = _softmax(z)
                p[np.arange(len(rows)), y[rows]] -= 1.0
                p *= cw[y[rows], None] / len(rows)
                gW_rows = np.repeat(p, lens, axis=0)
                uniq, inv = np.unique(idx, return_inverse=True)
                gWu = np.zeros((len(uniq), k))
                np.add.at(gWu, inv, gW_rows)
                gWu += l2 * W[uniq]
                gV = X.T @ p + l2 * V
                gb = p.sum(0)
                grads = [(1, gV), (2, gb)]
                if hidden:
                    dh = (p @ O.T) * (h > 0)
                    grads += [(3, X.T @ dh + l2 * U), (4, dh.sum(0)), (5, h.T @ p + l2 * O)]
                step += 1
                corr1, corr2 = 1 - b1**step, 1 - b2**step
                # lazy (sparse) Adam for W: only rows seen in this batch move
                m[0][uniq] = b1 * m[0][uniq] + (1 - b1) * gWu
                v[0][uniq] = b2 * v[0][uniq] + (1 - b2) * gWu**2
                W[uniq] -= lr * (m[0][uniq] / corr1) / (np.sqrt(v[0][uniq] / corr2) + eps)
                for j, g in grads:
                    m[j] = b1 * m[j] + (1 - b1) * g
                    v[j] = b2 * v[j] + (1 - b2) * g**2
                    params[j] -= lr * (m[j] / corr1) / (np.sqrt(v[j] / corr2) + eps)
        f32 = np.float32
        return cls(
            W.astype(f32),
            V.astype(f32),
            b.astype(f32),
            mean.astype(f32),
            scale.astype(f32),
            U.astype(f32) if hidden else None,
            c.astype(f32) if hidden else None,
            O.astype(f32) if hidden else None,
            {
                "buckets": BUCKETS,
                "dense": DENSE,
                "l2": l2,
                "epochs": epochs,
                "lr": lr,
                "seed": seed,
                "hidden": hidden,
                "batch": batch,
                "use_dense": use_dense,
                "class_weight": class_weight,
            },
        )

    # -- saving and loading -----------------------------------------------------------

    def to_disk(self, path: Path) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        extra = {} if self.U is None else {"U": self.U, "c": self.c, "O": self.O}
        np.savez_compressed(
            path / "weights.npz",
            W=self.W.astype(np.float16),
            V=self.V,
            b=self.b,
            mean=self.mean,
            scale=self.scale,
            **extra,
        )
        (path / "meta.json").write_text(json.dumps(self.meta, indent=1, sort_keys=True) + "\n")

    @classmethod
    def from_disk(cls, path: Path) -> DirectionModel:
        path = Path(path)
        try:
            z = np.load(path / "weights.npz")
            meta = json.loads((path / "meta.json").read_text())
            hid = [z[k] for k in ("U", "c", "O")] if "U" in z.files else [None, None, None]
            model = cls(z["W"].astype(np.float32), z["V"], z["b"], z["mean"], z["scale"], *hid, meta)
        except (OSError, KeyError, ValueError) as exc:
            raise DirectionModelError(str(path), str(exc)) from exc
        if model.W.shape != (BUCKETS, len(CLASSES)) or model.V.shape != (DENSE, len(CLASSES)):
            raise DirectionModelError(
                str(path), f"weights of shape {model.W.shape}/{model.V.shape}, trained by another version"
            )
        return model


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> float:
    """Mean F1 over the five classes."""
    scores = []
    for c in CLASSES:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(scores) / len(scores)


# -- the spaCy component --------------------------------------------------------------

# The rule class of an edge of each polarity, source as entity 1.
_RULE_CLASS = {1: POS_FWD, -1: NEG_FWD}  # Polarity.POSITIVE, Polarity.NEGATIVE
_NAMED = ("name", "title")


class DirectionComponent:
    """``graphbuild_direction``: reviews the rule edges ``graphbuild_relations`` left on the Doc
    and adds model-made ones.

    - An asserted rule edge of positive or negative polarity whose reverse direction (same polarity)
      the model gives probability >= ``veto_threshold`` is re-directed; one whose opposite
      polarity gets >= ``veto_threshold`` is dropped. Rules keep choosing the type.
    - Every reviewed rule edge gets its confidence adjusted (``confidence.with_model``).
    - Two named people in one sentence with no rule edge between them in that sentence get a
      PRAISED or CRITICIZED edge, ``method="model"``, when the model's probability of that
      class is >= ``add_threshold`` and the sentence is asserted there.
    """

    def __init__(
        self, nlp, name: str, veto_threshold: float, add_threshold: float, add_edges: bool, model_dir: str = ""
    ):
        self.name = name
        self.veto_threshold = veto_threshold
        self.add_threshold = add_threshold
        self.add_edges = add_edges
        self.model = DirectionModel.from_disk(Path(model_dir) if model_dir else DEFAULT_MODEL_DIR)

    def to_disk(self, path, *, exclude=()) -> None:
        self.model.to_disk(Path(path))

    def from_disk(self, path, *, exclude=()) -> DirectionComponent:
        self.model = DirectionModel.from_disk(Path(path))
        return self

    def __call__(self, doc: Doc) -> Doc:
        edges = doc._.graphbuild
        if edges is None:
            return doc
        doc._.graphbuild = review(
            doc,
            edges,
            doc._.graphbuild_mentions or [],
            self.model,
            self.veto_threshold,
            self.add_threshold if self.add_edges else None,
        )
        return doc


def _sentence_of(doc: Doc, char: int):
    tok = doc.char_span(char, char + 1, alignment_mode="expand")
    return tok[0].sent if tok is not None and len(tok) else None


def _token_span(doc: Doc, m) -> tuple[int, int] | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def review(
    doc: Doc, edges: list, mentions: list, model: DirectionModel, veto_threshold: float, add_threshold: float | None
) -> list:
    """The rule edges reviewed by the model, then the model-made edges (see ``DirectionComponent``)."""
    from ..records import Modality, Relation
    from . import RawEdge, _evidence_span
    from .confidence import model_confidence, with_model
    from .lexicon import load_lexicon
    from .relations import modality_of

    # mentions of each person, per sentence (by the sentence's first token)
    by_sent: dict[int, dict[str, list]] = {}
    for m in mentions:
        if m.person_id is None:
            continue
        span = _token_span(doc, m)
        if span is None:
            continue
        sent = doc[span[0]].sent
        by_sent.setdefault(sent.start, {}).setdefault(m.person_id, []).append((span, m.kind.value))
    cache: dict[tuple, np.ndarray] = {}

    def proba(a: tuple[int, int], b: tuple[int, int]) -> np.ndarray:
        if (a, b) not in cache:
            cache[(a, b)] = model.predict_pair(doc, a, b)
            cache[(b, a)] = cache[(a, b)][[0, 2, 1, 4, 3]]
        return cache[(a, b)]

    def closest(sent_start: int, s: str, t: str):
        people = by_sent.get(sent_start, {})
        pairs = [
            (abs(a[0][0] - b[0][0]), a[0], b[0])
            for a in people.get(s, [])
            for b in people.get(t, [])
            if a[0][1] <= b[0][0] or b[0][1] <= a[0][0]
        ]
        return min(pairs)[1:] if pairs else None

    out, covered = [], set()
    for e in edges:
        sent = _sentence_of(doc, e.start)
        if sent is None:
            out.append(e)
            continue
        covered.add((sent.start, e.source, e.target))
        covered.add((sent.start, e.target, e.source))
        pol = int(e.relation.polarity)
        # Only asserted edges with a polarity are reviewed: "would not support X" stays as the rules read it.
        reviewed = pol in _RULE_CLASS and e.modality is Modality.ASSERTED
        pair = closest(sent.start, e.source, e.target) if reviewed else None
        if pair is None:
            out.append(e)
            continue
        p = proba(*pair)
        agree = _RULE_CLASS[pol]
        reverse = agree + 1  # same polarity, other direction
        flip = NEG_FWD if agree == POS_FWD else POS_FWD  # other polarity, same direction
        p_contra = p[reverse] + p[flip] + p[flip + 1]
        if veto_threshold < 1.0 and p[flip] + p[flip + 1] >= veto_threshold:
            continue  # the model reads the opposite polarity: drop the edge
        if veto_threshold < 1.0 and p[reverse] >= veto_threshold and not e.relation.symmetric:
            e = RawEdge(
                e.target,
                e.target_name,
                e.source,
                e.source_name,
                e.relation,
                e.label,
                e.modality,
                e.speaker,
                e.reported_by,
                with_model(e.confidence, p[reverse], 1.0 - p[NONE] - p[reverse]),
                e.start,
                e.end,
                "rule+model",
            )
            out.append(e)
            continue
        out.append(_replace_conf(e, with_model(e.confidence, p[agree], p_contra)))
    if add_threshold is None:
        return out

    lex = None
    names = {person.id: person.name for person in doc._.graphbuild_people or []}
    for e in edges:
        names[e.source], names[e.target] = e.source_name, e.target_name
    for sent_start, people in by_sent.items():
        named = {pid: [sp for sp, kind in ms if kind in _NAMED] for pid, ms in people.items()}
        named = {pid: sps for pid, sps in named.items() if sps}
        pids = sorted(named)
        for i, a in enumerate(pids):
            for b in pids[i + 1 :]:
                if (sent_start, a, b) in covered:
                    continue
                pair = closest(sent_start, a, b)
                if pair is None or pair[0] not in named[a] or pair[1] not in named[b]:
                    continue
                p = proba(*pair)
                c = int(np.argmax(p))
                if c == NONE or p[c] < add_threshold:
                    continue
                src, tgt = (a, b) if c in (POS_FWD, NEG_FWD) else (b, a)
                h_src = doc[pair[0][0] : pair[0][1]].root if src == a else doc[pair[1][0] : pair[1][1]].root
                h_tgt = doc[pair[1][0] : pair[1][1]].root if src == a else doc[pair[0][0] : pair[0][1]].root
                anchor = _meeting_word(h_src, h_tgt)
                lex = lex or load_lexicon()
                if modality_of(anchor, lex) is not Modality.ASSERTED:
                    continue
                rel = Relation.PRAISED if c in (POS_FWD, POS_BACK) else Relation.CRITICIZED
                if src not in names or tgt not in names:
                    continue
                out.append(
                    RawEdge(
                        src,
                        names[src],
                        tgt,
                        names[tgt],
                        rel,
                        anchor.lemma_.lower(),
                        Modality.ASSERTED,
                        None,
                        None,
                        model_confidence(float(p[c])),
                        *_evidence_span(doc_text(doc), anchor),
                        "model",
                    )
                )
    return out


def _replace_conf(e, conf: float):
    from dataclasses import replace

    return replace(e, confidence=conf)


def _meeting_word(a: Token, b: Token) -> Token:
    ca = {t.i for t in _chain(a)}
    return next((t for t in _chain(b) if t.i in ca), a.head)
