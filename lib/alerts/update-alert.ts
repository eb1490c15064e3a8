import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertUpdates, alerts, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { updateAlertSchema, type UpdateAlertInput } from "./schemas";

/** Moves an alert's action item on (or back), keeping the change, its note and who made it in the history. */
export async function updateAlert(db: Db, actor: Actor | null, orgId: string, rawInput: UpdateAlertInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "kpis.manage");
  const input = updateAlertSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const [alert] = await tx.select({ id: alerts.id, status: alerts.status }).from(alerts).where(and(eq(alerts.id, input.alertId), eq(alerts.organizationId, organization.id))).for("update");
    if (!alert) throw new AppError("NOT_FOUND", "notFound");
    if (alert.status === input.status && !input.note) throw new AppError("INVALID", "formHasErrors", { note: "alertNothingChanged" });
    const [person] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, actor!.userId));
    await tx.update(alerts).set({ status: input.status }).where(eq(alerts.id, alert.id));
    await tx.insert(alertUpdates).values({ alertId: alert.id, status: input.status, note: input.note, byUserId: actor!.userId, byName: person?.name ?? person?.email ?? "" });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "alert.updated", targetType: "alert", targetId: alert.id, details: { status: input.status } });
  });
}
