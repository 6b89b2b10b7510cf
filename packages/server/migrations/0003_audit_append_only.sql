-- The audit log keeps itself: append-only, and hash-chained in the order of `sequence`.
-- platform/audit/chain.ts explains the design. core's audit/canonical.ts documents the canonical
-- form for auditors and writes it again in TypeScript; `kith audit verify` recomputes it from
-- built-in functions (platform/audit/canonical-sql.ts) rather than trust the functions below.

-- One field of the canonical form: NULL is "-,"; any other value is its length in UTF-8 bytes,
-- ":", the value, ",". No escaping is needed, and no value can be mistaken for another.
CREATE FUNCTION audit_event_canonical_field(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT coalesce(octet_length(value)::text || ':' || value || ',', '-,') $$;
--> statement-breakpoint

-- An event's canonical form (version kith-audit-v1): the fields below, in this order, each as
-- above, as UTF-8 bytes. `at` is written in UTC to the millisecond, as JavaScript's toISOString.
CREATE FUNCTION audit_event_canonical(e audit_event) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT convert_to(
  audit_event_canonical_field('kith-audit-v1') ||
  audit_event_canonical_field(e.sequence::text) ||
  audit_event_canonical_field(to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ||
  audit_event_canonical_field(e.actor_kind) ||
  audit_event_canonical_field(e.actor_staff_id::text) ||
  audit_event_canonical_field(e.actor_api_client_id::text) ||
  audit_event_canonical_field(e.actor_portal_id::text) ||
  audit_event_canonical_field(e.actor_role) ||
  audit_event_canonical_field(e.actor_organisation_id::text) ||
  audit_event_canonical_field(e.subject_person_id::text) ||
  audit_event_canonical_field(e.resource_type) ||
  audit_event_canonical_field(e.resource_id) ||
  audit_event_canonical_field(e.action) ||
  audit_event_canonical_field(e.purpose) ||
  audit_event_canonical_field(e.break_glass::text) ||
  audit_event_canonical_field(e.outcome) ||
  audit_event_canonical_field(e.reason) ||
  audit_event_canonical_field(e.request_id) ||
  audit_event_canonical_field(e.client_address),
  'UTF8') $$;
--> statement-breakpoint

-- Chains each new event onto the last one. The advisory lock is held until the inserting
-- transaction ends, so writers on every server instance append one transaction at a time; the
-- query after it takes a fresh snapshot (READ COMMITTED), so it sees the last committed event.
-- A sequence number drawn before the lock was granted may be lower than the last event's; it
-- is then drawn again, so sequence order is always chain order. The unique index on prev_hash
-- turns any fork (say, a writer in REPEATABLE READ with an old snapshot) into an error.
CREATE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  last_sequence bigint;
  last_hash bytea;
BEGIN
  PERFORM pg_advisory_xact_lock(7311043);
  SELECT e.sequence, e.hash INTO last_sequence, last_hash FROM audit_event e ORDER BY e.sequence DESC LIMIT 1;
  IF last_sequence IS NOT NULL AND NEW.sequence <= last_sequence THEN
    NEW.sequence := nextval('audit_event_sequence_seq');
  END IF;
  NEW.prev_hash := coalesce(last_hash, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
  NEW.hash := sha256(NEW.prev_hash || audit_event_canonical(NEW));
  RETURN NEW;
END $$;
--> statement-breakpoint

CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
--> statement-breakpoint

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is refused', TG_OP
    USING ERRCODE = 'integrity_constraint_violation',
          HINT = 'Audit events are never changed or removed; record a new event instead.';
END $$;
--> statement-breakpoint

-- Statement-level, so even an UPDATE or DELETE that matches no row is refused.
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
