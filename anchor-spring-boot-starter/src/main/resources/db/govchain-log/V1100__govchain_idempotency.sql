-- Idempotency-Key records of every service (org.govchain.anchor.spring.idempotency): the first
-- answer to a caller's key, kept with the writes that made it. Keys belong to their caller.
CREATE TABLE govchain_idempotency (
    caller           TEXT        NOT NULL,
    idempotency_key  TEXT        NOT NULL,
    operation        TEXT        NOT NULL,
    request_sha256   BYTEA       NOT NULL CHECK (octet_length(request_sha256) = 32),
    status           INTEGER     NOT NULL,
    location         TEXT,
    body             TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
