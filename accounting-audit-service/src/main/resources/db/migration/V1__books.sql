-- Units, their sub-accounts, vouchers and periods (the log's and idempotency tables come from the
-- starter). A posted voucher is the books: the database itself refuses to change or delete it, its
-- lines or its attachments (triggers below), whoever connects. A mistake is corrected by a red
-- reversal, a new voucher that points at the original (reverses); the original row never changes.

-- A government unit keeping its books here, bound to clerks by its unified social credit code
-- (the token's unit claim).
CREATE TABLE unit (
    id             UUID PRIMARY KEY,
    credit_code    CHAR(18)    NOT NULL UNIQUE,
    name           TEXT        NOT NULL,
    region         CHAR(6)     NOT NULL,
    unit_type      TEXT        NOT NULL,
    chart_version  TEXT        NOT NULL,
    -- the first period of the books here: no voucher before it
    first_period   CHAR(7)     NOT NULL CHECK (first_period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

-- Sub-accounts (明细科目) a unit adds beneath the standard chart's first-level accounts. Kept for
-- ever: a posted line may name them.
CREATE TABLE unit_account (
    unit_id     UUID        NOT NULL REFERENCES unit (id),
    code        TEXT        NOT NULL CHECK (code ~ '^[0-9]{4}(\.[0-9]{2}){1,3}$'),
    name        TEXT        NOT NULL,
    -- the budget balance account it is cleared into at year end, overriding the chart's mapping
    clears_to   TEXT,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (unit_id, code)
);

-- A unit's posted vouchers form a hash chain: each carries the previous one's hash. This row is
-- the chain's head, locked while a voucher is posted, so posting is serial per unit.
CREATE TABLE unit_chain (
    unit_id  UUID PRIMARY KEY REFERENCES unit (id),
    length   BIGINT NOT NULL CHECK (length >= 0),
    head     BYTEA  CHECK (head IS NULL OR octet_length(head) = 32)
);

-- Voucher numbers are consecutive within a unit's period: the counter row is updated in the
-- posting transaction (a rollback gives the number back, so there are no gaps).
CREATE TABLE voucher_counter (
    unit_id  UUID    NOT NULL REFERENCES unit (id),
    period   CHAR(7) NOT NULL,
    last     INTEGER NOT NULL CHECK (last >= 0),
    PRIMARY KEY (unit_id, period)
);

-- Periods that have been closed (a period without a row is open).
CREATE TABLE period (
    unit_id     UUID        NOT NULL REFERENCES unit (id),
    period      CHAR(7)     NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    changed_by  TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL,
    PRIMARY KEY (unit_id, period)
);

CREATE TABLE voucher (
    id                UUID PRIMARY KEY,
    unit_id           UUID        NOT NULL REFERENCES unit (id),
    period            CHAR(7)     NOT NULL,
    kind              TEXT        NOT NULL CHECK (kind IN ('ORDINARY', 'REVERSAL', 'CLOSING')),
    status            TEXT        NOT NULL CHECK (status IN ('DRAFT', 'REVIEWED', 'POSTED')),
    voucher_date      DATE        NOT NULL,
    summary           TEXT        NOT NULL,
    -- who was paid or paid: an organisation (credit code, name) or an individual by the unit's
    -- own payee reference (never a name or an ID number)
    counterparty_kind TEXT        CHECK (counterparty_kind IN ('ORGANIZATION', 'INDIVIDUAL')),
    counterparty_code TEXT,
    counterparty_name TEXT,
    -- a red reversal's original; a voucher is reversed at most once
    reverses          UUID        UNIQUE REFERENCES voucher (id),
    preparer          TEXT        NOT NULL,
    prepared_at       TIMESTAMPTZ NOT NULL,
    reviewer          TEXT,
    reviewed_at       TIMESTAMPTZ,
    -- set at posting
    number            INTEGER     CHECK (number > 0),
    posted_by         TEXT,
    posted_at         TIMESTAMPTZ,
    chain_index       BIGINT      CHECK (chain_index > 0),
    previous_hash     BYTEA,
    hash              BYTEA       CHECK (hash IS NULL OR octet_length(hash) = 32),
    version           BIGINT      NOT NULL,
    CONSTRAINT voucher_number UNIQUE (unit_id, period, number),
    CONSTRAINT voucher_chain UNIQUE (unit_id, chain_index),
    CONSTRAINT voucher_posted CHECK (
        (status = 'POSTED') = (number IS NOT NULL AND hash IS NOT NULL AND chain_index IS NOT NULL
                               AND posted_at IS NOT NULL AND posted_by IS NOT NULL)),
    CONSTRAINT voucher_reviewed CHECK (
        status = 'DRAFT' OR kind = 'CLOSING' OR (reviewer IS NOT NULL AND reviewer <> preparer)),
    CONSTRAINT voucher_counterparty CHECK (
        (counterparty_kind IS NULL) = (counterparty_code IS NULL))
);
CREATE INDEX voucher_unit_period ON voucher (unit_id, period, number);
CREATE INDEX voucher_unit_status ON voucher (unit_id, status);
CREATE INDEX voucher_counterparty ON voucher (unit_id, counterparty_kind, counterparty_code, voucher_date)
    WHERE status = 'POSTED';

CREATE TABLE voucher_line (
    voucher_id  UUID          NOT NULL REFERENCES voucher (id),
    line_no     INTEGER       NOT NULL CHECK (line_no > 0),
    account     TEXT          NOT NULL,
    side        TEXT          NOT NULL CHECK (side IN ('DEBIT', 'CREDIT')),
    amount      NUMERIC(17,2) NOT NULL CHECK (amount <> 0),
    memo        TEXT,
    PRIMARY KEY (voucher_id, line_no)
);
CREATE INDEX voucher_line_account ON voucher_line (account);

CREATE TABLE voucher_attachment (
    voucher_id      UUID    NOT NULL REFERENCES voucher (id),
    attachment_no   INTEGER NOT NULL CHECK (attachment_no > 0),
    kind            TEXT    NOT NULL,
    invoice_code    TEXT,
    invoice_number  TEXT,
    -- one string per invoice (InvoiceNumber.canonical), to find the same invoice on two vouchers
    invoice_key     TEXT,
    sha256          BYTEA   NOT NULL CHECK (octet_length(sha256) = 32),
    PRIMARY KEY (voucher_id, attachment_no)
);
CREATE INDEX voucher_attachment_invoice ON voucher_attachment (invoice_key) WHERE invoice_key IS NOT NULL;
CREATE INDEX voucher_attachment_sha256 ON voucher_attachment (sha256);

-- The books are append-only: a posted voucher, its lines and its attachments are never updated or
-- deleted, and nothing is added to a posted voucher. Drafts and reviewed vouchers may change.
CREATE FUNCTION refuse_posted_voucher_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status <> 'POSTED' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' AND OLD.status <> 'POSTED' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'posted voucher % is append-only: % refused', OLD.id, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER voucher_append_only BEFORE UPDATE OR DELETE ON voucher
    FOR EACH ROW EXECUTE FUNCTION refuse_posted_voucher_change();

CREATE FUNCTION refuse_posted_voucher_part_change() RETURNS trigger AS $$
DECLARE
    owner UUID;
BEGIN
    IF TG_OP = 'INSERT' THEN
        owner := NEW.voucher_id;
    ELSE
        owner := OLD.voucher_id;
    END IF;
    IF EXISTS (SELECT 1 FROM voucher WHERE id = owner AND status = 'POSTED') THEN
        RAISE EXCEPTION 'posted voucher % is append-only: % on % refused', owner, TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER voucher_line_append_only BEFORE INSERT OR UPDATE OR DELETE ON voucher_line
    FOR EACH ROW EXECUTE FUNCTION refuse_posted_voucher_part_change();
CREATE TRIGGER voucher_attachment_append_only BEFORE INSERT OR UPDATE OR DELETE ON voucher_attachment
    FOR EACH ROW EXECUTE FUNCTION refuse_posted_voucher_part_change();

-- Sub-accounts are kept for ever, unchanged.
CREATE FUNCTION refuse_account_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'account % of unit % is kept for ever: % refused', OLD.code, OLD.unit_id, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER unit_account_append_only BEFORE UPDATE OR DELETE ON unit_account
    FOR EACH ROW EXECUTE FUNCTION refuse_account_change();
