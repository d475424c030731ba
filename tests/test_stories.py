"""Stories: documents clustered into one real-world event and its follow-ups, with the real model.

The articles are ours: a fictional town (Millbrook), two shootings of the same kind in it ten
weeks apart, reported by different outlets in different words, and an arrest weeks later.
"""

from __future__ import annotations

import json
import random
from importlib.resources import files

import jsonschema
import pytest

from consistency import api, stories
from consistency.claims import extract_claims
from consistency.config import Settings, load_settings
from consistency.errors import ConfigError
from consistency.group import candidate_pairs, document_numbers
from consistency.reading import read_paths
from consistency.store import open_store

SCHEMA = json.loads(files("consistency").joinpath("schemas/report.schema.json").read_text(encoding="utf-8"))

ARTICLES = {
    # the laundromat shooting, 14 June, as two outlets tell it
    "courier-laundromat.md": ("Millbrook Courier", "2025-06-15", "Two dead after gunfire at Carver Street laundromat", """
Two people were killed and three were wounded when a gunman opened fire inside the Suds & Spin laundromat on Carver Street late Saturday, Millbrook police said.

Police chief Renata Solberg named the dead as Dalia Okafor, 34, and Marcus Tran, 51, both regulars at the laundromat.

Investigators recovered 14 shell casings from the floor of the laundromat, Solberg said.

The gunman fled north on foot toward the Harrow rail yard, according to witnesses.
"""),
    "ledger-laundromat.md": ("Valley Ledger", "2025-06-16", "Millbrook mourns laundromat victims", """
Millbrook is grieving after Saturday night's attack at the Suds & Spin on Carver Street, where Dalia Okafor and Marcus Tran were shot dead.

Chief Renata Solberg told reporters that three other customers were taken to St. Brigid Hospital with gunshot wounds.

Investigators recovered 12 shell casings from the laundromat floor, police said.

Neighbours left flowers outside the laundromat on Sunday morning.
"""),
    # a different shooting in the same town, ten weeks later, other victims
    "courier-busstop.md": ("Millbrook Courier", "2025-08-26", "Shots fired at Ellery Avenue bus shelter", """
One man was killed and two teenagers were hurt when someone fired from a passing car at a bus shelter on Ellery Avenue on Monday evening, Millbrook police said.

Police identified the man who died as Oren Castellano, 27, a cook at a diner nearby.

Investigators recovered 9 shell casings from the pavement beside the shelter, a police spokesman said.

Officers are searching for a grey sedan seen speeding toward the river.
"""),
    # the arrest, five weeks after the laundromat shooting
    "ledger-arrest.md": ("Valley Ledger", "2025-07-22", "Arrest made in Carver Street laundromat killings", """
Millbrook detectives have arrested a 22-year-old man in connection with the June shooting at the Suds & Spin laundromat that killed Dalia Okafor and Marcus Tran.

Chief Renata Solberg said the suspect was found at a relative's flat near the Harrow rail yard on Sunday.

He is charged with two murders and three attempted murders, prosecutors said.
"""),
}


def write_articles(folder, names=ARTICLES):
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        source, date, title, body = ARTICLES[name]
        (folder / name).write_text(f"---\nsource: {source}\ndate: {date}\ntitle: {title}\n---\n{body}",
                                   encoding="utf-8")
    return folder


def story_of(report) -> dict[str, int]:
    """Document key -> story id."""
    return {key: s.id for s in report.stories for key in s.documents}


@pytest.fixture(scope="module")
def millbrook(tmp_path_factory, embedder):
    folder = write_articles(tmp_path_factory.mktemp("millbrook"))
    return api.check([str(folder)], Settings(), embedder=embedder)


def test_two_outlets_on_one_event_in_different_words_are_one_story(millbrook):
    s = story_of(millbrook)
    assert s["courier-laundromat.md"] == s["ledger-laundromat.md"]


def test_same_kind_of_event_in_the_same_town_weeks_apart_is_another_story(millbrook):
    s = story_of(millbrook)
    assert s["courier-busstop.md"] != s["courier-laundromat.md"]
    for f in millbrook.findings:
        keys = {f.a.doc_key, f.b.doc_key}
        assert "courier-busstop.md" not in keys, f"a finding pairs the bus-stop shooting: {f.explanation}"


