-- Red-flag findings raised by the rules on posted vouchers (at posting and again at period close)
-- and worked by auditors. One finding per voucher and rule. Every finding and every status change
-- is also a log event.
CREATE TABLE finding (
    id           UUID PRIMARY KEY,
    unit_id      UUID        NOT NULL REFERENCES unit (id),
    voucher_id   UUID        NOT NULL REFERENCES voucher (id),
    period       CHAR(7)     NOT NULL,
    rule         TEXT        NOT NULL,
    severity     TEXT        NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH')),
    status       TEXT        NOT NULL
                 CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'ESCALATED', 'RESOLVED')),
    explanation  TEXT        NOT NULL,
    -- the numbers that tripped the rule, as JSON
    numbers      TEXT        NOT NULL,
    raised_at    TIMESTAMPTZ NOT NULL,
    version      BIGINT      NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT finding_once UNIQUE (voucher_id, rule)
);
CREATE INDEX finding_unit ON finding (unit_id, status, raised_at);
CREATE INDEX finding_rule ON finding (rule, status);

-- What auditors did with each finding, with their comments.
CREATE TABLE finding_event (
    finding_id  UUID        NOT NULL REFERENCES finding (id),
    version     BIGINT      NOT NULL,
    status      TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    comment     TEXT,
    occurred_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (finding_id, version)
);
