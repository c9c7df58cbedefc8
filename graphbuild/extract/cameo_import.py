"""Build ``lexicon_cameo.json`` from the CAMEO verb dictionary of PETRARCH2.

    python -m graphbuild.extract.cameo_import CAMEO.2.0.txt [--out FILE]

``CAMEO.2.0.txt`` (MIT, Open Event Data Alliance; github.com/openeventdata/petrarch2,
``petrarch2/data/dictionaries``) lists verbs in synonym blocks, each block and
verb with a CAMEO event code, then patterns that refine the code: ``*`` is the
verb, ``$`` the source actor, ``+`` the target, ``(PREP ...)`` a prepositional
phrase, ``&NAME`` a synonym set, ``[:code]`` an event whose source is the
sentence's target. This script keeps the person-to-person part:

- a verb line gives a verb whose subject is the source and object the target
  (``+LASH_OUT``: verb and particle; ``+SIDE_WITH``: verb and preposition);
- a pattern ``* (PREP)`` or ``* PRT (PREP)`` gives a verb whose target is the
  object of PREP ("distanced himself from X", "hit out at X");
- a pattern ``* NOUN (PREP)`` gives a light verb whose object must be NOUN
  ("filed a case against X", "threw his support behind X");
- a reversed pattern ``* NOUN [:code]`` gives a light verb whose subject is the
  target and the object of from/of the source ("won the backing of X",
  "received threats from X"), and ``* (PREP NOUN) [:code]`` one whose
  preposition and noun are fixed ("came under fire from X");

and maps the code to a relation type (the CAMEO column of spec/relations.md,
refined by wording where one code covers two types). Everything else --
object nouns that are not people, military, material, diplomatic codes,
reversed events -- is dropped. ``EXCLUDED`` is the curated list of verbs
whose CAMEO code misfires on people (read from samples of news text).

The output is deterministic (sorted, no timestamps); it is shipped in the
package and merged under the hand-written ``lexicon.json`` at load.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from ..records import Relation

OUT = Path(__file__).with_name("lexicon_cameo.json")

# CAMEO code prefix -> relation type (longest prefix wins). Codes not listed are
# not person-to-person statements (appeals, aid, military force, violence, ...);
# 040 (consult) and 050 (cooperate) are too wide and count only through WORD_RELATION.
CODE_RELATION: dict[str, Relation] = {
    "041": Relation.SPOKE_WITH,
    "046": Relation.SPOKE_WITH,
    "051": Relation.PRAISED,
    "052": Relation.SUPPORTED,
    "053": Relation.SUPPORTED,
    "090": Relation.INVESTIGATED,
    "091": Relation.INVESTIGATED,
    "110": Relation.CRITICIZED,
    "111": Relation.CRITICIZED,
    "112": Relation.ACCUSED,
    "113": Relation.OPPOSED,
    "115": Relation.SUED,
    "12": Relation.OPPOSED,
    "13": Relation.THREATENED,
    "160": Relation.OPPOSED,
    "170": Relation.OPPOSED,
    "173": Relation.INVESTIGATED,
    "174": Relation.FIRED,
}
# Where one code covers two of our types, or a wide code one clear word, the wording
# decides: lemma -> (relation, the code prefix the verb must carry for it to apply).
WORD_RELATION: dict[str, tuple[Relation, str]] = {
    "endorse": (Relation.ENDORSED, "05"),
    "throw": (Relation.ENDORSED, "05"),
    "cast": (Relation.ENDORSED, "05"),
    "hurl": (Relation.ENDORSED, "05"),
    "favor": (Relation.ENDORSED, "05"),
    "favour": (Relation.ENDORSED, "05"),
    "prefer": (Relation.SUPPORTED, "05"),
    "back": (Relation.SUPPORTED, "05"),
    "support": (Relation.SUPPORTED, "05"),
    "side": (Relation.SUPPORTED, "05"),
    "sue": (Relation.SUED, "17"),
    "pardon": (Relation.PARDONED, "080"),
    "meet": (Relation.MET_WITH, "04"),
    "encounter": (Relation.MET_WITH, "04"),
    "run": (Relation.MET_WITH, "04"),
    "contact": (Relation.SPOKE_WITH, "04"),
    "communicate": (Relation.SPOKE_WITH, "04"),
    "confer": (Relation.SPOKE_WITH, "04"),
    "consult": (Relation.SPOKE_WITH, "04"),
    "converse": (Relation.SPOKE_WITH, "04"),
    "negotiate": (Relation.SPOKE_WITH, "05"),
    "receive": (Relation.SPOKE_WITH, "04"),
    "oppose": (Relation.OPPOSED, "11"),
    "distance": (Relation.OPPOSED, "11"),
    "rebuff": (Relation.OPPOSED, "11"),
    "spurn": (Relation.OPPOSED, "11"),
    "campaign": (Relation.OPPOSED, "11"),
    "lobby": (Relation.OPPOSED, "11"),
    "launch": (Relation.OPPOSED, "1"),
    "break": (Relation.OPPOSED, "13"),
    "conspire": (Relation.OPPOSED, "13"),
    "contrive": (Relation.OPPOSED, "13"),
    "scheme": (Relation.OPPOSED, "13"),
    "blackmail": (Relation.THREATENED, "17"),
    "spy": (Relation.INVESTIGATED, "09"),
    "interrogate": (Relation.INVESTIGATED, "09"),
}

# Reversed events ("[:051] GET SUPPORT"): the noun decides between our positive types.
REVERSED_NOUN_RELATION: dict[str, Relation] = {
    "backing": Relation.ENDORSED,
    "blessing": Relation.ENDORSED,
    "support": Relation.SUPPORTED,
}

# The curated exclusions: wordings whose CAMEO code misfires on people in news text
# (a thing is their usual object, the code is about states or armies, the subject
# is a cause rather than an actor, or the word says something else of a person).
# A key is a lemma, "lemma particle", "lemma prep" or "lemma noun prep". Read off news
# samples: "remove" (174) is mostly "a process to remove Trump from office", a call
# or purpose; bare "scoff" fires only through the surface fallback ("scoffs at the
# notion of challengers to Trump"); "prefer" is mostly a wish ("I'd prefer X");
# "expel" is mostly "expelled the reporter from the room", not a dismissal.
EXCLUDED: frozenset[str] = frozenset(
    {
        "allege",
        "aver",
        "avow",
        "claim",
        "swear",
        "argue",
        "bemoan",
        "blaspheme",
        "compete",
        "complain",
        "compensate",
        "contend",
        "contest",
        "contradict",
        "contrast",
        "contravene",
        "counter",
        "counterbalance",
        "cry",
        "despair",
        "differ",
        "disagree",
        "dispute",
        "dissent",
        "refute",
        "wrangle",
        "lament",
        "mourn",
        "grieve",
        "wail",
        "weep",
        "whine",
        "regret",
        "renounce",
        "express",
        "disappoint",
        "discourage",
        "dishearten",
        "dismay",
        "sadden",
        "distrust",
        "doubt",
        "oppugn",
        "suspect",
        "debase",
        "defile",
        "degrade",
        "disgrace",
        "humble",
        "humiliate",
        "remonstrate",
        "affirm",
        "bless",
        "sanctify",
        "celebrate",
        "clap",
        "commemorate",
        "greet",
        "recognise",
        "recognize",
        "reward",
        "toast",
        "welcome",
        "embolden",
        "encourage",
        "enliven",
        "galvanize",
        "inspire",
        "invigorate",
        "reassure",
        "revitalize",
        "rouse",
        "spur",
        "cheer",
        "legitimise",
        "legitimize",
        "reassert",
        "prize",
        "value",
        "esteem",
        "analyse",
        "ascertain",
        "audit",
        "check",
        "comb",
        "dig",
        "examine",
        "explore",
        "inspect",
        "mine",
        "monitor",
        "rake",
        "reexamine",
        "research",
        "scan",
        "scrutinize",
        "search",
        "skim",
        "study",
        "sweep",
        "unearth",
        "abort",
        "defer",
        "delay",
        "forestall",
        "postpone",
        "procrastinate",
        "remit",
        "retard",
        "shelve",
        "stall",
        "table",
        "prevent",
        "inhibit",
        "decline",
        "defect",
        "fail",
        "breach",
        "override",
        "object",
        "disband",
        "disarray",
        "disorder",
        "disrupt",
        "rescind",
        "countermine",
        "disassociate",
        "exclude",
        "bill",
        "blockade",
        "cage",
        "compel",
        "constrain",
        "contain",
        "crackdown",
        "curb",
        "embargo",
        "enclose",
        "enforce",
        "impel",
        "impose",
        "incarcerate",
        "inflict",
        "levy",
        "moderate",
        "penalize",
        "pressure",
        "punish",
        "quell",
        "reimpose",
        "reinforce",
        "repress",
        "restrain",
        "restrict",
        "segregate",
        "subdue",
        "suppress",
        "withhold",
        "force",
        "apprehend",
        "arrest",
        "rearrest",
        "detain",
        "jail",
        "imprison",
        "confine",
        "convict",
        "banish",
        "deport",
        "evict",
        "exile",
        "caution",
        "endanger",
        "risk",
        "communicate",
        "face",
        "confront",
        "brave",
        "interact",
        "glance over",
        "look over",
        "remove",
        "scoff",
        "expel",
        "prefer",
        # phrases
        "call off",
        "cast out",
        "hurl out",
        "throw out",
        "exclude from",
        "prepare evacuation of",
        "cordon off",
        "crack down",
        "hunt down",
        "clamp down",
        "beef up",
        "break away",
        "break off",
        "fire off",
        "kick off",
        "utter with",
        "verbalise with",
        "verbalize with",
        "host by",
        "welcome to",
        "request against",
        "decide against",
        "cooperate against",
        "back away from",
    }
)
# Light-verb nouns that are never a statement about a person ("rallied the world against").
EXCLUDED_NOUNS = frozenset(
    {
        "world",
        "attack",
        "attacks",
        "strike",
        "feet",
        "confidence",
        "message",
        "operation",
        "evacuation",
        "policy",
        "violence",
        "measures",
        "action",
        "demonstration",
        "tribunal",
        "battle",
        "belligerency",
        "combat",
        "feud",
        "fight",
        "fighting",
        "hostilitie",
        "strife",
        "struggle",
        "war",
        "warfare",
        "penalty",
        "hearing",
        "trial",
        "confined",
        "letter",
        "prize",
        "sentence",
        "hostilities",
        "custody",
        "detention",
        "detainment",
        "confinement",
        "jail",
        "prison",
        "penitentiary",
        "court",
    }
)

# Particles (the rest of a multi-word verb that is not a preposition).
PARTICLES = frozenset({"out", "down", "up", "off", "back", "over", "away", "in", "forward"})
# Prepositions whose object is the target of the verb.
TARGET_PREPS = frozenset({"against", "with", "at", "on", "into", "from", "by", "behind", "to", "of", "about"})

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]")
_PATTERN = re.compile(r"^-\s*(.*?)\s*\[([^\]]*)\]")


def _strip_comment(line: str) -> str:
    line = re.sub(r"<!--.*?-->", "", line)
    return line.split("#", 1)[0].split(";", 1)[0].rstrip()


def parse(text: str) -> tuple[dict[str, list[str]], list[dict]]:
    """Synonym sets and verb blocks of a PETRARCH verb dictionary."""
    lines = text.splitlines()
    synsets: dict[str, list[str]] = {}
    blocks: list[dict] = []
    current_set: str | None = None
    block: dict | None = None
    in_verbs = False
    for raw in lines:
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if not in_verbs:
            if line.startswith("&"):
                current_set = line.strip().rstrip("_")
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                synsets[current_set].append(line[1:].strip().rstrip("_").replace("_", " ").lower())
            continue
        m = _BLOCK.match(raw)
        if m:
            block = {"name": m.group(1), "code": m.group(2), "verbs": [], "patterns": []}
            blocks.append(block)
            continue
        if block is None or line.startswith("~"):
            continue
        if line.startswith("-"):
            pm = _PATTERN.match(line)
            if pm:
                origin = raw.split("#", 1)[1].split(",")[0].strip().lower() if "#" in raw else ""
                block["patterns"].append((pm.group(1).split(), pm.group(2), origin))
            continue
        forms = re.findall(r"\{([^}]*)\}", line)
        words = re.sub(r"\{[^}]*\}", "", line)
        code = _CODE.search(words)
        word = _CODE.sub("", words).strip().split()
        if word:
            block["verbs"].append(
                (
                    word[0],
                    code.group(1).strip() if code else None,
                    [f.lower() for f in " ".join(forms).replace(",", " ").split()],
                )
            )
    return synsets, blocks


def relation_for(code: str | None, lemma: str) -> Relation | None:
    if not code or code.startswith((":", "-")):
        return None  # no event, or the event's source is the sentence's target
    code = code.split(":")[0]
    if lemma in WORD_RELATION and code.startswith(WORD_RELATION[lemma][1]):
        return WORD_RELATION[lemma][0]
    return next((CODE_RELATION[code[:n]] for n in (4, 3, 2) if code[:n] in CODE_RELATION), None)


def _verb_words(verb: str) -> tuple[str, str | None, str | None] | None:
    """'+LASH_OUT' -> ('lash', 'out', None); '+SIDE_WITH' -> ('side', None, 'with')."""
    parts = verb.lstrip("+").lower().split("_")
    if not parts[0].isalpha():
        return None
    if len(parts) == 1:
        return parts[0], None, None
    if len(parts) == 2 and parts[1] in PARTICLES:
        return parts[0], parts[1], None
    if len(parts) == 2 and parts[1] in TARGET_PREPS:
        return parts[0], None, parts[1]
    return None  # longer phrases ("set in motion") are not person-to-person


def _regular_forms(lemma: str) -> list[str]:
    """The comments name the verb a pattern came from as written: "THREW", "RALLIED"."""
    stem = lemma.removesuffix("e")
    forms = [lemma + "s", stem + "ed", stem + "ing", lemma + "d"]
    if lemma.endswith("y"):
        forms += [lemma[:-1] + "ied", lemma[:-1] + "ies"]
    return forms


def _nouns(word: str, synsets: dict[str, list[str]]) -> list[str]:
    if word.startswith("&"):
        return [w for w in synsets.get(word.rstrip("_"), []) if " " not in w]
    word = word.lower()
    if not word.isalpha() or word.endswith("ly"):
        return []
    return [word[:-1] if word.endswith("s") and not word.endswith("ss") else word]  # the lemma: "threats"


def convert(text: str) -> list[dict]:
    """Verb entries in lexicon.json's shape, plus their CAMEO code and block."""
    synsets, blocks = parse(text)
    out: dict[tuple, dict] = {}

    def add(
        lemma,
        relation,
        code,
        block,
        prt=None,
        preps=(),
        needs_dobj_noun=(),
        reverse=False,
        needs_prep=(),
        needs_prep_object_noun=(),
    ):
        words = " ".join([lemma, *([prt] if prt else []), *needs_dobj_noun[:1], *needs_prep_object_noun, *preps])
        if words in EXCLUDED or lemma in EXCLUDED and words == lemma or set(needs_dobj_noun) & EXCLUDED_NOUNS:
            return
        entry = {"lemma": lemma, "relation": relation.value}
        if prt:
            entry["prt"] = prt
        if preps:
            entry["preps"] = list(preps)
        if needs_dobj_noun:
            entry["needs_dobj_noun"] = sorted(set(needs_dobj_noun))
        if needs_prep:
            entry["needs_prep"] = list(needs_prep)
            entry["needs_prep_object_noun"] = list(needs_prep_object_noun)
        if reverse:
            entry["reverse"] = True
        key = (lemma, prt, tuple(preps), tuple(entry.get("needs_dobj_noun", ())), tuple(needs_prep_object_noun))
        if key in out:
            return  # the first code found for one wording wins
        entry["cameo"] = code.split(":")[0]
        entry["cameo_block"] = block
        out[key] = entry

    for b in blocks:
        lemmas: dict[str, str | None] = {}
        inflected: dict[str, str] = {}
        for verb, code, forms in b["verbs"]:
            words = _verb_words(verb)
            if words is None:
                continue
            lemma, prt, prep = words
            own = code or b["code"]
            lemmas.setdefault(lemma, own)
            for form in [*forms, *_regular_forms(lemma)]:
                inflected.setdefault(form.lstrip("+"), lemma)
            rel = relation_for(own, lemma)
            if rel is not None:
                add(lemma, rel, own, b["name"], prt=prt, preps=(prep,) if prep else ())
        for words, code, origin in b["patterns"]:
            if not words or words[0] != "*" or any(w in ("$", "+") for w in words[1:-1]):
                continue
            rest = [w for w in words[1:] if w != "+"]
            if words[-1] == "+" and words[-2:] != ["*", "+"] and not (rest and rest[-1].endswith(")")):
                continue
            # A pattern counts for the verb its comment names, or for a block of one verb.
            origin = inflected.get(origin, origin)
            verbs = [origin] if origin in lemmas else list(lemmas) if len(lemmas) == 1 else []
            joined = " ".join(rest)
            m = re.fullmatch(r"(?:([A-Z]+) )?(?:([&A-Z_]+) )?\(([A-Z]+)\)", joined)
            if joined == "":
                for lemma in verbs:
                    rel = relation_for(code, lemma)
                    if rel is not None:
                        add(lemma, rel, code, b["name"])
                continue
            if m:
                first, noun, prep = m.group(1), m.group(2), m.group(3).lower()
                if prep not in TARGET_PREPS:
                    continue
                if first and first.lower() in PARTICLES and noun is None:
                    prt, nouns = first.lower(), []
                elif first and noun is None:
                    prt, nouns = None, _nouns(first, synsets)
                    if not nouns:
                        continue
                elif first is None and noun is None:
                    prt, nouns = None, []
                else:
                    continue
                for lemma in verbs:
                    rel = relation_for(code, lemma)
                    if rel is not None:
                        add(lemma, rel, code, b["name"], prt=prt, preps=(prep,), needs_dobj_noun=nouns)
                continue
            under = re.fullmatch(r"\(([A-Z]+) ([A-Z]+)\)", joined)
            if code.startswith(":") and under:
                # "(UNDER FIRE) [:111]": "came under fire from X" -- X is the source
                prep, noun = under.group(1).lower(), under.group(2).lower()
                for lemma in verbs:
                    rel = relation_for(code[1:], lemma)
                    if rel is not None and noun not in EXCLUDED_NOUNS:
                        add(
                            lemma,
                            rel,
                            code[1:],
                            b["name"],
                            preps=("from",),
                            needs_prep=(prep,),
                            needs_prep_object_noun=(noun,),
                            reverse=True,
                        )
                continue
            if code.startswith(":") and len(rest) == 1 and not rest[0].startswith("("):
                # "[:code]": the event's source is the object of from/of ("won the backing of X")
                for lemma in verbs:
                    for noun in _nouns(rest[0], synsets):
                        rel = REVERSED_NOUN_RELATION.get(noun) or relation_for(code[1:], lemma)
                        if rel is not None:
                            add(
                                lemma,
                                rel,
                                code[1:],
                                b["name"],
                                preps=("from", "of"),
                                needs_dobj_noun=[noun],
                                reverse=True,
                            )
                continue
            if len(rest) == 1 and rest[0].lower() in PARTICLES:
                for lemma in verbs:
                    rel = relation_for(code, lemma)
                    if rel is not None:
                        add(lemma, rel, code, b["name"], prt=rest[0].lower())
    return sorted(
        out.values(),
        key=lambda e: (e["relation"], e["lemma"], e.get("prt") or "", e.get("preps", []), e.get("needs_dobj_noun", [])),
    )


