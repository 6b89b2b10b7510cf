CREATE TABLE "referral_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"staff_id" uuid,
	"at" timestamp (3) with time zone NOT NULL,
	"note" text,
	"version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "source" text DEFAULT 'case_finding' NOT NULL;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "case_finding_reasons" text;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "referred_by" uuid;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "referred_by_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "first_contact_due" date;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "first_contact_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "outcome_note" text;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referral"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "referral_event_version_key" ON "referral_event" USING btree ("referral_id","version");--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_referred_by_staff_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_referred_by_organisation_id_organisation_id_fk" FOREIGN KEY ("referred_by_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "referral_open_key" ON "referral" USING btree ("person_id","network_id") WHERE status IN ('received', 'triaged', 'accepted', 'active');--> statement-breakpoint
CREATE INDEX "referral_inbox_idx" ON "referral" USING btree ("network_id","status","created_at");--> statement-breakpoint
CREATE INDEX "referral_referred_by_idx" ON "referral" USING btree ("referred_by","created_at");