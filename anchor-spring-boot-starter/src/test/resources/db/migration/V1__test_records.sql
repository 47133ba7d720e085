-- The test application's own business table (a service's migrations use versions 1..999).
CREATE TABLE test_record (
    id      TEXT   PRIMARY KEY,
    name    TEXT   NOT NULL,
    version BIGINT NOT NULL
);
