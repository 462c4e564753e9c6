-- Rows written by POST /api/v1/diagnostics/insert, the one-row JPA insert that load tests measure a
-- handoff against (only with consentry.diagnostics.enabled; no personal data: the load test's text).
CREATE TABLE diagnostics_probe (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    text       VARCHAR(200) NOT NULL,
    created_at TIMESTAMP    NOT NULL
);
