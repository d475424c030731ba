"""Sentences, and the claim filter that drops page furniture from plain-text crawls.

Every sentence here was written for these tests, in the shape the widgets take in crawled pages.
"""

import pytest

from consistency import sentences
from consistency.quantities import extract_quantities
from consistency.sentences import claim_sentences, read_text, split_sentences

ARTICLE = """# Heading of the story

Officials said 28 ships had been sunk. Dr. Smith said the toll was 1.5 times higher than in 2024!
JOIN US ON TELEGRAM
Follow our coverage of the war on our channel.
Other Topics of Interest
Former Ambassador Warns Ties Could Raise Risks for US Forces
- Exports rose 3% in October, the ministry said.
Source link
Leave feedback about this
"""


def test_offsets_are_exact():
    for s in split_sentences(ARTICLE):
        assert ARTICLE[s.start:s.end] == s.text


def test_boilerplate_headings_and_teasers_are_dropped():
    texts = [s.text for s in claim_sentences(ARTICLE)]
    assert texts == [
        "Officials said 28 ships had been sunk.",
        "Dr. Smith said the toll was 1.5 times higher than in 2024!",
        "Exports rose 3% in October, the ministry said.",
    ]


def test_single_sentence_detection():
    assert read_text("Strikes were down 90% six days in.").single
    assert read_text("Dr. Smith said 1.5 million people left.").single
    assert read_text("Strikes fell 90%").single  # no full stop: still one claim of a dataset
    assert not read_text("Strikes fell. Officials said 28 ships sank.").single
    assert not read_text("Strikes fell.\nShips sank.").single


# One line per kind of furniture: (reason, line). Each is dropped whole, with its reason.
FURNITURE = [
    ("carousel", "CLOSE Skip in Skip x Embed x Share A crash on the west side left one driver hurt. Sam Poe / The Daily"),
    ("carousel", "Image 7 of 31 Neighbours gather outside the mill after the fire was put out on Tuesday."),
    ("carousel", "Mill Fire Footage 0:58 autoplay autoplay Share this video with friends."),
    ("caption", "Firefighters spray water on the mill roof on Tuesday. (Photo: Dana Reyes)"),
    ("caption", "Smoke rises over the grain mill in Lakeville on Tuesday. Photo: Dana Reyes, The Lakeville Daily"),
    ("caption", "Buy Photo The mill's owner speaks to reporters on Tuesday afternoon."),
    ("embed", "Three hurt in the mill fire this morning. — Lakeville Fire (@lakevillefire) May 4, 2021"),
    ("embed", "Crews are still at the mill, 40 of them. pic.twitter.com/AbCdEf12"),
    ("teaser", "READ: Another mill fire last year cost the town its largest employer."),
    ("teaser", "Read or share this story: https://lakeville.example/news/mill-fire-2021"),
    ("prompt", "Sign up for our morning newsletter to get the top 5 stories in your inbox."),
    ("prompt", "Download the Lakeville Daily app for breaking news alerts on your phone."),
    ("prompt", "Watch Channel 9 News at 6 for more on this developing story."),
    ("byline", "By Dana Reyes and Sam Poe"),
    ("byline", "Contact Dana Reyes at dreyes@lakeville.example or 555-0100."),
    ("byline", "Reporter Sam Poe contributed to this report."),
    ("dateline", "Posted: Tuesday, May 4, 2021 4:09 AM EDT Updated: Tuesday, May 4, 2021 5:00 AM EDT"),
    ("boilerplate", "Copyright 2021 The Lakeville Daily. All rights reserved."),
    ("heading", "Mill Fire Injures Three Workers"),
]


@pytest.mark.parametrize("reason,line", FURNITURE, ids=[f"{r}-{n}" for n, (r, _) in enumerate(FURNITURE)])
def test_furniture_lines_are_dropped_with_their_reason(reason, line):
    text = f"A fire at the grain mill injured three workers on Tuesday, the chief said.\n{line}\n"
    reading = read_text(text)
    assert [c.text for c in reading.claims] == [
        "A fire at the grain mill injured three workers on Tuesday, the chief said."]
    assert [(d.reason, d.text) for d in reading.dropped] == [(reason, line)]
    drop = reading.dropped[0]
    assert text[drop.start:drop.end] == drop.text


