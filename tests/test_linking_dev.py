"""Every gold person of the dev corpus that the knowledge base holds links to the right entry.

The expected entries were written by reading each gold file's people and the
article (who is meant: "John Kennedy" in a 2019 Senate vote is the Louisiana
senator; "Andy Williams" of a Welsh health board is nobody in the KB).
"""

from __future__ import annotations

import json

import pytest
from conftest import CORPUS

ARTICLES = CORPUS / "dev-articles.jsonl"

# gold person id -> KB id (None: the KB holds someone of that name, but not this person)
EXPECTED = {
    "alan-milburn": "phoenix:ALAN_MILBURN",
    "alexander-downer": "phoenix:ALEXANDER_DOWNER",
    "andy-williams": None,
    "barack-obama": "Q76",
    "bernie-sanders": "Q359442",
    "bill-clinton": "govtrack:412374",
    "carl-levin": "bioguide:L000261",
    "carter-page": "curated:CARTER_PAGE",
    "charles-clarke": "phoenix:CHARLES_CLARKE",
    "charles-kennedy": None,
    "chris-christie": "curated:CHRIS_CHRISTIE",
    "christopher-steele": "curated:CHRISTOPHER_STEELE",
    "chuck-hagel": "bioguide:H001028",
    "chuck-schumer": "Q380900",
    "cory-gardner": "curated:CORY_GARDNER",
    "darrell-issa": "Q1166592",
    "debbie-wasserman-schultz": "Q50104",
    "dianne-feinstein": "curated:DIANNE_FEINSTEIN",
    "donald-j-trump": "Q22686",
    "donald-trump": "Q22686",
    "trump": "Q22686",
    "dwight-eisenhower": "govtrack:412366",
    "ed-royce": "bioguide:R000487",
    "edward-snowden": "curated:EDWARD_SNOWDEN",
    "franklin-delano-roosevelt": "govtrack:412364",
    "fumio-kishida": "phoenix:FUMIO_KISHIDA",
    "gavin-newsom": "curated:GAVIN_NEWSOM",
    "george-papadopoulos": "curated:GEORGE_PAPADOPOULOS",
    "george-w-bush": "Q207",
    "gordon-d-sondland": "curated:GORDON_SONDLAND",
    "harry-reid": "bioguide:R000146",
    "hillary-clinton": "bioguide:C001041",
    "hosni-mubarak": "phoenix:HOSNI_MUBARAK",
    "hunter-biden": "curated:HUNTER_BIDEN",
    "jack-straw": "phoenix:JACK_STRAW",
    "james-b-comey": "curated:JAMES_COMEY",
    "jeb-bush": "curated:JEB_BUSH",
    "jefferson-sessions": "bioguide:S001141",
    "sessions": "bioguide:S001141",
    "jimmy-carter": "govtrack:412371",
    "joe-biden": "Q6279",
    "joe-wilson": "Q928855",
    "john-bolton": "cabinet:JOHN_BOLTON",
    "john-brennan": "cabinet:JOHN_BRENNAN",
    "john-cox": None,
    "john-f-kennedy": "bioguide:K000107",
    "john-kennedy": "Q6250211",
    "john-mccain": "bioguide:M000303",
    "john-thune": "Q462981",
    "jon-tester": "curated:JON_TESTER",
    "kamala-harris": "Q10853588",
    "kevin-mccarthy": "curated:KEVIN_MCCARTHY",
    "laura-bush": "curated:LAURA_BUSH",
    "leon-panetta": "bioguide:P000047",
    "liam-fox": "phoenix:LIAM_FOX",
    "lindsey-graham": "Q22212",
    "lisa-murkowski": "Q22360",
    "luis-gutierrez": "bioguide:G000535",
    "lyndon-johnson": "bioguide:J000160",
    "marco-rubio": "curated:MARCO_RUBIO",
    "mark-udall": "bioguide:U000038",
    "michael-bloomberg": "curated:MICHAEL_BLOOMBERG",
    "mick-mulvaney": "bioguide:M001182",
    "mike-flynn": "curated:MICHAEL_FLYNN",
    "mike-pence": "Q24313",
    "mitch-mcconnell": "Q355522",
    "mitt-romney": "curated:MITT_ROMNEY",
    "mohammed-morsi": "phoenix:MOHAMED_MORSI",
    "nancy-pelosi": "Q170581",
    "paul-d-ryan": "bioguide:R000570",
    "paul-ryan": "bioguide:R000570",
    "paul-gosar": "Q2059832",
    "paul-manafort": "curated:PAUL_MANAFORT",
    "rand-paul": "Q463557",
    "reince-priebus": "cabinet:REINCE_PRIEBUS",
    "rex-tillerson": "cabinet:REX_TILLERSON",
    "richard-nixon": "bioguide:N000116",
    "rick-gates": "curated:RICK_GATES",
    "robert-mueller": "curated:ROBERT_MUELLER",
    "robert-s-mueller-iii": "curated:ROBERT_MUELLER",
    "ronald-reagan": "govtrack:412372",
    "scott-brown": "bioguide:B001268",
    "scott-walker": "curated:SCOTT_WALKER",
    "stacey-abrams": "curated:STACEY_ABRAMS",
    "stephen-miller": "curated:STEPHEN_MILLER",
    "steve-bannon": "curated:STEVE_BANNON",
    "susan-collins": "Q22279",
    "susan-rice": "cabinet:SUSAN_RICE",
    "ted-cruz": "Q2036942",
    "ted-kennedy": "bioguide:K000105",
    "tim-kaine": "Q359888",
    "tip-oneill": "bioguide:O000098",
    "tony-blair": "phoenix:TONY_BLAIR",
    "viktor-yanukovych": "phoenix:VIKTOR_YANUKOVYCH",
    "vladimir-putin": "phoenix:VLADIMIR_PUTIN",
    "xavier-becerra": "bioguide:B000287",
    "xi-jinping": "phoenix:XI_JINPING",
}


