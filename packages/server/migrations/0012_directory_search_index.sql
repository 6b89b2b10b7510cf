CREATE TABLE "directory_change" (
	"transaction_id" "xid8" PRIMARY KEY NOT NULL,
	"changed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
-- Every statement that writes to the directory records its transaction, once, and notifies the
-- servers listening (delivered when it commits, once however many statements): the search index
-- in each server is read again on the notification, or, while it cannot listen, compares these
-- rows with the snapshot it was read in.
CREATE FUNCTION directory_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO directory_change (transaction_id, changed_at) VALUES (pg_current_xact_id(), now())
  ON CONFLICT (transaction_id) DO NOTHING;
  PERFORM pg_notify('kith_directory_change', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER directory_service_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_service
FOR EACH STATEMENT EXECUTE FUNCTION directory_record_change();
--> statement-breakpoint
CREATE TRIGGER directory_place_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_place
FOR EACH STATEMENT EXECUTE FUNCTION directory_record_change();
--> statement-breakpoint
CREATE TRIGGER directory_session_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_session
FOR EACH STATEMENT EXECUTE FUNCTION directory_record_change();
--> statement-breakpoint
CREATE TRIGGER directory_organization_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_organization
FOR EACH STATEMENT EXECUTE FUNCTION directory_record_change();
--> statement-breakpoint
CREATE TRIGGER directory_taxonomy_term_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_taxonomy_term
FOR EACH STATEMENT EXECUTE FUNCTION directory_record_change();
