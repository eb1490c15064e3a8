CREATE TYPE "public"."erasure_policy" AS ENUM('keep_anonymous', 'delete');--> statement-breakpoint
CREATE TYPE "public"."consent_purpose" AS ENUM('research', 'quotes', 'contact', 'panels');--> statement-breakpoint
CREATE TABLE "consent_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"purpose" "consent_purpose" NOT NULL,
	"version" integer NOT NULL,
	"granted" boolean NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_consent_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"purpose" "consent_purpose" NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"is_material" boolean DEFAULT true NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "erasure_policy" "erasure_policy" DEFAULT 'keep_anonymous' NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "anonymized_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "data_use_promises" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "retention_months" integer;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_consent_texts" ADD CONSTRAINT "program_consent_texts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_consent_texts" ADD CONSTRAINT "program_consent_texts_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_consent_texts" ADD CONSTRAINT "program_consent_texts_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_records_latest_idx" ON "consent_records" USING btree ("program_id","user_id","purpose","id");--> statement-breakpoint
CREATE INDEX "consent_records_user_idx" ON "consent_records" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "program_consent_texts_version_key" ON "program_consent_texts" USING btree ("program_id","purpose","version");--> statement-breakpoint
-- Each council's and panel's consent text so far becomes version 1 of its research purpose, and the
-- members who accepted it are recorded as having done so. No other purpose is assumed: quotes,
-- contact and panel invitations wait for the member's own answer. (The kind is compared as text: a
-- fresh server database applies every migration in one transaction, and 'panel' was added to the
-- enum earlier in it, which PostgreSQL does not let a statement use before it commits.)
INSERT INTO "program_consent_texts" ("organization_id", "program_id", "purpose", "version", "body", "is_material", "created_by_user_id", "created_at")
SELECT "organization_id", "id", 'research', 1, "consent_text", true, "created_by_user_id", "created_at" FROM "programs" WHERE "kind"::text IN ('council', 'panel');
--> statement-breakpoint
INSERT INTO "consent_records" ("organization_id", "program_id", "user_id", "purpose", "version", "granted", "decided_at")
SELECT "organization_id", "program_id", "user_id", 'research', 1, true, "consented_at" FROM "program_members" WHERE "consented_at" IS NOT NULL ORDER BY "consented_at";
--> statement-breakpoint
-- The audit log is append-only. A row changes only through a foreign key's cascade (an account or
-- organization deleted: the cascade runs from inside another trigger) or through erasure, which
-- takes a person's identifiers out of entries and says so for its own transaction.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() > 1 OR current_setting('attune.erasure', true) = 'on' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
