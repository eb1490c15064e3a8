ALTER TABLE "response_answers" ADD COLUMN "scaled_value" double precision;--> statement-breakpoint
-- Answers stored before: their place on their own question's scale, from the version they answered.
UPDATE "response_answers" ra SET "scaled_value" = CASE q->>'type'
    WHEN 'likert' THEN (ra.numeric_value - 1) / nullif((q->>'points')::float8 - 1, 0)
    WHEN 'matrix' THEN (ra.numeric_value - 1) / nullif((q->>'points')::float8 - 1, 0)
    WHEN 'rating' THEN (ra.numeric_value - 1) / nullif((q->>'max')::float8 - 1, 0)
    WHEN 'scale' THEN (ra.numeric_value - (q->>'min')::float8) / nullif((q->>'max')::float8 - (q->>'min')::float8, 0)
  END
FROM "responses" r
JOIN "instrument_versions" iv ON iv.id = r.instrument_version_id
CROSS JOIN LATERAL jsonb_array_elements(iv.definition->'questions') AS q
WHERE r.id = ra.response_id AND q->>'id' = ra.question_id AND ra.numeric_value IS NOT NULL;
--> statement-breakpoint
-- KPI rollups recounted from those places, so an item asked on another scale keeps its meaning.
DELETE FROM "kpi_rollups";
--> statement-breakpoint
INSERT INTO "kpi_rollups" ("kpi_id", "organization_id", "month", "segment_key", "segment_value", "shard", "n", "sum", "sum_squares", "top_box", "bottom_box")
SELECT scored.kpi_id, scored.organization_id, scored.month, segment.key, segment.value, 0, count(*)::int, sum(scored.score), sum(scored.score * scored.score),
  (count(*) FILTER (WHERE scored.score >= scored.top_box_min - 1e-9))::int, (count(*) FILTER (WHERE scored.score <= scored.bottom_box_max + 1e-9))::int
FROM (
  SELECT d.id AS kpi_id, d.organization_id, d.top_box_min, d.bottom_box_max, ra.response_id,
    date_trunc('month', ra.submitted_at AT TIME ZONE 'UTC')::date AS month, r.attributes, avg(d.scale_min + ra.scaled_value * (d.scale_max - d.scale_min)) AS score
  FROM "response_answers" ra
  JOIN "responses" r ON r.id = ra.response_id AND r.status = 'completed'
  JOIN "kpi_definitions" d ON d.organization_id = ra.organization_id AND ra.item_code = ANY(d.item_codes)
  WHERE ra.scaled_value IS NOT NULL
  GROUP BY d.id, d.organization_id, d.top_box_min, d.bottom_box_max, ra.response_id, month, r.attributes
) AS scored
CROSS JOIN LATERAL (SELECT ''::text AS key, ''::text AS value UNION ALL SELECT key, value FROM jsonb_each_text(scored.attributes) WHERE value IS NOT NULL) AS segment
GROUP BY scored.kpi_id, scored.organization_id, scored.month, segment.key, segment.value;