def test_the_other_events_figures_would_conflict_without_stories(millbrook, embedder, tmp_path):
    """The 14 vs 9 shell casings are compared when the two shootings are read on their own: the
    stories stage, not the wording, keeps them apart in the full input."""
    folder = write_articles(tmp_path, ["courier-laundromat.md", "courier-busstop.md"])
    report = api.check([str(folder)], Settings(), embedder=embedder)
    # read alone, the two articles still form two stories, so nothing is compared ...
    assert len(report.stories) == 2 and not report.findings
    # ... while the rules flag the casings when the same two claims are put side by side
    flagged = api.compare_texts("Investigators recovered 14 shell casings from the floor of the laundromat, Solberg said.",
                                "Investigators recovered 9 shell casings from the pavement beside the shelter, a police spokesman said.")
    assert [f.rule for f in flagged] == ["NUM001"]


def test_an_arrest_weeks_later_naming_the_victims_joins_the_story(millbrook):
    s = story_of(millbrook)
    assert s["ledger-arrest.md"] == s["courier-laundromat.md"]
    story = next(x for x in millbrook.stories if x.id == s["ledger-arrest.md"])
    assert {"Okafor", "Solberg"} & {w for e in story.entities for w in e.split()}
    assert str(story.first) == "2025-06-15" and str(story.last) == "2025-07-22"


def test_a_storys_entities_are_its_names_as_the_articles_write_them(millbrook):
    # "Dalia Okafor", not "Dalia" and "Okafor" as two entities: a name of several words is shown
    # whole when the articles write it so, and each of its words only once
    s = story_of(millbrook)
    story = next(x for x in millbrook.stories if x.id == s["courier-laundromat.md"])
    assert {"Dalia Okafor", "Renata Solberg", "Marcus Tran"} & set(story.entities), story.entities
    words = [w.lower() for e in story.entities for w in e.split()]
    assert len(words) == len(set(words)), story.entities


def test_findings_carry_the_story_they_belong_to(millbrook):
    s = story_of(millbrook)
    assert [f.rule for f in millbrook.findings] == ["NUM001"], "14 vs 12 shell casings at the laundromat"
    for f in millbrook.findings:
        assert f.story == s[f.a.doc_key] == s[f.b.doc_key]


def test_input_order_does_not_change_the_stories(embedder, tmp_path):
    folder = write_articles(tmp_path)
    read = read_paths([str(folder)])
    claims = extract_claims(read.documents)
    vectors = embedder.encode([c.text for c in claims])

    def partition(order):
        docs = [read.documents[i] for i in order]
        keys = [d.key for d in docs]
        mine = [i for k in keys for i, c in enumerate(claims) if c.doc_key == k]
        cs, vs = [claims[i] for i in mine], vectors[mine]
        pairs = candidate_pairs(vs, threshold=0.5, documents=document_numbers(c.doc_key for c in cs))
        result = stories.build(docs, cs, vs, pairs)
        return sorted(sorted(s.documents) for s in result.stories), [s.title for s in result.stories]

    first = partition(list(range(len(read.documents))))
    rng = random.Random(4)
    for _ in range(3):
        order = list(range(len(read.documents)))
        rng.shuffle(order)
        assert partition(order) == first


DATASET = [
    {"id": "quay-1", "text": "The Meridian ferry carries 640 cars on the Dunmore crossing.", "source": "Coast Post",
     "date": "2025-03-02"},
    {"id": "quay-2", "text": "The Meridian ferry carries 480 cars on the Dunmore crossing, the operator said.",
     "source": "Harbour Desk", "date": "2025-03-04"},
    {"id": "pool-1", "text": "The renovated public pool on Fenwick Road reopens with eight lanes.",
     "source": "Coast Post", "date": "2025-03-03"},
    {"id": "tax-1", "text": "Council tax will rise 3% next April, the finance committee said.", "source": "Civic Wire",
     "date": "2025-02-20"},
]


