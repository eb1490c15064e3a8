import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { resonanceTests } from "@/db/schema";
import { effectiveThresholds } from "@/lib/anonymity/thresholds";
import { hasEffectiveConsent } from "@/lib/consent/consent-sql";
import { AppError } from "@/lib/errors";
import { readResonanceResults } from "@/lib/resonance/get-resonance-results";
import { reactionQuestionId } from "@/lib/resonance/reaction-items";
import type { QuoteEvidence, ResonanceEvidence } from "./evidence";

type Organization = { id: string; minGroupSize: number; minCommentGroupSize: number };
const unknownEvidence = (field: string) => new AppError("INVALID", "formHasErrors", { [field]: "decisionEvidenceUnknown" });

/** The campaign's cited resonance tests as their results stand now, flags and intervals included. */
export async function freezeResonanceEvidence(db: Db, organization: Organization, campaignId: string, testIds: readonly string[]): Promise<ResonanceEvidence[]> {
  const frozen: ResonanceEvidence[] = [];
  for (const testId of new Set(testIds)) {
    const results = await readResonanceResults(db, organization, { testId, campaignId });
    if (!results) throw unknownEvidence("evidenceResonanceTestIds");
    frozen.push({
      type: "resonance",
      testId,
      openedAt: results.test.openedAt.toISOString(),
      respondents: results.test.respondents,
      invited: results.test.invited,
      respectfulThreshold: results.test.respectfulThreshold,
      concepts: results.concepts.map((concept) => ({
        title: concept.title,
        resonance: concept.resonance,
        respectful: concept.items.find((item) => item.key === "respectful")!.value,
        divergent: concept.divergent,
      })),
    });
  }
  return frozen;
}

/**
 * Cited open reactions, word for word, from the campaign's tests; only from a test that had enough
 * respondents for its comments to be shown, so a citation cannot reveal more than the results page.
 */
export async function freezeQuoteEvidence(db: Db, organization: Organization, campaignId: string, refs: readonly string[]): Promise<QuoteEvidence[]> {
  if (refs.length === 0) return [];
  const { minCommentGroupSize } = effectiveThresholds(organization);
  const tests = await db
    .select({ id: resonanceTests.id, instrumentId: resonanceTests.instrumentId, concepts: resonanceTests.concepts })
    .from(resonanceTests)
    .where(and(eq(resonanceTests.campaignId, campaignId), eq(resonanceTests.organizationId, organization.id)));
  const quotes: QuoteEvidence[] = [];
  for (const ref of new Set(refs)) {
    const [responseId, questionId] = ref.split("/");
    const [row] = rowsOf<{ instrumentId: string; text: string; respondents: number; isConsented: boolean }>(
      await db.execute(sql`
        select ra.instrument_id as "instrumentId", ra.text_value as text,
          ${hasEffectiveConsent(sql`(select rt.program_id from resonance_tests rt where rt.instrument_id = ra.instrument_id)`, sql`r.respondent_user_id`, "quotes")} as "isConsented",
          (select count(*)::int from responses c where c.instrument_id = ra.instrument_id and c.status = 'completed') as respondents
        from response_answers ra join responses r on r.id = ra.response_id and r.status = 'completed'
        where ra.response_id = ${responseId}::uuid and ra.question_id = ${questionId} and ra.organization_id = ${organization.id}::uuid and ra.text_value is not null`),
    );
    const test = row && tests.find((candidate) => candidate.instrumentId === row.instrumentId);
    const concept = test?.concepts.find((candidate) => questionId === reactionQuestionId(candidate.prefix, "open"));
    if (!row || !test || !concept || Number(row.respondents) < minCommentGroupSize) throw unknownEvidence("evidenceQuoteRefs");
    // Someone who has not (or no longer) granted quotes in the test's program is never quoted.
    if (!row.isConsented) throw new AppError("INVALID", "formHasErrors", { evidenceQuoteRefs: "quoteWithoutConsent" });
    quotes.push({ type: "quote", testId: test.id, conceptTitle: concept.title, text: row.text, responseId });
  }
  return quotes;
}