@pytest.fixture(scope="module")
def linked(nlp, dev_corpus):
    from graphbuild.articles import read_articles
    from graphbuild.extract import extract_people

    articles = [a for a in read_articles([ARTICLES]) if hasattr(a, "text")]
    gold = {}
    for a in articles:
        path = dev_corpus / f"{a.id}.gold.json"
        if path.is_file():
            gold[a.id] = json.loads(path.read_text(encoding="utf-8"))["people"]
    return [(a, people, gold[a.id]) for a, people, _ in extract_people(articles, nlp) if a.id in gold]


def test_every_gold_person_the_kb_holds_links_to_the_right_entry(linked):
    from graphbuild.kb import load_kb
    from graphbuild.naming import lookup_key

    kb = load_kb()
    assert all(kb.get(k) is not None for k in EXPECTED.values() if k), "an expected id left the KB"
    wrong, found, expected = [], 0, 0
    for art, people, gold in linked:
        for gid, names in gold.items():
            if gid not in EXPECTED:
                continue
            full = [n for n in names if len(lookup_key(n).split()) > 1]
            keys = {lookup_key(n) for n in full or names}  # "Paul" alone may be Rand Paul
            entry = kb.get(EXPECTED[gid]) if EXPECTED[gid] else None
            if entry is not None:
                # Only names the KB holds for them: a misspelling ("Wasserman Shultz") is
                # no name of anyone in the KB.
                known = {lookup_key(n) for n in (entry.name, *entry.variants)}
                known |= {k.split()[-1] for k in known} | {" ".join(k.split()[1:]) for k in known}
                keys = {
                    k
                    for k in keys
                    if k in known
                    or k.split()[-1] in known
                    and len(k.split()) > 1
                    and any(lookup_key(n).split()[0] == k.split()[0] for n in (entry.name, *entry.variants))
                }
            # The article's people whose name or a name the article used is one of the gold names.
            mine = [p for p in people if keys & {lookup_key(n) for n in (p.name, *p.aliases)}]
            if not mine:
                continue  # not found by extraction at all: nothing to link
            want = EXPECTED[gid]
            expected += 1
            got = {p.kb_id for p in mine}
            if got == {want}:
                found += 1
            else:
                wrong.append((art.id, gid, want, sorted(map(str, got))))
    print(found, expected)
    assert expected >= 100, expected
    assert wrong == [], "\n".join(map(str, wrong))
