"""The store's schema, as an append-only list of migrations per database.

Each migration is a version number, a name and a tuple of SQL statements; the
pending ones run in one transaction together with the rows recording them in
``migrations`` (version, name, applied_at), so a migration killed half-way
leaves nothing behind. Never edit a released migration: add the next one, to
both lists (`SQLITE` and `POSTGRESQL` hold the same tables and versions).

Tables (version 1):

``meta``        key/value: the pipeline signature the stored claims and findings were made with.
``runs``        one row per completed run, written in the run's final transaction, with counters;
                ``reported_at`` is set once the run's report was written.
``files``       each input file seen: key (path relative to the folder given), content hash, the
                input problems found when it was read.
``documents``   articles and dataset rows: key, file, content hash, the `Document` as JSON, the run
                that last changed it.
``claims``      claims of the stored documents (`Claim` as JSON) with their text hash.
``pairs``       candidate pairs (claim numbers, similarity, run) found so far; groups come from them.
``embeddings``  the embeddings cache: (model id, text hash) -> float32 vector.
``findings``    one row per fingerprint: the latest `Finding` as JSON, the run it was first seen,
                the run it was (re)opened, and ``closed_run`` once its claims are gone or changed.
``decisions``   review decisions, append-only (triggers refuse UPDATE and DELETE); the latest row
                per fingerprint is the one in force.

Version 2 (the review page): ``findings.confidence`` (the finding's calibrated confidence
when it has one, for the review queue's order) and an index of decisions by reviewer.
The paragraph around a claim is read from its stored document (``documents.data`` holds
the whole text), so nothing else had to be added.

Version 4 (stories): ``story_documents``, the story of each stored document with what the
stories stage read of it (its vector, names, date, title; `consistency.store.stories`), so
an incremental run attaches new documents to the stored stories.

Version 5 (nightly cost proportional to change): ``embeddings.dtype`` (new vectors are stored as
``float16``, half the bytes; rows written before say ``float32``), and the neighbour index of
large stores (`consistency.store.neighbours`): ``neighbour_index`` (per model: the centroids of
an inverted file and how many claims they were trained on) and ``neighbour_lists`` (each claim's
list).

Version 6 (groups touched, not rebuilt): ``claim_groups``, each grouped claim's number and its
group's root (the smallest claim number in it), kept up to date by each run around the claims it
touched (`consistency.store.groups`); meta ``groups`` says the table is kept (a store migrated
from version 5 has it filled by its next run).

Version 7 (claims at the level of facts): ``clauses``, the clauses of each stored long sentence
of several facts (`consistency.clauses`) as matching units: the claim they belong to, their place
in it and their text hash (their vectors are in ``embeddings`` like the claims'), and their list in
the neighbour index (``list``, set while the index is trained). A store migrated from version 6
has none: the pipeline signature changed with them, so its next run matches everything again and
splits every stored sentence.

Version 8 (what the cut-off held back): ``runs.below_cutoff``, how many conflicts a run found among
the pairs it matched with a confidence under the cut-off, and so never stored; a run's report
counts them over every run it covers (`consistency.incremental`). Runs recorded before count 0.

Version 9 (a row's crowd is the store's, as in `check`): ``pairs.copies``, 1 when the pair's two
claims say the same words (`check.copied`: never compared, so not counted in a claim's crowd), 0
when not. Pairs stored before have NULL: a run reads their claims' words the first time it counts
them and writes the flag (`consistency.incremental`, "crowds").

Version 10 (a row's crowd under the neighbour cap, as in `check`): ``left_pairs``, the pairs over
the threshold that a run's neighbour cap left out (`group.Pairs.left`) and that the stories stage
would compare, of two claims that are no copies: never compared, never edges of a group, counted
in a claim's crowd (`check.left_out_crowd`). A store migrated from version 9 has none: its rows
keep the crowd of the pairs it compared until a rematch.
"""

from __future__ import annotations

Migration = tuple[int, str, tuple[str, ...]]