def test_dataset_rows_form_stories_from_their_own_names(embedder, tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in DATASET), encoding="utf-8")
    report = api.check([str(path)], Settings(), embedder=embedder)
    s = story_of(report)
    assert s["rows.jsonl#quay-1"] == s["rows.jsonl#quay-2"]
    assert len({s["rows.jsonl#quay-1"], s["rows.jsonl#pool-1"], s["rows.jsonl#tax-1"]}) == 3
    ferry = next(x for x in report.stories if x.id == s["rows.jsonl#quay-1"])
    assert {"Meridian", "Dunmore"} <= set(ferry.entities)
    assert [(f.rule, f.story) for f in report.findings] == [("NUM001", ferry.id)]


def test_rows_that_name_nothing_and_carry_no_date_are_still_compared(embedder, tmp_path):
    """Nothing but wording could tell two such rows apart, and the group stage judged them similar:
    splitting them into two stories must not hide their conflict."""
    rows = [{"id": "a", "text": "the night bus runs every 12 minutes on weekdays."},
            {"id": "b", "text": "during the week there is a night bus every 25 minutes, though riders say it is often "
                                "late and crowded."}]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    report = api.check([str(path)], Settings(), embedder=embedder)
    assert len(report.stories) == 2, "the two wordings are not alike enough to be one story by themselves"
    assert [(f.rule, f.story) for f in report.findings if f.kind == "conflict"] == [("DUR001", None)]


def test_a_dated_and_an_undated_document_of_two_stories_are_not_compared(embedder, tmp_path):
    """A dated report and an undated page that names nothing share no evidence of one event: the
    clustering split them, and nothing shows they meet in time (on real news, a dated shooting's
    arrests were set against an undated page about another shooting's arrests)."""
    rows = [{"id": "a", "date": "2025-03-14", "text": "Sheriff Dana Whitlock said three gang members were arrested "
                                                      "after the shooting on Maple Street."},
            {"id": "b", "text": "two suspected gang members were arrested over the killing of a deputy, officials "
                                "announced."}]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    report = api.check([str(path)], Settings(), embedder=embedder)
    assert len(report.stories) == 2
    assert report.stats["candidate_pairs"] == 1, "the group stage found the pair; the stories stage refuses it"
    assert [f for f in report.findings if f.kind == "conflict"] == []
    dated = dict(rows[1], date="2025-03-20")  # dated within the window of the other: evidence of one event
    path.write_text("".join(json.dumps(r) + "\n" for r in (rows[0], dated)), encoding="utf-8")
    report = api.check([str(path)], Settings(), embedder=embedder)
    assert [f.rule for f in report.findings if f.kind == "conflict"] == ["NUM001"]


def test_json_report_lists_stories_and_each_conflict_names_its_story(millbrook):
    from consistency.reporters.base import report_dict

    data = json.loads(json.dumps(report_dict(millbrook)))
    jsonschema.validate(data, SCHEMA)
    assert data["summary"]["stories"] == len(data["stories"]) == 2
    ids = {s["id"] for s in data["stories"]}
    assert all(c["story"] in ids for c in data["conflicts"])
    laundromat = next(s for s in data["stories"] if "courier-laundromat.md" in s["documents"])
    assert laundromat["first_date"] == "2025-06-15" and laundromat["last_date"] == "2025-07-22"
    assert sorted(laundromat["documents"]) == ["courier-laundromat.md", "ledger-arrest.md", "ledger-laundromat.md"]


def test_text_report_puts_findings_under_their_story_heading(millbrook):
    import io

    from consistency.reporters import ReportOptions, get_renderer

    out = io.StringIO()
    get_renderer("text")(millbrook, out, ReportOptions(width=100))
    text = out.getvalue()
    story = next(s for s in millbrook.stories if "courier-laundromat.md" in s.documents)
    assert f"Story {story.id}: {story.title}" in text
    assert text.index(f"Story {story.id}:") < text.index("[1]")


