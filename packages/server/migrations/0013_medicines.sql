CREATE TABLE "medication" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"code_system" text NOT NULL,
	"code" text NOT NULL,
	"display" text,
	"dosage" text,
	"status" text NOT NULL,
	"start_date" date,
	"end_date" date,
	"source_system" text NOT NULL,
	"source_id" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "medication" ADD CONSTRAINT "medication_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "medication_source_key" ON "medication" USING btree ("source_system","source_id");--> statement-breakpoint
CREATE INDEX "medication_person_idx" ON "medication" USING btree ("person_id");