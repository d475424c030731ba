"""A dataset row of several sentences is one claim: when two rows meet (one of their sentence pairs is
a candidate), the sentences of the rows that carry figures are compared too, though those sentences
alone would never meet (`consistency.group.row_sentence_pairs`)."""

from __future__ import annotations

import json

import pytest

from consistency import api
from consistency.config import Settings
from consistency.records import Document

#: A notice whose figure is in its last sentence, after a heading sentence that names the event.
NOTICE = ("Brackenholt harvest fair, final tally from the organisers. "
          "Visitors through the gates: 3,900.")
#: A report of the same fair: the visitor count first, in other words, with another figure.
REPORT = "The Brackenholt harvest fair drew 9,300 visitors over the weekend, its organisers said."


def rows(folder, *texts, name="rows.jsonl"):
    path = folder / name
    with path.open("w", encoding="utf-8") as fh:
        for n, text in enumerate(texts):
            fh.write(json.dumps({"id": f"r{n}", "text": text, "date": "2025-09-0{}".format(n + 1)}) + "\n")
    return path


def conflicts(report):
    return [f for f in report.findings if f.kind == "conflict"]


def test_the_figure_sentence_of_a_row_meets_the_other_row(tmp_path, embedder):
    # (any confidence: what is tested is that the two figures are compared at all)
    report = api.check([str(rows(tmp_path, NOTICE, REPORT))], Settings(min_confidence=0.0), embedder=embedder)
    found = conflicts(report)
    assert found and found[0].rule == "NUM001"
    assert {found[0].a.row_id, found[0].b.row_id} == {"r0", "r1"}
    assert "3,900" in (found[0].a.text + found[0].b.text)


def test_sentences_of_an_article_keep_their_own_candidacy(tmp_path, embedder):
    """Files (articles) are not rows: their sentences meet only by their own similarity."""
    a, b = tmp_path / "notice.md", tmp_path / "report.md"
    a.write_text(NOTICE + "\n", encoding="utf-8")
    b.write_text(REPORT + "\n", encoding="utf-8")
    report = api.check([str(a), str(b)], Settings(min_confidence=0.0), embedder=embedder)
    assert not any("3,900" in f.a.text + f.b.text for f in conflicts(report))


def test_row_sentence_pairs_are_bounded():
    from consistency.claims import document_claims
    from consistency.group import Pair, row_sentence_pairs

    long_row = " ".join(f"Stall {n} sold {n + 10} jars of honey." for n in range(1, 40))
    claims = (document_claims(Document(key="a", path="x.jsonl", row_id="a", text=long_row))
              + document_claims(Document(key="b", path="x.jsonl", row_id="b", text=NOTICE)))
    first_b = next(n for n, c in enumerate(claims) if c.row_id == "b")
    added = row_sentence_pairs(claims, [Pair(0, first_b, 0.7)])
    assert added == []  # a row of many sentences is an article: its sentences keep their own candidacy


def test_the_nightly_run_compares_the_rows_whole_too(tmp_path, embedder, store_target):
    """`run` stores the notice one night and meets the report the next, as `check` does at once;
    the notice's figure sentence is read back from the store."""
    day1, day2 = tmp_path / "day1", tmp_path / "day2"
    day1.mkdir(), day2.mkdir()
    (day1 / "a.jsonl").write_text(json.dumps({"id": "n1", "text": NOTICE, "date": "2025-09-01"}) + "\n"
                                  + json.dumps({"id": "n2", "text": "Rain closed the ferry for a day."}) + "\n",
                                  encoding="utf-8")
    (day2 / "b.jsonl").write_text(json.dumps({"id": "m1", "text": REPORT, "date": "2025-09-02"}) + "\n",
                                  encoding="utf-8")
    settings = Settings(store=store_target, min_confidence=0.0)
    api.run([str(day1)], settings)
    report = api.run([str(day2)], settings).report
    assert any("3,900" in f.a.text + f.b.text and f.rule == "NUM001" for f in conflicts(report))


