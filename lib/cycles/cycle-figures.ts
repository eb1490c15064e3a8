import "server-only";
import { and, avg, count, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { responseAnswers, responses, type MemoFigures } from "@/db/schema";
import type { Definition } from "@/lib/instruments/definition";
import type { Locale } from "@/lib/i18n/locales";
import { localize } from "@/lib/instruments/localize";
import { effectiveThresholds } from "@/lib/anonymity/thresholds";
import { invitedCount } from "./cycle-mail";
import { responseRate } from "./response-rate";

/**
 * A cycle's figures: invited, responded, response rate, and the mean and n of every coded numeric
 * item. A mean over fewer answers than the organization's smallest reportable group stays hidden.
 */
export async function cycleFigures(db: Db, cycle: { id: string; instrumentId: string | null }, definition: Definition | null, locale: Locale, minGroupSize: number): Promise<MemoFigures> {
  const invited = await invitedCount(db, cycle.id);
  if (!cycle.instrumentId) return { invited, responded: 0, responseRate: null, kpis: [] };
  const [[answered], items] = await Promise.all([
    db.select({ count: count() }).from(responses).where(and(eq(responses.instrumentId, cycle.instrumentId), eq(responses.status, "completed"))),
    db
      .select({ code: responseAnswers.itemCode, questionId: responseAnswers.questionId, mean: avg(responseAnswers.numericValue).mapWith(Number), n: count() })
      .from(responseAnswers)
      .where(and(eq(responseAnswers.instrumentId, cycle.instrumentId), isNotNull(responseAnswers.itemCode), isNotNull(responseAnswers.numericValue)))
      .groupBy(responseAnswers.itemCode, responseAnswers.questionId)
      .orderBy(responseAnswers.itemCode),
  ]);
  // The organization's setting, but never below the floor every other figure respects.
  const minimum = effectiveThresholds({ minGroupSize, minCommentGroupSize: minGroupSize }).minGroupSize;
  const prompts = new Map(definition?.questions.map((question) => [question.id, localize(question.prompt, locale, definition.defaultLocale)]) ?? []);
  return {
    invited,
    responded: answered.count,
    responseRate: responseRate(answered.count, invited),
    kpis: items.map((item) => ({ code: item.code!, label: prompts.get(item.questionId) ?? item.code!, value: item.n >= minimum ? Math.round(item.mean * 100) / 100 : null, n: item.n })),
  };
}
