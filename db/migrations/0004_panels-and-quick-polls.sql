CREATE TYPE "public"."quick_poll_close_reason" AS ENUM('deadline', 'quotas_met', 'manual');--> statement-breakpoint
CREATE TYPE "public"."quick_poll_status" AS ENUM('open', 'closed');--> statement-breakpoint
ALTER TYPE "public"."program_kind" ADD VALUE 'panel';--> statement-breakpoint
CREATE TABLE "panel_attributes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_sample_members" (
	"sample_id" uuid NOT NULL,
	"user_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quick_polls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"sample_id" uuid,
	"instrument_id" uuid NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"quotas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "quick_poll_status" DEFAULT 'open' NOT NULL,
	"close_reason" "quick_poll_close_reason",
	"created_by_user_id" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "quick_polls_instrument_id_unique" UNIQUE("instrument_id")
);
--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "panel_quotas" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "panel_attributes" ADD CONSTRAINT "panel_attributes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_sample_members" ADD CONSTRAINT "panel_sample_members_sample_id_panel_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."panel_samples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_sample_members" ADD CONSTRAINT "panel_sample_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_samples" ADD CONSTRAINT "panel_samples_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_samples" ADD CONSTRAINT "panel_samples_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_samples" ADD CONSTRAINT "panel_samples_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_polls" ADD CONSTRAINT "quick_polls_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_polls" ADD CONSTRAINT "quick_polls_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_polls" ADD CONSTRAINT "quick_polls_sample_id_panel_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."panel_samples"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_polls" ADD CONSTRAINT "quick_polls_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_polls" ADD CONSTRAINT "quick_polls_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "panel_attributes_org_key" ON "panel_attributes" USING btree ("organization_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "panel_sample_members_key" ON "panel_sample_members" USING btree ("sample_id","user_id");--> statement-breakpoint
CREATE INDEX "panel_samples_program_idx" ON "panel_samples" USING btree ("program_id","created_at");--> statement-breakpoint
CREATE INDEX "quick_polls_program_idx" ON "quick_polls" USING btree ("program_id","opened_at");