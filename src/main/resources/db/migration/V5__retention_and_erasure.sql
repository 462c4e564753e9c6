-- Retention (retention component): every row with personal data knows when its clock started and
-- when it must go; a sweep finds what is due through the retain_until indexes.
ALTER TABLE escalation ADD COLUMN retention_start TIMESTAMP;
ALTER TABLE escalation ADD COLUMN retain_until TIMESTAMP;
ALTER TABLE escalation_message ADD COLUMN retention_start TIMESTAMP;
ALTER TABLE escalation_message ADD COLUMN retain_until TIMESTAMP;
ALTER TABLE pii_token ADD COLUMN retention_start TIMESTAMP;
ALTER TABLE pii_token ADD COLUMN retain_until TIMESTAMP;
ALTER TABLE crm_contact ADD COLUMN retention_start TIMESTAMP;
ALTER TABLE crm_contact ADD COLUMN retain_until TIMESTAMP;
ALTER TABLE crm_token ADD COLUMN retention_start TIMESTAMP;
ALTER TABLE crm_token ADD COLUMN retain_until TIMESTAMP;
ALTER TABLE consent_record ADD COLUMN retention_start TIMESTAMP;
ALTER TABLE consent_record ADD COLUMN retain_until TIMESTAMP;
ALTER TABLE outbox_entry ADD COLUMN retention_start TIMESTAMP;
ALTER TABLE outbox_entry ADD COLUMN retain_until TIMESTAMP;

-- Rows stored before this version: their clocks start where the application would have started them
-- (a conversation's transcript from its close). retain_until follows from the policies, which only the
-- application knows: every sweep first stamps the rows that have a start and no end (Restamping).
UPDATE escalation SET retention_start = COALESCE(resolved_at, created_at);
UPDATE escalation_message SET retention_start = (SELECT COALESCE(e.resolved_at, escalation_message.sent_at)
    FROM escalation e WHERE e.id = escalation_message.escalation_id);
UPDATE pii_token SET retention_start = (SELECT COALESCE(e.resolved_at, pii_token.created_at)
    FROM escalation e WHERE e.id = pii_token.escalation_id);
UPDATE consent_record SET retention_start = ended_at;
UPDATE outbox_entry SET retention_start = CASE status WHEN 'DELIVERED' THEN delivered_at
    WHEN 'PENDING' THEN NULL ELSE last_attempt_at END;

CREATE INDEX escalation_due ON escalation (retain_until);
CREATE INDEX escalation_message_due ON escalation_message (retain_until);
CREATE INDEX escalation_message_subject ON escalation_message (subject_id);
CREATE INDEX escalation_message_of ON escalation_message (escalation_id, seq);
CREATE INDEX pii_token_due ON pii_token (retain_until);
CREATE INDEX pii_token_subject ON pii_token (subject_id);
CREATE INDEX crm_contact_due ON crm_contact (retain_until);
CREATE INDEX crm_token_due ON crm_token (retain_until);
CREATE INDEX consent_record_due ON consent_record (retain_until);
CREATE INDEX outbox_entry_due_retention ON outbox_entry (retain_until);

-- A CRM admin's override of a category's default retention (consentry.retention.*).
CREATE TABLE retention_policy (
    category   VARCHAR(32)  NOT NULL,
    period     VARCHAR(32)  NOT NULL,
    action     VARCHAR(12)  NOT NULL,
    updated_at TIMESTAMP    NOT NULL,
    updated_by VARCHAR(128) NOT NULL,
    -- 'Y' until every stored row of the category carries the period's retain_until
    restamp    CHAR(1),
    CONSTRAINT retention_policy_pk PRIMARY KEY (category),
    CONSTRAINT retention_policy_action CHECK (action IN ('DELETE', 'ANONYMIZE'))
);

-- A legal hold keeps a subject's rows from every sweep and from erasure (GDPR Art. 17(3)(e)).
CREATE TABLE legal_hold (
    id          VARCHAR(36)  NOT NULL,
    subject_id  VARCHAR(128) NOT NULL,
    live        CHAR(1),
    reason      VARCHAR(300) NOT NULL,
    held_at     TIMESTAMP    NOT NULL,
    held_by     VARCHAR(128) NOT NULL,
    released_at TIMESTAMP,
    released_by VARCHAR(128),
    CONSTRAINT legal_hold_pk PRIMARY KEY (id),
    CONSTRAINT legal_hold_one_live UNIQUE (subject_id, live)
);

-- One sweep: how far it came. Stopping is safe: every batch commits on its own.
CREATE TABLE sweep_run (
    id          VARCHAR(36)   NOT NULL,
    started_at  TIMESTAMP     NOT NULL,
    started_by  VARCHAR(128)  NOT NULL,
    finished_at TIMESTAMP,
    status      VARCHAR(12)   NOT NULL,
    deleted     BIGINT        NOT NULL,
    anonymized  BIGINT        NOT NULL,
    by_category VARCHAR(1000) NOT NULL,
    CONSTRAINT sweep_run_pk PRIMARY KEY (id),
    CONSTRAINT sweep_run_status CHECK (status IN ('RUNNING', 'DONE'))
);

-- Lets one server at a time run a job (the retention sweep), taking it over when the holder dies.
CREATE TABLE job_lock (
    name         VARCHAR(64) NOT NULL,
    owner        VARCHAR(64),
    locked_until TIMESTAMP,
    CONSTRAINT job_lock_pk PRIMARY KEY (name)
);
INSERT INTO job_lock (name) VALUES ('retention-sweep');

-- An erasure request (GDPR Art. 17) and its steps. subject_id is there only until the local erasure
-- is done; from then on the request is a tombstone that names the subject by its keyed reference alone.
CREATE TABLE erasure_request (
    id              VARCHAR(36)   NOT NULL,
    subject_id      VARCHAR(128),
    subject_ref     VARCHAR(64)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    requested_at    TIMESTAMP     NOT NULL,
    requested_by    VARCHAR(128)  NOT NULL,
    deadline_at     TIMESTAMP     NOT NULL,
    erased_at       TIMESTAMP,
    rows_receipt    VARCHAR(1000),
    key_receipt     VARCHAR(300),
    crm_delivery_id VARCHAR(36),
    crm_receipt     VARCHAR(300),
    completed_at    TIMESTAMP,
    attempts        INTEGER       NOT NULL,
    last_error      VARCHAR(300),
    CONSTRAINT erasure_request_pk PRIMARY KEY (id),
    CONSTRAINT erasure_request_status CHECK (status IN ('PENDING', 'AWAITING_CRM', 'COMPLETED')),
    CONSTRAINT erasure_request_tombstone CHECK (status = 'PENDING' OR subject_id IS NULL)
);
CREATE INDEX erasure_request_subject ON erasure_request (subject_ref);
CREATE INDEX erasure_request_open ON erasure_request (status, requested_at);
