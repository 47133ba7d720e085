-- Cards, their events, activation codes and used QR tokens (the log's and idempotency tables come
-- from the starter). Personal data (ID number, name, phone, bank account) is stored only encrypted
-- (PersonalDataCipher: key id and algorithm inside each value) and the ID number also as a keyed
-- hash (KeyedHash, purpose search:id-number) to look it up and to allow one card in force per person.
CREATE TABLE card (
    id                   UUID PRIMARY KEY,
    card_number          CHAR(9)     NOT NULL UNIQUE,
    identification_code  CHAR(32)    NOT NULL UNIQUE,
    spec_version         TEXT        NOT NULL,
    issuing_region       CHAR(6)     NOT NULL,
    status               SMALLINT    NOT NULL CHECK (status IN (0, 1, 2, 3, 4, 9)),
    issue_date           DATE        NOT NULL,
    expiry_date          DATE        NOT NULL CHECK (expiry_date > issue_date),
    id_number_hash       BYTEA       NOT NULL,
    id_number_enc        BYTEA       NOT NULL,
    name_enc             BYTEA       NOT NULL,
    phone_enc            BYTEA,
    bank_name            TEXT,
    bank_account_enc     BYTEA,
    -- the card holder's account (the token's sub) once the card is activated
    holder_subject       TEXT,
    replaces             UUID REFERENCES card (id),
    -- deferred: a successor's predecessor leaves "in force" before the successor is inserted
    replaced_by          UUID CONSTRAINT card_replaced_by REFERENCES card (id)
                         DEFERRABLE INITIALLY DEFERRED,
    status_reason        TEXT,
    status_changed_at    TIMESTAMPTZ NOT NULL,
    version              BIGINT      NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
-- One card in force per person: every card not cancelled and not replaced.
CREATE UNIQUE INDEX card_one_in_force ON card (id_number_hash)
    WHERE status <> 9 AND replaced_by IS NULL;
CREATE INDEX card_holder_subject ON card (holder_subject) WHERE holder_subject IS NOT NULL;
CREATE INDEX card_temporary_loss ON card (status_changed_at) WHERE status = 4;
CREATE SEQUENCE card_serial START 1 MAXVALUE 9999999;

-- Each card's events, in the order of its versions: what the card's history lists next to the log.
CREATE TABLE card_event (
    card_id      UUID        NOT NULL REFERENCES card (id),
    version      BIGINT      NOT NULL,
    event_type   TEXT        NOT NULL,
    actor        TEXT        NOT NULL,
    status       SMALLINT    NOT NULL,
    reason       TEXT,
    occurred_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (card_id, version)
);

-- The one-time code a clerk hands over with a sealed card; only its keyed hash is kept.
CREATE TABLE card_activation (
    card_id     UUID PRIMARY KEY REFERENCES card (id),
    code_hash   BYTEA       NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    failures    INTEGER     NOT NULL DEFAULT 0,
    used_at     TIMESTAMPTZ
);

-- QR tokens issued to holders: a token is used once, by the first verification that marks it
-- (an UPDATE … WHERE used_at IS NULL, so two service instances cannot both accept it).
CREATE TABLE qr_token (
    token_id     BYTEA PRIMARY KEY CHECK (octet_length(token_id) = 16),
    card_id      UUID        NOT NULL REFERENCES card (id),
    payload      TEXT        NOT NULL,
    issued_at    TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL CHECK (expires_at > issued_at),
    used_at      TIMESTAMPTZ,
    used_by      TEXT,
    business     CHAR(2)
);
CREATE INDEX qr_token_card ON qr_token (card_id, issued_at DESC);
