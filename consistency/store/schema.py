"""The store's schema, as an append-only list of migrations.

Each migration is a version number, a name and a tuple of SQL statements; it
runs in one transaction together with the row recording it in ``migrations``
(version, name, applied_at), so a migration killed half-way leaves nothing
behind. Never edit a released migration: add the next one.

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
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
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
)

LATEST = MIGRATIONS[-1][0]
