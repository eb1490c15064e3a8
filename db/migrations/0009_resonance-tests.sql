CREATE TYPE "public"."resonance_test_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TABLE "resonance_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"sample_id" uuid,
	"instrument_id" uuid NOT NULL,
	"concepts" jsonb NOT NULL,
	"respectful_threshold" integer DEFAULT 60 NOT NULL,
	"status" "resonance_test_status" DEFAULT 'open' NOT NULL,
	"invited" integer DEFAULT 0 NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"created_by_user_id" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "resonance_tests_instrument_id_unique" UNIQUE("instrument_id"),
	CONSTRAINT "resonance_tests_threshold" CHECK ("resonance_tests"."respectful_threshold" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "resonance_tests" ADD CONSTRAINT "resonance_tests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resonance_tests" ADD CONSTRAINT "resonance_tests_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resonance_tests" ADD CONSTRAINT "resonance_tests_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resonance_tests" ADD CONSTRAINT "resonance_tests_sample_id_panel_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."panel_samples"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resonance_tests" ADD CONSTRAINT "resonance_tests_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resonance_tests" ADD CONSTRAINT "resonance_tests_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resonance_tests_campaign_idx" ON "resonance_tests" USING btree ("campaign_id","opened_at");--> statement-breakpoint
-- Existing organizations get the built-in Campaign Resonance KPI (as in lib/kpis/built-in-kpis.ts at this version); no answer carried its item codes before.
INSERT INTO "kpi_definitions" ("organization_id", "key", "name", "is_built_in", "aggregation", "item_codes", "scale_min", "scale_max", "top_box_min", "bottom_box_max", "period")
SELECT o.id, 'campaign-resonance', 'Campaign Resonance', true, 'mean'::kpi_aggregation, ARRAY['RES_APPEAL','RES_RELEVANCE','RES_TRUST','RES_RESPECTFUL','RES_INTENT'], 1, 5, 4, 2, 'monthly'::kpi_period
FROM "organizations" o
ON CONFLICT DO NOTHING;
