import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { programMembers, programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";

const setPanelOptInSchema = z.object({ councilId: z.uuid({ message: "notFound" }), panelOptIn: z.preprocess((value) => value === "yes" || value === true, z.boolean()) });

/** A council member changes whether they may be asked to join panels too. */
export async function setPanelOptIn(db: Db, actor: Actor | null, orgId: string, input: unknown) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "org.view");
  const { councilId, panelOptIn } = setPanelOptInSchema.parse(input);
  await db.transaction(async (tx) => {
    const councils = tx.select({ id: programs.id }).from(programs).where(and(eq(programs.organizationId, organization.id), eq(programs.kind, "council")));
    const updated = await tx
      .update(programMembers)
      .set({ profile: sql`${programMembers.profile} || ${JSON.stringify({ panelOptIn })}::jsonb` })
      .where(and(eq(programMembers.programId, councilId), inArray(programMembers.programId, councils), eq(programMembers.userId, userId), inArray(programMembers.status, ["active", "pending_consent"])))
      .returning({ id: programMembers.id });
    if (updated.length === 0) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "council.panel_opt_in_changed", targetType: "program", targetId: councilId, details: { panelOptIn } });
  });
}
