CREATE TYPE "public"."kpi_aggregation" AS ENUM('mean', 'top_box', 'nps');--> statement-breakpoint
CREATE TYPE "public"."kpi_period" AS ENUM('monthly', 'quarterly');--> statement-breakpoint
CREATE TABLE "kpi_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"is_built_in" boolean DEFAULT false NOT NULL,
	"aggregation" "kpi_aggregation" NOT NULL,
	"item_codes" text[] NOT NULL,
	"scale_min" double precision NOT NULL,
	"scale_max" double precision NOT NULL,
	"top_box_min" double precision,
	"bottom_box_max" double precision,
	"period" "kpi_period" DEFAULT 'quarterly' NOT NULL,
	"owner_user_id" text,
	"target" double precision,
	"incentive_weight" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_definitions_scale" CHECK ("kpi_definitions"."scale_max" > "kpi_definitions"."scale_min"),
	CONSTRAINT "kpi_definitions_items" CHECK (cardinality("kpi_definitions"."item_codes") > 0)
);
--> statement-breakpoint
CREATE TABLE "kpi_rollups" (
	"kpi_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"month" date NOT NULL,
	"segment_key" text NOT NULL,
	"segment_value" text NOT NULL,
	"shard" smallint NOT NULL,
	"n" integer NOT NULL,
	"sum" double precision NOT NULL,
	"sum_squares" double precision NOT NULL,
	"top_box" integer NOT NULL,
	"bottom_box" integer NOT NULL,
	CONSTRAINT "kpi_rollups_kpi_id_segment_key_month_segment_value_shard_pk" PRIMARY KEY("kpi_id","segment_key","month","segment_value","shard")
);
--> statement-breakpoint
ALTER TABLE "kpi_definitions" ADD CONSTRAINT "kpi_definitions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_definitions" ADD CONSTRAINT "kpi_definitions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_rollups" ADD CONSTRAINT "kpi_rollups_kpi_id_kpi_definitions_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi_definitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_rollups" ADD CONSTRAINT "kpi_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_definitions_org_key" ON "kpi_definitions" USING btree ("organization_id","key");--> statement-breakpoint
CREATE INDEX "kpi_rollups_org_idx" ON "kpi_rollups" USING btree ("organization_id");--> statement-breakpoint
-- Organizations that existed before KPIs get the built-in ones (as in lib/kpis/built-in-kpis.ts at this version) with their past answers counted.
INSERT INTO "kpi_definitions" ("organization_id", "key", "name", "is_built_in", "aggregation", "item_codes", "scale_min", "scale_max", "top_box_min", "bottom_box_max", "period")
SELECT o.id, k.key, k.name, true, k.aggregation::kpi_aggregation, k.item_codes, k.scale_min, k.scale_max, k.top_box_min, k.bottom_box_max, k.period::kpi_period
FROM "organizations" o CROSS JOIN (VALUES
  ('empathy-index', 'Empathy Index', 'mean', ARRAY['SERVQUAL_EMP_1','SERVQUAL_EMP_2','SERVQUAL_EMP_3','SERVQUAL_EMP_4','SERVQUAL_EMP_5'], 1::float8, 7::float8, 6::float8, 2::float8, 'quarterly'),
  ('council-nps', 'Council NPS', 'nps', ARRAY['NPS'], 0, 10, 9, 6, 'quarterly'),
  ('csat-top-box', 'CSAT top box', 'top_box', ARRAY['CSAT'], 1, 5, 4, 2, 'quarterly'),
  ('frontline-pulse', 'Frontline Pulse', 'mean', ARRAY['FRONTLINE_EMPATHY'], 1, 5, 4, 2, 'monthly')
) AS k(key, name, aggregation, item_codes, scale_min, scale_max, top_box_min, bottom_box_max, period)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "kpi_rollups" ("kpi_id", "organization_id", "month", "segment_key", "segment_value", "shard", "n", "sum", "sum_squares", "top_box", "bottom_box")
SELECT scored.kpi_id, scored.organization_id, scored.month, segment.key, segment.value, 0, count(*)::int, sum(scored.score), sum(scored.score * scored.score),
  (count(*) FILTER (WHERE scored.score >= scored.top_box_min))::int, (count(*) FILTER (WHERE scored.score <= scored.bottom_box_max))::int
FROM (
  SELECT d.id AS kpi_id, d.organization_id, d.top_box_min, d.bottom_box_max, ra.response_id,
    date_trunc('month', ra.submitted_at AT TIME ZONE 'UTC')::date AS month, r.attributes, avg(ra.numeric_value) AS score
  FROM "response_answers" ra
  JOIN "responses" r ON r.id = ra.response_id AND r.status = 'completed'
  JOIN "kpi_definitions" d ON d.organization_id = ra.organization_id AND ra.item_code = ANY(d.item_codes)
  WHERE ra.numeric_value IS NOT NULL
  GROUP BY d.id, d.organization_id, d.top_box_min, d.bottom_box_max, ra.response_id, month, r.attributes
) AS scored
CROSS JOIN LATERAL (SELECT ''::text AS key, ''::text AS value UNION ALL SELECT key, value FROM jsonb_each_text(scored.attributes) WHERE value IS NOT NULL) AS segment
GROUP BY scored.kpi_id, scored.organization_id, scored.month, segment.key, segment.value;