def test_story_window_days_is_a_setting(tmp_path):
    assert load_settings(tmp_path, env={}).story_window_days == 30
    assert load_settings(tmp_path, env={"CONSISTENCY_STORY_WINDOW_DAYS": "7"}).story_window_days == 7
    (tmp_path / "pyproject.toml").write_text("[tool.consistency]\nstory-window-days = -1\n")
    with pytest.raises(ConfigError, match="story_window_days must be from 0 to"):
        load_settings(tmp_path, env={})


# --- incremental runs: new articles join the stories kept in the store ---------------------------

def stories_by_document(report: dict) -> dict[str, dict]:
    """Document key -> its story, from a JSON report."""
    return {key: s for s in report["stories"] for key in s["documents"]}


def test_an_incremental_run_attaches_new_articles_to_the_stored_story(tmp_path, embedder):
    from test_store import run_json

    corpus = write_articles(tmp_path / "news", ["courier-laundromat.md", "courier-busstop.md"])
    db = tmp_path / "desk.db"
    code, first = run_json(db, corpus)
    assert code == 0 and first["conflicts"] == []
    before = stories_by_document(first)
    assert len(first["stories"]) == 2 and first["summary"]["stories"] == 2
    laundromat = before["courier-laundromat.md"]["id"]

    write_articles(corpus, ["ledger-laundromat.md", "ledger-arrest.md"])
    code, second = run_json(db, corpus)
    after = stories_by_document(second)
    # the stored story keeps its id and gains the second outlet's report and the arrest weeks later
    assert after["courier-laundromat.md"]["id"] == laundromat
    assert after["ledger-laundromat.md"]["id"] == after["ledger-arrest.md"]["id"] == laundromat
    assert after["courier-busstop.md"]["id"] == before["courier-busstop.md"]["id"] != laundromat
    assert after["ledger-arrest.md"]["last_date"] == "2025-07-22"
    # the new report's casings (12) are compared with the stored one's (14), within the story
    assert code == 1 and [(c["rule"], c["story"]) for c in second["conflicts"]] == [("NUM001", laundromat)]
    assert {cl["path"].rsplit("/", 1)[-1] for cl in second["conflicts"][0]["claims"]} == {
        "courier-laundromat.md", "ledger-laundromat.md"}

    (corpus / "ledger-arrest.md").unlink()
    _, third = run_json(db, corpus)
    assert "ledger-arrest.md" not in stories_by_document(third)
    assert stories_by_document(third)["ledger-laundromat.md"]["id"] == laundromat

    # a story of several stored documents is scored as their mean, not their sum
    (corpus / "post-vigil.md").write_text(VIGIL, encoding="utf-8")
    _, fourth = run_json(db, corpus)
    assert stories_by_document(fourth)["post-vigil.md"]["id"] == laundromat
    assert len(fourth["stories"]) == 2


VIGIL = """---
source: Harrow Evening Post
date: 2025-06-19
title: Candles on Carver Street
---
Hundreds of neighbours held a candlelight vigil outside the Suds & Spin laundromat on Wednesday for Dalia Okafor and Marcus Tran.

Okafor's sister thanked the customers who had sheltered behind the dryers, and Chief Renata Solberg asked witnesses to keep coming forward.
"""


def test_a_store_written_before_names_of_several_words_were_kept_still_runs(tmp_path, embedder):
    """Stores of earlier versions keep no `Profile.phrases` (`_profile` reads none): their documents
    show single names, and the next run still reads them and adds its own documents."""
    import sqlite3

    from test_store import run_json

    corpus = write_articles(tmp_path / "news", ["courier-laundromat.md", "courier-busstop.md"])
    db = tmp_path / "desk.db"
    run_json(db, corpus)
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT doc_key, data FROM story_documents").fetchall()
        for key, data in rows:
            old = json.loads(data)
            assert old.pop("phrases")
            con.execute("UPDATE story_documents SET data = ? WHERE doc_key = ?", (json.dumps(old), key))
    write_articles(corpus, ["ledger-laundromat.md"])
    code, second = run_json(db, corpus)
    laundromat = stories_by_document(second)["ledger-laundromat.md"]
    assert code == 1 and laundromat["id"] == stories_by_document(second)["courier-laundromat.md"]["id"]
    assert laundromat["entities"] and all(isinstance(e, str) and e for e in laundromat["entities"])


