import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cycleMemos, instrumentVersions, programCycles } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-permission";
import { withConsentedQuotes } from "@/lib/consent/quotable-responses";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { cycleFigures } from "./cycle-figures";
import { listQuotableAnswers } from "./list-quotable-answers";
import { requireProgram } from "./require-program";

/**
 * One cycle for the researcher: its dates and figures and, for a council, the open-text answers
 * the memo can quote and the memo itself. Frontline answers are anonymous: no answers are listed.
 */
export async function getCycleDetail(db: Db, actor: Actor | null, orgId: string, programId: string, cycleId: string) {
  const { program, organization } = await requireProgram(db, actor, orgId, programId);
  if (!isUuid(cycleId)) throw new AppError("NOT_FOUND", "notFound");
  const [cycle] = await db
    .select({ id: programCycles.id, sequence: programCycles.sequence, status: programCycles.status, opensAt: programCycles.opensAt, closesAt: programCycles.closesAt, instrumentId: programCycles.instrumentId })
    .from(programCycles)
    .where(and(eq(programCycles.id, cycleId), eq(programCycles.programId, program.id)));
  if (!cycle) throw new AppError("NOT_FOUND", "notFound");
  const [version] = cycle.instrumentId
    ? await db.select({ definition: instrumentVersions.definition }).from(instrumentVersions).where(and(eq(instrumentVersions.instrumentId, cycle.instrumentId), eq(instrumentVersions.version, 1)))
    : [];
  const definition = version?.definition ?? null;
  const isCouncil = program.kind === "council";
  const [figures, answers, [memo]] = await Promise.all([
    cycleFigures(db, cycle, definition, program.defaultLocale, organization.minGroupSize),
    isCouncil && cycle.instrumentId ? listQuotableAnswers(db, program.id, cycle.instrumentId, definition, program.defaultLocale) : [],
    db.select({ title: cycleMemos.title, body: cycleMemos.body, quotes: cycleMemos.quotes, figures: cycleMemos.figures, status: cycleMemos.status, publishedAt: cycleMemos.publishedAt }).from(cycleMemos).where(eq(cycleMemos.cycleId, cycle.id)),
  ]);
  // A quote whose author withdrew (or never gave) quote consent is not shown, and comes back if they grant it again.
  const shownMemo = memo ? { ...memo, quotes: await withConsentedQuotes(db, program.id, memo.quotes) } : null;
  return { program, organization, cycle, figures, answers, memo: shownMemo, canWriteMemo: isCouncil && cycle.status === "closed" };
}
