import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { updateCouncilSchema, type UpdateCouncilInput } from "./schemas";

/** Changes a council's settings; sessions already scheduled keep their dates, later ones follow the new cadence. */
export async function updateCouncil(db: Db, actor: Actor | null, orgId: string, input: UpdateCouncilInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "councils.manage");
  const { councilId, consentText, cadenceMonths, ...settings } = updateCouncilSchema.parse(input);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(programs)
      .set({ ...settings, ...(consentText ? { consentText } : {}), ...(cadenceMonths ? { cadenceMonths } : {}) })
      .where(and(eq(programs.id, councilId), eq(programs.organizationId, organization.id), eq(programs.kind, "council")))
      .returning({ id: programs.id });
    if (!updated) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "council.updated", targetType: "program", targetId: councilId });
    return updated;
  });
}
