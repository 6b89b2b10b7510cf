CREATE TABLE "person_source_identifier" (
	"system" text NOT NULL,
	"value" text NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "person_source_identifier_system_value_pk" PRIMARY KEY("system","value")
);
--> statement-breakpoint
ALTER TABLE "person_source_identifier" ADD CONSTRAINT "person_source_identifier_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_source_identifier_person_idx" ON "person_source_identifier" USING btree ("person_id");