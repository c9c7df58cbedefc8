"""People quality of a build: the most-evidenced people, and the share of nodes that are no full name.

    python benchmarks/people_quality.py BUILD_DIR [--top 60] [--evidence ID ...] [--all-flagged]

Reads BUILD_DIR/graph.json (written by ``graphbuild build``) and prints:

- the ``--top`` people with the most evidence: evidence count, id, name, KB id,
  and flags; read their names (and, for suspicious ones, ``--evidence ID``) to
  check that none is a copy or a wrong merge of another;
- every node flagged as not one real person's full name, by kind:

  - ``one word``: a first name or a surname alone ("Bush", "Hunter");
  - ``title``: a title, or a title kept in the name ("Sgt", "Moderator X");
  - ``place`` / ``group``: a place or group the knowledge base knows;
  - ``garbled``: words run together, digits, a word doubled, a name ending
    in an initial ("George W."), two names glued ("Joe Biden Hillary
    Clinton"), lower-case words;
  - ``nickname``: an insult nickname ("Crooked Hillary", "Little Marco");
  - ``misspelt?``: an unlinked name one or two letters away from a KB
    person's name ("Micheal Cohen", "Corey Booker");

- the counts, and the flagged share of all nodes (issue 9's goal: under 3%).

``--evidence ID`` prints each evidence sentence of that person's edges (with
the other end and relation), to judge a merge by reading.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphbuild.kb import load_kb
from graphbuild.naming import clean_name, lookup_key, split_name

# Words of insult nicknames written in front of a name.
NICKNAME_WORDS = frozenset(
    "crooked little sleepy lyin lyin' lying crazy cryin cryin' low-energy shifty sloppy "
    "mini liddle pocahontas slow lightweight goofy dopey sneaky nervous phony".split()
)


def _near_spelling(a: str, b: str) -> bool:
    """Two spellings of one name: adjacent letters swapped ("micheal", "michael") or one
    vowel inside the word added or dropped ("corey", "cory"); "paula" is not "paul"."""
    if a == b or a[:1] != b[:1]:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1:
        return False
    return any(long_[i] in "aeiouy" and long_[:i] + long_[i + 1 :] == short for i in range(1, len(long_) - 1))


def flags_of(name: str, kb_id: str | None, kb) -> list[str]:
    """Why ``name`` may not be one real person's full name (empty: looks fine)."""
    out: list[str] = []
    words = name.split()
    cleaned = clean_name(name)
    if not cleaned:
        return ["title"]
    if cleaned != name:
        out.append("title")
    if kb.is_place(cleaned):
        out.append("place")
    if kb.is_group(cleaned):
        out.append("group")
    if len(cleaned.split()) == 1:
        out.append("one word")
    low = [w.lower().strip(".'’") for w in words]
    if low and low[0] in NICKNAME_WORDS:
        out.append("nickname")
    garbled = (
        any(re.search(r"[a-z][A-Z]", re.sub(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O')", "", w)) for w in words)
        or any(ch.isdigit() for ch in name)
        or len(set(low)) < len(low)
        or (len(words) > 1 and re.fullmatch(r"[A-Z]\.?", words[-1]) is not None)
        or any(
            w[:1].islower() and w not in ("de", "da", "van", "von", "der", "bin", "al", "la", "le", "del")
            for w in words
        )
    )
    if not garbled and len(words) >= 4 and not kb_id:
        # Two names run together: a KB person's full name followed by more words.
        for cut in range(2, len(words) - 1):
            if kb.by_name(" ".join(words[:cut])) and len(words) - cut >= 2:
                garbled = True
                break
    if garbled:
        out.append("garbled")
    if not kb_id and not out:
        p = split_name(name)
        if p.first and p.last:
            for e in kb.by_surname(p.last):
                ep = split_name(e.name)
                if _near_spelling(p.first, ep.first):
                    out.append(f"misspelt? ({e.name})")
                    break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("build", type=Path, help="a folder written by `graphbuild build` (holds graph.json)")
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--evidence", action="append", default=[], help="print the evidence sentences of this person id")
    ap.add_argument("--all-flagged", action="store_true", help="list every flagged node, not only the counts")
    args = ap.parse_args(argv)
    g = json.loads((args.build / "graph.json").read_text(encoding="utf-8"))
    kb = load_kb()
    nodes = sorted(g["nodes"], key=lambda n: (-(n.get("evidence_count") or 0), n["id"]))
    flagged = {n["id"]: flags_of(n.get("name") or n["id"], n.get("kb_id"), kb) for n in nodes}

    print(f"top {args.top} people by evidence ({args.build / 'graph.json'})")
    print(f"{'evid':>5}  {'id':<26} {'name':<28} {'kb':<20} flags")
    for n in nodes[: args.top]:
        fl = flagged[n["id"]]
        print(
            f"{n.get('evidence_count') or 0:>5}  {n['id']:<26} {n.get('name', ''):<28} {n.get('kb_id') or '-':<20} {', '.join(fl)}"
        )
    # Same-name copies among the top people: two ids whose names share a lookup key or a surname + first name.
    keys = Counter(lookup_key(n.get("name") or n["id"]) for n in nodes)
    copies = [n["id"] for n in nodes[: args.top] if keys[lookup_key(n.get("name") or n["id"])] > 1]
    print(f"top-{args.top} ids sharing a name with another node: {copies or 'none'}")

    kinds = Counter(k.split(" (")[0] for fl in flagged.values() for k in fl)
    bad = [n for n in nodes if flagged[n["id"]]]
    print()
    print(f"nodes: {len(nodes)}; flagged as no full name: {len(bad)} ({100 * len(bad) / max(len(nodes), 1):.1f}%)")
    print("by kind: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    if args.all_flagged:
        for n in bad:
            print(
                f"  {n.get('evidence_count') or 0:>4}  {n['id']:<26} {n.get('name', ''):<30} {', '.join(flagged[n['id']])}"
            )

    for pid in args.evidence:
        print(f"\nevidence of {pid}:")
        for e in g["edges"]:
            if pid not in (e["source"], e["target"]):
                continue
            for ev in e["evidence"]:
                print(
                    f"  {e['source']} {e['key']} {e['target']}  [{ev.get('published') or 'undated'}] {ev['quote'][:240]}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
