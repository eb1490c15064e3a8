import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programMembers } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { compareComposition } from "./composition";
import { requireCouncil } from "./require-council";

/** The composition of a council's active members against its targets. */
export async function getCouncilComposition(db: Db, actor: Actor | null, orgId: string, councilId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "councils.manage");
  const council = await requireCouncil(db, organization.id, councilId);
  const members = await db
    .select({ profile: programMembers.profile })
    .from(programMembers)
    .where(and(eq(programMembers.programId, councilId), eq(programMembers.status, "active")));
  return compareComposition(members.map((member) => member.profile), council.compositionTargets, council.targetSize);
}
