import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programMembers, programs } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { compareComposition } from "./composition";

/** The composition of a council's active members against its targets. */
export async function getCouncilComposition(db: Db, actor: Actor | null, orgId: string, councilId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "councils.manage");
  if (!isUuid(councilId)) throw new AppError("NOT_FOUND", "notFound");
  const [council] = await db
    .select({ targetSize: programs.targetSize, compositionTargets: programs.compositionTargets })
    .from(programs)
    .where(and(eq(programs.id, councilId), eq(programs.organizationId, organization.id), eq(programs.kind, "council")))
    .limit(1);
  if (!council) throw new AppError("NOT_FOUND", "notFound");
  const members = await db
    .select({ profile: programMembers.profile })
    .from(programMembers)
    .where(and(eq(programMembers.programId, councilId), eq(programMembers.status, "active")));
  return compareComposition(members.map((member) => member.profile), council.compositionTargets, council.targetSize);
}
