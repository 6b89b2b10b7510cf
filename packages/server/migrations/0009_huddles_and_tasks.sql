CREATE TABLE "huddle_agenda_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"minutes" integer,
	"reasons" jsonb NOT NULL,
	"carried_count" integer DEFAULT 0 NOT NULL,
	"sbar" jsonb,
	"added_by" uuid,
	"reviewed" boolean DEFAULT false NOT NULL,
	"reviewed_at" timestamp (3) with time zone,
	"presenter_staff_id" uuid,
	"discuss_again_in_weeks" integer,
	"next_review_on" date
);
--> statement-breakpoint
CREATE TABLE "huddle_attendance" (
	"meeting_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"role" text NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "huddle_attendance_meeting_id_staff_id_pk" PRIMARY KEY("meeting_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "huddle_meeting" (
	"id" uuid PRIMARY KEY NOT NULL,
	"series_id" uuid NOT NULL,
	"meets_on" date NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"cancelled_reason" text,
	"agenda_built_at" timestamp (3) with time zone,
	"objections_withheld" integer DEFAULT 0 NOT NULL,
	"opened_at" timestamp (3) with time zone,
	"opened_by" uuid,
	"closed_at" timestamp (3) with time zone,
	"closed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "huddle_meeting_state_check" CHECK ("huddle_meeting"."state" IN ('scheduled', 'in_progress', 'closed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "huddle_note" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"person_id" uuid,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"written_by" uuid NOT NULL,
	"written_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "huddle_note_kind_check" CHECK ("huddle_note"."kind" IN ('note', 'decision', 'addendum'))
);
--> statement-breakpoint
CREATE TABLE "huddle_series" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"scope" text NOT NULL,
	"practice_id" uuid,
	"network_id" uuid NOT NULL,
	"weekday" text NOT NULL,
	"start_time" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place" text NOT NULL,
	"frequency" text NOT NULL,
	"first_meeting_on" date NOT NULL,
	"chair_staff_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "huddle_series_scope_check" CHECK (("huddle_series"."scope" = 'practice' AND "huddle_series"."practice_id" IS NOT NULL) OR ("huddle_series"."scope" = 'network' AND "huddle_series"."practice_id" IS NULL)),
	CONSTRAINT "huddle_series_frequency_check" CHECK ("huddle_series"."frequency" IN ('weekly', 'fortnightly'))
);
--> statement-breakpoint
CREATE TABLE "huddle_series_member" (
	"series_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	CONSTRAINT "huddle_series_member_series_id_staff_id_pk" PRIMARY KEY("series_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "task" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"detail" text,
	"person_id" uuid,
	"network_id" uuid NOT NULL,
	"meeting_id" uuid,
	"agenda_item_id" uuid,
	"owner_staff_id" uuid,
	"owner_role" text,
	"due_on" date NOT NULL,
	"first_due_on" date NOT NULL,
	"priority" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"cancelled_reason" text,
	"completed_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "task_owner_check" CHECK (("task"."owner_staff_id" IS NULL) <> ("task"."owner_role" IS NULL)),
	CONSTRAINT "task_state_check" CHECK ("task"."state" IN ('open', 'in_progress', 'done', 'cancelled')),
	CONSTRAINT "task_priority_check" CHECK ("task"."priority" IN ('low', 'normal', 'high', 'urgent'))
);
--> statement-breakpoint
CREATE TABLE "task_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"text" text,
	"staff_id" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_record" DROP CONSTRAINT "consent_record_kind_check";--> statement-breakpoint
