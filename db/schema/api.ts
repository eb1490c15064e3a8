import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations } from "./organizations";

/**
 * A key for the public API, per organization. Only a SHA-256 digest of the secret is kept: the key
 * is shown once, when it is created. Keys are revoked, never deleted, so audit entries keep their actor.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The key's first characters, shown in lists so that people can tell their keys apart. */
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    /** "family:read" or "family:write" (write implies read), see lib/api-keys/scopes.ts. */
    scopes: text("scopes").array().notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (k) => [uniqueIndex("api_keys_secret_hash_key").on(k.secretHash), index("api_keys_org_idx").on(k.organizationId, k.createdAt)],
);

/** An HTTPS endpoint an admin registered to receive signed events (Standard Webhooks). */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    /** Event types it receives, e.g. "response.created" (lib/webhooks/events.ts). */
    events: text("events").array().notNull(),
    /** The signing secret, "whsec_" + base64; receivers need it to verify, so it is kept whole. */
    secret: text("secret").notNull(),
    isEnabled: boolean("is_enabled").notNull().default(true),
    /** Deliveries that failed in a row; reaching the limit disables the endpoint and mails its admin. */
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    disabledReason: text("disabled_reason"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (w) => [index("webhook_endpoints_org_idx").on(w.organizationId)],
);

export const webhookDeliveryStatusEnum = pgEnum("webhook_delivery_status", ["pending", "succeeded", "failed"]);

/**
 * One event for one endpoint (a Standard Webhooks message: its id is the webhook-id header). The
 * payload is thin (ids and times, never answers or names), so the log holds nothing to erase.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    endpointId: uuid("endpoint_id").notNull().references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastResponseStatus: integer("last_response_status"),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (d) => [index("webhook_deliveries_endpoint_idx").on(d.endpointId, d.createdAt), index("webhook_deliveries_org_idx").on(d.organizationId, d.createdAt)],
);

/** Every attempt to deliver a message, for the delivery log. */
export const webhookDeliveryAttempts = pgTable(
  "webhook_delivery_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deliveryId: uuid("delivery_id").notNull().references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
    /** The receiver's HTTP status; null when no answer came (refused, timed out). */
    responseStatus: integer("response_status"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    /** True when a person asked for this attempt (redelivery) rather than the schedule. */
    isManual: boolean("is_manual").notNull().default(false),
  },
  (a) => [index("webhook_delivery_attempts_delivery_idx").on(a.deliveryId, a.attemptedAt)],
);
