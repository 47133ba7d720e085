-- A closed period keeps the digest of its trial balance (also in its log event) and the reason an
-- auditor gave when reopening it.
ALTER TABLE period ADD COLUMN trial_balance_digest BYTEA
    CHECK (trial_balance_digest IS NULL OR octet_length(trial_balance_digest) = 32);
ALTER TABLE period ADD COLUMN reason TEXT;
