-- Security review (issue 14, finding 10): the escalation's reason is sealed like a transcript line.
-- reason_sealed holds the sealed body (the text with identifiers masked, and the tokens of the masks)
-- under the subject's data key; reason_words a blind index of the words an agent is shown (keyed hashes,
-- " h1 h2 ... ") for the queue's filter. SQL cannot seal: the data keys are wrapped by the KEK, which
-- only the application holds. So the clear column stays, nullable, for the rows written before this
-- version: the application seals each of them at start-up (ReasonSealingPass) and empties the column.
ALTER TABLE escalation ADD COLUMN reason_sealed ${bytes};
ALTER TABLE escalation ADD COLUMN reason_words VARCHAR(1300);
ALTER TABLE escalation ALTER COLUMN reason ${drop_not_null};

-- The feed's stored events carried the reason in clear; they only serve clients that reconnect within
-- a day, and an upgrade restarts every server anyway.
DELETE FROM escalation_event;

-- An anonymised escalation keeps no reason (the retention sweep now clears all three columns).
UPDATE escalation SET reason = NULL WHERE subject_id = '~anonymized';
