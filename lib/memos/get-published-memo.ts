import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cycleMemos, programCycles, programMembers, programs } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { withConsentedQuotes } from "@/lib/consent/quotable-responses";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/**
 * A session's published memo, for an active member of its council: title, text, quotes without
 * names, and the figures frozen when it was published. Anyone else finds nothing.
 */
export async function getPublishedMemo(db: Db, actor: Actor | null, orgId: string, councilId: string, cycleId: string) {
  const { userId } = await requirePermission(db, actor, { id: orgId }, "portal.view");
  if (!isUuid(councilId) || !isUuid(cycleId)) throw new AppError("NOT_FOUND", "notFound");
  const [memo] = await db
    .select({ councilName: programs.name, opensAt: programCycles.opensAt, closesAt: programCycles.closesAt, title: cycleMemos.title, body: cycleMemos.body, quotes: cycleMemos.quotes, figures: cycleMemos.figures, publishedAt: cycleMemos.publishedAt })
    .from(cycleMemos)
    .innerJoin(programCycles, eq(programCycles.id, cycleMemos.cycleId))
    .innerJoin(programs, eq(programs.id, programCycles.programId))
    .innerJoin(programMembers, and(eq(programMembers.programId, programs.id), eq(programMembers.userId, userId), eq(programMembers.status, "active")))
    .where(and(eq(cycleMemos.cycleId, cycleId), eq(programs.id, councilId), eq(programs.organizationId, orgId), eq(programs.kind, "council"), eq(cycleMemos.status, "published")));
  if (!memo) throw new AppError("NOT_FOUND", "notFound");
  // Filtered at read time: a withdrawal hides the quote at once, a later grant brings it back.
  const quotes = await withConsentedQuotes(db, councilId, memo.quotes);
  return { ...memo, quotes: quotes.map((quote) => quote.text) };
}
