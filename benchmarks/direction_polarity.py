"""Direction and polarity of extracted edges on the DSA validation pairs.

Data: ``../shared/corpus/dsa/valid.tsv`` (Park, Pan and Joo, Findings of ACL
2021): a sentence with two entities in [brackets] and a label, 0 none, 1 e1
positive to e2, 2 e2 positive to e1, 3 e1 negative to e2, 4 e2 negative to e1.
Only pairs whose both ends spaCy tags PERSON are kept. Each sentence goes
through graphbuild's extraction as an article; the asserted edge between the
two people with the highest confidence gives the predicted class from its
type's polarity (relations.md); no edge, or a neutral type, predicts 0.

Prints accuracy, macro-F1 over the five classes, the neutral false-alarm rate
(gold 0 predicted non-0), and the "predict nothing" baseline from the same run.
Goal: macro-F1 >= 0.45, neutral false alarms <= 0.15.

    python benchmarks/direction_polarity.py [--split valid] [--min-confidence 0]
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from graphbuild.extract import extract_edges, load_pipeline
from graphbuild.records import Article, Modality, Polarity

DSA = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dsa"
CLASSES = (0, 1, 2, 3, 4)


@dataclass(frozen=True)
class Pair:
    text: str
    e1: tuple[int, int]  # character span of entity 1 in text
    e2: tuple[int, int]
    label: int


def read_pairs(path: Path) -> list[Pair]:
    """Rows of a DSA file, brackets removed, entity spans kept."""
    pairs = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if len(row) < 4 or not row[3].strip().isdigit():
                continue
            marked, label = row[0], int(row[3])
            spans, text, pos = [], [], 0
            for m in re.finditer(r"\[([^\[\]]+)\]", marked):
                text.append(marked[pos:m.start()])
                start = sum(len(t) for t in text)
                text.append(m.group(1))
                end = start + len(m.group(1))
                pos = m.end()
                # The corpus often leaves a final "s" outside the brackets: "[Jeff Session]s".
                if marked[pos:pos + 1] == "s" and not marked[pos + 1:pos + 2].isalpha():
                    text.append("s")
                    end, pos = end + 1, pos + 1
                spans.append((start, end))
            text.append(marked[pos:])
            if len(spans) != 2:
                continue
            pairs.append(Pair("".join(text), spans[0], spans[1], label))
    return pairs


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def predicted_class(pair: Pair, edges, name_at) -> int:
    """The class of the best asserted edge between the pair's two people, else 0."""
    n1, n2 = name_at(pair.e1), name_at(pair.e2)
    best = None
    for e in edges:
        if e.modality is not Modality.ASSERTED:
            continue
        ends = (e.source.name.casefold(), e.target.name.casefold())
        if (n1, n2) == ends:
            forward = True
        elif (n2, n1) == ends:
            forward = False
        else:
            continue
        if best is None or e.confidence > best[0].confidence:
            best = (e, forward)
    if best is None or best[0].polarity is Polarity.NEUTRAL:
        return 0
    e, forward = best
    if e.polarity is Polarity.POSITIVE:
        return 1 if forward else 2
    return 3 if forward else 4


def macro_f1(gold: list[int], pred: list[int]) -> float:
    scores = []
    for c in CLASSES:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(scores) / len(scores)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="valid", choices=["valid", "train"])
    ap.add_argument("--min-confidence", type=float, default=None)
    ap.add_argument("--show-errors", type=int, default=0, help="print this many wrong predictions")
    args = ap.parse_args()

    nlp = load_pipeline()
    pairs = read_pairs(DSA / f"{args.split}.tsv")
    docs = nlp.pipe([p.text for p in pairs], batch_size=64, disable=["graphbuild_relations"])
    person_pairs = []
    for pair, doc in zip(pairs, docs):
        persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
        if any(_overlaps(pair.e1, s) for s in persons) and any(_overlaps(pair.e2, s) for s in persons):
            person_pairs.append(pair)

    articles = [Article(id=f"dsa-{i}", text=p.text) for i, p in enumerate(person_pairs)]
    gold, pred = [], []
    errors = []
    for pair, (_article, edges) in zip(person_pairs, extract_edges(articles, nlp, min_confidence=args.min_confidence)):
        names = {e.source.name for e in edges} | {e.target.name for e in edges}

        def name_at(span, text=pair.text, names=names):
            surface = text[span[0]:span[1]].casefold()
            last = surface.split()[-1] if surface.split() else surface
            for n in names:
                if n.casefold() == surface or n.casefold().split()[-1] == last.rstrip("’'"):
                    return n.casefold()
            return surface

        p = predicted_class(pair, edges, name_at)
        gold.append(pair.label)
        pred.append(p)
        if p != pair.label:
            errors.append((pair, p))

    n = len(gold)
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / n
    neutral = [p for g, p in zip(gold, pred) if g == 0]
    false_alarm = sum(1 for p in neutral if p != 0) / len(neutral) if neutral else 0.0
    print(f"DSA {args.split}: {len(pairs)} pairs, {n} with both ends PERSON; gold classes {dict(sorted(Counter(gold).items()))}")
    print(f"predicted classes {dict(sorted(Counter(pred).items()))}")
    print(f"accuracy {acc:.3f}  macro-F1 {macro_f1(gold, pred):.3f}  neutral false alarms {false_alarm:.3f}"
          "  (goal: macro-F1 >= 0.45, false alarms <= 0.15)")
    print(f"baseline 'predict nothing': accuracy {sum(1 for g in gold if g == 0) / n:.3f}  "
          f"macro-F1 {macro_f1(gold, [0] * n):.3f}")
    for pair, p in errors[: args.show_errors]:
        print(f"  gold {pair.label} pred {p}: {pair.text[:160]!r}  e1={pair.text[slice(*pair.e1)]!r} "
              f"e2={pair.text[slice(*pair.e2)]!r}")


if __name__ == "__main__":
    main()
