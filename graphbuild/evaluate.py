"""Gold files and the scoring rule of ``docs/edges.md``.

Per article, on the distinct (source, relation, target) of the asserted edges:
a predicted end matches a gold person when its name, or failing that its last
word, equals one of the person's gold names (case folded); symmetric types
match in either order. Recall counts required edges found; precision counts
predicted edges that match a required or acceptable one; a predicted edge that
matches a forbidden one is an error, listed on its own.

>>> gold = Gold("a", {"trump": ("Donald Trump", "Trump"), "sessions": ("Jeff Sessions", "Sessions")},
...             required=(("sessions", "ENDORSED", "trump"),), acceptable=(),
...             forbidden=(("trump", "ENDORSED", "sessions"),))
>>> s = score_article(gold, {("Jeff Sessions", "ENDORSED", "Trump"), ("Trump", "ENDORSED", "Sessions")})
>>> (s.recall, s.precision, s.forbidden_hits)
(1.0, 0.5, [('Trump', 'ENDORSED', 'Sessions')])
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

from .errors import GoldFormatError
from .records import Edge, Modality, Relation

Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Gold:
    article: str
    people: dict[str, tuple[str, ...]]
    required: tuple[Triple, ...]
    acceptable: tuple[Triple, ...]
    forbidden: tuple[Triple, ...]


def load_gold(path: str | Path) -> Gold:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        people = {k: tuple(v) for k, v in data["people"].items()}

        def triples(key: str) -> tuple[Triple, ...]:
            out = []
            for item in data.get(key, []):
                rel = Relation.parse(item["relation"]).value
                for end in ("source", "target"):
                    if item[end] not in people:
                        raise ValueError(f"{key} names {item[end]!r}, who is not in people")
                out.append((item["source"], rel, item["target"]))
            return tuple(out)

        return Gold(str(data["article"]), people, triples("required"), triples("acceptable"), triples("forbidden"))
    except (OSError, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise GoldFormatError(str(path), f"{type(exc).__name__}: {exc}") from None


@dataclass
class ArticleScore:
    article: str
    predicted: int
    correct: int  # predicted edges matching required or acceptable
    required: int
    found: int  # required edges matched
    missed: list[Triple] = field(default_factory=list)
    forbidden_hits: list[Triple] = field(default_factory=list)
    wrong: list[Triple] = field(default_factory=list)  # predicted, matching nothing in gold
    scored: list[tuple[float, bool, str]] = field(
        default_factory=list
    )  # per predicted triple: confidence, correct, method
    # per relation type: [predicted, correct, required, found]
    by_relation: dict[str, list[int]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _candidates(gold: Gold, name: str) -> set[str]:
    folded = name.casefold()
    full = {pid for pid, names in gold.people.items() if folded in {n.casefold() for n in names}}
    if full:
        return full
    last = folded.split()[-1] if folded.split() else folded
    return {pid for pid, names in gold.people.items() if last in {n.casefold() for n in names}}


def _matches(gold: Gold, pred: Triple, triple: Triple) -> bool:
    s, rel, t = pred
    if rel != triple[1]:
        return False
    cs, ct = _candidates(gold, s), _candidates(gold, t)
    if triple[0] in cs and triple[2] in ct:
        return True
    return Relation(rel).symmetric and triple[2] in cs and triple[0] in ct


def score_article(gold: Gold, predicted: set[Triple] | dict[Triple, tuple[float, str]]) -> ArticleScore:
    """Score the distinct asserted (source name, relation, target name) of one article;
    ``predicted`` may map each triple to its (best confidence, method) for the reliability table."""
    ok = gold.required + gold.acceptable
    score = ArticleScore(gold.article, len(predicted), 0, len(gold.required), 0)
    for p in sorted(predicted):
        right = any(_matches(gold, p, g) for g in ok)
        if isinstance(predicted, dict):
            score.scored.append((predicted[p][0], right, predicted[p][1]))
        counts = score.by_relation.setdefault(p[1], [0, 0, 0, 0])
        counts[0] += 1
        if right:
            score.correct += 1
            counts[1] += 1
        else:
            score.wrong.append(p)
        if any(_matches(gold, p, g) for g in gold.forbidden):
            score.forbidden_hits.append(p)
    for g in gold.required:
        counts = score.by_relation.setdefault(g[1], [0, 0, 0, 0])
        counts[2] += 1
        if any(_matches(gold, p, g) for p in predicted):
            score.found += 1
            counts[3] += 1
        else:
            score.missed.append(g)
    return score


def by_relation(scores: Iterable[ArticleScore]) -> list[dict]:
    """Precision and recall per relation type over articles, most required first.

    >>> a = ArticleScore("a", 2, 1, 2, 1, by_relation={"ENDORSED": [2, 1, 1, 1], "FIRED": [0, 0, 1, 0]})
    >>> [(r["relation"], r["precision"], r["recall"]) for r in by_relation([a])]
    [('ENDORSED', 0.5, 1.0), ('FIRED', None, 0.0)]
    """
    total: dict[str, list[int]] = {}
    for a in scores:
        for rel, counts in a.by_relation.items():
            t = total.setdefault(rel, [0, 0, 0, 0])
            for i, n in enumerate(counts):
                t[i] += n
    rows = []
    for rel, (pred, correct, req, found) in sorted(total.items(), key=lambda kv: (-kv[1][2], kv[0])):
        rows.append(
            {
                "relation": rel,
                "predicted": pred,
                "correct": correct,
                "required": req,
                "found": found,
                "precision": round(correct / pred, 4) if pred else None,
                "recall": round(found / req, 4) if req else None,
            }
        )
    return rows


def asserted_triples(edges: Iterable[Edge]) -> set[Triple]:
    return {(e.source.name, e.relation.value, e.target.name) for e in edges if e.modality is Modality.ASSERTED}


def asserted_confidence(edges: Iterable[Edge]) -> dict[Triple, tuple[float, str]]:
    """Each distinct asserted triple with its highest confidence and that edge's method."""
    best: dict[Triple, tuple[float, str]] = {}
    for e in edges:
        if e.modality is not Modality.ASSERTED:
            continue
        t = (e.source.name, e.relation.value, e.target.name)
        if t not in best or e.confidence > best[t][0]:
            best[t] = (e.confidence, e.method)
    return best