DROP INDEX "audit_event_prev_hash_key";--> statement-breakpoint
DROP INDEX "audit_event_chain_position_key";--> statement-breakpoint
ALTER TABLE "case_finding_result" ADD COLUMN "first_found_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "huddle_agenda_item" ADD CONSTRAINT "huddle_agenda_item_meeting_id_huddle_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."huddle_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_agenda_item" ADD CONSTRAINT "huddle_agenda_item_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_agenda_item" ADD CONSTRAINT "huddle_agenda_item_added_by_staff_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_agenda_item" ADD CONSTRAINT "huddle_agenda_item_presenter_staff_id_staff_id_fk" FOREIGN KEY ("presenter_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_attendance" ADD CONSTRAINT "huddle_attendance_meeting_id_huddle_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."huddle_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_attendance" ADD CONSTRAINT "huddle_attendance_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_meeting" ADD CONSTRAINT "huddle_meeting_series_id_huddle_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."huddle_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_meeting" ADD CONSTRAINT "huddle_meeting_opened_by_staff_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_meeting" ADD CONSTRAINT "huddle_meeting_closed_by_staff_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_note" ADD CONSTRAINT "huddle_note_meeting_id_huddle_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."huddle_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_note" ADD CONSTRAINT "huddle_note_agenda_item_id_huddle_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."huddle_agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_note" ADD CONSTRAINT "huddle_note_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_note" ADD CONSTRAINT "huddle_note_written_by_staff_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_series" ADD CONSTRAINT "huddle_series_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_series" ADD CONSTRAINT "huddle_series_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_series" ADD CONSTRAINT "huddle_series_chair_staff_id_staff_id_fk" FOREIGN KEY ("chair_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_series" ADD CONSTRAINT "huddle_series_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_series_member" ADD CONSTRAINT "huddle_series_member_series_id_huddle_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."huddle_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_series_member" ADD CONSTRAINT "huddle_series_member_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_meeting_id_huddle_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."huddle_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_agenda_item_id_huddle_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."huddle_agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_owner_staff_id_staff_id_fk" FOREIGN KEY ("owner_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_event" ADD CONSTRAINT "task_event_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_event" ADD CONSTRAINT "task_event_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "huddle_agenda_item_person_key" ON "huddle_agenda_item" USING btree ("meeting_id","person_id");--> statement-breakpoint
CREATE INDEX "huddle_agenda_item_person_idx" ON "huddle_agenda_item" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "huddle_agenda_item_review_idx" ON "huddle_agenda_item" USING btree ("next_review_on") WHERE "huddle_agenda_item"."next_review_on" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "huddle_meeting_series_day_key" ON "huddle_meeting" USING btree ("series_id","meets_on");--> statement-breakpoint
CREATE INDEX "huddle_note_meeting_idx" ON "huddle_note" USING btree ("meeting_id","written_at");--> statement-breakpoint
CREATE INDEX "huddle_note_person_idx" ON "huddle_note" USING btree ("person_id","written_at");--> statement-breakpoint
CREATE INDEX "huddle_series_network_idx" ON "huddle_series" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "huddle_series_member_staff_idx" ON "huddle_series_member" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "task_owner_staff_idx" ON "task" USING btree ("owner_staff_id","state","due_on");--> statement-breakpoint
CREATE INDEX "task_owner_role_idx" ON "task" USING btree ("network_id","owner_role","state","due_on");--> statement-breakpoint
CREATE INDEX "task_person_idx" ON "task" USING btree ("person_id","state");--> statement-breakpoint
CREATE INDEX "task_meeting_idx" ON "task" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "task_event_task_idx" ON "task_event" USING btree ("task_id","at");--> statement-breakpoint
CREATE INDEX "case_finding_result_found_idx" ON "case_finding_result" USING btree ("first_found_at");--> statement-breakpoint
CREATE INDEX "encounter_hospital_start_idx" ON "encounter" USING btree ("start_date","person_id") WHERE "encounter"."class" IN ('inpatient', 'emergency');--> statement-breakpoint
CREATE INDEX "encounter_discharge_idx" ON "encounter" USING btree ("end_date","person_id") WHERE "encounter"."class" = 'inpatient';--> statement-breakpoint
CREATE UNIQUE INDEX "audit_event_prev_hash_key" ON "audit_event" USING btree ("prev_hash") WHERE "audit_event"."prev_hash" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_event_chain_position_key" ON "audit_event" USING btree ("chain_position") WHERE "audit_event"."chain_position" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_kind_check" CHECK ("consent_record"."kind" IN ('alliance_sharing', 'voluntary_sector_contact', 'national_data_opt_out', 'mdt_objection'));--> statement-breakpoint

-- A closed meeting is frozen: its agenda, attendance and notes cannot change, and the meeting
-- itself cannot be reopened or edited. The one thing still added is an addendum note, signed
-- (written_by) and dated (written_at). The huddles module checks first and answers 409; this
-- keeps the minutes as they were closed whatever writes to the database.
CREATE FUNCTION huddle_refuse_frozen() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  meetings uuid[];
BEGIN
  -- Each branch names only fields its table and operation have: PL/pgSQL resolves a record's
  -- fields when the statement runs, whatever the condition beside them.
  IF TG_TABLE_NAME = 'huddle_meeting' THEN
    IF OLD.state = 'closed' THEN
      RAISE EXCEPTION 'huddle meeting % is closed: its record is frozen', OLD.id
        USING ERRCODE = 'integrity_constraint_violation', HINT = 'Add an addendum instead.';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'huddle_note' AND TG_OP = 'INSERT' THEN
    IF NEW.kind = 'addendum' THEN
      RETURN NEW;
    END IF;
  END IF;
  IF TG_OP = 'INSERT' THEN
    meetings := ARRAY[NEW.meeting_id];
  ELSIF TG_OP = 'UPDATE' THEN
    meetings := ARRAY[OLD.meeting_id, NEW.meeting_id];
  ELSE
    meetings := ARRAY[OLD.meeting_id];
  END IF;
  IF EXISTS (SELECT 1 FROM huddle_meeting m WHERE m.id = ANY (meetings) AND m.state = 'closed') THEN
    RAISE EXCEPTION 'huddle meeting is closed: its record is frozen'
      USING ERRCODE = 'integrity_constraint_violation', HINT = 'Add an addendum instead.';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER huddle_meeting_frozen BEFORE UPDATE ON huddle_meeting
FOR EACH ROW EXECUTE FUNCTION huddle_refuse_frozen();
--> statement-breakpoint
CREATE TRIGGER huddle_agenda_item_frozen BEFORE INSERT OR UPDATE OR DELETE ON huddle_agenda_item
FOR EACH ROW EXECUTE FUNCTION huddle_refuse_frozen();
--> statement-breakpoint
CREATE TRIGGER huddle_note_frozen BEFORE INSERT OR UPDATE OR DELETE ON huddle_note
FOR EACH ROW EXECUTE FUNCTION huddle_refuse_frozen();
--> statement-breakpoint
CREATE TRIGGER huddle_attendance_frozen BEFORE INSERT OR UPDATE OR DELETE ON huddle_attendance
FOR EACH ROW EXECUTE FUNCTION huddle_refuse_frozen();
