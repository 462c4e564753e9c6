-- Envelope encryption (crypto component). The KEK itself never enters the database: it lives in a
-- keystore or KMS. kek_state says which KEK version wraps new data keys, for every server at once.
CREATE TABLE kek_state (
    id              SMALLINT  NOT NULL,
    primary_version INTEGER   NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    CONSTRAINT kek_state_pk PRIMARY KEY (id),
    CONSTRAINT kek_state_single CHECK (id = 1)
);

-- One data key (a Tink keyset, AES-256-GCM) per data subject, stored only wrapped by a KEK version.
-- Deleting the row is the crypto-shredding of everything sealed under it.
CREATE TABLE subject_key (
    subject_id   VARCHAR(128) NOT NULL,
    kek_version  INTEGER      NOT NULL,
    wrapped      ${bytes}     NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    rewrapped_at TIMESTAMP,
    CONSTRAINT subject_key_pk PRIMARY KEY (subject_id)
);
CREATE INDEX subject_key_kek ON subject_key (kek_version);

-- A KEK rotation: the new version becomes primary and the data keys are re-wrapped in batches.
CREATE TABLE key_rotation (
    id           VARCHAR(36)  NOT NULL,
    from_version INTEGER      NOT NULL,
    to_version   INTEGER      NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    total        BIGINT       NOT NULL,
    rewrapped    BIGINT       NOT NULL,
    started_at   TIMESTAMP    NOT NULL,
    started_by   VARCHAR(128) NOT NULL,
    finished_at  TIMESTAMP,
    CONSTRAINT key_rotation_pk PRIMARY KEY (id),
    CONSTRAINT key_rotation_status CHECK (status IN ('RUNNING', 'DONE', 'FAILED'))
);

-- Audit trail (audit component): append-only; no personal data, the subject only as a keyed hash.
-- Rows are written in the transaction of what they record; a chainer then links them in order:
-- chain_seq, prev_hash and hash (HMAC-SHA256 under the audit key) are set once and never changed.
-- Ids come from a sequence that JPA draws from in blocks of 50 (no round trip per insert, and the
-- inserts of a transaction can go to the database as one batch). EclipseLink takes the value it draws
-- as the last of its block, hence START WITH 50.
CREATE SEQUENCE audit_event_ids AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE TABLE audit_event (
    id          BIGINT        NOT NULL,
    occurred_at TIMESTAMP     NOT NULL,
    actor       VARCHAR(128)  NOT NULL,
    actor_role  VARCHAR(32)   NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    purpose     VARCHAR(64),
    subject_ref VARCHAR(64),
    field       VARCHAR(64),
    outcome     VARCHAR(16)   NOT NULL,
    detail      VARCHAR(1000),
    chain_seq   BIGINT,
    prev_hash   VARCHAR(64),
    hash        VARCHAR(64),
    CONSTRAINT audit_event_pk PRIMARY KEY (id),
    CONSTRAINT audit_event_seq UNIQUE (chain_seq),
    CONSTRAINT audit_event_outcome CHECK (outcome IN ('ALLOWED', 'DENIED', 'DONE', 'FAILED'))
);
CREATE INDEX audit_event_subject ON audit_event (subject_ref, occurred_at);
CREATE INDEX audit_event_time ON audit_event (occurred_at);

-- The end of the chain: its row lock serialises chainers across servers.
CREATE TABLE audit_chain_head (
    id        SMALLINT    NOT NULL,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT audit_chain_head_pk PRIMARY KEY (id),
    CONSTRAINT audit_chain_head_single CHECK (id = 1)
);
INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, 'genesis');
