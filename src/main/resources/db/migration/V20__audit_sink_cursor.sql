-- Audit streaming (issue 17, item 4): each configured sink (a JSON-lines file, a syslog receiver) has a
-- cursor, the chain position it has shipped up to. The audit table is the durable buffer: an event is
-- shipped by reading audit_event in chain order after the cursor, and the cursor moves only after the
-- sink has taken the batch (written and forced, or sent over TLS). One server at a time ships a sink
-- (a lease in job_lock named audit-sink:<sink>). checkpoint_seq and checkpoint_at are where and when the
-- last signed checkpoint of the chain head was written to the sink, to know when the next one is due.
CREATE TABLE audit_sink_cursor (
    sink           VARCHAR(64) NOT NULL,
    shipped_seq    BIGINT      NOT NULL,
    shipped_at     TIMESTAMP,
    checkpoint_seq BIGINT      NOT NULL,
    checkpoint_at  TIMESTAMP,
    CONSTRAINT audit_sink_cursor_pk PRIMARY KEY (sink),
    CONSTRAINT audit_sink_cursor_order CHECK (shipped_seq >= 0 AND checkpoint_seq >= 0 AND checkpoint_seq <= shipped_seq)
);
