CREATE TYPE "public"."coding_source" AS ENUM('answer', 'live_post', 'field_report', 'interview');--> statement-breakpoint
CREATE TYPE "public"."insight_evidence_kind" AS ENUM('highlight', 'quote', 'kpi');--> statement-breakpoint
CREATE TYPE "public"."insight_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."sentiment" AS ENUM('positive', 'neutral', 'negative');--> statement-breakpoint
CREATE TYPE "public"."suggestion_status" AS ENUM('open', 'accepted', 'dismissed');--> statement-breakpoint
CREATE TABLE "coding_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"source" "coding_source" NOT NULL,
	"response_answer_id" bigint,
	"live_post_id" uuid,
	"field_report_id" uuid,
	"interview_note_id" uuid,
	"program_id" uuid,
	"speaker_user_id" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"said_at" timestamp with time zone NOT NULL,
	"language" text,
	"sentiment" "sentiment",
	"sentiment_score" real,
	"sentiment_status" "suggestion_status",
	"sentiment_decided_by_user_id" text,
	"key_phrases" text[] DEFAULT '{}'::text[] NOT NULL,
	"analyzed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coding_items_one_source" CHECK (num_nonnulls("coding_items"."response_answer_id", "coding_items"."live_post_id", "coding_items"."field_report_id", "coding_items"."interview_note_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "coding_reviews" (
	"item_id" uuid NOT NULL,
	"coder_user_id" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coding_reviews_item_id_coder_user_id_pk" PRIMARY KEY("item_id","coder_user_id")
);
--> statement-breakpoint
CREATE TABLE "coding_tags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"color" text DEFAULT '#64748b' NOT NULL,
	"theme_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coding_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "highlight_tags" (
	"highlight_id" uuid NOT NULL,
	"tag_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "highlight_tags_highlight_id_tag_id_pk" PRIMARY KEY("highlight_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "highlights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"coder_user_id" text,
	"start_offset" integer NOT NULL,
	"end_offset" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "highlights_range" CHECK ("highlights"."start_offset" >= 0 and "highlights"."end_offset" > "highlights"."start_offset")
);
--> statement-breakpoint
CREATE TABLE "insight_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"insight_id" uuid NOT NULL,
	"kind" "insight_evidence_kind" NOT NULL,
	"highlight_id" uuid,
	"item_id" uuid,
	"kpi" jsonb,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insight_evidence_shape" CHECK (("insight_evidence"."kind" = 'highlight' and "insight_evidence"."highlight_id" is not null and "insight_evidence"."item_id" is null and "insight_evidence"."kpi" is null)
        or ("insight_evidence"."kind" = 'quote' and "insight_evidence"."item_id" is not null and "insight_evidence"."highlight_id" is null and "insight_evidence"."kpi" is null)
        or ("insight_evidence"."kind" = 'kpi' and "insight_evidence"."kpi" is not null and "insight_evidence"."highlight_id" is null and "insight_evidence"."item_id" is null))
);
--> statement-breakpoint
CREATE TABLE "insights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"claim" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"status" "insight_status" DEFAULT 'draft' NOT NULL,
	"author_user_id" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid,
	"title" text NOT NULL,
	"participant_label" text NOT NULL,
	"participant_user_id" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"interviewed_on" date NOT NULL,
	"body" text NOT NULL,
	"source_format" text DEFAULT 'pasted' NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tag_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"tag_id" uuid NOT NULL,
	"score" real NOT NULL,
	"status" "suggestion_status" DEFAULT 'open' NOT NULL,
	"decided_by_user_id" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coding_items" ADD CONSTRAINT "coding_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_items" ADD CONSTRAINT "coding_items_response_answer_id_response_answers_id_fk" FOREIGN KEY ("response_answer_id") REFERENCES "public"."response_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_items" ADD CONSTRAINT "coding_items_live_post_id_live_posts_id_fk" FOREIGN KEY ("live_post_id") REFERENCES "public"."live_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_items" ADD CONSTRAINT "coding_items_field_report_id_field_reports_id_fk" FOREIGN KEY ("field_report_id") REFERENCES "public"."field_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_items" ADD CONSTRAINT "coding_items_interview_note_id_interview_notes_id_fk" FOREIGN KEY ("interview_note_id") REFERENCES "public"."interview_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_items" ADD CONSTRAINT "coding_items_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_items" ADD CONSTRAINT "coding_items_speaker_user_id_users_id_fk" FOREIGN KEY ("speaker_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_items" ADD CONSTRAINT "coding_items_sentiment_decided_by_user_id_users_id_fk" FOREIGN KEY ("sentiment_decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_reviews" ADD CONSTRAINT "coding_reviews_item_id_coding_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."coding_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_reviews" ADD CONSTRAINT "coding_reviews_coder_user_id_users_id_fk" FOREIGN KEY ("coder_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_reviews" ADD CONSTRAINT "coding_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_tags" ADD CONSTRAINT "coding_tags_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_tags" ADD CONSTRAINT "coding_tags_theme_id_coding_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."coding_themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_themes" ADD CONSTRAINT "coding_themes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "highlight_tags" ADD CONSTRAINT "highlight_tags_highlight_id_highlights_id_fk" FOREIGN KEY ("highlight_id") REFERENCES "public"."highlights"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "highlight_tags" ADD CONSTRAINT "highlight_tags_tag_id_coding_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."coding_tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "highlight_tags" ADD CONSTRAINT "highlight_tags_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "highlights" ADD CONSTRAINT "highlights_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "highlights" ADD CONSTRAINT "highlights_item_id_coding_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."coding_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "highlights" ADD CONSTRAINT "highlights_coder_user_id_users_id_fk" FOREIGN KEY ("coder_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_evidence" ADD CONSTRAINT "insight_evidence_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_evidence" ADD CONSTRAINT "insight_evidence_insight_id_insights_id_fk" FOREIGN KEY ("insight_id") REFERENCES "public"."insights"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_evidence" ADD CONSTRAINT "insight_evidence_highlight_id_highlights_id_fk" FOREIGN KEY ("highlight_id") REFERENCES "public"."highlights"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_evidence" ADD CONSTRAINT "insight_evidence_item_id_coding_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."coding_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights" ADD CONSTRAINT "insights_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights" ADD CONSTRAINT "insights_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_notes" ADD CONSTRAINT "interview_notes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_notes" ADD CONSTRAINT "interview_notes_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_notes" ADD CONSTRAINT "interview_notes_participant_user_id_users_id_fk" FOREIGN KEY ("participant_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_notes" ADD CONSTRAINT "interview_notes_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tag_suggestions" ADD CONSTRAINT "tag_suggestions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tag_suggestions" ADD CONSTRAINT "tag_suggestions_item_id_coding_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."coding_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tag_suggestions" ADD CONSTRAINT "tag_suggestions_tag_id_coding_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."coding_tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tag_suggestions" ADD CONSTRAINT "tag_suggestions_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coding_items_inbox_idx" ON "coding_items" USING btree ("organization_id","said_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "coding_items_answer_key" ON "coding_items" USING btree ("response_answer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coding_items_post_key" ON "coding_items" USING btree ("live_post_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coding_items_report_key" ON "coding_items" USING btree ("field_report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coding_items_note_key" ON "coding_items" USING btree ("interview_note_id");--> statement-breakpoint
CREATE INDEX "coding_items_pending_idx" ON "coding_items" USING btree ("organization_id") WHERE analyzed_at is null;--> statement-breakpoint
CREATE INDEX "coding_reviews_coder_idx" ON "coding_reviews" USING btree ("organization_id","coder_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coding_tags_name_key" ON "coding_tags" USING btree ("organization_id",lower("name"));--> statement-breakpoint
CREATE INDEX "coding_tags_theme_idx" ON "coding_tags" USING btree ("theme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coding_themes_name_key" ON "coding_themes" USING btree ("organization_id",lower("name"));--> statement-breakpoint
CREATE INDEX "highlight_tags_tag_idx" ON "highlight_tags" USING btree ("tag_id");--> statement-breakpoint
CREATE INDEX "highlights_item_idx" ON "highlights" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "highlights_org_idx" ON "highlights" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "insight_evidence_insight_idx" ON "insight_evidence" USING btree ("insight_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "insight_evidence_highlight_key" ON "insight_evidence" USING btree ("insight_id","highlight_id");--> statement-breakpoint
CREATE UNIQUE INDEX "insight_evidence_item_key" ON "insight_evidence" USING btree ("insight_id","item_id");--> statement-breakpoint
CREATE INDEX "insights_org_idx" ON "insights" USING btree ("organization_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "interview_notes_org_idx" ON "interview_notes" USING btree ("organization_id","interviewed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "tag_suggestions_item_tag_key" ON "tag_suggestions" USING btree ("item_id","tag_id");--> statement-breakpoint
CREATE INDEX "tag_suggestions_tag_idx" ON "tag_suggestions" USING btree ("tag_id");