def test_a_prompt_sentence_inside_a_paragraph_goes_alone():
    text = ("The mill will reopen next week, its owner said. Please check back for updates as we learn more.\n"
            "Crews worked through the night.\n")
    reading = read_text(text)
    assert [c.text for c in reading.claims] == ["The mill will reopen next week, its owner said.",
                                                 "Crews worked through the night."]
    assert [d.reason for d in reading.dropped] == ["prompt"]


def test_dateline_and_citation_markers_are_cut_off_the_claim():
    text = ("LAKEVILLE, Minn. (AP) — A fire at a grain mill injured three workers on Tuesday.[4]\n"
            "The mill employs 140 people, the owner said.[12][13]\n")
    reading = read_text(text)
    claims = [c.text for c in reading.claims]
    assert claims == ["A fire at a grain mill injured three workers on Tuesday.",
                      "The mill employs 140 people, the owner said."]
    for c in reading.claims:
        assert text[c.start:c.end] == c.text
    assert [(d.reason, d.text) for d in reading.dropped] == [
        ("dateline", "LAKEVILLE, Minn. (AP) —"), ("citation", "[4]"), ("citation", "[12][13]")]


def test_a_repeated_sentence_is_said_once():
    text = "The mill employs 140 people.\nCrews worked through the night.\nThe mill employs 140 people.\n"
    reading = read_text(text)
    assert [c.text for c in reading.claims] == ["The mill employs 140 people.", "Crews worked through the night."]
    assert [d.reason for d in reading.dropped] == ["repeat"]


def test_prose_that_looks_like_furniture_is_kept():
    kept = [
        "Skip Wells, a second-year student, was among the four people hurt.",  # a name, not a player control
        "Police said the video by a bystander shows the driver leaving the scene.",
        "By Tuesday evening, 12 of the 14 workers had been sent home from hospital.",
        "Officials said they would watch the river levels closely over the weekend.",
        "The company's share of the market rose to 14% last year.",
    ]
    text = "\n".join(kept) + "\n"
    assert [c.text for c in read_text(text).claims] == kept


def test_each_text_is_segmented_once(monkeypatch):
    """pysbd runs once per line of an article (it used to run twice on multi-sentence rows)."""
    real = sentences.segmenter()
    calls = []

    class Counting:
        def segment(self, line):
            calls.append(line)
            return real.segment(line)

    monkeypatch.setattr(sentences, "segmenter", lambda: Counting())
    from consistency.claims import document_claims
    from consistency.records import Document

    text = "Strikes fell 90% in March. Officials said 28 ships sank. Talks resume on Monday."
    claims = document_claims(Document(key="k", path="p", text=text, row_id="r1"))
    assert len(claims) == 3
    assert calls == [text]


def test_reference_markers_do_not_hide_a_sentence_end():
    text = ("The mill opened in 1920 on the river (Lakeville).[21][46] It closed in 1990.\n"
            "[9] [56] Twelve people worked there at the end.\n")
    reading = read_text(text)
    assert [c.text for c in reading.claims] == ["The mill opened in 1920 on the river (Lakeville).",
                                                 "It closed in 1990.", "Twelve people worked there at the end."]
    assert [(d.reason, d.text) for d in reading.dropped] == [("citation", "[21][46]"), ("citation", "[9] [56]")]


@pytest.mark.parametrize("reason,line", [
    ("caption", "Dana Reyes (left to right), Sam Poe and Lee Park at the mill gate on Tuesday."),
    ("byline", "Dana Reyes is a staff writer for The Lakeville Daily."),
    ("teaser", "The mill owner speaks to the council about the fire, Monday,..."),
    ("teaser", "A neighbour who saw the smoke walks us through the..."),
    ("prompt", "We'll have more on the mill fire on Channel 9 News at 6."),
    ("boilerplate", "This is a developing story."),
])
def test_more_furniture_shapes(reason, line):
    reading = read_text(f"The mill employs 140 people, the owner said.\n{line}\n")
    assert [(d.reason, d.text) for d in reading.dropped] == [(reason, line)]


