-- The read audit's one-trip append (gateway/audit/pg-audit-batch-writer.ts, issue 19 item 2), as one function called
-- as one prepared statement: its plans are kept by the server for the connection, where the five statements it
-- replaces (BEGIN; lock; INSERT; reserve; COMMIT) were parsed and planned for every batch, and its numbers are
-- reserved in two calls instead of one nextval a number. Postgres's CPU an entry went from 69 to 38 µs at 8 entries a
-- batch, and from 35 to 23 µs at 24 (bench/README.md, "read-peers").
--
-- Under the chain's lock (the same key as AUDIT_LOCK_SQL in gateway/audit/audit-log.ts: 0x61756469, "audi"), and
-- only if the chain's head is still `expected_head`: the batch's rows (JSON arrays in the columns' order, chained
-- and numbered by the caller on that head) are inserted, and `reserve` numbers are taken for the caller's next
-- batches. Returns those numbers (ascending), or NULL when another writer moved the head: then nothing was stored
-- and nothing was reserved.
--
-- The reservation sets the sequence past the numbers it takes (nextval, then setval). That is only safe because every
-- writer takes numbers of this sequence under the chain's lock (audit-log.ts: auditHeadSql after AUDIT_LOCK_SQL; this
-- function); no insert uses the column's default.
--
-- What a deployment needs: this migration applied before the gateway serves (every audited read calls it), UPDATE on
-- the sequence for the gateway's role (setval), and a session of its own for the audit writer (a named prepared
-- statement: no pooler in transaction mode between the gateway and Postgres) — docs/security.md, "The hash chain".
CREATE FUNCTION "gaozhu_audit_append"(batch jsonb, expected_head text, reserve integer) RETURNS bigint[]
LANGUAGE plpgsql AS $$
DECLARE
  audit_sequence constant text := pg_get_serial_sequence('"AuditEntry"', 'seq');
  first_reserved bigint;
BEGIN
  -- the head must be read after the lock is granted, with a snapshot of its own: a transaction with one snapshot
  -- (repeatable read, serializable) would read the head as it was before the wait and fork the chain
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'the audit chain is appended under read committed only, not %', current_setting('transaction_isolation');
  END IF;
  PERFORM pg_advisory_xact_lock(1635083369);
  IF (SELECT "hash" FROM "AuditEntry" ORDER BY "seq" DESC LIMIT 1) IS DISTINCT FROM expected_head THEN
    RETURN NULL;
  END IF;
  INSERT INTO "AuditEntry" ("seq", "at", "issuer", "subject", "operationName", "operationType", "documentHash",
    "variablesHash", "recordIds", "outcome", "errorCode", "prevHash", "hash")
  SELECT (r->>0)::bigint, (r->>1)::timestamptz, r->>2, r->>3, r->>4, r->>5, r->>6, r->>7,
    ARRAY(SELECT jsonb_array_elements_text(r->8)), r->>9, r->>10, r->>11, r->>12
  FROM jsonb_array_elements(batch) AS r;
  IF reserve < 1 THEN
    RETURN ARRAY[]::bigint[];
  END IF;
  first_reserved := nextval(audit_sequence);
  -- never backwards, should anyone have taken numbers without the lock meanwhile (they then collide loudly on the key)
  PERFORM setval(audit_sequence, GREATEST(first_reserved + reserve - 1, pg_sequence_last_value(audit_sequence::regclass)));
  RETURN ARRAY(SELECT generate_series(first_reserved, first_reserved + reserve - 1));
END
$$;
