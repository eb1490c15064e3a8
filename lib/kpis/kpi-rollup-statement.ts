import "server-only";
import { sql, type SQL } from "drizzle-orm";

/** How many rows each KPI, month and segment is spread over; see `kpiRollups`. */
export const ROLLUP_SHARDS = 8;

/**
 * Adds completed responses to the KPI rollups. `answers` is a query yielding
 * (response_id, organization_id, item_code, scaled_value, submitted_at, attributes), one row per
 * scale answer; each response scores the mean of its answers to a KPI's items, each placed on the
 * KPI's scale from its place on its own question's scale (a 5-point item on a 7-point KPI keeps
 * its meaning), and is counted
 * once for everyone and once per attribute it carried when it answered. `kpiFilter` limits which
 * definitions are fed (a rebuild of one KPI).
 */
export function addToRollupsStatement(answers: SQL, { shard, kpiFilter = sql`true` }: { shard: number; kpiFilter?: SQL }): SQL {
  return sql`insert into kpi_rollups (kpi_id, organization_id, month, segment_key, segment_value, shard, n, sum, sum_squares, top_box, bottom_box)
    select scored.kpi_id, scored.organization_id, scored.month, segment.key, segment.value, ${shard}::smallint,
      count(*)::int, sum(scored.score), sum(scored.score * scored.score),
      -- Scores come back from a 0–1 place on the scale, so a 9 may be 8.999999999999998: compare with a tolerance.
      (count(*) filter (where scored.score >= scored.top_box_min - 1e-9))::int, (count(*) filter (where scored.score <= scored.bottom_box_max + 1e-9))::int
    from (
      select d.id as kpi_id, d.organization_id, d.top_box_min, d.bottom_box_max, a.response_id,
        date_trunc('month', a.submitted_at at time zone 'UTC')::date as month, a.attributes, avg(d.scale_min + a.scaled_value * (d.scale_max - d.scale_min)) as score
      from (${answers}) as a
      join kpi_definitions d on d.organization_id = a.organization_id and a.item_code = any(d.item_codes)
      where a.scaled_value is not null and ${kpiFilter}
      group by d.id, d.organization_id, d.top_box_min, d.bottom_box_max, a.response_id, month, a.attributes
    ) as scored
    cross join lateral (select ''::text as key, ''::text as value union all select key, value from jsonb_each_text(scored.attributes) where value is not null) as segment
    group by scored.kpi_id, scored.organization_id, scored.month, segment.key, segment.value
    -- Rows are locked in key order, so two submissions sharing rows can never deadlock.
    order by scored.kpi_id, segment.key, scored.month, segment.value
    on conflict (kpi_id, segment_key, month, segment_value, shard) do update set
      n = kpi_rollups.n + excluded.n, sum = kpi_rollups.sum + excluded.sum, sum_squares = kpi_rollups.sum_squares + excluded.sum_squares,
      top_box = kpi_rollups.top_box + excluded.top_box, bottom_box = kpi_rollups.bottom_box + excluded.bottom_box`;
}

/** The stored answers of completed responses, as `addToRollupsStatement` reads them. */
export function storedAnswers(where: SQL): SQL {
  return sql`select ra.response_id, ra.organization_id, ra.item_code, ra.scaled_value, ra.submitted_at, r.attributes
    from response_answers ra join responses r on r.id = ra.response_id and r.status = 'completed'
    where ra.item_code is not null and ${where}`;
}

export const randomShard = () => Math.floor(Math.random() * ROLLUP_SHARDS);