def test_stories_are_kept_in_either_store_backend(store_target, embedder, tmp_path):
    from consistency import incremental

    corpus = write_articles(tmp_path / "news", ["courier-laundromat.md", "courier-busstop.md"])
    settings = Settings(store=str(store_target))
    first = incremental.run([str(corpus)], settings)
    write_articles(corpus, ["ledger-laundromat.md"])
    second = incremental.run([str(corpus)], settings)
    s1 = story_of(first.report)
    s2 = story_of(second.report)
    assert s2["ledger-laundromat.md"] == s2["courier-laundromat.md"] == s1["courier-laundromat.md"]
    assert [f.story for f in second.report.findings] == [s1["courier-laundromat.md"]]


def test_a_changed_story_window_clusters_the_store_again(tmp_path, embedder):
    from test_store import run_json

    corpus = write_articles(tmp_path / "news")
    db = tmp_path / "desk.db"
    _, first = run_json(db, corpus)
    _, again = run_json(db, corpus, extra=("--story-window", "3"))
    with open_store(db) as store:
        assert store.runs.all()[-1].counters["pairs"] > 0, "a new window re-matches every stored claim"
    assert sorted(sorted(s["documents"]) for s in again["stories"]) == sorted(
        sorted(s["documents"]) for s in first["stories"])


def _claims_of(folder, title: str, text: str):
    """The claims of one Markdown article with this title and text."""
    (folder / "a.md").write_text(f"{title}\n\n{text}", encoding="utf-8")
    return extract_claims(read_paths([str(folder)]).documents)


def test_the_pronoun_i_and_its_contractions_are_not_names(tmp_path):
    """English capitalises "I" and so "I'm", "I've", "I'd", "I'll": quotes full of them made those
    a story's entities ("Gingrich, GOP, Huckabee, I'm, I've" on real political coverage). A word's
    clitic is not part of the name ("Solberg's", "O'Hara" stays whole)."""
    text = ("\"I'm not leaving,\" Solberg said after the vote in Fenwick. \"I've told O'Hara that I'd stay "
            "and I'll say it again.\" Solberg's deputy agreed, and O'Hara's office in Fenwick said "
            "nothing. Later, O'Hara said: \"We're done, and I'm sure Fenwick isn't.\"")
    claims = _claims_of(tmp_path, "Vote in Fenwick", text)
    names, _, spelled = stories.read_names(claims)
    assert {spelled[k] for k in names} == {"Solberg", "Fenwick", "O'Hara"}


def test_names_of_several_words_are_read_as_written(tmp_path):
    """A run of names with only spaces between, or a short title's dot ("Gov. Ana Reyes"), is one
    name; a possessive ends it ("Dalia Okafor's family"); a month is no part of one."""
    text = ("On Monday Gov. Ana Reyes met Dalia Okafor's family in Port Ellery, and Ana Reyes said the "
            "Port Ellery inquiry would report by May Day.\n\nPolice in Port Ellery said Ana Reyes spoke "
            "for the family of Dalia Okafor.")
    claims = _claims_of(tmp_path, "Inquiry", text)
    names, _, _ = stories.read_names(claims)
    found = stories.name_phrases(claims, names)
    assert found["Gov. Ana Reyes"] == 1 and found["Ana Reyes"] == 2 and found["Port Ellery"] == 3
    assert found["Dalia Okafor"] == 2 and not any("May" in x for x in found), found


def test_names_joined_by_a_hyphen_are_each_a_name(embedder, tmp_path):
    """Two capitalised names joined by a hyphen ("Brellin-Casko", a deal of two firms) are the two
    names, as with a dash: a row naming the deal so is about the firms another row names, and their
    dates are compared. A hyphened word that is no pair of names stays one word."""
    rows = [{"id": "a", "date": "2025-02-03",
             "text": "Brellin Foods finished its takeover of Casko Dairies on 28 January, the two firms said."},
            {"id": "b", "date": "2025-02-04", "text": "The Brellin-Casko takeover closed on 30 January, a market filing shows."}]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    report = api.check([str(path)], Settings(), embedder=embedder)
    assert [f.rule for f in report.findings if f.kind == "conflict"] == ["DAT001"]
    claims = _claims_of(tmp_path, "Deal", "Brellin-Casko and a Brellin-Casko spin-off were in the news.")
    names, _, _ = stories.read_names(claims)
    assert {"brellin", "casko"} <= set(names) and "spin-off" not in names and "brellin-casko" not in names


