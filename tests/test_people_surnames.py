"""Who a surname alone stands for, and names that are no full name (issue 9).

A wrong merge gives one person's acts to another: "President Trump" in an undated
article that names only Melania Trump must not become Melania. Small literal
articles through extraction and linking, undated unless a date is given.
"""

from __future__ import annotations

import pytest

from graphbuild.extract import extract_edges
from graphbuild.linking import KBCues, link_article
from graphbuild.records import Article, PersonCues


def triples(nlp, text: str, published: str | None = None) -> set[tuple[str, str, str]]:
    [(_, edges)] = list(extract_edges([Article(id="t", text=text, published=published)], nlp))
    return {(e.source.name, e.relation.value, e.target.name) for e in edges}


# -- a titled surname: the title must fit the person it joins -------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # an office the KB says the relative never held: the one Trump who was president
        (
            "Melania Trump visited a hospital in Ohio. President Trump criticized James Comey on Monday.",
            ("Donald Trump", "CRITICIZED", "James Comey"),
        ),
        # "Mr." is not Melania
        (
            "Melania Trump visited a hospital in Ohio. Mr. Trump criticized James Comey on Monday.",
            ("Donald Trump", "CRITICIZED", "James Comey"),
        ),
        # one Clinton was president: Bill, though only Hillary is named in full
        (
            "Hillary Clinton spoke in Iowa. President Clinton praised Al Gore on Monday.",
            ("Bill Clinton", "PRAISED", "Al Gore"),
        ),
        # two Bushes were president: the article's full name that was picks one
        (
            "George W. Bush and Jeb Bush spoke in Iowa. President Bush praised Marco Rubio on Monday.",
            ("George W. Bush", "PRAISED", "Marco Rubio"),
        ),
    ],
)
def test_a_title_the_kb_contradicts_keeps_a_surname_off_a_relative(nlp, text, expected):
    got = triples(nlp, text)
    assert expected in got
    assert not any("Melania" in s or "Hillary" in s or "Jeb" in s for s, _, _ in got)


def test_an_office_several_of_that_surname_held_links_nobody_without_a_full_name(nlp):
    text = "Jeb Bush spoke in Iowa. President Bush praised Marco Rubio on Monday."
    assert triples(nlp, text) == set()  # neither Jeb nor a "Bush" node
    control = "Jeb Bush spoke in Iowa. Jeb Bush praised Marco Rubio on Monday."
    assert triples(nlp, control) == {("Jeb Bush", "PRAISED", "Marco Rubio")}


def test_a_senate_title_picks_the_senator_of_the_family_on_the_date(nlp):
    text = "Ron Paul spoke in Iowa. Sen. Paul criticized Mitch McConnell on Monday."
    assert triples(nlp, text, "2018-03-01") == {("Rand Paul", "CRITICIZED", "Mitch McConnell")}
    control = "Ron Paul spoke in Iowa. Paul criticized Mitch McConnell on Monday."
    assert triples(nlp, control, "2018-03-01") == {("Ron Paul", "CRITICIZED", "Mitch McConnell")}


def test_a_hypothetical_office_nobody_of_that_surname_held_contradicts_nobody(nlp):
    text = "Paul Ryan spoke in Ohio. A President Ryan would criticize Ted Cruz, the senator said."
    got = triples(nlp, text)
    assert not any(s == "Ryan" or t == "Ryan" for s, _, t in got)
    kb = KBCues(None)
    assert kb.holder("ryan", "president") is None and not kb.contradicts("Paul Ryan", None, None)


# -- an untitled surname in an undated article -----------------------------------------


def test_an_undated_bare_surname_goes_to_its_namesake_not_a_lesser_relative(nlp):
    # Only Melania is named in full; "Trump" with no other clue is the president.
    text = "Melania Trump visited a hospital in Ohio. Preet Bharara said on Monday that he was fired by Trump."
    assert triples(nlp, text) == {("Donald Trump", "FIRED", "Preet Bharara")}
    # undated and no full name at all: still the one modern president of that surname
    assert triples(nlp, "Trump criticized James Comey on Monday.") == {("Donald Trump", "CRITICIZED", "James Comey")}


def test_pronouns_of_her_gender_give_the_surname_to_the_relative(nlp):
    text = (
        "Melania Trump visited a school in Ohio on Monday. Trump said she was moved by the children. "
        "Trump praised Laura Bush for her work."
    )
    assert ("Melania Trump", "PRAISED", "Laura Bush") in triples(nlp, text)
    assert ("Donald Trump", "PRAISED", "Laura Bush") not in triples(nlp, text)


def test_undated_clinton_with_hillary_named_is_hillary_not_bill(nlp):
    text = "Hillary Clinton spoke in Iowa. Clinton criticized Donald Trump on Monday."
    assert triples(nlp, text) == {("Hillary Clinton", "CRITICIZED", "Donald Trump")}
    assert KBCues(None).namesake("clinton") is None  # Bill and Hillary both held high office


