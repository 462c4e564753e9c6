-- Token buckets of the rate limits (reveals per agent, handoffs per bot client, event streams per agent,
-- failed sign-ins), shared by every server on this database. The id is the limit's kind, its rate and a
-- SHA-256 of whom it counts (no user name or address in clear); the state is Bucket4j's, written whole.
-- expires_at (epoch milliseconds) is when an untouched bucket would be full again: a row past it says
-- nothing that a new bucket would not, and may be deleted.
CREATE TABLE rate_bucket (
    id         VARCHAR(160) NOT NULL PRIMARY KEY,
    state      ${bytes},
    expires_at BIGINT
);
CREATE INDEX rate_bucket_expires ON rate_bucket (expires_at);