#: Two launches of one (invented) product line, years apart, three undated write-ups of each: they
#: share the maker, the line and its chief, but every write-up of a launch names its own show and
#: chip, which no write-up of the other launch mentions.
LAUNCHES = {
    "first-a.md": """
Halvorsen Electronics showed its Corvane Slate tablet at the Nordlys Expo in Tromvik, priced at 649 euros.

The Corvane Slate weighs 1.4 kilograms and runs on a Tern processor clocked at 1.6GHz.

Halvorsen chief executive Ingrid Valdersen told the Nordlys Expo audience that the battery lasts 9 hours.
""",
    "first-b.md": """
At the Nordlys Expo, Ingrid Valdersen of Halvorsen introduced the Corvane Slate, a tablet that will sell for 649 euros.

Its Tern chip runs at 1.6GHz, and the Corvane Slate tips the scales at 1.4 kilograms.

Valdersen promised 11 hours of battery life for the Corvane Slate on a single charge.
""",
    "first-c.md": """
Visitors to the Nordlys Expo queued for the Corvane Slate, which Halvorsen priced at 679 euros.

Halvorsen says the Tern processor inside the Corvane Slate draws 40 percent less power than the chip it replaces.

Ingrid Valdersen said Halvorsen expects to ship 200,000 Corvane Slate units before summer.
""",
    "second-a.md": """
Halvorsen Electronics took the wraps off a thinner Corvane Slate with a Lumen display at the Brightwater Summit, starting at 899 euros.

The new Corvane Slate weighs just 1.1 kilograms and uses a Kestrel processor at 2.4GHz.

Ingrid Valdersen told the Brightwater Summit crowd the Corvane Slate now runs for 14 hours on a charge.
""",
    "second-b.md": """
Ingrid Valdersen opened the Brightwater Summit with the Corvane Slate Lumen, an 899-euro tablet from Halvorsen.

A 2.4GHz Kestrel chip powers the Corvane Slate, which is 1.1 kilograms.

Halvorsen rates the battery of the Corvane Slate at 14 hours.
""",
    "second-c.md": """
The Corvane Slate shown at the Brightwater Summit has a Lumen screen 2,560 pixels wide, Halvorsen said.

The Kestrel processor makes the Corvane Slate 30 percent faster, according to Ingrid Valdersen of Halvorsen.

Halvorsen will sell the Corvane Slate from 899 euros at the Brightwater Summit.
""",
}


def test_two_undated_launches_of_one_product_line_are_two_stories(embedder, tmp_path):
    """Nothing dates these write-ups, and the maker, the line and its chief are in all of them; what
    tells the launches apart is that each launch's write-ups all name a show and a chip that no
    write-up of the other launch names (on real news: a laptop line's launch at one trade show
    against its launch at another conference years later, whose prices and weights were compared)."""
    for name, body in LAUNCHES.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    report = api.check([str(tmp_path)], Settings(), embedder=embedder)
    s = story_of(report)
    first, second = ([s[f"{launch}-{k}.md"] for k in "abc"] for launch in ("first", "second"))
    assert len(set(first)) == 1 and len(set(second)) == 1 and first[0] != second[0]
    conflicts = [f for f in report.findings if f.kind == "conflict"]
    across = [f.explanation for f in conflicts if f.a.doc_key[:5] != f.b.doc_key[:5]]
    assert across == [], "figures of two launches compared"
    prices = {(f.a.doc_key, f.b.doc_key) for f in conflicts if "euros" in f.explanation}
    assert ("first-a.md", "first-c.md") in prices, "649 vs 679 euros at one launch are still compared"
