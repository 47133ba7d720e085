-- Seals, their status changes, sealings and idempotency records (the log's tables come from the starter).
CREATE TABLE seal (
    id                  UUID PRIMARY KEY,
    name                TEXT        NOT NULL,
    organisation        TEXT        NOT NULL,
    credit_code         CHAR(18)    NOT NULL,
    type                TEXT        NOT NULL,
    algorithm           TEXT        NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED')),
    not_before          TIMESTAMPTZ NOT NULL,
    not_after           TIMESTAMPTZ NOT NULL CHECK (not_after > not_before),
    image_png           BYTEA       NOT NULL,
    certificate_der     BYTEA       NOT NULL,
    certificate_serial  TEXT        NOT NULL UNIQUE,
    encrypted_key       BYTEA       NOT NULL,
    version             BIGINT      NOT NULL,
    revocation_reason   TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX seal_credit_code_status ON seal (credit_code, status);

CREATE TABLE seal_status_change (
    seal_id  UUID        NOT NULL REFERENCES seal (id),
    version  BIGINT      NOT NULL,
    status   TEXT        NOT NULL,
    at       TIMESTAMPTZ NOT NULL,
    reason   TEXT,
    PRIMARY KEY (seal_id, version)
);

CREATE TABLE sealing (
    id                UUID PRIMARY KEY,
    seal_id           UUID        NOT NULL REFERENCES seal (id),
    kind              TEXT        NOT NULL CHECK (kind IN ('PDF', 'HASH')),
    document_sha256   BYTEA       NOT NULL,
    sealed_sha256     BYTEA,
    hash_algorithm    TEXT        NOT NULL,
    operator          TEXT        NOT NULL,
    signed_at         TIMESTAMPTZ NOT NULL,
    signature         BYTEA       NOT NULL,
    signature_sha256  BYTEA       NOT NULL UNIQUE,
    page              INTEGER,
    x_mm              DOUBLE PRECISION,
    y_mm              DOUBLE PRECISION,
    width_mm          DOUBLE PRECISION,
    created_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX sealing_seal_id ON sealing (seal_id);

CREATE TABLE idempotency_record (
    idempotency_key  TEXT PRIMARY KEY,
    operation        TEXT        NOT NULL,
    request_sha256   BYTEA       NOT NULL,
    status           INTEGER     NOT NULL,
    location         TEXT,
    body             TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);
