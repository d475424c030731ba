"""Near-duplicate documents are folded into one; a claim is never compared with its own copy."""

from __future__ import annotations

import datetime as dt
import json

from consistency import api
from consistency.copies import FOLD_THRESHOLD, containments, fold, shingles
from consistency.records import Document

BODY = """A fire at the Lakeville grain mill injured three workers on Tuesday morning, the fire chief said.

The fire started in a dryer shortly after six and was under control within three hours, officials said.

The mill employs 140 people and ships about two million bushels of grain a year to the coast.

Its owner, Lee Park, said the plant would reopen next week once the dryer had been replaced.
"""
UPDATE = BODY + "\nA fourth worker was treated for smoke on Wednesday and sent home, the chief said.\n"
OTHER = """Council members voted to widen the bridge over the Lakeville river after a long debate on Monday.

The work will close one lane for eight months and cost the town about four million dollars.

Drivers will be sent over the old ferry road while the crews work on the bridge deck.
"""


def _article(path, body, *, source, date, url):
    path.write_text(f"---\nsource: {source}\ndate: {date}\nurl: {url}\n---\n{body}", encoding="utf-8")
    return path


def test_containment_reads_an_update_as_a_copy_and_another_article_as_none():
    a, b, c = shingles(BODY), shingles(UPDATE), shingles(OTHER)
    scores = containments([a, b, c])
    assert scores[(0, 1)] == 1.0  # the whole first version is in the update
    assert scores.get((0, 2), 0.0) < 0.2 and scores.get((1, 2), 0.0) < 0.2


def test_the_newest_version_is_kept_and_the_fold_says_so():
    docs = [Document(key="old.md", path="old.md", text=BODY, date=dt.date(2021, 5, 4)),
            Document(key="new.md", path="new.md", text=UPDATE, date=dt.date(2021, 5, 5)),
            Document(key="bridge.md", path="bridge.md", text=OTHER)]
    copies, folds = fold(docs, [d.text for d in docs])
    assert copies == {0}
    assert len(folds) == 1
    assert folds[0].kept.key == "new.md"
    assert [(d.key, d.containment) for d in folds[0].folded] == [("old.md", 1.0)]
    assert folds[0].folded[0].containment >= FOLD_THRESHOLD


def test_a_syndicated_copy_is_folded_and_reported(tmp_path, embedder):
    _article(tmp_path / "daily.md", BODY, source="Lakeville Daily", date="2021-05-04",
             url="https://daily.example/mill-fire")
    copy = BODY.replace("three workers", "four workers")  # the copy disagrees with itself in one place
    _article(tmp_path / "wire.md", copy, source="Valley Wire", date="2021-05-04", url="https://wire.example/mill")
    _article(tmp_path / "bridge.md", OTHER, source="Lakeville Daily", date="2021-05-04",
             url="https://daily.example/bridge")
    report = api.check([str(tmp_path)], embedder=embedder)
    assert [f.rule for f in report.findings] == []  # a copy is never a conflict with its original
    assert len(report.folded) == 1
    fold_ = report.folded[0]
    assert {fold_.kept.key, fold_.folded[0].key} == {"daily.md", "wire.md"}
    assert {c.doc_key for c in report.claims} == {fold_.kept.key, "bridge.md"}


def test_identical_sentences_in_different_articles_are_never_compared(tmp_path, embedder):
    said = "Police said none of the four officers fired a shot at the warehouse."
    (tmp_path / "one.md").write_text(f"---\nsource: One\n---\n{said}\n\nThe warehouse was empty.\n", encoding="utf-8")
    (tmp_path / "two.md").write_text(f"---\nsource: Two\n---\nThe road was closed for hours.\n\n{said}\n",
                                     encoding="utf-8")
    report = api.check([str(tmp_path)], embedder=embedder)
    assert report.findings == ()


def test_the_reports_list_folded_documents(run, in_tmp):
    _article(in_tmp / "old.md", BODY, source="Lakeville Daily", date="2021-05-04", url="https://daily.example/m")
    _article(in_tmp / "new.md", UPDATE, source="Lakeville Daily", date="2021-05-05", url="https://daily.example/m")
    result = run("check", ".", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["folded"] == [{
        "kept": {"document": "new.md", "path": "new.md", "source": "Lakeville Daily",
                 "url": "https://daily.example/m", "date": "2021-05-05"},
        "folded": [{"document": "old.md", "path": "old.md", "source": "Lakeville Daily",
                    "url": "https://daily.example/m", "date": "2021-05-04", "containment": 1.0}],
    }]
    text = run("check", ".")
    assert "Folded 1 near-duplicate document into the copy kept: old.md into new.md" in text.stdout
