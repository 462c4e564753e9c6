-- The rolling-upgrade policy (docs/operator-guide.md, "Rolling upgrades"): one row per release whose
-- migrations the schema holds. first_migration is the first Flyway version of that release; oldest_code
-- is the oldest release whose code still runs on a schema with these migrations. A release only expands
-- the schema (new tables, new nullable or defaulted columns, new indexes), so the release before it
-- keeps running during a rolling upgrade (oldest_code one release back); what it stops using is
-- contracted (dropped) one release later. Readiness (SchemaPolicy) refuses code older than oldest_code.
CREATE TABLE schema_release (
    release_version VARCHAR(16) NOT NULL PRIMARY KEY,
    first_migration INTEGER     NOT NULL,
    oldest_code     VARCHAR(16) NOT NULL
);
INSERT INTO schema_release (release_version, first_migration, oldest_code) VALUES ('0.1', 1, '0.1');
INSERT INTO schema_release (release_version, first_migration, oldest_code) VALUES ('0.2', 19, '0.1');
