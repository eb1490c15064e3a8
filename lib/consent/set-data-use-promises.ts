import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { MANAGE_PERMISSION } from "@/lib/programs/program-kinds";
import { lockConsentProgram } from "./consent-program";
import { setDataUsePromisesSchema, type SetDataUsePromisesInput } from "./schemas";

/** A researcher sets what a council or panel promises its data will never be used for; members see it, exports obey it. */
export async function setDataUsePromises(db: Db, actor: Actor | null, orgId: string, input: SetDataUsePromisesInput) {
  const { kind, programId, promises } = setDataUsePromisesSchema.parse(input);
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, MANAGE_PERMISSION[kind]);
  return db.transaction(async (tx) => {
    const program = await lockConsentProgram(tx, organization.id, kind, programId);
    await tx.update(programs).set({ dataUsePromises: promises }).where(eq(programs.id, program.id));
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "program.data_use_changed", targetType: "program", targetId: program.id, details: { promises: promises.join(","), before: [...program.dataUsePromises].sort().join(",") } });
    return { promises };
  });
}
