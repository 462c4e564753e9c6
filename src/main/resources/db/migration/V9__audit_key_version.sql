-- Rotatable audit key (security review, finding 8): every chain link records the version n of the
-- audit key (<prefix>-audit-<n>, HMAC-SHA256, in the keystore) that made its hash. The newest key in
-- the keystore makes new links; each link verifies with its own version, so an added key continues the
-- chain and the links before it still verify. Set once, when an event is linked; NULL while it waits.
-- The hash does not cover the column: a changed version makes the link fail under the other key.
ALTER TABLE audit_event ADD COLUMN key_version INTEGER;

-- Backfill. Before this version every link was made with the highest audit key the keystore held,
-- and a keystore could not hold a second one without breaking every link before it: the links were
-- made with the only one. Every keystore that this software (development keys) or the operator guide
-- (install step 4) created names it <prefix>-audit-1. A deployment that named it otherwise corrects
-- the number once (operator guide, "Rotate the audit key"); until then verification reports the first
-- link as made with a key the keystore does not hold, it does not accept it.
UPDATE audit_event SET key_version = 1 WHERE hash IS NOT NULL;

ALTER TABLE audit_event ADD CONSTRAINT audit_event_key_version CHECK (hash IS NULL OR key_version IS NOT NULL);
