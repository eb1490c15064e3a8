import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programMembers, programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { consentTextHash } from "./consent";
import { councilIdSchema } from "./schemas";

/** A member accepts the council's changed consent text and takes part again. */
export async function renewConsent(db: Db, actor: Actor | null, orgId: string, input: unknown, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "org.view");
  const { councilId } = councilIdSchema.parse(input);
  await db.transaction(async (tx) => {
    const [council] = await tx
      .select({ consentText: programs.consentText })
      .from(programs)
      .where(and(eq(programs.id, councilId), eq(programs.organizationId, organization.id), eq(programs.status, "active")))
      .limit(1);
    if (!council) throw new AppError("NOT_FOUND", "notFound");
    const renewed = await tx
      .update(programMembers)
      .set({ status: "active", consentTextHash: consentTextHash(council.consentText), consentedAt: now })
      .where(and(eq(programMembers.programId, councilId), eq(programMembers.userId, userId), eq(programMembers.status, "pending_consent")))
      .returning({ id: programMembers.id });
    if (renewed.length === 0) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "council.consent_renewed", targetType: "program", targetId: councilId });
  });
}
