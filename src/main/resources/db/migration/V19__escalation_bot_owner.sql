-- One identity per bot (issue 17): an escalation belongs to the bot client that handed it off
-- (handed_off_by, V14: the Basic user, or the client a bearer token names in consentry.jwt.client-claim),
-- and every other bot gets 404 for it. Escalations stored before V14 recorded no owner: they get the
-- marker '~unowned', which no client can bear (names starting with '~' are refused), so no bot reaches
-- them any more; agents and admins still do. Every row has an owner from now on.
UPDATE escalation SET handed_off_by = '~unowned' WHERE handed_off_by IS NULL;
-- contract: safe since 0.1 (every handoff of 0.1 stores its caller in handed_off_by: Handoffs, V14)
ALTER TABLE escalation ALTER COLUMN handed_off_by ${set_not_null};
