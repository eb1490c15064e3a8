import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { livePolls } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import type { LivePollSummary } from "./events";
import { sessionRefSchema } from "./schemas";

/** Every poll of a session in order, drafts included: the moderator's prepared list. */
export async function listLivePolls(db: Db, actor: Actor | null, org: OrgRef, input: { sessionId: string }): Promise<LivePollSummary[]> {
  const { organization } = await requirePermission(db, actor, org, "live.moderate");
  const parsed = sessionRefSchema.safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND", "notFound");
  const rows = await db
    .select({ pollId: livePolls.id, position: livePolls.position, kind: livePolls.kind, status: livePolls.status, definition: livePolls.definition })
    .from(livePolls)
    .where(and(eq(livePolls.sessionId, parsed.data.sessionId), eq(livePolls.organizationId, organization.id)))
    .orderBy(asc(livePolls.position));
  return rows;
}
