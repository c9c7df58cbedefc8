"""The knowledge base of political people (graphbuild/kb): shipped data, lookups, schema, build."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from graphbuild.errors import GraphbuildError, KnowledgeBaseError
from graphbuild.kb import KBEntry, Office, entry_from_dict, entry_to_dict, load_kb, read_entries

SOURCES = Path(__file__).resolve().parents[1].parent / "shared" / "sources"


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def _one(entries):
    assert len(entries) == 1, [e.id for e in entries]
    return entries[0]


def _roles(entry: KBEntry) -> set[tuple]:
    return {(o.role, o.state, o.start, o.end) for o in entry.offices}


# ---------------------------------------------------------------- schema

def test_misspelt_key_names_the_key_and_the_fix():
    with pytest.raises(KnowledgeBaseError) as info:
        entry_from_dict({"id": "Q1", "name": "A Person", "varients": ["A. Person"]},
                        "aliases.json[entry 4]")
    msg = str(info.value)
    assert "aliases.json[entry 4]" in msg and "'varients'" in msg and "'variants'" in msg
    assert isinstance(info.value, GraphbuildError)


@pytest.mark.parametrize("bad, key", [
    ({"id": "Q1", "name": "A", "offices": [{"role": "senator", "strat": "2001-01-01"}]}, "strat"),
    ({"id": "Q1", "name": "A", "offices": [{"role": "senator", "start": "2001-13-01"}]}, "start"),
    ({"id": "Q1", "name": "A", "gender": "male"}, "gender"),
    ({"id": "Q1", "name": "A", "variants": "A B"}, "variants"),
    ({"id": "Q1"}, "name"),
    ({"id": "Q1", "name": "A", "offices": [{"role": "senator", "start": "2010-01-01",
                                            "end": "2001-01-01"}]}, "senator"),
])
def test_schema_errors_name_the_key(bad, key):
    with pytest.raises(KnowledgeBaseError, match=key):
        entry_from_dict(bad, "curation.json[entry 1]")


def test_dict_round_trip_and_shipped_entries_obey_the_schema(kb):
    for kb_id in ("Q6279", "bioguide:S001141", "phoenix:TONY_BLAIR"):
        e = kb.get(kb_id)
        assert e is not None
        assert entry_from_dict(entry_to_dict(e), kb_id) == e


# ---------------------------------------------------------------- people

def test_jeff_and_pete_sessions_are_distinct_with_their_offices(kb):
    jeff = _one(kb.by_name("Jeff Sessions"))
    pete = _one(kb.by_name("Pete Sessions"))
    assert jeff.id != pete.id
    assert ("attorney general", None, date(2017, 2, 9), date(2018, 11, 7)) in _roles(jeff)
    assert any(o.role == "senator" and o.state == "AL" for o in jeff.offices)
    assert all(o.role == "representative" and o.state == "TX" for o in pete.offices)
    assert {e.id for e in kb.by_surname("Sessions")} >= {jeff.id, pete.id}
    assert _one(kb.by_name("Jefferson B. Sessions")) == jeff


def test_president_and_attorney_general_by_date(kb):
    assert [e.name for e in kb.holders("president", date(2012, 6, 1))] == ["Barack Obama"]
    assert [e.name for e in kb.holders("president", date(2018, 6, 1))] == ["Donald Trump"]
    assert [e.name for e in kb.holders("attorney general", date(2017, 6, 1))] == ["Jeff Sessions"]
    assert [e.name for e in kb.holders("AG", date(2019, 6, 1))] == ["William Barr"]
    everyone = {e.name for e in kb.holders("president", None)}
    assert {"George Washington", "Barack Obama", "Joe Biden"} <= everyone


def test_role_phrases_resolve_by_date_and_stay_ambiguous_when_the_word_is(kb):
    assert [e.name for e in kb.holders("the Senate majority leader", date(2016, 6, 1))] == [
        "Mitch McConnell"]
    assert [e.name for e in kb.holders("House Speaker", date(2016, 6, 1))] == ["Paul Ryan"]
    both = {e.name for e in kb.holders("majority leader", date(2016, 6, 1))}
    assert both == {"Mitch McConnell", "Kevin McCarthy"}  # Senate or House: the caller decides
    assert kb.holders("president", date(2012, 6, 1), country="GBR") == ()


@pytest.mark.parametrize("role", ["president", "vice president", "secretary of state",
                                  "secretary of defense", "attorney general", "chief of staff",
                                  "national security adviser", "speaker of the house"])
def test_one_holder_of_a_national_office_at_a_time(kb, role):
    for year in range(1977, 2026):
        for month in (2, 8):
            holders = kb.holders(role, date(year, month, 15))
            assert len(holders) <= 1, (role, year, month, [e.name for e in holders])


def test_holders_by_state(kb):
    vt = {e.name for e in kb.holders("Sen.", date(2024, 6, 1), state="VT")}
    assert vt == {"Bernie Sanders", "Peter Welch"}
    # past members' last terms have no dates in the source: found only without a date
    assert _one(kb.by_name("Jeff Sessions")) in kb.holders("senator", None, state="AL")
    assert _one(kb.by_name("Jeff Sessions")) not in kb.holders("senator", date(2010, 1, 1),
                                                               state="AL")


def test_middle_initials_and_nicknames_find_one_person(kb):
    biden = _one(kb.by_name("Joe Biden"))
    assert kb.by_name("Joseph R. Biden") == kb.by_name("Joe Biden") == (biden,)
    assert kb.by_name("joseph biden") == (biden,)
    assert kb.by_name("Joseph R. Biden Jr.") == (biden,)
    assert biden.wikidata == biden.id == "Q6279"
    sanders = _one(kb.by_name("Bernie Sanders"))
    assert kb.by_first_last("Bernard", "Sanders") == (sanders,)
    assert kb.by_name("Bill Barr") == kb.by_name("William Barr") != ()


def test_family_members_and_namesakes_stay_apart(kb):
    w = _one(kb.by_name("George W. Bush"))
    hw = _one(kb.by_name("George H. W. Bush"))
    assert w.id != hw.id
    assert kb.by_name("George H.W. Bush") == (hw,)
    trump = _one(kb.by_name("Donald Trump"))
    junior = _one(kb.by_name("Donald Trump Jr."))
    melania = _one(kb.by_name("Melania Trump"))
    assert len({trump.id, junior.id, melania.id}) == 3
    assert kb.by_name("Donald J. Trump") == (trump,)
    assert {trump, junior, melania} <= set(kb.by_surname("Trump"))
    assert _one(kb.by_name("Hunter Biden")) != _one(kb.by_name("Joe Biden"))


def test_hillary_clinton_is_one_entry_with_both_offices(kb):
    hillary = _one(kb.by_name("Hillary Clinton"))
    assert kb.by_name("Hillary Rodham Clinton") == (hillary,)
    roles = {o.role: o for o in hillary.offices}
    assert roles["senator"].state == "NY"
    assert roles["secretary of state"].start == date(2009, 1, 21)
    assert hillary.gender == "F" and hillary.party == "Democrat"


def test_tony_blair_is_uk_prime_minister_1997_2007(kb):
    blair = _one(kb.by_name("Tony Blair"))
    pm = [o for o in blair.offices if o.role == "prime minister"]
    assert [(o.country, o.start.year, o.end.year) for o in pm] == [("GBR", 1997, 2007)]
    assert blair in kb.holders("prime minister", date(2003, 3, 20), country="GBR")
    assert blair not in kb.holders("prime minister", date(2008, 3, 20), country="GBR")


# ---------------------------------------------------------------- words

def test_places_groups_and_role_words(kb):
    assert kb.is_place("Manchester") and kb.is_place("Niger") and kb.is_place("Alabama")
    assert not kb.is_place("Jeff Sessions")
    assert kb.is_group("Latinos") and kb.is_group("Democrats") and kb.is_group("Americans")
    assert not kb.is_group("Hillary Clinton")
    assert kb.role_of("Sen.") == "senator"
    assert kb.role_of("senator") == "senator"
    assert kb.role_of("Attorney General") == kb.role_of("AG") == "attorney general"
    assert kb.role_of("Rep.") == "representative"
    assert kb.role_of("Sessions") is None


# ---------------------------------------------------------------- extra entries

def test_extra_entries_extend_and_override(kb):
    new = entry_from_dict({"id": "local:PAT_EXAMPLE", "name": "Patricia Examplewoman",
                           "variants": ["Pat Examplewoman"],
                           "offices": [{"role": "mayor", "start": "1994-01-01",
                                        "end": "2001-12-31", "country": "USA", "state": "NY"}]},
                          "t[0]")
    blair = kb.get("phoenix:TONY_BLAIR")
    renamed = entry_from_dict({**entry_to_dict(blair), "variants": ["Anthony Blair"]}, "t[1]")
    local = load_kb([new, renamed])
    assert local is not kb and len(local) == len(kb) + 1
    assert local.by_name("Pat Examplewoman") == local.by_name("Patricia Examplewoman") == (new,)
    assert local.by_first_last("Trish", "Examplewoman") == (new,)
    assert new in local.holders("mayor", date(1999, 1, 1), state="NY")
    assert local.get("phoenix:TONY_BLAIR") == renamed
    assert local.by_name("Anthony Blair") == (renamed,)
    assert kb.by_name("Patricia Examplewoman") == ()  # the shipped KB is untouched
    assert load_kb() is kb


def test_curation_file_json_and_yaml(tmp_path, kb):
    good = tmp_path / "people.yaml"
    good.write_text("people:\n  - id: local:A\n    name: Ann Example\n"
                    "    offices: [{role: mayor, start: 2001-01-01}]\n", encoding="utf-8")
    (entry,) = read_entries(good)
    assert entry.offices[0].start == date(2001, 1, 1) and entry.name == "Ann Example"
    bad = tmp_path / "people.json"
    bad.write_text('[{"id": "local:A", "name": "Ann Example"}, {"id": "local:B", "nmae": "B"}]',
                   encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"people\.json\[entry 1\].*'nmae'.*'name'"):
        read_entries(bad)


def test_curated_people_are_not_copies_of_source_people(kb):
    """A curated: entry named like a source entry of its country must be a known namesake."""
    from graphbuild.kb.names import full_key

    namesakes = {"Anthony Kennedy"}  # the justice, not the 19th-century senator
    for e in kb:
        if not e.id.startswith("curated:"):
            continue
        same = [x.id for x in kb.by_name(e.name)
                if x.id != e.id and full_key(x.name) == full_key(e.name) and x.country == e.country]
        assert not same or e.name in namesakes, (e.id, same)


def test_curated_people_fill_gaps_of_the_sources(kb):
    romney = _one(kb.by_name("Mitt Romney"))
    assert romney in kb.holders("senator", date(2020, 1, 1), state="UT")
    assert [e.name for e in kb.holders("prime minister", date(2020, 1, 1), country="GBR")] == [
        "Boris Johnson"]
    giuliani = _one(kb.by_name("Rudolph W. Giuliani"))
    assert kb.by_name("Rudy Giuliani") == (giuliani,)


# ---------------------------------------------------------------- build

@pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/sources is not beside the project")
def test_build_is_deterministic_and_matches_the_shipped_data(tmp_path):
    """Rebuilding from the sources gives the shipped files byte for byte."""
    from graphbuild.kb import build

    shipped = Path(build.__file__).parent
    assert build.main([str(SOURCES), "--out", str(tmp_path)]) == 0
    for name in (build.PEOPLE_FILE, build.WORDS_FILE):
        assert hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() == hashlib.sha256(
            (shipped / name).read_bytes()).hexdigest(), f"{name} differs: rerun the build"


def test_office_is_undated_when_the_source_gives_no_dates():
    o = Office("senator", None, None, "USA", "NY", "Democrat")
    assert not o.held_on(date(2005, 1, 1))
    assert Office("president", date(2009, 1, 20), None, "USA", None, None).held_on(date(2030, 1, 1))
