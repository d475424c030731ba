"""People's ages read as the article tells them (`consistency.quantities.people`): a surname alone
is the person the article names in full, an age of an earlier time is no one's age now. Every
sentence here was written for these tests."""

from __future__ import annotations

from consistency import api
from consistency.config import Settings

#: an article naming two people of one surname, then one of them by the surname alone
FAMILY = ("Gary Marsh and his mother Edna Marsh shared the house on Elm Street for a decade.\n\n"
          "Police said 35-year-old Marsh faces two counts of murder after the stabbing on Monday.")
#: an article naming one Marsh
ARREST = ("Gary Marsh was arrested at his home on Elm Street.\n\n"
          "Police said 35-year-old Marsh faces two counts of murder after the stabbing on Monday.")
VICTIM = "Police identified one of the victims as 61-year-old Edna Marsh, the mother of the suspect."
CHARGED = "Prosecutors said 37-year-old Gary Marsh was charged with murder on Tuesday."


def write(folder, name, body):
    path = folder / name
    path.write_text(f"# {name}\n\n{body}\n", encoding="utf-8")
    return str(path)


def age_conflicts(tmp_path, embedder, *bodies) -> list:
    paths = [write(tmp_path, f"{k}.md", body) for k, body in enumerate(bodies)]
    report = api.check(paths, Settings(), embedder=embedder)
    return [f for f in report.findings if f.kind == "conflict" and "ages" in f.explanation]


def persons(tmp_path, body) -> list:
    claims, _ = api.extract([write(tmp_path, "x.md", body)])
    return [q.person for c in claims for q in c.quantities if q.dimension == "age"]


def test_a_surname_alone_is_the_person_the_article_names_in_full(tmp_path, embedder):
    assert persons(tmp_path, ARREST) == ["Gary Marsh"]
    # so the son's age is not set against his mother's, and is against his own
    assert age_conflicts(tmp_path, embedder, ARREST, VICTIM) == []
    [finding] = age_conflicts(tmp_path, embedder, ARREST, CHARGED)
    assert sorted(s.text for s in finding.spans_a + finding.spans_b) == ["35-year-old", "37-year-old"]


def test_a_surname_the_article_gives_several_people_is_nobody_in_particular(tmp_path, embedder):
    assert persons(tmp_path, FAMILY) == [None]
    assert age_conflicts(tmp_path, embedder, FAMILY, VICTIM) == []


def test_a_name_keeps_no_verb_after_it(tmp_path):
    assert persons(tmp_path, "The court heard that 19-year-old Nadia Fenn lives in Harlow.") == ["Nadia Fenn"]


def test_an_age_of_an_earlier_time_is_not_set_against_the_age_now(tmp_path, embedder):
    then = "In court on Tuesday, the public defender said then-15-year-old Dorian Vale was at the scene."
    now = "The trial of 16-year-old Dorian Vale began on Tuesday after a juror was dismissed."
    assert persons(tmp_path, then) == [None]
    assert persons(tmp_path, then.replace("then-", "then- ")) == [None]
    assert persons(tmp_path, "The guard left, and then 19-year-old Dorian Vale ran in.") == ["Dorian Vale"]
    assert age_conflicts(tmp_path, embedder, then, now) == []
