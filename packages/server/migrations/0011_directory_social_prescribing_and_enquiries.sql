CREATE TABLE "directory_feed" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "directory_feed_kind_check" CHECK ("directory_feed"."kind" IN ('council', 'commissioner', 'voluntary', 'kith'))
);
--> statement-breakpoint
CREATE TABLE "directory_import" (
	"id" uuid PRIMARY KEY NOT NULL,
	"feed_id" text NOT NULL,
	"format" text NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"received_by" uuid,
	"api_client_id" uuid,
	"created" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"rejected" integer NOT NULL,
	"problems" jsonb NOT NULL,
	"conflicts" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_listing_edit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"based_on_version" integer NOT NULL,
	"proposed" jsonb NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp (3) with time zone NOT NULL,
	"state" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"decision_note" text,
	CONSTRAINT "directory_listing_edit_state_check" CHECK ("directory_listing_edit"."state" IN ('pending', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "directory_organization" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"partner_organisation_id" uuid,
	"feed_id" text NOT NULL,
	"source_id" text NOT NULL,
	"document" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_place" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text,
	"address" text,
	"postcode" text,
	"latitude" double precision,
	"longitude" double precision
);
--> statement-breakpoint
CREATE TABLE "directory_service" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	"feed_id" text NOT NULL,
	"source_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"status" text NOT NULL,
	"minimum_age" integer,
	"maximum_age" integer,
	"free" boolean NOT NULL,
	"taxonomy_codes" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"accessibility" text[] NOT NULL,
	"document" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"capacity" text,
	"capacity_confirmed_on" date,
	"referral_mode" text DEFAULT 'signpost_only' NOT NULL,
	"referral_how" text,
	"last_verified_on" date,
	"verified_by_staff_id" uuid,
	"verified_by" text,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')) STORED NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "directory_service_status_check" CHECK ("directory_service"."status" IN ('active', 'inactive', 'defunct', 'temporarily closed')),
	CONSTRAINT "directory_service_capacity_check" CHECK ("directory_service"."capacity" IS NULL OR "directory_service"."capacity" IN ('taking_referrals', 'waiting_list', 'full')),
	CONSTRAINT "directory_service_referral_mode_check" CHECK ("directory_service"."referral_mode" IN ('signpost_only', 'direct_referral')),
	CONSTRAINT "directory_service_ages_check" CHECK ("directory_service"."maximum_age" IS NULL OR "directory_service"."minimum_age" IS NULL OR "directory_service"."maximum_age" >= "directory_service"."minimum_age")
);
--> statement-breakpoint
CREATE TABLE "directory_session" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "directory_session_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"service_id" uuid NOT NULL,
	"place_id" uuid,
	"weekday" smallint NOT NULL,
	"opens_minute" smallint NOT NULL,
	"closes_minute" smallint NOT NULL,
	"every_week" boolean NOT NULL,
	"valid_from" date,
	"valid_to" date,
	CONSTRAINT "directory_session_weekday_check" CHECK ("directory_session"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "directory_session_minutes_check" CHECK ("directory_session"."opens_minute" >= 0 AND "directory_session"."closes_minute" <= 1440 AND "directory_session"."closes_minute" > "directory_session"."opens_minute")
);
--> statement-breakpoint
CREATE TABLE "directory_taxonomy_term" (
	"id" text PRIMARY KEY NOT NULL,
	"taxonomy" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"parent_id" text
);
--> statement-breakpoint
CREATE TABLE "postcode_centroid" (
	"postcode" text PRIMARY KEY NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_prescription" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"what_matters" text NOT NULL,
	"needs" text[] NOT NULL,
	"support_offered" text NOT NULL,
	"consent_given" boolean NOT NULL,
	"consent_how" text,
	"note" text,
	"outcome" text,
	"referred_by" uuid NOT NULL,
	"organisation_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "social_prescription_kind_check" CHECK ("social_prescription"."kind" IN ('signpost', 'referral')),
	CONSTRAINT "social_prescription_state_check" CHECK ("social_prescription"."state" IN ('signposted', 'sent', 'accepted', 'declined', 'attending', 'not_taken_up', 'completed', 'withdrawn')),
	CONSTRAINT "social_prescription_consent_check" CHECK ("social_prescription"."kind" = 'signpost' OR "social_prescription"."consent_given")
);
--> statement-breakpoint
CREATE TABLE "social_prescription_attendance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"prescription_id" uuid NOT NULL,
	"on" date NOT NULL,
	"attended" boolean NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_prescription_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"prescription_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"version" integer NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"by" uuid NOT NULL,
	"note" text,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "enquiry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"point_of_access_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"topics" text[] NOT NULL,
	"other_topic" text,
	"advice_given" text,
	"signposted_to" uuid[] NOT NULL,
	"referred_service_id" uuid,
	"referral_consent_how" text,
	"safeguarding_task_id" uuid,
	"person_id" uuid,
	"person_consent_how" text,
	"outcomes" text[] NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "enquiry_channel_check" CHECK ("enquiry"."channel" IN ('walk_in', 'phone')),
	CONSTRAINT "enquiry_person_consent_check" CHECK ("enquiry"."person_id" IS NULL OR "enquiry"."person_consent_how" IS NOT NULL),
	CONSTRAINT "enquiry_referral_consent_check" CHECK ("enquiry"."referred_service_id" IS NULL OR "enquiry"."referral_consent_how" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "point_of_access" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"network_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"safeguarding_lead_staff_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_import" ADD CONSTRAINT "directory_import_feed_id_directory_feed_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."directory_feed"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_import" ADD CONSTRAINT "directory_import_received_by_staff_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_listing_edit" ADD CONSTRAINT "directory_listing_edit_service_id_directory_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_listing_edit" ADD CONSTRAINT "directory_listing_edit_proposed_by_staff_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_listing_edit" ADD CONSTRAINT "directory_listing_edit_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_organization" ADD CONSTRAINT "directory_organization_partner_organisation_id_organisation_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_organization" ADD CONSTRAINT "directory_organization_feed_id_directory_feed_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."directory_feed"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_place" ADD CONSTRAINT "directory_place_service_id_directory_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service" ADD CONSTRAINT "directory_service_organization_id_directory_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."directory_organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service" ADD CONSTRAINT "directory_service_feed_id_directory_feed_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."directory_feed"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service" ADD CONSTRAINT "directory_service_verified_by_staff_id_staff_id_fk" FOREIGN KEY ("verified_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_session" ADD CONSTRAINT "directory_session_service_id_directory_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_session" ADD CONSTRAINT "directory_session_place_id_directory_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."directory_place"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_prescription" ADD CONSTRAINT "social_prescription_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_prescription" ADD CONSTRAINT "social_prescription_service_id_directory_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_service"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_prescription" ADD CONSTRAINT "social_prescription_referred_by_staff_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_prescription" ADD CONSTRAINT "social_prescription_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_prescription_attendance" ADD CONSTRAINT "social_prescription_attendance_prescription_id_social_prescription_id_fk" FOREIGN KEY ("prescription_id") REFERENCES "public"."social_prescription"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_prescription_attendance" ADD CONSTRAINT "social_prescription_attendance_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_prescription_event" ADD CONSTRAINT "social_prescription_event_prescription_id_social_prescription_id_fk" FOREIGN KEY ("prescription_id") REFERENCES "public"."social_prescription"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_prescription_event" ADD CONSTRAINT "social_prescription_event_by_staff_id_fk" FOREIGN KEY ("by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry" ADD CONSTRAINT "enquiry_point_of_access_id_point_of_access_id_fk" FOREIGN KEY ("point_of_access_id") REFERENCES "public"."point_of_access"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry" ADD CONSTRAINT "enquiry_referred_service_id_directory_service_id_fk" FOREIGN KEY ("referred_service_id") REFERENCES "public"."directory_service"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry" ADD CONSTRAINT "enquiry_safeguarding_task_id_task_id_fk" FOREIGN KEY ("safeguarding_task_id") REFERENCES "public"."task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry" ADD CONSTRAINT "enquiry_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry" ADD CONSTRAINT "enquiry_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_of_access" ADD CONSTRAINT "point_of_access_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_of_access" ADD CONSTRAINT "point_of_access_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_of_access" ADD CONSTRAINT "point_of_access_safeguarding_lead_staff_id_staff_id_fk" FOREIGN KEY ("safeguarding_lead_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_listing_edit_pending_idx" ON "directory_listing_edit" USING btree ("state","proposed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_organization_source_key" ON "directory_organization" USING btree ("feed_id","source_id");--> statement-breakpoint
CREATE INDEX "directory_place_service_idx" ON "directory_place" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_place_position_idx" ON "directory_place" USING btree ("latitude","longitude");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_service_source_key" ON "directory_service" USING btree ("feed_id","source_id");--> statement-breakpoint
CREATE INDEX "directory_service_search_idx" ON "directory_service" USING gin ("search");--> statement-breakpoint
CREATE INDEX "directory_service_taxonomy_idx" ON "directory_service" USING gin ("taxonomy_codes");--> statement-breakpoint
CREATE INDEX "directory_service_organization_idx" ON "directory_service" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "directory_service_verified_idx" ON "directory_service" USING btree ("last_verified_on");--> statement-breakpoint
CREATE INDEX "directory_session_service_idx" ON "directory_session" USING btree ("service_id","weekday");--> statement-breakpoint
CREATE INDEX "directory_session_day_idx" ON "directory_session" USING btree ("weekday","opens_minute","closes_minute");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_taxonomy_term_code_key" ON "directory_taxonomy_term" USING btree ("taxonomy","code");--> statement-breakpoint
CREATE INDEX "social_prescription_person_idx" ON "social_prescription" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "social_prescription_service_idx" ON "social_prescription" USING btree ("service_id","state");--> statement-breakpoint
CREATE INDEX "social_prescription_attendance_idx" ON "social_prescription_attendance" USING btree ("prescription_id","on");--> statement-breakpoint
CREATE INDEX "social_prescription_event_idx" ON "social_prescription_event" USING btree ("prescription_id","version");--> statement-breakpoint
CREATE INDEX "enquiry_point_idx" ON "enquiry" USING btree ("point_of_access_id","recorded_at");--> statement-breakpoint
-- Each move and each attendance of a social prescription is the record of what happened: kept,
-- never changed or removed, and the database itself refuses (the function is migration 0010's).
CREATE TRIGGER social_prescription_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON social_prescription_event
FOR EACH STATEMENT EXECUTE FUNCTION care_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER social_prescription_attendance_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON social_prescription_attendance
FOR EACH STATEMENT EXECUTE FUNCTION care_record_refuse_change();
