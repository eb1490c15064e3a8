import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programs } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";

/** The organization's one frontline program and its settings, or null before it is first configured. */
export async function getFrontlineProgram(db: Db, actor: Actor | null, orgId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "programs.view");
  return findFrontlineProgram(db, organization.id);
}

export async function findFrontlineProgram(db: Db, organizationId: string) {
  const [program] = await db
    .select({
      id: programs.id,
      name: programs.name,
      openDay: programs.openDay,
      openForDays: programs.openForDays,
      maxReminders: programs.maxReminders,
      reminderEveryDays: programs.reminderEveryDays,
      status: programs.status,
      templateInstrumentId: programs.templateInstrumentId,
    })
    .from(programs)
    .where(and(eq(programs.organizationId, organizationId), eq(programs.kind, "frontline")))
    .limit(1);
  return program ?? null;
}
