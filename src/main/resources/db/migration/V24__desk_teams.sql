-- The desk for a shift (issue 18): support teams with the languages and skills (topics) they take, an
-- optional lead, and how long an escalation routed to them waits for their members before it is offered
-- to every agent (the fallback). Members carry their capacity, the most chats they hold at once.
-- An escalation gains the topic and priority the bot handed over, the team it was routed to (none: every
-- agent's) and when an agent first answered (for the first-response SLA). Expand only: 0.1 code inserts
-- escalations without these columns and gets NORMAL priority, no topic and no team.
CREATE TABLE team (
    id                     VARCHAR(64)  NOT NULL,
    name                   VARCHAR(100) NOT NULL,
    languages              VARCHAR(200) NOT NULL,
    skills                 VARCHAR(1000) NOT NULL,
    lead_agent             VARCHAR(128),
    fallback_after_seconds INT          NOT NULL,
    version                INT          NOT NULL,
    CONSTRAINT team_pk PRIMARY KEY (id),
    CONSTRAINT team_fallback CHECK (fallback_after_seconds >= 0)
);
CREATE TABLE team_member (
    team_id   VARCHAR(64)  NOT NULL,
    agent     VARCHAR(128) NOT NULL,
    max_chats INT          NOT NULL,
    CONSTRAINT team_member_pk PRIMARY KEY (team_id, agent),
    CONSTRAINT team_member_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE,
    CONSTRAINT team_member_capacity CHECK (max_chats >= 1)
);
CREATE INDEX team_member_agent ON team_member (agent);
ALTER TABLE escalation ADD COLUMN topic VARCHAR(64);
ALTER TABLE escalation ADD COLUMN priority VARCHAR(8) DEFAULT 'NORMAL' NOT NULL;
ALTER TABLE escalation ADD COLUMN team_id VARCHAR(64);
ALTER TABLE escalation ADD COLUMN first_response_at TIMESTAMP;
CREATE INDEX escalation_team_status ON escalation (team_id, status);
