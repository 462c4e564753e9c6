-- Agents' clients resume the event feed from the last id they saw, and each server reads the feed by
-- id: ids must grow in the order events are created on every server. Blocks of 50 per server (V3)
-- let one server's ids fall far behind the other's, and its events went unseen by the other's
-- clients (ClusterIT). One id per event from now on; the new sequence starts above any id handed out
-- before, so ids keep growing across the upgrade.
DROP SEQUENCE escalation_event_ids RESTRICT;
CREATE SEQUENCE escalation_event_ids AS BIGINT START WITH 1000000000 INCREMENT BY 1;
