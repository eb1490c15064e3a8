import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { alertRules, alertUpdates, alerts, kpiDefinitions, users } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";

const OPEN_STATUSES = ["open", "in_progress"] as const;

/** The organization's alerts, open ones first then the newest, each with its action item's history. */
export async function listAlerts(db: Db, actor: Actor | null, org: OrgRef, { limit = 100 } = {}) {
  const { organization } = await requirePermission(db, actor, org, "dashboard.view");
  const rows = await db
    .select({ id: alerts.id, facts: alerts.facts, status: alerts.status, dueOn: alerts.dueOn, raisedAt: alerts.raisedAt, ownerName: users.name, ownerEmail: users.email })
    .from(alerts)
    .leftJoin(users, eq(users.id, alerts.ownerUserId))
    .where(eq(alerts.organizationId, organization.id))
    .orderBy(sql`${alerts.status} in ('open', 'in_progress') desc`, desc(alerts.raisedAt))
    .limit(limit);
  const history = rows.length === 0 ? [] : await db.select().from(alertUpdates).where(inArray(alertUpdates.alertId, rows.map((row) => row.id))).orderBy(asc(alertUpdates.id));
  return rows.map((row) => ({ ...row, ownerName: row.ownerName ?? row.ownerEmail, history: history.filter((update) => update.alertId === row.id) }));
}

/** How many alerts wait for action, and the first few, for the leaders' home. */
export async function openAlertsSummary(db: Db, actor: Actor | null, org: OrgRef) {
  const { organization } = await requirePermission(db, actor, org, "dashboard.view");
  const where = and(eq(alerts.organizationId, organization.id), inArray(alerts.status, [...OPEN_STATUSES]));
  const [[{ count }], latest] = await Promise.all([
    db.select({ count: sql<number>`count(*)::int` }).from(alerts).where(where),
    db.select({ id: alerts.id, facts: alerts.facts, dueOn: alerts.dueOn }).from(alerts).where(where).orderBy(desc(alerts.raisedAt)).limit(3),
  ]);
  return { count: Number(count), latest };
}

/** The organization's alert rules with their KPI and owner. */
export async function listAlertRules(db: Db, actor: Actor | null, org: OrgRef) {
  const { organization } = await requirePermission(db, actor, org, "dashboard.view");
  const owner = alias(users, "owner");
  return db
    .select({ id: alertRules.id, kind: alertRules.kind, threshold: alertRules.threshold, dueDays: alertRules.dueDays, kpiKey: kpiDefinitions.key, kpiName: kpiDefinitions.name, kpiIsBuiltIn: kpiDefinitions.isBuiltIn, ownerName: owner.name, ownerEmail: owner.email, createdAt: alertRules.createdAt })
    .from(alertRules)
    .leftJoin(kpiDefinitions, eq(kpiDefinitions.id, alertRules.kpiId))
    .leftJoin(owner, eq(owner.id, alertRules.ownerUserId))
    .where(eq(alertRules.organizationId, organization.id))
    .orderBy(desc(alertRules.createdAt));
}
