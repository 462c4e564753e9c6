-- AI Act Art. 50: whether the bot told the customer they were talking to an AI at the first
-- interaction (SHOWN, NOT_SHOWN, or NULL when the bot did not say), and when a human joined the
-- conversation (set at claim).
ALTER TABLE escalation ADD COLUMN ai_disclosure VARCHAR(12);
ALTER TABLE escalation ADD COLUMN human_joined_at TIMESTAMP;
ALTER TABLE escalation ADD CONSTRAINT escalation_ai_disclosure CHECK (ai_disclosure IN ('SHOWN', 'NOT_SHOWN'));
CREATE INDEX escalation_created ON escalation (created_at);

-- Key hygiene (GDPR Art. 32): AES-GCM with random 96-bit nonces stays within its security bound for
-- about 2^32 encryptions per key (NIST SP 800-38D, 8.3). Each server counts its encryptions in memory
-- and adds them here every few seconds: per KEK version (wraps of data keys) and per data key (seals).
-- A retired KEK version no longer unwraps anything, on every server.
CREATE TABLE kek_version (
    version     INTEGER   NOT NULL,
    encryptions BIGINT    NOT NULL,
    retired_at  TIMESTAMP,
    CONSTRAINT kek_version_pk PRIMARY KEY (version)
);
ALTER TABLE subject_key ADD COLUMN encryptions BIGINT DEFAULT 0 NOT NULL;
