-- Least privilege (security review, finding 7): which bot principal handed the conversation over. A bot
-- records consent only for the subject of a conversation it handed off itself; escalations stored
-- before this column existed have no owner, so no bot may add consents through them.
ALTER TABLE escalation ADD COLUMN handed_off_by VARCHAR(128);
CREATE INDEX escalation_subject_bot ON escalation (subject_id, handed_off_by);