def build(source: Path) -> dict:
    raw = source.read_bytes()
    text = raw.decode("latin-1")
    return {
        "_about": (
            "Verbs from the CAMEO verb dictionary of PETRARCH2 mapped to graphbuild relation types by "
            "graphbuild/extract/cameo_import.py; do not edit by hand, regenerate with "
            "`python -m graphbuild.extract.cameo_import CAMEO.2.0.txt`. The hand-written lexicon.json "
            "overrides every entry whose lemma it names."
        ),
        "_license": (
            "CAMEO.2.0.txt: The MIT License (MIT), Copyright (c) 2015 Open Event Data Alliance; "
            "see LICENSE.cameo beside this file."
        ),
        "_source": f"{source.name} sha256:{hashlib.sha256(raw).hexdigest()}",
        "verbs": convert(text),
    }


def dumps(data: dict) -> str:
    """One verb entry a line, like lexicon.json: small diffs when the mapping changes."""
    head = ",\n".join(
        f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items() if k != "verbs"
    )
    verbs = ",\n".join(f"    {json.dumps(e, ensure_ascii=False)}" for e in data["verbs"])
    return "{\n" + head + ',\n  "verbs": [\n' + verbs + "\n  ]\n}\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m graphbuild.extract.cameo_import",
        description="Build lexicon_cameo.json from PETRARCH2's CAMEO verb dictionary.",
    )
    ap.add_argument("path", type=Path, help="CAMEO.2.0.txt from the petrarch2 repository")
    ap.add_argument("--out", type=Path, default=OUT, help="where to write (default: the packaged file)")
    args = ap.parse_args(argv)
    data = build(args.path)
    args.out.write_text(dumps(data), encoding="utf-8")
    by_rel: dict[str, int] = {}
    for e in data["verbs"]:
        by_rel[e["relation"]] = by_rel.get(e["relation"], 0) + 1
    print(
        f"{len(data['verbs'])} verb entries -> {args.out}: " + ", ".join(f"{k} {v}" for k, v in sorted(by_rel.items())),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
