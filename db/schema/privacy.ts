import { bigserial, boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations } from "./organizations";
import { programs } from "./programs";

/** What a participant agrees to, one purpose at a time: research is required to take part, the rest are optional. */
export const CONSENT_PURPOSES = ["research", "quotes", "contact", "panels"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const consentPurposeEnum = pgEnum("consent_purpose", CONSENT_PURPOSES);

/**
 * Every version of a program's consent text for one purpose. A material version asks members again
 * before they next take part; a non-material one (a typo fixed) keeps earlier answers valid.
 */
export const programConsentTexts = pgTable(
  "program_consent_texts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    programId: uuid("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    purpose: consentPurposeEnum("purpose").notNull(),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    isMaterial: boolean("is_material").notNull().default(true),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("program_consent_texts_version_key").on(t.programId, t.purpose, t.version)],
);

/**
 * Each acceptance or refusal of one purpose's text, with the version read and when: append-only
 * history, the latest row per (program, person, purpose) being what holds now. Erasure deletes them.
 */
export const consentRecords = pgTable(
  "consent_records",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    programId: uuid("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    purpose: consentPurposeEnum("purpose").notNull(),
    version: integer("version").notNull(),
    granted: boolean("granted").notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (r) => [index("consent_records_latest_idx").on(r.programId, r.userId, r.purpose, r.id), index("consent_records_user_idx").on(r.userId)],
);
