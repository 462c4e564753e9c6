-- Several CRM recipients at once (issue 15): every delivery names the recipient it goes to, and the
-- worker sends each recipient's deliveries in a lane of their own, so that a recipient that is down or
-- slow holds up nobody else's. Deliveries stored before are the single CRM's ('crm', the id the old
-- consentry.crm.* keys still configure) or a bot's callback.
ALTER TABLE outbox_entry ADD COLUMN recipient VARCHAR(64) DEFAULT 'callback' NOT NULL;
UPDATE outbox_entry SET recipient = 'crm' WHERE kind LIKE 'crm.%';
CREATE INDEX outbox_entry_recipient_due ON outbox_entry (recipient, status, next_attempt_at);