RELIABILITY_BINS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def reliability(scored: Iterable[tuple[float, bool, str]]) -> list[dict]:
    """Per confidence bin [lo, hi): distinct predicted edges and the share matching gold;
    a last row for confidence >= 0.8 (the calibration promise: share >= 0.8)."""
    scored = list(scored)
    rows = []
    for lo, hi in zip(RELIABILITY_BINS, RELIABILITY_BINS[1:]):
        inside = [ok for c, ok, _ in scored if lo <= c < hi or (hi == 1.0 and c == 1.0)]
        rows.append(
            {
                "bin": f"{lo:.1f}-{hi:.1f}",
                "count": len(inside),
                "share_correct": round(sum(inside) / len(inside), 4) if inside else None,
            }
        )
    high = [ok for c, ok, _ in scored if c >= 0.8]
    rows.append(
        {"bin": ">=0.8", "count": len(high), "share_correct": round(sum(high) / len(high), 4) if high else None}
    )
    for method in sorted({m for _, _, m in scored}):
        mine = [ok for _, ok, m in scored if m == method]
        rows.append(
            {
                "bin": f"method={method}",
                "count": len(mine),
                "share_correct": round(sum(mine) / len(mine), 4) if mine else None,
            }
        )
    return rows


@dataclass
class EvaluationReport:
    articles: list[ArticleScore]
    no_gold: list[str]

    @property
    def total(self) -> ArticleScore:
        t = ArticleScore("TOTAL", 0, 0, 0, 0)
        for a in self.articles:
            t.predicted += a.predicted
            t.correct += a.correct
            t.required += a.required
            t.found += a.found
            t.forbidden_hits += a.forbidden_hits
            t.scored += a.scored
        return t

    def to_json(self) -> dict:
        def one(a: ArticleScore) -> dict:
            d = asdict(a)
            del d["scored"], d["by_relation"]
            d.update(precision=round(a.precision, 4), recall=round(a.recall, 4), f1=round(a.f1, 4))
            return d

        return {
            "articles": [one(a) for a in self.articles],
            "total": one(self.total),
            "no_gold": self.no_gold,
            "reliability": reliability(x for a in self.articles for x in a.scored),
            "by_relation": by_relation(self.articles),
        }

    def print(self, as_json: bool = False) -> None:
        if as_json:
            print(json.dumps(self.to_json(), indent=1))
            return
        from rich.console import Console
        from rich.table import Table

        out = Console(highlight=False)
        table = Table("article", "P", "R", "F1", "predicted", "required found", "forbidden")
        for a in self.articles + [self.total]:
            table.add_row(
                a.article,
                f"{a.precision:.2f}",
                f"{a.recall:.2f}",
                f"{a.f1:.2f}",
                str(a.predicted),
                f"{a.found}/{a.required}",
                str(len(a.forbidden_hits)),
            )
        out.print(table)
        for a in self.articles:
            for f in a.forbidden_hits:
                out.print(f"FORBIDDEN {a.article}: {f[0]} -{f[1]}-> {f[2]}")
            for m in a.missed:
                out.print(f"missed {a.article}: {m[0]} -{m[1]}-> {m[2]}")
            for w in a.wrong:
                out.print(f"not in gold {a.article}: {w[0]} -{w[1]}-> {w[2]}")
        if self.no_gold:
            out.print(f"no gold file for: {', '.join(self.no_gold)}")
        per = Table("relation", "P", "R", "predicted correct", "required found", title="by relation type")
        for row in by_relation(self.articles):
            per.add_row(
                row["relation"],
                "-" if row["precision"] is None else f"{row['precision']:.2f}",
                "-" if row["recall"] is None else f"{row['recall']:.2f}",
                f"{row['correct']}/{row['predicted']}",
                f"{row['found']}/{row['required']}",
            )
        out.print(per)
        t = self.total
        rel = Table("confidence", "edges", "share correct", title="reliability (distinct asserted edges)")
        for row in reliability(t.scored):
            share = row["share_correct"]
            rel.add_row(row["bin"], str(row["count"]), "-" if share is None else f"{share:.2f}")
        out.print(rel)
        out.print(
            f"total: precision {t.precision:.3f} recall {t.recall:.3f} F1 {t.f1:.3f} forbidden {len(t.forbidden_hits)}"
        )


def _gold_path(article, gold_dir: Path | None) -> Path | None:
    if gold_dir is not None:
        return gold_dir / f"{article.id}.gold.json"
    if article.origin and ":" not in Path(article.origin).name:
        return Path(article.origin).with_name(f"{article.id}.gold.json")
    return None


def evaluate_paths(paths, gold_dir: Path | None = None, *, model=None, min_confidence=None) -> EvaluationReport:
    """Extract ``paths`` and score each article that has a gold file."""
    from .articles import read_articles
    from .extract import extract_edges, load_pipeline
    from .records import Article

    articles = [a for a in read_articles(paths) if isinstance(a, Article)]
    report = EvaluationReport([], [])
    with_gold = []
    for a in articles:
        gp = _gold_path(a, Path(gold_dir) if gold_dir else None)
        if gp is not None and gp.is_file():
            with_gold.append((a, load_gold(gp)))
        else:
            report.no_gold.append(a.id)
    golds = {a.id: g for a, g in with_gold}
    nlp = load_pipeline(model)
    for article, edges in extract_edges([a for a, _ in with_gold], nlp, min_confidence=min_confidence):
        report.articles.append(score_article(golds[article.id], asserted_confidence(edges)))
    return report
