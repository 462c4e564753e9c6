-- CRM sync (crmsync component). A contact the bot captured as a lead, sealed until it is sent (and
-- kept for rectification and export); and the tokens that stand for fields the CRM may only see
-- pseudonymised, their originals sealed so that the service can reverse them.
CREATE TABLE crm_contact (
    id          VARCHAR(36)  NOT NULL,
    subject_id  VARCHAR(128) NOT NULL,
    name        ${bytes},
    email       ${bytes},
    phone       ${bytes},
    captured_at TIMESTAMP    NOT NULL,
    CONSTRAINT crm_contact_pk PRIMARY KEY (id)
);
CREATE INDEX crm_contact_subject ON crm_contact (subject_id, captured_at);

CREATE TABLE crm_token (
    token      VARCHAR(40)  NOT NULL,
    subject_id VARCHAR(128) NOT NULL,
    field      VARCHAR(32)  NOT NULL,
    original   ${bytes}     NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    CONSTRAINT crm_token_pk PRIMARY KEY (token)
);
CREATE INDEX crm_token_subject ON crm_token (subject_id);
