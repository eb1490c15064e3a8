import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigserial, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/lib/instruments/definition";
import type { DecisionEvidence } from "@/lib/decisions/evidence";
import { assets } from "./assets";
import { users } from "./auth";
import { organizations } from "./organizations";

export const campaignStatusEnum = pgEnum("campaign_status", ["idea", "testing", "decided", "launched", "reviewed"]);
export const decisionKindEnum = pgEnum("decision_kind", ["launch", "revise", "stop", "other"]);

/** A marketing campaign a brand wants to test with the people it is for before it runs. */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    markets: text("markets").array().notNull().default(sql`'{}'::text[]`),
    audiences: text("audiences").array().notNull().default(sql`'{}'::text[]`),
    status: campaignStatusEnum("status").notNull().default("idea"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (c) => [index("campaigns_org_idx").on(c.organizationId, c.createdAt)],
);

/** One creative idea of a campaign: copy in each language and/or an image. */
export const campaignConcepts = pgTable(
  "campaign_concepts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id").notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    copy: jsonb("copy").$type<LocalizedText>().notNull().default({}),
    imageAssetId: uuid("image_asset_id").references(() => assets.id, { onDelete: "set null" }),
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (c) => [index("campaign_concepts_campaign_idx").on(c.campaignId, c.position)],
);

/**
 * The decision log: append-only. Each entry freezes the evidence it cites as it was when the
 * decision was made; a correction is a new entry that names the one it corrects.
 */
export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The log's order: entries recorded in one instant still read in the order they were written. */
    sequence: bigserial("sequence", { mode: "number" }).notNull(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id").notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    kind: decisionKindEnum("kind").notNull(),
    rationale: text("rationale").notNull(),
    decidedByUserId: text("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Kept with the entry: the log must say who decided even after that account is gone. */
    decidedByName: text("decided_by_name").notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
    correctsDecisionId: uuid("corrects_decision_id").references((): AnyPgColumn => decisions.id),
    evidence: jsonb("evidence").$type<DecisionEvidence>().notNull(),
    /** KPIs the decision expects to move, followed in the periods after it. */
    expectedKpiKeys: text("expected_kpi_keys").array().notNull().default(sql`'{}'::text[]`),
  },
  (d) => [index("decisions_campaign_idx").on(d.campaignId, d.sequence), index("decisions_org_idx").on(d.organizationId, d.sequence), check("decisions_rationale", sql`length(${d.rationale}) > 0`)],
);
