"""The store's schema, as named migrations applied in order and recorded in `schema_migrations`.

Never edit a migration that has shipped: add a new one. Each runs in a transaction.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", """
CREATE TABLE runs (
    run_id        VARCHAR PRIMARY KEY,
    command       VARCHAR NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    status        VARCHAR NOT NULL,           -- running | finished | failed
    inputs        JSON,
    config        JSON,                       -- the resolved configuration
    versions      JSON,                       -- chronik and stage versions
    model_hashes  JSON,                       -- SHA-256 of every model file the pipeline loaded
    n_documents   INTEGER DEFAULT 0,
    n_new         INTEGER DEFAULT 0,
    n_updated     INTEGER DEFAULT 0,
    n_unchanged   INTEGER DEFAULT 0,
    n_rejected    INTEGER DEFAULT 0,
    seconds       DOUBLE
);

CREATE TABLE documents (
    doc_id              VARCHAR PRIMARY KEY,
    content_hash        VARCHAR NOT NULL,
    source              VARCHAR,
    title               VARCHAR,
    published           VARCHAR,               -- ISO 8601 with its precision: 2017, 2017-03, 2017-03-05
    published_precision VARCHAR,               -- year | month | day | minute | second
    published_first     DATE,                  -- first and last day the date covers, for range queries
    published_last      DATE,
    language            VARCHAR,
    text                VARCHAR NOT NULL,
    n_tokens            INTEGER,
    metadata            JSON,
    issues              JSON,
    provenance          JSON,
    run_id              VARCHAR NOT NULL,
    stored_at           TIMESTAMPTZ NOT NULL
);

CREATE TABLE sentences (
    doc_id   VARCHAR NOT NULL,
    idx      INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    text     VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE entities (
    doc_id    VARCHAR NOT NULL,
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      VARCHAR NOT NULL,
    label     VARCHAR,
    name      VARCHAR,
    country   VARCHAR,
    sector    VARCHAR,
    kb        VARCHAR,
    extra     JSON,                            -- every other key of the record, so nothing is lost
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE quotes (
    doc_id          VARCHAR NOT NULL,
    idx             INTEGER NOT NULL,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    form            VARCHAR,
    cue_start       INTEGER,
    cue_end         INTEGER,
    cue_text        VARCHAR,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    speaker_text    VARCHAR,
    speaker_name    VARCHAR,
    speaker_country VARCHAR,
    speaker_sector  VARCHAR,
    record          JSON NOT NULL,             -- the whole contract record
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE events (
    doc_id          VARCHAR NOT NULL,
    idx             INTEGER NOT NULL,
    type            VARCHAR,
    mode            VARCHAR,
    cameo           VARCHAR,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    trigger_text    VARCHAR,
    sentence_start  INTEGER,
    sentence_end    INTEGER,
    location_name   VARCHAR,
    location_country VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    geonames        BIGINT,
    date            VARCHAR,                   -- ISO 8601 with its precision
    date_first      DATE,
    date_last       DATE,
    modality        VARCHAR,
    record          JSON NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE event_actors (
    doc_id     VARCHAR NOT NULL,
    event_idx  INTEGER NOT NULL,
    role       VARCHAR NOT NULL,               -- source | target
    idx        INTEGER NOT NULL,
    text       VARCHAR,
    start      INTEGER,
    "end"      INTEGER,
    name       VARCHAR,
    country    VARCHAR,
    sector     VARCHAR,
    PRIMARY KEY (doc_id, event_idx, role, idx)
);

CREATE SEQUENCE failure_ids;
CREATE TABLE failures (
    failure_id  BIGINT PRIMARY KEY DEFAULT nextval('failure_ids'),
    run_id      VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    locator     VARCHAR,
    code        VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    detail      VARCHAR,
    sample      VARCHAR,
    doc_id      VARCHAR,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX documents_published ON documents (published_first);
CREATE INDEX entities_name ON entities (name);
CREATE INDEX quotes_speaker ON quotes (speaker_name);
CREATE INDEX events_type ON events (type);
"""),
]
