CREATE TABLE "assessment_version" (
	"person_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"sections_changed" text[] NOT NULL,
	"recorded_by" uuid NOT NULL,
	"organisation_id" uuid,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "assessment_version_person_id_version_pk" PRIMARY KEY("person_id","version"),
	CONSTRAINT "assessment_version_positive" CHECK ("assessment_version"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "care_contact" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"episode_id" uuid,
	"kind" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"note" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"organisation_id" uuid,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "care_contact_minutes_check" CHECK ("care_contact"."minutes" BETWEEN 1 AND 600)
);
--> statement-breakpoint
CREATE TABLE "episode_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"episode_id" uuid NOT NULL,
	"change" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"detail" text,
	"on" date,
	"by" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_progress" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_result" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"answers" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"score" double precision,
	"episode_id" uuid,
	"moment" text,
	"recorded_by" uuid NOT NULL,
	"organisation_id" uuid,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "instrument_result_moment_check" CHECK ("instrument_result"."moment" IS NULL OR "instrument_result"."moment" IN ('start', 'end'))
);
--> statement-breakpoint
CREATE TABLE "my_life_plan" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"current_version" integer NOT NULL,
	"review_on" date,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "my_life_plan_version" (
	"person_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"based_on" integer NOT NULL,
	"content" jsonb NOT NULL,
	"review_on" date,
	"saved_by" uuid,
	"organisation_id" uuid,
	"saved_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "my_life_plan_version_person_id_version_pk" PRIMARY KEY("person_id","version"),
	CONSTRAINT "my_life_plan_version_positive" CHECK ("my_life_plan_version"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "plan_agreement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"how" text NOT NULL,
	"agreed_at" timestamp (3) with time zone NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_episode" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"referral_id" uuid,
	"planned_weeks" integer NOT NULL,
	"start_on" date,
	"ended_on" date,
	"paused_on" date,
	"pause_reason" text,
	"pause_note" text,
	"resumed_on" date,
	"paused_days" integer DEFAULT 0 NOT NULL,
	"end_reason" text,
	"end_note" text,
	"exit_plan" text,
	"next_visit_at" timestamp (3) with time zone,
	"organisation_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "support_episode_status_check" CHECK ("support_episode"."status" IN ('waiting', 'active', 'paused', 'ended')),
	CONSTRAINT "support_episode_dates_check" CHECK ("support_episode"."ended_on" IS NULL OR "support_episode"."start_on" IS NULL OR "support_episode"."ended_on" >= "support_episode"."start_on")
);
--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "assessment_version" ADD CONSTRAINT "assessment_version_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_version" ADD CONSTRAINT "assessment_version_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_version" ADD CONSTRAINT "assessment_version_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_contact" ADD CONSTRAINT "care_contact_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_contact" ADD CONSTRAINT "care_contact_episode_id_support_episode_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."support_episode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_contact" ADD CONSTRAINT "care_contact_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_contact" ADD CONSTRAINT "care_contact_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_event" ADD CONSTRAINT "episode_event_episode_id_support_episode_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."support_episode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_event" ADD CONSTRAINT "episode_event_by_staff_id_fk" FOREIGN KEY ("by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_result" ADD CONSTRAINT "instrument_result_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_result" ADD CONSTRAINT "instrument_result_episode_id_support_episode_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."support_episode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_result" ADD CONSTRAINT "instrument_result_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_result" ADD CONSTRAINT "instrument_result_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "my_life_plan" ADD CONSTRAINT "my_life_plan_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "my_life_plan_version" ADD CONSTRAINT "my_life_plan_version_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "my_life_plan_version" ADD CONSTRAINT "my_life_plan_version_saved_by_staff_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "my_life_plan_version" ADD CONSTRAINT "my_life_plan_version_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_agreement" ADD CONSTRAINT "plan_agreement_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_episode" ADD CONSTRAINT "support_episode_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_episode" ADD CONSTRAINT "support_episode_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referral"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_episode" ADD CONSTRAINT "support_episode_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_episode" ADD CONSTRAINT "support_episode_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_contact_person_idx" ON "care_contact" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "care_contact_episode_idx" ON "care_contact" USING btree ("episode_id","at");--> statement-breakpoint
CREATE INDEX "episode_event_episode_idx" ON "episode_event" USING btree ("episode_id","at");--> statement-breakpoint
CREATE INDEX "goal_progress_person_idx" ON "goal_progress" USING btree ("person_id","goal_id","recorded_at");--> statement-breakpoint
CREATE INDEX "instrument_result_person_idx" ON "instrument_result" USING btree ("person_id","instrument","recorded_at");--> statement-breakpoint
CREATE INDEX "instrument_result_episode_idx" ON "instrument_result" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "my_life_plan_review_idx" ON "my_life_plan" USING btree ("review_on");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_agreement_version_key" ON "plan_agreement" USING btree ("person_id","version");--> statement-breakpoint
CREATE INDEX "support_episode_person_idx" ON "support_episode" USING btree ("person_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "support_episode_open_key" ON "support_episode" USING btree ("person_id","type") WHERE "support_episode"."status" <> 'ended';--> statement-breakpoint
ALTER TABLE "plan_agreement" ADD CONSTRAINT "plan_agreement_version_fk" FOREIGN KEY ("person_id", "version") REFERENCES "my_life_plan_version"("person_id", "version");
--> statement-breakpoint
-- Versions, scores, agreements, progress, contacts and episode history are the record of what was said
-- and done: a new row supersedes, none is changed or removed, and the database itself refuses.
CREATE FUNCTION care_record_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: add a new version instead', TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER assessment_version_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON assessment_version
FOR EACH STATEMENT EXECUTE FUNCTION care_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER instrument_result_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON instrument_result
FOR EACH STATEMENT EXECUTE FUNCTION care_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER my_life_plan_version_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON my_life_plan_version
FOR EACH STATEMENT EXECUTE FUNCTION care_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER plan_agreement_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON plan_agreement
FOR EACH STATEMENT EXECUTE FUNCTION care_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER goal_progress_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON goal_progress
FOR EACH STATEMENT EXECUTE FUNCTION care_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER episode_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON episode_event
FOR EACH STATEMENT EXECUTE FUNCTION care_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER care_contact_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON care_contact
FOR EACH STATEMENT EXECUTE FUNCTION care_record_refuse_change();