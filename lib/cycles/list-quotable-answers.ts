import "server-only";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { hasEffectiveConsent } from "@/lib/consent/consent-sql";
import type { Db } from "@/db/client";
import { responseAnswers, responses } from "@/db/schema";
import type { Definition } from "@/lib/instruments/definition";
import type { Locale } from "@/lib/i18n/locales";
import { localize } from "@/lib/instruments/localize";

export interface QuotableAnswer {
  responseId: string;
  questionId: string;
  question: string;
  text: string;
}

/**
 * The open-text answers of a council cycle's completed responses whose authors have effectively
 * granted quotes in the council: what a memo may quote. Never who wrote them.
 */
export async function listQuotableAnswers(db: Db, programId: string, instrumentId: string, definition: Definition | null, locale: Locale): Promise<QuotableAnswer[]> {
  const textQuestions = new Map((definition?.questions ?? []).filter((question) => question.type === "text").map((question) => [question.id, localize(question.prompt, locale, definition!.defaultLocale)]));
  const rows = await db
    .select({ responseId: responseAnswers.responseId, questionId: responseAnswers.questionId, text: responseAnswers.textValue })
    .from(responseAnswers)
    .innerJoin(responses, eq(responses.id, responseAnswers.responseId))
    .where(and(eq(responseAnswers.instrumentId, instrumentId), eq(responses.status, "completed"), isNotNull(responseAnswers.textValue), hasEffectiveConsent(sql`${programId}::uuid`, responses.respondentUserId, "quotes")))
    .orderBy(asc(responseAnswers.submittedAt), asc(responseAnswers.id));
  return rows
    .filter((row) => textQuestions.has(row.questionId) && row.text!.trim() !== "")
    .map((row) => ({ responseId: row.responseId, questionId: row.questionId, question: textQuestions.get(row.questionId)!, text: row.text! }));
}
