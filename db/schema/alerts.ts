import { bigserial, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { kpiDefinitions } from "./kpis";
import { organizations } from "./organizations";

export const alertKindEnum = pgEnum("alert_kind", ["below_target", "significant_drop", "divergence", "urgent_spike"]);
export const alertStatusEnum = pgEnum("alert_status", ["open", "in_progress", "resolved", "dismissed"]);

/** What raised an alert, kept as it was then: the KPI's value, the diverging segment, the count of urgent reports. */
export type AlertFacts =
  | { kind: "below_target" | "significant_drop"; kpiKey: string; kpiName: string; isBuiltIn: boolean; aggregation: "mean" | "top_box" | "nps"; period: "monthly" | "quarterly"; periodStart: string; value: number; lower: number | null; upper: number | null; n: number; target: number | null; previous: number | null }
  | { kind: "divergence"; testId: string; campaignId: string; campaignName: string; conceptTitle: string; attribute: string; value: string; reasons: string[] }
  | { kind: "urgent_spike"; count: number; threshold: number; since: string };

/** A rule that raises an alert with an action item for its owner: per KPI, for divergent segments, or for urgent frontline reports. */
export const alertRules = pgTable(
  "alert_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    kind: alertKindEnum("kind").notNull(),
    kpiId: uuid("kpi_id").references(() => kpiDefinitions.id, { onDelete: "cascade" }),
    /** Urgent reports within a day that make a spike. */
    threshold: integer("threshold"),
    ownerUserId: text("owner_user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    dueDays: integer("due_days").notNull().default(7),
    isActive: boolean("is_active").notNull().default(true),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (r) => [index("alert_rules_org_idx").on(r.organizationId)],
);

/** An alert and its action item: who acts, by when, and how far it got. Alerts are never deleted. */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    ruleId: uuid("rule_id").notNull().references(() => alertRules.id, { onDelete: "cascade" }),
    /** One alert per rule and occasion (a KPI period, a test's segment, a day). */
    occasion: text("occasion").notNull(),
    facts: jsonb("facts").$type<AlertFacts>().notNull(),
    ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    dueOn: date("due_on").notNull(),
    status: alertStatusEnum("status").notNull().default("open"),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (a) => [uniqueIndex("alerts_rule_occasion").on(a.ruleId, a.occasion), index("alerts_org_idx").on(a.organizationId, a.status, a.raisedAt)],
);

/** The history of an alert's action item: every change of status, with who made it and why. */
export const alertUpdates = pgTable(
  "alert_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    alertId: uuid("alert_id").notNull().references(() => alerts.id, { onDelete: "cascade" }),
    status: alertStatusEnum("status").notNull(),
    note: text("note").notNull().default(""),
    byUserId: text("by_user_id").references(() => users.id, { onDelete: "set null" }),
    byName: text("by_name").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (u) => [index("alert_updates_alert_idx").on(u.alertId, u.id)],
);
