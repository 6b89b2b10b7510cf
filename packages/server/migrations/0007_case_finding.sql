CREATE TABLE "case_finding_result" (
	"rule_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"rule_version" integer NOT NULL,
	"as_of" date NOT NULL,
	"score" integer NOT NULL,
	"reasons" text NOT NULL,
	"computed_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "case_finding_result_rule_id_person_id_pk" PRIMARY KEY("rule_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "referral_rule" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"network_id" uuid,
	"current_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_rule_version" (
	"rule_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "referral_rule_version_rule_id_version_pk" PRIMARY KEY("rule_id","version")
);
--> statement-breakpoint
ALTER TABLE "case_finding_result" ADD CONSTRAINT "case_finding_result_rule_id_referral_rule_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."referral_rule"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_finding_result" ADD CONSTRAINT "case_finding_result_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_rule" ADD CONSTRAINT "referral_rule_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_rule_version" ADD CONSTRAINT "referral_rule_version_rule_id_referral_rule_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."referral_rule"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_rule_version" ADD CONSTRAINT "referral_rule_version_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_finding_result_rank_idx" ON "case_finding_result" USING btree ("rule_id","score");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_rule_name_key" ON "referral_rule" USING btree ("name");