import { sql } from "drizzle-orm";
import { boolean, check, date, doublePrecision, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations } from "./organizations";
import { programs } from "./programs";

export const kpiAggregationEnum = pgEnum("kpi_aggregation", ["mean", "top_box", "nps"]);
export const kpiPeriodEnum = pgEnum("kpi_period", ["monthly", "quarterly"]);
/** What a KPI counts: answers to item codes, or how many of those invited to a programme's rounds answered. */
export const kpiSourceEnum = pgEnum("kpi_source", ["items", "response_rate"]);
/**
 * A target as a value on the KPI's scale, as a change from the previous period's value, or (for a
 * KPI of one segment) as a distance from the whole organization's value in the same period.
 */
export const kpiTargetBasisEnum = pgEnum("kpi_target_basis", ["absolute", "previous_period", "organization"]);

/**
 * An empathy KPI over item codes, across every instrument of the organization that asks them:
 * each completed response scores the mean of its answers to those items, and the KPI is the mean
 * (rescaled 0–100), the top-box share or the NPS of those scores.
 */
export const kpiDefinitions = pgTable(
  "kpi_definitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    /** Stable within the organization, used in URLs; a built-in KPI's key names its translated title. */
    key: text("key").notNull(),
    name: text("name").notNull(),
    isBuiltIn: boolean("is_built_in").notNull().default(false),
    source: kpiSourceEnum("source").notNull().default("items"),
    /** A KPI of one segment (e.g. language = ru) counts only the answers of people who carried it. */
    segmentKey: text("segment_key"),
    segmentValue: text("segment_value"),
    /** A response-rate KPI's programme; null for every programme of the organization. */
    programId: uuid("program_id").references(() => programs.id, { onDelete: "cascade" }),
    /** A response rate is kept as a top-box share: answered (top box) of invited (n). */
    aggregation: kpiAggregationEnum("aggregation").notNull(),
    itemCodes: text("item_codes").array().notNull(),
    scaleMin: doublePrecision("scale_min").notNull(),
    scaleMax: doublePrecision("scale_max").notNull(),
    /** Scores at or above count as top box (NPS: promoters). */
    topBoxMin: doublePrecision("top_box_min"),
    /** Scores at or below count as bottom box (NPS: detractors). */
    bottomBoxMax: doublePrecision("bottom_box_max"),
    period: kpiPeriodEnum("period").notNull().default("quarterly"),
    ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    /** On the KPI's display scale (0–100, or −100…100 for NPS); for a relative basis, the change in points. */
    target: doublePrecision("target"),
    targetBasis: kpiTargetBasisEnum("target_basis").notNull().default("absolute"),
    incentiveWeight: doublePrecision("incentive_weight"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (d) => [
    uniqueIndex("kpi_definitions_org_key").on(d.organizationId, d.key),
    check("kpi_definitions_scale", sql`${d.scaleMax} > ${d.scaleMin}`),
    check("kpi_definitions_items", sql`${d.source} = 'response_rate' or cardinality(${d.itemCodes}) > 0`),
    check("kpi_definitions_segment", sql`(${d.segmentKey} is null) = (${d.segmentValue} is null) and (${d.segmentKey} is null or ${d.source} = 'items')`),
    check("kpi_definitions_organization_target", sql`${d.targetBasis} <> 'organization' or ${d.segmentKey} is not null`),
    check("kpi_definitions_response_rate", sql`${d.source} = 'items' or (${d.aggregation} = 'top_box' and cardinality(${d.itemCodes}) = 0)`),
  ],
);

/**
 * Running sums per KPI, month and segment value (segment '' = everyone), kept current in the
 * statement that stores a completed response. Each statement adds to one of a few shards so that
 * concurrent submissions do not queue on one hot row; readers add the shards up.
 */
export const kpiRollups = pgTable(
  "kpi_rollups",
  {
    kpiId: uuid("kpi_id").notNull().references(() => kpiDefinitions.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    month: date("month", { mode: "string" }).notNull(),
    segmentKey: text("segment_key").notNull(),
    segmentValue: text("segment_value").notNull(),
    shard: smallint("shard").notNull(),
    n: integer("n").notNull(),
    sum: doublePrecision("sum").notNull(),
    sumSquares: doublePrecision("sum_squares").notNull(),
    topBox: integer("top_box").notNull(),
    bottomBox: integer("bottom_box").notNull(),
  },
  (r) => [
    primaryKey({ columns: [r.kpiId, r.segmentKey, r.month, r.segmentValue, r.shard] }),
    index("kpi_rollups_org_idx").on(r.organizationId),
  ],
);
