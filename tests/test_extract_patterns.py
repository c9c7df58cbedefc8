"""Each pattern family on small, real-looking sentences, through the real model."""

from __future__ import annotations

import pytest

from graphbuild.extract import extract_edges
from graphbuild.records import Article, Modality


def edges_of(nlp, text: str):
    art = Article(id="t", text=text)
    [(_, edges)] = list(extract_edges([art], nlp))
    for e in edges:
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text
    return edges


def triples(edges, modality: Modality | None = Modality.ASSERTED):
    return {
        (e.source.name, e.relation.value, e.target.name) for e in edges if modality is None or e.modality is modality
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        # active verb between named people
        ("Jeff Sessions endorsed Donald Trump in 2016.", ("Jeff Sessions", "ENDORSED", "Donald Trump")),
        # passive voice keeps the direction: the agent does it
        ("James Comey was fired by Donald Trump in May.", ("Donald Trump", "FIRED", "James Comey")),
        # called X a jerk -> CRITICIZED
        (
            'Donald Trump repeatedly called Jeff Sessions a "jerk" last weekend.',
            ("Donald Trump", "CRITICIZED", "Jeff Sessions"),
        ),
        # light verb + relation noun
        (
            "Jeff Sessions declared his loyalty to Donald Trump on Monday.",
            ("Jeff Sessions", "SUPPORTED", "Donald Trump"),
        ),
        # proxy noun: pushing X's agenda supports X
        ("Jeff Sessions pushed Donald Trump's immigration agenda.", ("Jeff Sessions", "SUPPORTED", "Donald Trump")),
        # adjective with a prepositional target
        ("James Comey had been too harsh to Hillary Clinton.", ("James Comey", "CRITICIZED", "Hillary Clinton")),
        # an inherited subject: "..., endorsing Brill"
        ("Tim Gosar says in the ad, endorsing David Brill.", ("Tim Gosar", "ENDORSED", "David Brill")),
        # role tie stated in passing
        (
            "Michael Howard and his shadow chancellor Oliver Letwin were depicted as pigs.",
            ("Oliver Letwin", "SERVED_UNDER", "Michael Howard"),
        ),
        # press -> INTERVIEWED
        (
            "Fox News host Tucker Carlson pressed Jeff Sessions on his relationship with the President.",
            ("Tucker Carlson", "INTERVIEWED", "Jeff Sessions"),
        ),
        # said nice things about -> PRAISED
        (
            "Jeff Sessions said very nice things about Donald Trump last night.",
            ("Jeff Sessions", "PRAISED", "Donald Trump"),
        ),
    ],
)
def test_pattern_families(nlp, text, expected):
    assert expected in triples(edges_of(nlp, text))


def test_coordinated_subjects_give_one_edge_each(nlp):
    got = triples(edges_of(nlp, "Lindsey Graham and Ted Cruz criticized Mitch McConnell on Sunday."))
    assert ("Lindsey Graham", "CRITICIZED", "Mitch McConnell") in got
    assert ("Ted Cruz", "CRITICIZED", "Mitch McConnell") in got


def test_negated_support_is_never_asserted_support_and_is_opposition(nlp):
    edges = edges_of(nlp, "Donald Trump said that he would not support Jeff Sessions.")
    assert ("Donald Trump", "SUPPORTED", "Jeff Sessions") not in triples(edges)
    assert ("Donald Trump", "SUPPORTED", "Jeff Sessions") in triples(edges, Modality.NEGATED)
    assert ("Donald Trump", "OPPOSED", "Jeff Sessions") in triples(edges)


@pytest.mark.parametrize(
    "text, control",
    [
        ("Jeff Sessions is hoping Donald Trump will endorse him.", "Jeff Sessions said Donald Trump endorsed him."),
        (
            "If Donald Trump endorses Jeff Sessions, the race is over.",
            "Donald Trump endorses Jeff Sessions, so the race is over.",
        ),
        ("Did Donald Trump endorse Jeff Sessions?", "Donald Trump did endorse Jeff Sessions."),
    ],
)
def test_hypotheticals_are_not_asserted(nlp, text, control):
    edges = edges_of(nlp, text)
    assert not any(e.relation.value == "ENDORSED" and e.modality is Modality.ASSERTED for e in edges)
    # positive control: the same wording, asserted, is drawn
    assert ("Donald Trump", "ENDORSED", "Jeff Sessions") in triples(edges_of(nlp, control))


def test_fire_back_is_not_firing(nlp):
    got = triples(edges_of(nlp, "Paul Gosar fired back at Tim Gosar in a series of posts."), None)
    assert not any(rel == "FIRED" for _, rel, _ in got)
    assert ("Paul Gosar", "CRITICIZED", "Tim Gosar") in got  # what "fired back at" does say
    assert ("Paul Gosar", "FIRED", "Tim Gosar") in triples(edges_of(nlp, "Paul Gosar fired Tim Gosar in May."))


