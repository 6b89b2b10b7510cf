CREATE TABLE "audit_event" (
	"sequence" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_event_sequence_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp (3) with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_staff_id" uuid,
	"actor_api_client_id" uuid,
	"actor_portal_id" uuid,
	"actor_role" text,
	"actor_organisation_id" uuid,
	"subject_person_id" uuid,
	"resource_type" text NOT NULL,
	"resource_id" text,
	"action" text NOT NULL,
	"purpose" text,
	"break_glass" boolean DEFAULT false NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"request_id" text,
	"client_address" text,
	"prev_hash" "bytea" NOT NULL,
	"hash" "bytea" NOT NULL,
	CONSTRAINT "audit_event_actor_kind_check" CHECK ("audit_event"."actor_kind" IN ('staff', 'person', 'carer', 'api_client', 'system')),
	CONSTRAINT "audit_event_outcome_check" CHECK ("audit_event"."outcome" IN ('allowed', 'denied'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_event_prev_hash_key" ON "audit_event" USING btree ("prev_hash");--> statement-breakpoint
CREATE INDEX "audit_event_subject_idx" ON "audit_event" USING btree ("subject_person_id","sequence","at") WHERE "audit_event"."subject_person_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_event_actor_staff_idx" ON "audit_event" USING btree ("actor_staff_id","sequence","at") WHERE "audit_event"."actor_staff_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_event_at_idx" ON "audit_event" USING btree ("at");