def test_sentences_glued_by_a_crawl_are_split():
    # Paragraphs joined without a space ("the scene.The ..."): each sentence is a claim of its own,
    # so an age set off after a name ("Ford, 38,") is read at the start of its sentence.
    text = ("Two men were hurt at the mill on Tuesday night.The owner, Sam Ford, said the gate was open."
            "Ford, 38, a Lakeville resident, was not there. Gov. Dana Reyes visited.Mr.Poe did not.\n")
    reading = read_text(text)
    assert [c.text for c in reading.claims] == [
        "Two men were hurt at the mill on Tuesday night.", "The owner, Sam Ford, said the gate was open.",
        "Ford, 38, a Lakeville resident, was not there.", "Gov. Dana Reyes visited.", "Mr.Poe did not."]
    assert [(s.start, s.end) for s in reading.claims][1] == (47, 91)
    ages = [q for c in reading.claims for q in extract_quantities(c.text) if q.dimension == "age"]
    assert [(q.value, q.person) for q in ages] == [(38, "Ford")]


def test_tokenised_initialisms_and_times_end_no_sentence():
    """Space-tokenised corpora write "U . S ." and "7 a . m .": pysbd split there, leaving claims
    such as "... where two U ." (a count of nothing) and ", officials said ."."""
    text = ("Two shells landed near the base where 40 U . S . marines slept . Nobody was hurt .\n"
            "The van left at 7 a . m . , the 52 - year - old driver said .")
    found = split_sentences(text)
    assert [s.text for s in found] == [
        "Two shells landed near the base where 40 U . S . marines slept .", "Nobody was hurt .",
        "The van left at 7 a . m . , the 52 - year - old driver said .",
    ]
    assert all(text[s.start:s.end] == s.text for s in found)


def test_a_clock_time_and_the_day_after_it_are_one_sentence():
    """pysbd ended a sentence at the dot of "a.m."/"p.m." before any capitalised word, so "hurt at
    around 2 a.m. Saturday — three by bullets and one by a falling sign" lost its breakdown to a
    claim of its own that began "Saturday — three by bullets". A day or date right after a clock
    time belongs to it; a new sentence after a clock time still starts one."""
    text = ("Four people were hurt at around 2 a.m. Saturday — three by bullets and one by a falling sign — "
            "the sheriff said. Deputies arrived at 2:20 a.m. Nobody was arrested.\n"
            "The market reopens at 9 a.m. Dec. 8, traders were told. The vote closes at 8 p.m. today.\n"
            "Crews left at 6 p.m. Officials gave no reason.")
    found = split_sentences(text)
    assert [s.text for s in found] == [
        "Four people were hurt at around 2 a.m. Saturday — three by bullets and one by a falling sign — "
        "the sheriff said.", "Deputies arrived at 2:20 a.m.", "Nobody was arrested.",
        "The market reopens at 9 a.m. Dec. 8, traders were told.", "The vote closes at 8 p.m. today.",
        "Crews left at 6 p.m.", "Officials gave no reason."]
    assert all(text[s.start:s.end] == s.text for s in found)


def test_a_clock_time_and_its_time_zone_are_one_sentence():
    """"hit at 9:20 a.m. EST, according to the agency" was cut after "a.m.", so the claim lost its
    time zone and its source, and its clock time was read in the wrong zone (tests/test_clock_times.py)."""
    text = ("A magnitude 6.4 quake hit at 9:20 a.m. EST, according to the monitoring agency. "
            "Ferries stopped at 10 p.m. Crews were sent out.")
    assert [s.text for s in split_sentences(text)] == [
        "A magnitude 6.4 quake hit at 9:20 a.m. EST, according to the monitoring agency.",
        "Ferries stopped at 10 p.m.", "Crews were sent out."]


def test_a_line_broken_at_a_comma_is_no_heading():
    """A crawl or a tokenised corpus can break a sentence at a comma, or keep only its first part
    (one sentence per line, the last one cut): the line that ends in the comma is the sentence
    that gives the event's day, not a heading. Headings end in no comma, and stay dropped."""
    text = ("Ferry Sinks Off Harbor Point\n"
            "A passenger ferry went down near the harbour mouth on Saturday night ,\n"
            "Eleven people were pulled from the water by fishermen .\n"
            "The pilot, who had 20 years at the helm, said the engine failed first,\n"
            "Coast Guard Statement\n")
    reading = read_text(text)
    assert [c.text for c in reading.claims] == [
        "A passenger ferry went down near the harbour mouth on Saturday night ,",
        "Eleven people were pulled from the water by fishermen .",
        "The pilot, who had 20 years at the helm, said the engine failed first,"]
    assert [(d.reason, d.text) for d in reading.dropped] == [
        ("heading", "Ferry Sinks Off Harbor Point"), ("heading", "Coast Guard Statement")]
