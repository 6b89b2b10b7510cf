ALTER TABLE "audit_event" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_event" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "chain_position" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_event_chain_position_key" ON "audit_event" USING btree ("chain_position");--> statement-breakpoint
CREATE INDEX "audit_event_unsealed_idx" ON "audit_event" USING btree ("sequence") WHERE "audit_event"."hash" IS NULL;--> statement-breakpoint

-- The chain moves off the request path. Until now a trigger chained each event as it was
-- inserted, under one lock held to the writer's commit, so audited transactions committed one
-- at a time. Now writers only insert, and the sealer (platform/audit/seal.ts) chains committed
-- events afterwards, in batches, under that lock: `chain_position` is the order of the chain,
-- and `sequence` only names an event. The canonical form and the hash are unchanged.
DROP TRIGGER audit_event_chain ON audit_event;
--> statement-breakpoint
DROP FUNCTION audit_event_chain();
--> statement-breakpoint
DROP TRIGGER audit_event_append_only ON audit_event;
--> statement-breakpoint

-- Events chained before this migration were chained in sequence order: they keep that order.
UPDATE audit_event e SET chain_position = n.position
FROM (SELECT sequence, row_number() OVER (ORDER BY sequence) AS position FROM audit_event) n
WHERE e.sequence = n.sequence;
--> statement-breakpoint

-- Removal stays refused outright, even of no rows.
CREATE TRIGGER audit_event_append_only BEFORE DELETE OR TRUNCATE ON audit_event
FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
--> statement-breakpoint

-- An event arrives unsealed, whatever its writer gives: only the sealer places it in the chain.
CREATE FUNCTION audit_event_arrive() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.chain_position := NULL;
  NEW.prev_hash := NULL;
  NEW.hash := NULL;
  RETURN NEW;
END $$;
--> statement-breakpoint

CREATE TRIGGER audit_event_arrive BEFORE INSERT ON audit_event
FOR EACH ROW EXECUTE FUNCTION audit_event_arrive();
--> statement-breakpoint

-- The one change allowed: sealing an unsealed event, once, with all three seal columns, and
-- nothing it records changed. Whether the seal is right is for `kith audit verify`, which
-- recomputes every hash; this keeps a sealed event, and every event's contents, as written.
CREATE FUNCTION audit_event_seal_once() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  unsealed audit_event := NEW;
BEGIN
  unsealed.chain_position := NULL;
  unsealed.prev_hash := NULL;
  unsealed.hash := NULL;
  IF OLD.hash IS NOT NULL OR OLD.chain_position IS NOT NULL
     OR NEW.chain_position IS NULL OR octet_length(NEW.prev_hash) IS DISTINCT FROM 32 OR octet_length(NEW.hash) IS DISTINCT FROM 32
     OR unsealed IS DISTINCT FROM OLD THEN
    RAISE EXCEPTION 'audit_event is append-only: UPDATE is refused'
      USING ERRCODE = 'integrity_constraint_violation',
            HINT = 'Audit events are never changed; the only update allowed seals an unsealed event into the chain, once.';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint

CREATE TRIGGER audit_event_seal_once BEFORE UPDATE ON audit_event
FOR EACH ROW EXECUTE FUNCTION audit_event_seal_once();
--> statement-breakpoint

-- The sealer (platform/audit/seal.ts) calls this: it seals up to `batch` committed events, the
-- oldest first, onto the end of the chain, and says how many. The work stays in the database,
-- so sealing costs the application servers nothing. The lock makes sealers take turns; the
-- reads after it see every event committed before it was granted (READ COMMITTED).
CREATE FUNCTION audit_seal(batch integer) RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
  tail_position bigint;
  tail_hash bytea;
  sequences bigint[];
  canonicals bytea[];
  positions bigint[];
  prev_hashes bytea[];
  hashes bytea[];
  n integer;
BEGIN
  PERFORM pg_advisory_xact_lock(7311043);
  SELECT e.chain_position, e.hash INTO tail_position, tail_hash
  FROM audit_event e WHERE e.chain_position IS NOT NULL ORDER BY e.chain_position DESC LIMIT 1;
  tail_position := coalesce(tail_position, 0);
  tail_hash := coalesce(tail_hash, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
  SELECT array_agg(e.sequence ORDER BY e.sequence), array_agg(audit_event_canonical(e) ORDER BY e.sequence)
  INTO sequences, canonicals
  FROM audit_event e
  WHERE e.sequence IN (SELECT u.sequence FROM audit_event u WHERE u.hash IS NULL ORDER BY u.sequence LIMIT batch);
  n := coalesce(array_length(sequences, 1), 0);
  IF n = 0 THEN
    RETURN 0;
  END IF;
  positions := array_fill(0::bigint, ARRAY[n]);
  prev_hashes := array_fill(NULL::bytea, ARRAY[n]);
  hashes := array_fill(NULL::bytea, ARRAY[n]);
  FOR i IN 1 .. n LOOP
    positions[i] := tail_position + i;
    prev_hashes[i] := tail_hash;
    tail_hash := sha256(tail_hash || canonicals[i]);
    hashes[i] := tail_hash;
  END LOOP;
  UPDATE audit_event e SET chain_position = s.position, prev_hash = s.prev_hash, hash = s.hash
  FROM unnest(sequences, positions, prev_hashes, hashes) AS s(sequence, position, prev_hash, hash)
  WHERE e.sequence = s.sequence;
  RETURN n;
END $$;
