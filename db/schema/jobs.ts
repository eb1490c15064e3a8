import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

export const jobStatusEnum = pgEnum("job_status", ["pending", "done", "failed"]);

/**
 * The PostgreSQL-backed job queue (cycles, reminders, notifications). A job is claimed with
 * FOR UPDATE SKIP LOCKED and completed in the transaction that does its work, so two app
 * instances never run it twice; the dedupe key makes enqueueing idempotent.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    dedupeKey: text("dedupe_key").unique(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    runAt: timestamp("run_at", { withTimezone: true }).notNull(),
    status: jobStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    lastError: text("last_error"),
    lastRunAt: timestamp("last_run_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (j) => [index("jobs_due_idx").on(j.status, j.runAt), index("jobs_org_idx").on(j.organizationId, j.runAt)],
);
