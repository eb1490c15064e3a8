CREATE TYPE "public"."kpi_source" AS ENUM('items', 'response_rate');--> statement-breakpoint
CREATE TYPE "public"."kpi_target_basis" AS ENUM('absolute', 'previous_period', 'organization');--> statement-breakpoint
ALTER TABLE "kpi_definitions" DROP CONSTRAINT "kpi_definitions_items";--> statement-breakpoint
ALTER TABLE "kpi_definitions" ADD COLUMN "source" "kpi_source" DEFAULT 'items' NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_definitions" ADD COLUMN "segment_key" text;--> statement-breakpoint
ALTER TABLE "kpi_definitions" ADD COLUMN "segment_value" text;--> statement-breakpoint
ALTER TABLE "kpi_definitions" ADD COLUMN "program_id" uuid;--> statement-breakpoint
ALTER TABLE "kpi_definitions" ADD COLUMN "target_basis" "kpi_target_basis" DEFAULT 'absolute' NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_definitions" ADD CONSTRAINT "kpi_definitions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_definitions" ADD CONSTRAINT "kpi_definitions_segment" CHECK (("kpi_definitions"."segment_key" is null) = ("kpi_definitions"."segment_value" is null) and ("kpi_definitions"."segment_key" is null or "kpi_definitions"."source" = 'items'));--> statement-breakpoint
ALTER TABLE "kpi_definitions" ADD CONSTRAINT "kpi_definitions_organization_target" CHECK ("kpi_definitions"."target_basis" <> 'organization' or "kpi_definitions"."segment_key" is not null);--> statement-breakpoint
ALTER TABLE "kpi_definitions" ADD CONSTRAINT "kpi_definitions_response_rate" CHECK ("kpi_definitions"."source" = 'items' or ("kpi_definitions"."aggregation" = 'top_box' and cardinality("kpi_definitions"."item_codes") = 0));--> statement-breakpoint
ALTER TABLE "kpi_definitions" ADD CONSTRAINT "kpi_definitions_items" CHECK ("kpi_definitions"."source" = 'response_rate' or cardinality("kpi_definitions"."item_codes") > 0);