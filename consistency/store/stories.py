"""Which story each stored document belongs to, with what the stories stage read of it.

An incremental run clusters only its new documents: they join the stored stories (scored
against every document of a story, `consistency.stories.build` with ``stored``) or form new
ones. A document removed or changed takes its row with it (the foreign key cascades), so a
story is simply the set of rows that name it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Iterable

import numpy as np

from ..errors import StoreError
from ..stories import Placed, Profile
from .database import Database


class StoryDocuments:
    def __init__(self, db: Database) -> None:
        self.db = db

    def placed(self) -> list[Placed]:
        """Every stored document in its story."""
        return [Placed(_profile(key, vector, data), int(story)) for key, story, vector, data in self.db.execute(
            "SELECT doc_key, story, vector, data FROM story_documents ORDER BY doc_key")]

    def story_of(self) -> dict[str, int]:
        """The story of each stored document that has one, by document key."""
        return {key: int(story) for key, story in self.db.execute("SELECT doc_key, story FROM story_documents")}

    def insert(self, placed: Iterable[Placed]) -> None:
        self.db.executemany(
            "INSERT INTO story_documents (doc_key, story, vector, data) VALUES (?, ?, ?, ?)",
            ((s.profile.key, s.story, np.asarray(s.profile.vector, dtype=np.float32).tobytes(), _data(s.profile))
             for s in placed))

    def clear(self) -> None:
        self.db.execute("DELETE FROM story_documents")


def _data(p: Profile) -> str:
    return json.dumps({"names": dict(p.names), "date": p.date.isoformat() if p.date else None, "title": p.title,
                       "claims": {cid: sorted(names) for cid, names in p.claim_names.items()},
                       "spelled": dict(p.spelled), "phrases": dict(p.phrases)},
                      ensure_ascii=False, separators=(",", ":"))


def _profile(key: str, vector: bytes, data: str) -> Profile:
    try:
        d = json.loads(data)
        return Profile(key=key, vector=np.frombuffer(vector, dtype=np.float32), names=d["names"],
                       date=dt.date.fromisoformat(d["date"]) if d["date"] else None, title=d["title"],
                       claim_names={cid: frozenset(names) for cid, names in d["claims"].items()},
                       spelled=d["spelled"], phrases=d.get("phrases", {}))  # none in a store written before they were kept
    except (ValueError, TypeError, KeyError) as exc:
        raise StoreError(f"the store holds a damaged story row for {key!r} ({type(exc).__name__})",
                         hint="restore the store from a backup, or start a new store with --store NEW.db") from None
