import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigserial, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/lib/instruments/definition";
import type { DecisionEvidence } from "@/lib/decisions/evidence";
import { assets } from "./assets";
import { instruments } from "./instruments";
import { panelSamples, programs } from "./programs";
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

export const resonanceTestStatusEnum = pgEnum("resonance_test_status", ["open", "closed"]);

/** A concept as a resonance test showed it: its question-id prefix in the instrument and its title then. */
export interface ResonanceTestConcept {
  conceptId: string;
  prefix: string;
  title: string;
}

/**
 * A resonance test: a campaign's concepts sent to a panel (or one of its samples) as one instrument
 * with the standard reaction items per concept, open until its deadline.
 */
export const resonanceTests = pgTable(
  "resonance_tests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id").notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    programId: uuid("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    sampleId: uuid("sample_id").references(() => panelSamples.id, { onDelete: "set null" }),
    instrumentId: uuid("instrument_id").notNull().unique().references(() => instruments.id, { onDelete: "cascade" }),
    concepts: jsonb("concepts").$type<ResonanceTestConcept[]>().notNull(),
    /** A segment whose "feels respectful" score (0–100) falls below this is flagged. */
    respectfulThreshold: integer("respectful_threshold").notNull().default(60),
    status: resonanceTestStatusEnum("status").notNull().default("open"),
    invited: integer("invited").notNull().default(0),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Completed responses, counted when the test closed (null while open). */
    responded: integer("responded"),
  },
  (r) => [index("resonance_tests_campaign_idx").on(r.campaignId, r.openedAt), check("resonance_tests_threshold", sql`${r.respectfulThreshold} between 0 and 100`)],
);
