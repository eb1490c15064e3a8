import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cycleMemos, programCycles, programMembers, programs } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { isUuid } from "@/lib/ids";

/** The published memos of a council, newest session first, for its active members' portal; empty for anyone else. */
export async function listPublishedMemos(db: Db, actor: Actor | null, orgId: string, councilId: string) {
  const { userId } = await requirePermission(db, actor, { id: orgId }, "portal.view");
  if (!isUuid(councilId)) return [];
  return db
    .select({ cycleId: programCycles.id, title: cycleMemos.title, opensAt: programCycles.opensAt, publishedAt: cycleMemos.publishedAt })
    .from(cycleMemos)
    .innerJoin(programCycles, eq(programCycles.id, cycleMemos.cycleId))
    .innerJoin(programs, eq(programs.id, programCycles.programId))
    .innerJoin(programMembers, and(eq(programMembers.programId, programs.id), eq(programMembers.userId, userId), eq(programMembers.status, "active")))
    .where(and(eq(programs.id, councilId), eq(programs.organizationId, orgId), eq(programs.kind, "council"), eq(cycleMemos.status, "published")))
    .orderBy(desc(programCycles.opensAt));
}