SQLITE: tuple[Migration, ...] = (
    (1, "initial schema", (
        """CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
        """CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            pid INTEGER NOT NULL,
            host TEXT NOT NULL,
            paths TEXT NOT NULL,
            files INTEGER NOT NULL DEFAULT 0,
            files_read INTEGER NOT NULL DEFAULT 0,
            documents_read INTEGER NOT NULL DEFAULT 0,
            documents_removed INTEGER NOT NULL DEFAULT 0,
            claims_added INTEGER NOT NULL DEFAULT 0,
            claims_removed INTEGER NOT NULL DEFAULT 0,
            embedded INTEGER NOT NULL DEFAULT 0,
            pairs INTEGER NOT NULL DEFAULT 0,
            findings_opened INTEGER NOT NULL DEFAULT 0,
            findings_closed INTEGER NOT NULL DEFAULT 0,
            reported_at TEXT
        )""",
        """CREATE TABLE files (
            key TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            problems TEXT NOT NULL DEFAULT '[]',
            run INTEGER NOT NULL REFERENCES runs(id)
        )""",
        """CREATE TABLE documents (
            key TEXT PRIMARY KEY,
            file_key TEXT NOT NULL REFERENCES files(key) ON DELETE CASCADE,
            row_id TEXT,
            path TEXT NOT NULL,
            line INTEGER,
            content_hash TEXT NOT NULL,
            data TEXT NOT NULL,
            run INTEGER NOT NULL REFERENCES runs(id)
        )""",
        "CREATE INDEX documents_file ON documents(file_key)",
        "CREATE INDEX documents_run ON documents(run)",
        """CREATE TABLE claims (
            n INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            doc_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            text_hash TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX claims_doc ON claims(doc_key)",
        """CREATE TABLE pairs (
            a INTEGER NOT NULL REFERENCES claims(n) ON DELETE CASCADE,
            b INTEGER NOT NULL REFERENCES claims(n) ON DELETE CASCADE,
            similarity REAL NOT NULL,
            run INTEGER NOT NULL REFERENCES runs(id),
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID""",
        "CREATE INDEX pairs_b ON pairs(b)",
        "CREATE INDEX pairs_run ON pairs(run)",
        """CREATE TABLE embeddings (
            model_id TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (model_id, text_hash)
        ) WITHOUT ROWID""",
        """CREATE TABLE findings (
            fingerprint TEXT PRIMARY KEY,
            rule TEXT NOT NULL,
            kind TEXT NOT NULL,
            severity TEXT NOT NULL,
            claim_a TEXT NOT NULL,
            claim_b TEXT NOT NULL,
            similarity REAL NOT NULL,
            data TEXT NOT NULL,
            first_run INTEGER NOT NULL REFERENCES runs(id),
            opened_run INTEGER NOT NULL REFERENCES runs(id),
            last_run INTEGER NOT NULL REFERENCES runs(id),
            closed_run INTEGER REFERENCES runs(id)
        )""",
        "CREATE INDEX findings_claim_a ON findings(claim_a)",
        "CREATE INDEX findings_claim_b ON findings(claim_b)",
        "CREATE INDEX findings_open ON findings(closed_run, opened_run)",
        """CREATE TABLE decisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            fingerprint TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed', 'resolved', 'open')),
            by TEXT NOT NULL,
            at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX decisions_fingerprint ON decisions(fingerprint, id)",
        """CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
           BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END""",
        """CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
           BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END""",
    )),
    (2, "review page: finding confidence, decisions by reviewer", (
        "ALTER TABLE findings ADD COLUMN confidence REAL",
        "CREATE INDEX decisions_by ON decisions(by, id)",
    )),
    (3, "documents by URL: a new version of a stored page replaces it", (
        "ALTER TABLE documents ADD COLUMN url TEXT",
        "UPDATE documents SET url = json_extract(data, '$.url')",
        "CREATE INDEX documents_url ON documents(url)",
    )),
    (4, "stories: the story of each document", (
        """CREATE TABLE story_documents (
            doc_key TEXT PRIMARY KEY REFERENCES documents(key) ON DELETE CASCADE,
            story INTEGER NOT NULL,
            vector BLOB NOT NULL,
            data TEXT NOT NULL
        ) WITHOUT ROWID""",
        "CREATE INDEX story_documents_story ON story_documents(story)",
    )),
    (5, "nightly cost: compact vectors, neighbour index of large stores", (
        "ALTER TABLE embeddings ADD COLUMN dtype TEXT NOT NULL DEFAULT 'float32'",
        """CREATE TABLE neighbour_index (
            model_id TEXT PRIMARY KEY,
            dim INTEGER NOT NULL,
            trained_on INTEGER NOT NULL,
            centroids BLOB NOT NULL
        )""",
        """CREATE TABLE neighbour_lists (
            n INTEGER PRIMARY KEY REFERENCES claims(n) ON DELETE CASCADE,
            list INTEGER NOT NULL
        )""",
        "CREATE INDEX neighbour_lists_list ON neighbour_lists(list)",
    )),
    (6, "groups touched, not rebuilt: each grouped claim's group", (
        """CREATE TABLE claim_groups (
            n INTEGER PRIMARY KEY REFERENCES claims(n) ON DELETE CASCADE,
            root INTEGER NOT NULL
        )""",
        "CREATE INDEX claim_groups_root ON claim_groups(root)",
    )),
    (7, "claims at the level of facts: the clauses of long sentences as matching units", (
        """CREATE TABLE clauses (
            claim INTEGER NOT NULL REFERENCES claims(n) ON DELETE CASCADE,
            k INTEGER NOT NULL,
            text_hash TEXT NOT NULL,
            list INTEGER,
            PRIMARY KEY (claim, k)
        ) WITHOUT ROWID""",
        "CREATE INDEX clauses_text_hash ON clauses(text_hash)",
        "CREATE INDEX clauses_list ON clauses(list)",
    )),
    (8, "what the cut-off held back: each run's count of conflicts under it", (
        "ALTER TABLE runs ADD COLUMN below_cutoff INTEGER NOT NULL DEFAULT 0",
    )),
    (9, "crowds of the corpus: which stored pairs are copies", (
        "ALTER TABLE pairs ADD COLUMN copies INTEGER",
    )),
    (10, "crowds under the neighbour cap: the pairs it left out", (
        """CREATE TABLE left_pairs (
            a INTEGER NOT NULL REFERENCES claims(n) ON DELETE CASCADE,
            b INTEGER NOT NULL REFERENCES claims(n) ON DELETE CASCADE,
            run INTEGER NOT NULL REFERENCES runs(id),
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID""",
        "CREATE INDEX left_pairs_b ON left_pairs(b)",
    )),
)

POSTGRESQL: tuple[Migration, ...] = (
    (1, "initial schema", (
        """CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
        """CREATE TABLE runs (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            pid BIGINT NOT NULL,
            host TEXT NOT NULL,
            paths TEXT NOT NULL,
            files BIGINT NOT NULL DEFAULT 0,
            files_read BIGINT NOT NULL DEFAULT 0,
            documents_read BIGINT NOT NULL DEFAULT 0,
            documents_removed BIGINT NOT NULL DEFAULT 0,
            claims_added BIGINT NOT NULL DEFAULT 0,
            claims_removed BIGINT NOT NULL DEFAULT 0,
            embedded BIGINT NOT NULL DEFAULT 0,
            pairs BIGINT NOT NULL DEFAULT 0,
            findings_opened BIGINT NOT NULL DEFAULT 0,
            findings_closed BIGINT NOT NULL DEFAULT 0,
            reported_at TEXT
        )""",
        """CREATE TABLE files (
            key TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            problems TEXT NOT NULL DEFAULT '[]',
            run BIGINT NOT NULL REFERENCES runs(id)
        )""",
        """CREATE TABLE documents (
            seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
            key TEXT PRIMARY KEY,
            file_key TEXT NOT NULL REFERENCES files(key) ON DELETE CASCADE,
            row_id TEXT,
            path TEXT NOT NULL,
            line BIGINT,
            content_hash TEXT NOT NULL,
            data TEXT NOT NULL,
            run BIGINT NOT NULL REFERENCES runs(id)
        )""",
        "CREATE INDEX documents_file ON documents(file_key)",
        "CREATE INDEX documents_run ON documents(run)",
        """CREATE TABLE claims (
            n BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            doc_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            text_hash TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX claims_doc ON claims(doc_key)",
        """CREATE TABLE pairs (
            a BIGINT NOT NULL REFERENCES claims(n) ON DELETE CASCADE,
            b BIGINT NOT NULL REFERENCES claims(n) ON DELETE CASCADE,
            similarity DOUBLE PRECISION NOT NULL,
            run BIGINT NOT NULL REFERENCES runs(id),
            PRIMARY KEY (a, b)
        )""",
        "CREATE INDEX pairs_b ON pairs(b)",
        "CREATE INDEX pairs_run ON pairs(run)",
        """CREATE TABLE embeddings (
            model_id TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            vector BYTEA NOT NULL,
            PRIMARY KEY (model_id, text_hash)
        )""",
        """CREATE TABLE findings (
            fingerprint TEXT PRIMARY KEY,
            rule TEXT NOT NULL,
            kind TEXT NOT NULL,
            severity TEXT NOT NULL,
            claim_a TEXT NOT NULL,
            claim_b TEXT NOT NULL,
            similarity DOUBLE PRECISION NOT NULL,
            data TEXT NOT NULL,
            first_run BIGINT NOT NULL REFERENCES runs(id),
            opened_run BIGINT NOT NULL REFERENCES runs(id),
            last_run BIGINT NOT NULL REFERENCES runs(id),
            closed_run BIGINT REFERENCES runs(id)
        )""",
        "CREATE INDEX findings_claim_a ON findings(claim_a)",
        "CREATE INDEX findings_claim_b ON findings(claim_b)",
        "CREATE INDEX findings_open ON findings(closed_run, opened_run)",
        """CREATE TABLE decisions (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed', 'resolved', 'open')),
            by TEXT NOT NULL,
            at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX decisions_fingerprint ON decisions(fingerprint, id)",
        """CREATE FUNCTION consistency_append_only() RETURNS trigger LANGUAGE plpgsql AS
           $$ BEGIN RAISE EXCEPTION 'decisions are append-only'; END $$""",
        """CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
           FOR EACH ROW EXECUTE FUNCTION consistency_append_only()""",
        """CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
           FOR EACH ROW EXECUTE FUNCTION consistency_append_only()""",
        """CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions
           FOR EACH STATEMENT EXECUTE FUNCTION consistency_append_only()""",
    )),
    (2, "review page: finding confidence, decisions by reviewer", (
        "ALTER TABLE findings ADD COLUMN confidence DOUBLE PRECISION",
        "CREATE INDEX decisions_by ON decisions(by, id)",
    )),
    (3, "documents by URL: a new version of a stored page replaces it", (
        "ALTER TABLE documents ADD COLUMN url TEXT",
        "UPDATE documents SET url = data::json ->> 'url'",
        "CREATE INDEX documents_url ON documents(url)",
    )),
    (4, "stories: the story of each document", (
        """CREATE TABLE story_documents (
            doc_key TEXT PRIMARY KEY REFERENCES documents(key) ON DELETE CASCADE,
            story BIGINT NOT NULL,
            vector BYTEA NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX story_documents_story ON story_documents(story)",
    )),
    (5, "nightly cost: compact vectors, neighbour index of large stores", (
        "ALTER TABLE embeddings ADD COLUMN dtype TEXT NOT NULL DEFAULT 'float32'",
        """CREATE TABLE neighbour_index (
            model_id TEXT PRIMARY KEY,
            dim BIGINT NOT NULL,
            trained_on BIGINT NOT NULL,
            centroids BYTEA NOT NULL
        )""",
        """CREATE TABLE neighbour_lists (
            n BIGINT PRIMARY KEY REFERENCES claims(n) ON DELETE CASCADE,
            list BIGINT NOT NULL
        )""",
        "CREATE INDEX neighbour_lists_list ON neighbour_lists(list)",
    )),
    (6, "groups touched, not rebuilt: each grouped claim's group", (
        """CREATE TABLE claim_groups (
            n BIGINT PRIMARY KEY REFERENCES claims(n) ON DELETE CASCADE,
            root BIGINT NOT NULL
        )""",
        "CREATE INDEX claim_groups_root ON claim_groups(root)",
    )),
    (7, "claims at the level of facts: the clauses of long sentences as matching units", (
        """CREATE TABLE clauses (
            claim BIGINT NOT NULL REFERENCES claims(n) ON DELETE CASCADE,
            k BIGINT NOT NULL,
            text_hash TEXT NOT NULL,
            list BIGINT,
            PRIMARY KEY (claim, k)
        )""",
        "CREATE INDEX clauses_text_hash ON clauses(text_hash)",
        "CREATE INDEX clauses_list ON clauses(list)",
    )),
    (8, "what the cut-off held back: each run's count of conflicts under it", (
        "ALTER TABLE runs ADD COLUMN below_cutoff BIGINT NOT NULL DEFAULT 0",
    )),
    (9, "crowds of the corpus: which stored pairs are copies", (
        "ALTER TABLE pairs ADD COLUMN copies SMALLINT",
    )),
    (10, "crowds under the neighbour cap: the pairs it left out", (
        """CREATE TABLE left_pairs (
            a BIGINT NOT NULL REFERENCES claims(n) ON DELETE CASCADE,
            b BIGINT NOT NULL REFERENCES claims(n) ON DELETE CASCADE,
            run BIGINT NOT NULL REFERENCES runs(id),
            PRIMARY KEY (a, b)
        )""",
        "CREATE INDEX left_pairs_b ON left_pairs(b)",
    )),
)

#: Every trigger a PostgreSQL store holds (anything else is refused on open).
POSTGRESQL_TRIGGERS = frozenset({"decisions_no_update", "decisions_no_delete", "decisions_no_truncate"})

LATEST = SQLITE[-1][0]
assert LATEST == POSTGRESQL[-1][0] and [m[:2] for m in SQLITE] == [m[:2] for m in POSTGRESQL]
