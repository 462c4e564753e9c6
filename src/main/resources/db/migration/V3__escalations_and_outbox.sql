-- Escalation bridge (escalation component). Personal values are ${bytes} columns that hold only
-- ciphertext under the subject's data key; a message body is sealed JSON: the text with identifiers
-- replaced by masks, and where each mask is with the pii_token row that holds its original.
CREATE TABLE escalation (
    id              VARCHAR(36)   NOT NULL,
    conversation_id VARCHAR(128)  NOT NULL,
    subject_id      VARCHAR(128)  NOT NULL,
    language        VARCHAR(2)    NOT NULL,
    reason          VARCHAR(300)  NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    agent           VARCHAR(128),
    callback_url    VARCHAR(2048),
    customer_name   ${bytes},
    customer_email  ${bytes},
    customer_phone  ${bytes},
    message_count   INTEGER       NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    claimed_at      TIMESTAMP,
    resolved_at     TIMESTAMP,
    CONSTRAINT escalation_pk PRIMARY KEY (id),
    CONSTRAINT escalation_conversation UNIQUE (conversation_id),
    CONSTRAINT escalation_status CHECK (status IN ('WAITING', 'ASSIGNED', 'RESOLVED')),
    CONSTRAINT escalation_agent CHECK ((status = 'WAITING' AND agent IS NULL) OR (status <> 'WAITING' AND agent IS NOT NULL))
);
CREATE INDEX escalation_queue ON escalation (status, created_at);
CREATE INDEX escalation_subject ON escalation (subject_id);

CREATE TABLE escalation_message (
    id            VARCHAR(36)   NOT NULL,
    escalation_id VARCHAR(36)   NOT NULL,
    seq           INTEGER       NOT NULL,
    sender        VARCHAR(8)    NOT NULL,
    author        VARCHAR(128),
    subject_id    VARCHAR(128)  NOT NULL,
    sent_at       TIMESTAMP     NOT NULL,
    body          ${bytes}      NOT NULL,
    CONSTRAINT escalation_message_pk PRIMARY KEY (id),
    CONSTRAINT escalation_message_seq UNIQUE (escalation_id, seq),
    CONSTRAINT escalation_message_of FOREIGN KEY (escalation_id) REFERENCES escalation (id),
    CONSTRAINT escalation_message_sender CHECK (sender IN ('CUSTOMER', 'BOT', 'AGENT'))
);

-- An identifier found in a customer's message: its original, sealed, for an audited reveal.
CREATE TABLE pii_token (
    id            VARCHAR(40)  NOT NULL,
    escalation_id VARCHAR(36)  NOT NULL,
    subject_id    VARCHAR(128) NOT NULL,
    pii_type      VARCHAR(8)   NOT NULL,
    original      ${bytes}     NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    CONSTRAINT pii_token_pk PRIMARY KEY (id),
    CONSTRAINT pii_token_of FOREIGN KEY (escalation_id) REFERENCES escalation (id)
);
CREATE INDEX pii_token_escalation ON pii_token (escalation_id);

-- What agents are told about the queue (no personal data), read by every server for its SSE clients.
CREATE SEQUENCE escalation_event_ids AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE TABLE escalation_event (
    id            BIGINT       NOT NULL,
    occurred_at   TIMESTAMP    NOT NULL,
    type          VARCHAR(32)  NOT NULL,
    escalation_id VARCHAR(36)  NOT NULL,
    data          VARCHAR(1000) NOT NULL,
    CONSTRAINT escalation_event_pk PRIMARY KEY (id)
);
CREATE INDEX escalation_event_time ON escalation_event (occurred_at);

-- Transactional outbox (outbox component): deliveries written with the change that causes them and
-- sent by a worker. A row holds references, never the personal data it will carry: the body is built
-- when it is sent. A lease (owner, until) keeps two servers from sending the same row at once.
CREATE TABLE outbox_entry (
    id              VARCHAR(36)   NOT NULL,
    kind            VARCHAR(48)   NOT NULL,
    subject_id      VARCHAR(128),
    reference       VARCHAR(128)  NOT NULL,
    target          VARCHAR(2048) NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    next_attempt_at TIMESTAMP     NOT NULL,
    lease_owner     VARCHAR(64),
    lease_until     TIMESTAMP,
    last_attempt_at TIMESTAMP,
    last_outcome    VARCHAR(200),
    delivered_at    TIMESTAMP,
    CONSTRAINT outbox_entry_pk PRIMARY KEY (id),
    CONSTRAINT outbox_entry_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'))
);
CREATE INDEX outbox_entry_due ON outbox_entry (status, next_attempt_at);
CREATE INDEX outbox_entry_subject ON outbox_entry (subject_id);

-- Reveals are rate-limited per agent by counting their audit events.
CREATE INDEX audit_event_actor ON audit_event (actor, action, occurred_at);
