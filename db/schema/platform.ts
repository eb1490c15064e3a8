import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, bigserial } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";
import { users } from "./auth";
import { apiKeys } from "./api";

/** Instance-wide settings shared by every app instance (e.g. a generated auth secret for the demo). */
export const instanceSettings = pgTable("instance_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Mail that had no SMTP server to go to: the dev mailbox reads it so nothing is silently dropped. */
export const devMailbox = pgTable(
  "dev_mailbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    // clock_timestamp, not now(): two mails written in one transaction still sort in order.
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (m) => [index("dev_mailbox_created_idx").on(m.createdAt)],
);

/** Append-only record of who did what to identifiable data and to access rights; never response contents. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Set when the action came through the public API: the key that made the request. */
    actorApiKeyId: uuid("actor_api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (a) => [index("audit_log_org_idx").on(a.organizationId, a.createdAt)],
);

/**
 * Counters of a fixed-window rate limit shared by every instance. The key names the rule and a
 * hash of what is limited (e.g. an email address): the address itself is never stored.
 */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull(),
  },
  (h) => [primaryKey({ columns: [h.key, h.windowStart] }), index("rate_limit_hits_window_idx").on(h.windowStart)],
);
