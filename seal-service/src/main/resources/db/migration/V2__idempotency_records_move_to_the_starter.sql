-- Idempotency-Key records now live in the starter's govchain_idempotency, keyed per caller (a key
-- was global here, so another caller could replay or probe it). The old records only protected
-- retries of creates already answered; they are not carried over.
DROP TABLE idempotency_record;