def test_outlets_are_never_people(nlp):
    edges = edges_of(nlp, "Fox News criticized Donald Trump. The New York Times praised Joe Biden.")
    names = {e.source.name for e in edges} | {e.target.name for e in edges}
    assert not names & {"Fox News", "Fox", "The New York Times", "Times"}
    control = "Tucker Carlson criticized Donald Trump. The New York Times praised Joe Biden."
    assert ("Tucker Carlson", "CRITICIZED", "Donald Trump") in triples(edges_of(nlp, control))


def test_surname_and_title_resolve_to_the_full_name(nlp):
    text = (
        "Former Attorney General Jeff Sessions is running for the Senate. "
        "President Trump criticized Sessions on Friday."
    )
    assert ("Donald Trump", "CRITICIZED", "Jeff Sessions") in triples(edges_of(nlp, text))  # linked (issue 9)


def test_two_people_with_one_surname_stay_apart(nlp):
    text = "Bill Clinton praised Hillary Clinton on Monday. Hillary Clinton thanked Barack Obama."
    edges = edges_of(nlp, text)
    assert ("Bill Clinton", "PRAISED", "Hillary Clinton") in triples(edges)
    ids = {e.source.id for e in edges} | {e.target.id for e in edges}
    assert {"bill-clinton", "hillary-clinton"} <= ids


def test_quote_speaker_and_first_person(nlp):
    text = (
        'Jeff Sessions talked about Donald Trump on Thursday. "I was the first senator to endorse him," Sessions said.'
    )
    edges = [e for e in edges_of(nlp, text) if e.relation.value == "ENDORSED"]
    assert [(e.source.name, e.target.name, e.speaker) for e in edges] == [
        ("Jeff Sessions", "Donald Trump", "jeff-sessions")
    ]


def test_reported_by_names_the_outlet(nlp):
    edges = edges_of(nlp, "The New York Times reported that Donald Trump criticized Jeff Sessions.")
    [e] = [e for e in edges if e.relation.value == "CRITICIZED"]
    assert e.reported_by == "The New York Times"


def test_symmetric_types_are_stored_in_alphabetical_order(nlp):
    [e] = [
        e for e in edges_of(nlp, "Vladimir Putin met with Donald Trump in Helsinki.") if e.relation.value == "MET_WITH"
    ]
    assert (e.source.name, e.target.name) == ("Donald Trump", "Vladimir Putin")


def test_confidence_is_lower_for_pronoun_resolved_ends(nlp):
    named = edges_of(nlp, "Jeff Sessions endorsed Donald Trump.")[0]
    via_pronoun = [
        e
        for e in edges_of(nlp, "Jeff Sessions spoke on Monday. He endorsed Donald Trump.")
        if e.relation.value == "ENDORSED"
    ][0]
    assert via_pronoun.source.name == "Jeff Sessions"
    assert via_pronoun.confidence < named.confidence


def test_pronoun_under_a_verbless_root_terminates(nlp):
    # A pronoun whose sentence has no verb at its root once sent resolution into an endless climb.
    edges = edges_of(nlp, "Donald Trump spoke on Monday. His big day in Ohio. Trump praised Mike Pence.")
    assert ("Donald Trump", "PRAISED", "Mike Pence") in triples(edges)


def test_negation_of_a_governing_clause_does_not_leak_into_a_concessive_one(nlp):
    text = "Pete Gosar doesn't appear in the ad, though he has publicly criticized Paul Gosar's views in the past."
    assert ("Pete Gosar", "CRITICIZED", "Paul Gosar") in triples(edges_of(nlp, text))


def test_hedged_claims_are_hypothetical(nlp):
    text = "The label likely comes as a result of Donald Trump directly attacking James Comey."
    edges = edges_of(nlp, text)
    assert ("Donald Trump", "CRITICIZED", "James Comey") not in triples(edges)
    assert ("Donald Trump", "CRITICIZED", "James Comey") in triples(edges, Modality.HYPOTHETICAL)


def test_accusation_with_a_that_clause(nlp):
    text = "Voters condemned Paul Gosar's false accusation that wealthy donor George Soros was a Nazi collaborator."
    assert ("Paul Gosar", "ACCUSED", "George Soros") in triples(edges_of(nlp, text))


def test_a_role_phrase_with_a_contradicting_party_is_someone_else(nlp):
    text = (
        "Democratic congressional candidate Randy Bryce is confronting an ad. "
        "Chris Bryce endorses the Republican candidate."
    )
    assert not any(rel == "ENDORSED" for _, rel, _ in triples(edges_of(nlp, text), None))
    control = text.replace("Republican candidate", "Democratic candidate")
    assert ("Chris Bryce", "ENDORSED", "Randy Bryce") in triples(edges_of(nlp, control))


