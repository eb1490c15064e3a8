import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cycleMemos, instrumentVersions, programCycles, responseAnswers, responses, type MemoQuote } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/authz/require-permission";
import { cycleFigures } from "@/lib/cycles/cycle-figures";
import { requireProgram } from "@/lib/cycles/require-program";
import { quotableResponseIds } from "@/lib/consent/quotable-responses";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { saveMemoSchema, type SaveMemoInput } from "./schemas";

/**
 * Saves the guidance memo of a closed council session, as a draft or published. Quotes are looked
 * up from the session's own completed answers (the client only names them), and the figures are
 * computed here and frozen with the memo, so members read what the researcher saw.
 */
export async function saveMemo(db: Db, actor: Actor | null, orgId: string, programId: string, input: SaveMemoInput, now = new Date()) {
  const { program, organization } = await requireProgram(db, actor, orgId, programId);
  // A session id that is no id names no session, like any other unknown one.
  if (!isUuid(input.cycleId)) throw new AppError("NOT_FOUND", "notFound");
  const { cycleId, title, body, quotes: refs, intent } = saveMemoSchema.parse(input);
  if (program.kind !== "council") throw new AppError("NOT_FOUND", "notFound");
  return db.transaction(async (tx) => {
    const [cycle] = await tx
      .select({ id: programCycles.id, status: programCycles.status, instrumentId: programCycles.instrumentId })
      .from(programCycles)
      .where(and(eq(programCycles.id, cycleId), eq(programCycles.programId, program.id)))
      .for("update");
    if (!cycle) throw new AppError("NOT_FOUND", "notFound");
    if (cycle.status !== "closed" || !cycle.instrumentId) throw new AppError("CONFLICT", "memoCycleNotClosed");
    const quotes = await quotesFrom(tx as unknown as Db, program.id, cycle.instrumentId, refs);
    const [version] = await tx.select({ definition: instrumentVersions.definition }).from(instrumentVersions).where(and(eq(instrumentVersions.instrumentId, cycle.instrumentId), eq(instrumentVersions.version, 1)));
    const figures = await cycleFigures(tx as unknown as Db, cycle, version?.definition ?? null, program.defaultLocale, organization.minGroupSize);
    const publishing = intent === "publish" ? { status: "published" as const, publishedAt: now } : {};
    const values = { title, body, quotes, figures, authorUserId: actor!.userId, updatedAt: now, ...publishing };
    const [memo] = await tx
      .insert(cycleMemos)
      .values({ cycleId: cycle.id, organizationId: organization.id, ...values })
      .onConflictDoUpdate({ target: cycleMemos.cycleId, set: values })
      .returning({ id: cycleMemos.id, status: cycleMemos.status });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: intent === "publish" ? "memo.published" : "memo.saved", targetType: "cycle", targetId: cycle.id });
    return memo;
  });
}

/** The quoted answers' own text, in the order chosen; a reference to anything else, or to someone who has not granted quotes, is refused. */
async function quotesFrom(db: Db, programId: string, instrumentId: string, refs: Array<{ responseId: string; questionId: string }>): Promise<MemoQuote[]> {
  if (refs.length === 0) return [];
  const rows = await db
    .select({ responseId: responseAnswers.responseId, questionId: responseAnswers.questionId, text: responseAnswers.textValue })
    .from(responseAnswers)
    .innerJoin(responses, eq(responses.id, responseAnswers.responseId))
    .where(and(eq(responseAnswers.instrumentId, instrumentId), eq(responses.status, "completed"), inArray(responseAnswers.responseId, refs.map((ref) => ref.responseId))));
  const byKey = new Map(rows.filter((row) => row.text).map((row) => [`${row.responseId}/${row.questionId}`, row.text!]));
  const consented = await quotableResponseIds(db, programId, refs.map((ref) => ref.responseId));
  return refs.map((ref) => {
    const text = byKey.get(`${ref.responseId}/${ref.questionId}`);
    if (!text) throw new AppError("INVALID", "memoQuoteUnknown");
    if (!consented.has(ref.responseId)) throw new AppError("INVALID", "quoteWithoutConsent");
    return { ...ref, text };
  });
}
