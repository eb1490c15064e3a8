CREATE TYPE "public"."campaign_status" AS ENUM('idea', 'testing', 'decided', 'launched', 'reviewed');--> statement-breakpoint
CREATE TYPE "public"."decision_kind" AS ENUM('launch', 'revise', 'stop', 'other');--> statement-breakpoint
CREATE TABLE "campaign_concepts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"copy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"image_asset_id" uuid,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"markets" text[] DEFAULT '{}'::text[] NOT NULL,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "campaign_status" DEFAULT 'idea' NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sequence" bigserial NOT NULL,
	"organization_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" "decision_kind" NOT NULL,
	"rationale" text NOT NULL,
	"decided_by_user_id" text,
	"decided_by_name" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"corrects_decision_id" uuid,
	"evidence" jsonb NOT NULL,
	"expected_kpi_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "decisions_rationale" CHECK (length("decisions"."rationale") > 0)
);
--> statement-breakpoint
ALTER TABLE "campaign_concepts" ADD CONSTRAINT "campaign_concepts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_concepts" ADD CONSTRAINT "campaign_concepts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_concepts" ADD CONSTRAINT "campaign_concepts_image_asset_id_assets_id_fk" FOREIGN KEY ("image_asset_id") REFERENCES "public"."assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_corrects_decision_id_decisions_id_fk" FOREIGN KEY ("corrects_decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_concepts_campaign_idx" ON "campaign_concepts" USING btree ("campaign_id","position");--> statement-breakpoint
CREATE INDEX "campaigns_org_idx" ON "campaigns" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "decisions_campaign_idx" ON "decisions" USING btree ("campaign_id","sequence");--> statement-breakpoint
CREATE INDEX "decisions_org_idx" ON "decisions" USING btree ("organization_id","sequence");--> statement-breakpoint
-- The decision log is append-only: what was decided, why, by whom and when can never change. Only
-- the frozen evidence may be edited (erasure removes a person's quotes from it), and a row goes
-- only with its campaign or organization (a cascade, which runs from inside another trigger).
CREATE FUNCTION decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF pg_trigger_depth() > 1 THEN RETURN OLD; END IF;
    RAISE EXCEPTION 'decisions are append-only' USING ERRCODE = 'restrict_violation';
  END IF;
  IF (NEW.id, NEW.sequence, NEW.organization_id, NEW.campaign_id, NEW.kind, NEW.rationale, NEW.decided_by_name, NEW.decided_at, NEW.corrects_decision_id, NEW.expected_kpi_keys)
     IS DISTINCT FROM (OLD.id, OLD.sequence, OLD.organization_id, OLD.campaign_id, OLD.kind, OLD.rationale, OLD.decided_by_name, OLD.decided_at, OLD.corrects_decision_id, OLD.expected_kpi_keys) THEN
    RAISE EXCEPTION 'decisions are append-only' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON "decisions" FOR EACH ROW EXECUTE FUNCTION decisions_append_only();
