-- The sequencer's work queue: every entry appended and not yet given a leaf index. The appender
-- inserts here in the same statement as the entry; the sequencer deletes the rows it integrates in
-- the same transaction as their leaves. It keeps each batch O(batch) however long the log is
-- (an anti-join of entries against leaves would rescan the whole log every batch).
--
-- Version 1050 leaves 1001..1049 to the anchorer's migrations.
CREATE TABLE govchain_log_unsequenced (
    entry_id   BIGINT PRIMARY KEY REFERENCES govchain_log_entry (id),
    log_origin TEXT   NOT NULL
);
CREATE INDEX govchain_log_unsequenced_by_log
    ON govchain_log_unsequenced (log_origin, entry_id);

-- A queued entry leaves the queue only once it has a leaf: no entry can be dropped unsequenced.
CREATE FUNCTION govchain_unsequenced_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'GovChain sequencer queue rows are never updated'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM govchain_log_leaf WHERE entry_id = OLD.entry_id) THEN
        RAISE EXCEPTION 'GovChain entry % cannot leave the sequencer queue without a leaf',
            OLD.entry_id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
END;
$$;
CREATE TRIGGER govchain_log_unsequenced_guard
    BEFORE UPDATE OR DELETE ON govchain_log_unsequenced
    FOR EACH ROW EXECUTE FUNCTION govchain_unsequenced_guard();
CREATE TRIGGER govchain_log_unsequenced_no_truncate
    BEFORE TRUNCATE ON govchain_log_unsequenced
    FOR EACH STATEMENT EXECUTE FUNCTION govchain_refuse_change();