def test_question_on_its_own_line_does_not_make_the_headline_hypothetical(nlp):
    text = "Donald Trump fired James Comey on Tuesday\n\nWhat?\n\nNobody expected it."
    assert ("Donald Trump", "FIRED", "James Comey") in triples(edges_of(nlp, text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # two subjects in a row, only the second a person
        (
            "Arizona's notorious immigration hardliner Sheriff Joe Arpaio has endorsed Donald Trump.",
            ("Joe Arpaio", "ENDORSED", "Donald Trump"),
        ),
        # "X slammed Y for attacking Z": Y attacks Z
        ("Comedians skewered Sen. Ted Cruz for attacking Donald Trump.", ("Ted Cruz", "CRITICIZED", "Donald Trump")),
        # a person's own office or campaign speaks for them
        (
            "Joyce Banda's office condemned Madonna Ciccone for her remarks.",
            ("Joyce Banda", "CRITICIZED", "Madonna Ciccone"),
        ),
        # a relational noun whose object is a proxy for its owner
        (
            "Jose Mourinho was a fierce critic of Louis van Gaal's decision.",
            ("Jose Mourinho", "CRITICIZED", "Louis van Gaal"),
        ),
        # idiom from the lexicon
        ("Donald Trump has pointed the finger at John Brennan.", ("Donald Trump", "ACCUSED", "John Brennan")),
        # a present refusal to back someone is opposition
        ("George Lopez is not supporting Hillary Clinton.", ("George Lopez", "OPPOSED", "Hillary Clinton")),
    ],
)
def test_direction_and_polarity_cases(nlp, text, expected):
    assert expected in triples(edges_of(nlp, text))


def test_a_past_non_event_is_not_opposition(nlp):
    got = triples(edges_of(nlp, "In 2016 Jeff Sessions did not endorse Ted Cruz."), None)
    assert ("Jeff Sessions", "OPPOSED", "Ted Cruz") not in got
    assert ("Jeff Sessions", "ENDORSED", "Ted Cruz") in got  # kept, as negated


def test_the_accused_object_is_who_acts_in_the_of_clause(nlp):
    text = "Pete Buttigieg accused evangelical Christians of being hypocritical for supporting President Donald Trump."
    assert not any(s == "Pete Buttigieg" and rel == "SUPPORTED" for s, rel, _ in triples(edges_of(nlp, text), None))
    control = "Pete Buttigieg accused Mike Pence of being hypocritical for supporting President Donald Trump."
    assert ("Pete Buttigieg", "ACCUSED", "Mike Pence") in triples(edges_of(nlp, control))


def test_words_run_together_by_a_scraper_are_not_a_name(nlp):
    text = "Donald Trump fired former FBI Director James Comey James Brien ComeyThere are poor ideas."
    names = {e.target.name for e in edges_of(nlp, text)}
    assert not any("ComeyThere" in n for n in names)
    control = "Donald Trump fired former FBI Director James Comey. There are poor ideas."
    assert ("Donald Trump", "FIRED", "James Comey") in triples(edges_of(nlp, control))


@pytest.mark.parametrize(
    "text, absent, control, present",
    [
        (
            "Amid calls for Mike Pence to replace Donald Trump, the party met.",
            ("Mike Pence", "SUCCEEDED", "Donald Trump"),
            "Mike Pence replaced Donald Trump as the party's leader.",
            ("Mike Pence", "SUCCEEDED", "Donald Trump"),
        ),
        (
            "When Donald Trump replaced Antonin Scalia with Neil Gorsuch, nothing changed.",
            ("Donald Trump", "SUCCEEDED", "Antonin Scalia"),
            "Neil Gorsuch replaced Antonin Scalia on the court.",
            ("Neil Gorsuch", "SUCCEEDED", "Antonin Scalia"),
        ),
        (
            "Republicans met on Monday. Their impeachment of Bill Clinton backfired, Monica Lewinsky said.",
            ("Monica Lewinsky", "INVESTIGATED", "Bill Clinton"),
            "Republicans met on Monday. Newt Gingrich's impeachment of Bill Clinton backfired, Monica Lewinsky said.",
            ("Newt Gingrich", "INVESTIGATED", "Bill Clinton"),
        ),
        (
            "Charlie Sykes, a Never Trump conservative, is critical of Donald Trump.",
            ("Never Trump", "CRITICIZED", "Donald Trump"),
            "Charlie Sykes, a Never Trump conservative, is critical of Donald Trump.",
            ("Charlie Sykes", "CRITICIZED", "Donald Trump"),
        ),
    ],
)
def test_lines_that_must_not_be_drawn(nlp, text, absent, control, present):
    assert absent not in triples(edges_of(nlp, text))
    assert present in triples(edges_of(nlp, control))  # positive control: the near sentence is drawn


def test_a_person_singled_out_in_the_object(nlp):
    text = (
        "Lindsey Graham has also criticized the administration's response to the attack, particularly "
        "the appearance of U.S. ambassador to the United Nations Susan Rice on Sunday talk shows."
    )
    assert ("Lindsey Graham", "CRITICIZED", "Susan Rice") in triples(edges_of(nlp, text))