#: A notice whose figure sentence names no measure of its own: its subject is a pronoun, and the
#: measure is the one the sentence before it names ("berths").
AMENDED = ("Notice: our listing originally said the new pontoon at Quillby marina would hold 36 berths. "
           "It is to hold 63. The harbour office regrets the slip.")
#: Another report of the pontoon: the measure named before the figure, in another verb.
BERTHS = "The harbour trust says 36 berths are planned for the new pontoon at Quillby marina."


def test_a_bare_figure_takes_its_measure_from_the_row_sentence_before_it(tmp_path, embedder):
    report = api.check([str(rows(tmp_path, AMENDED, BERTHS))], Settings(min_confidence=0.0), embedder=embedder)
    assert any("63" in f.a.text + f.b.text and f.rule == "NUM001" for f in conflicts(report))


def test_a_bare_figure_of_a_lone_sentence_stays_unread(tmp_path, embedder):
    """Without a sentence before it in its row, "It is to hold 63" says 63 of nothing named."""
    report = api.check([str(rows(tmp_path, "It is to hold 63.", BERTHS))], Settings(min_confidence=0.0),
                       embedder=embedder)
    assert not any("63" in f.a.text + f.b.text for f in conflicts(report))


@pytest.mark.xfail(strict=True, reason=(
    "open: a retraction said as an earlier text's saying ('our listing said ... would hold 36', 'an "
    "earlier version said') is not read as one (running.earlier_report reads 'originally said', 'in "
    "initial reports'), so compare.restated finds the row stating the other row's 36 itself and scores 0"))
def test_a_retraction_said_by_an_earlier_text_is_no_restatement(tmp_path, embedder):
    amended = AMENDED.replace("our listing originally said the new pontoon at Quillby marina",
                              "our listing of the Quillby marina said the new pontoon")
    report = api.check([str(rows(tmp_path, amended, BERTHS))], Settings(min_confidence=0.0), embedder=embedder)
    assert any("63" in f.a.text + f.b.text and f.rule == "NUM001" for f in conflicts(report))



#: A crawl exported to JSONL: most of its rows whole articles of many sentences (each its own:
#: near copies of one article are read once).
CRAWL = (
    "The Ashcombe allotment society met on Tuesday evening in the parish hall. Members voted on a new "
    "water rota for the summer. The treasurer read out the accounts. A raffle paid for a second "
    "greenhouse. The next meeting falls in the autumn.",
    "Roadworks on the Birchley bypass ran late into the night. Drivers queued past the garden centre. "
    "The contractor blamed a burst main under the verge. Buses were sent through the village instead. "
    "The lane reopens once the trench is filled.",
    "Cowden's library has reopened after a fortnight of repairs to its roof. Volunteers moved the "
    "children's shelves back by hand. A storyteller visits on Saturday mornings. The reading room keeps "
    "its winter hours. Parking behind the building stays closed.",
    "A choir from Dunmere sang at the cathedral on Sunday. Their conductor retires in spring. The "
    "programme mixed carols with a new setting of an old hymn. Tickets sold out within days. A "
    "recording is planned for next year.",
    "Flooding in the lower fields at Elsworth has kept the sheep on higher ground. Farmers say the "
    "drains were cleared too late. The river board promised a survey. Footpaths along the bank are "
    "shut. Walkers are asked to use the ridge track.",
)


def test_a_short_row_among_articles_is_read_as_article_sentences(tmp_path, embedder):
    """In a file most of whose rows are articles (`group.short_row`), a row of three sentences is no
    claim its writer split: its pronoun's figure is not given the measure of the sentence before it,
    as an article sentence's is not. (The same two rows alone are: the test above.)"""
    path = rows(tmp_path, AMENDED, BERTHS, *CRAWL)
    report = api.check([str(path)], Settings(min_confidence=0.0, threshold=0.05), embedder=embedder)
    assert not any("63" in f.a.text + f.b.text for f in conflicts(report))