def test_two_full_names_share_a_surname_the_pronouns_pick_by_gender(nlp):
    text = (
        "Bill Clinton and Hillary Clinton spoke in Iowa. Clinton said she would run again. "
        "Clinton criticized Donald Trump on Monday."
    )
    got = triples(nlp, text)
    assert ("Hillary Clinton", "CRITICIZED", "Donald Trump") in got
    assert ("Bill Clinton", "CRITICIZED", "Donald Trump") not in got
    # no pronoun: the first full name, as before
    control = "Bill Clinton and Hillary Clinton spoke in Iowa. Clinton criticized Donald Trump on Monday."
    assert ("Bill Clinton", "CRITICIZED", "Donald Trump") in triples(nlp, control)


def test_kb_cues_answer_from_the_kb_and_the_date():
    undated, d2018 = KBCues(None), KBCues("2018-06-01")
    assert undated.namesake("trump") == ("Donald Trump", "m")
    assert undated.namesake("bush") is None  # two presidents
    assert d2018.namesake("trump") == ("Donald Trump", "m") and KBCues("2009-06-01").namesake("trump") is None
    assert undated.office(("former", "vice", "president")) == "vice president"
    assert undated.office(("naacp", "president")) is None  # another body's president
    assert undated.holder("clinton", "president") == ("Bill Clinton", "m")
    assert undated.holder("bush", "president") == "ambiguous"
    assert undated.contradicts("Melania Trump", "president", None)
    assert undated.contradicts("Melania Trump", None, "m")
    assert not undated.contradicts("Hillary Clinton", "senator", "f")
    assert undated.minor("Melania Trump") and not undated.minor("Liz Cheney")


# -- names that are no full name -------------------------------------------------------


def test_a_relative_given_by_first_name_takes_the_relatives_surname(nlp):
    text = (
        "Former Vice President Joe Biden spoke in Iowa. The former vice president's son Hunter defended him on Monday."
    )
    got = triples(nlp, text)
    assert ("Hunter Biden", "SUPPORTED", "Joe Biden") in got
    assert not any(s == "Hunter" for s, _, _ in got)
    text2 = (
        "The streak ran through two terms for Bill Clinton and then two for George H.W. Bush's son, "
        "George W., until Barack Obama took office."
    )
    assert ("George H. W. Bush", "RELATED_TO", "George W. Bush") in triples(nlp, text2, "2014-02-05")


def test_a_lone_word_no_one_can_complete_is_no_node(nlp):
    text = "Mr. Natsios criticized Mr. Williamson on Monday."
    assert triples(nlp, text) == set()
    control = "Andrew Natsios criticized Richard Williamson on Monday."
    assert triples(nlp, control) == {("Andrew Natsios", "CRITICIZED", "Richard Williamson")}
    assert triples(nlp, "Donald Trump met with Pope Francis at the Vatican.") == {
        ("Donald Trump", "MET_WITH", "Pope Francis")
    }


def test_nicknames_and_misspellings_link_to_the_person_glued_names_to_nobody():
    links = link_article(
        [
            PersonCues("a", "Crooked Hillary", ("Crooked Hillary",)),
            PersonCues("b", "Little Marco", ("Little Marco",)),
            PersonCues("c", "Corey Booker", ("Corey Booker",)),
            PersonCues("d", "Micheal Cohen", ("Micheal Cohen",)),
            PersonCues("e", "Joe Biden Hillary Clinton", ("Joe Biden Hillary Clinton",)),
            PersonCues("f", "Bush", ("Bush",), words=("president",)),
            PersonCues("g", "Jane Roe", ("Jane Roe",)),
        ],
        None,
    )
    assert {k: (v.name if v else None) for k, v in links.items()} == {
        "a": "Hillary Clinton",
        "b": "Marco Rubio",
        "c": "Cory Booker",
        "d": "Michael Cohen",
        "e": None,
        "f": None,
        "g": "Jane Roe",
    }


def test_a_relative_of_a_pronoun_takes_a_surname_only_the_kb_knows(nlp):
    text = (
        "Ted Cruz spoke in Cleveland. One of the defining moments in Cruz's speech was a story he told "
        "about slain Dallas police officer Michael Smith's last words to his daughter, Caroline."
    )
    assert not any("Caroline Cruz" in (s, t) for s, _, t in triples(nlp, text))
    control = "Joe Biden spoke in Iowa, and his son, Hunter, praised Barack Obama."
    assert ("Hunter Biden", "PRAISED", "Barack Obama") in triples(nlp, control)
    # a suffix names someone already: "Trump's son Don Jr." is Donald Trump Jr., not "Don Jr. Trump"
    jr = "Donald Trump spoke in Ohio. Trump's son Don Jr. praised Conor Lamb."
    assert ("Donald Trump", "RELATED_TO", "Donald Trump Jr.") in triples(nlp, jr, "2018-03-10")


def test_an_office_two_of_a_surname_held_goes_to_the_one_near_the_date():
    bush = PersonCues("x", "Bush", ("Bush",), ("president",), ("mr.", "president"), (), "m")
    assert link_article([bush], "2012-07-15")["x"].name == "George W. Bush"
    assert link_article([bush], None)["x"] is None  # undated: either Bush


def test_a_relative_named_in_full_elsewhere_in_the_article_is_that_person(nlp):
    text = (
        "Chris Christie prosecuted Charles Kushner in 2005. Jared Kushner made weekly visits to his "
        "real estate mogul father, Charles, in federal prison."
    )
    assert ("Charles Kushner", "RELATED_TO", "Jared Kushner") in triples(nlp, text)
