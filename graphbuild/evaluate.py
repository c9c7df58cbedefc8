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

        return Gold(str(data["article"]), people, triples("required"), triples("acceptable"),
                    triples("forbidden"))
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


def score_article(gold: Gold, predicted: set[Triple]) -> ArticleScore:
    """Score the distinct asserted (source name, relation, target name) of one article."""
    ok = gold.required + gold.acceptable
    score = ArticleScore(gold.article, len(predicted), 0, len(gold.required), 0)
    for p in sorted(predicted):
        if any(_matches(gold, p, g) for g in ok):
            score.correct += 1
        else:
            score.wrong.append(p)
        if any(_matches(gold, p, g) for g in gold.forbidden):
            score.forbidden_hits.append(p)
    for g in gold.required:
        if any(_matches(gold, p, g) for p in predicted):
            score.found += 1
        else:
            score.missed.append(g)
    return score


def asserted_triples(edges: Iterable[Edge]) -> set[Triple]:
    return {(e.source.name, e.relation.value, e.target.name) for e in edges
            if e.modality is Modality.ASSERTED}


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
        return t

    def to_json(self) -> dict:
        def one(a: ArticleScore) -> dict:
            d = asdict(a)
            d.update(precision=round(a.precision, 4), recall=round(a.recall, 4), f1=round(a.f1, 4))
            return d

        return {"articles": [one(a) for a in self.articles], "total": one(self.total), "no_gold": self.no_gold}

    def print(self, as_json: bool = False) -> None:
        if as_json:
            print(json.dumps(self.to_json(), indent=1))
            return
        from rich.console import Console
        from rich.table import Table

        out = Console(highlight=False)
        table = Table("article", "P", "R", "F1", "predicted", "required found", "forbidden")
        for a in self.articles + [self.total]:
            table.add_row(a.article, f"{a.precision:.2f}", f"{a.recall:.2f}", f"{a.f1:.2f}", str(a.predicted),
                          f"{a.found}/{a.required}", str(len(a.forbidden_hits)))
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
        t = self.total
        out.print(f"total: precision {t.precision:.3f} recall {t.recall:.3f} F1 {t.f1:.3f} "
                  f"forbidden {len(t.forbidden_hits)}")


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
        report.articles.append(score_article(golds[article.id], asserted_triples(edges)))
    return report
