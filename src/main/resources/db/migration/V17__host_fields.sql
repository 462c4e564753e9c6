-- Where host applications keep sealed copies of personal data (issue 26): every field a host's client jar
-- asked a subject's key for, with its purpose and category, as the record of processing and breach
-- assessments name them. Names of tables and columns only, never a value.
CREATE TABLE host_field (
    id          VARCHAR(300) NOT NULL PRIMARY KEY,
    host_user   VARCHAR(128) NOT NULL,
    table_name  VARCHAR(64)  NOT NULL,
    column_name VARCHAR(64)  NOT NULL,
    purpose     VARCHAR(64)  NOT NULL,
    category    VARCHAR(32)  NOT NULL,
    first_seen  TIMESTAMP    NOT NULL,
    last_seen   TIMESTAMP    NOT NULL
);
