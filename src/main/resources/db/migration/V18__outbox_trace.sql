-- The W3C traceparent of the request that enqueued a delivery (only while tracing is on): the worker
-- that sends it later continues that trace. Gone with its entry.
CREATE TABLE outbox_trace (
    entry_id     VARCHAR(36) NOT NULL PRIMARY KEY,
    trace_parent VARCHAR(55) NOT NULL,
    CONSTRAINT outbox_trace_entry FOREIGN KEY (entry_id) REFERENCES outbox_entry (id) ON DELETE CASCADE
);
