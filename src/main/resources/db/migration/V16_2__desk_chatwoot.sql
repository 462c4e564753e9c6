-- Agents in Chatwoot (issue 16): which Chatwoot conversation holds an escalation, and which Chatwoot
-- messages were already taken over as an agent's reply (a webhook delivered again applies nothing twice).
-- Ids only: the text stays sealed in escalation_message.
CREATE TABLE desk_chatwoot_conversation (
    escalation_id   VARCHAR(36) NOT NULL PRIMARY KEY,
    conversation_id BIGINT      NOT NULL,
    opened_at       TIMESTAMP   NOT NULL,
    CONSTRAINT desk_chatwoot_conversation_once UNIQUE (conversation_id)
);
CREATE TABLE desk_chatwoot_applied (
    message_id    BIGINT      NOT NULL PRIMARY KEY,
    escalation_id VARCHAR(36) NOT NULL,
    applied_at    TIMESTAMP   NOT NULL
);
CREATE INDEX desk_chatwoot_applied_escalation ON desk_chatwoot_applied (escalation_id);
