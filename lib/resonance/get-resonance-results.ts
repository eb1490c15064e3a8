import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { campaigns, panelSamples, programs, resonanceTests } from "@/db/schema";
import { effectiveThresholds } from "@/lib/anonymity/thresholds";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { hasEffectiveConsent } from "@/lib/consent/consent-sql";
import { AppError } from "@/lib/errors";
import { kpiMinN } from "@/lib/kpis/get-kpi-overview";
import { REACTION_ITEMS, reactionQuestionId } from "./reaction-items";
import { buildResonanceReport, type ResonanceSums } from "./resonance-report";
import { resonanceTestIdSchema } from "./schemas";

const MAX_QUOTES = 20;

/** An open reaction and how a decision cites it: the answer's response and question. */
export interface Quote {
  ref: string;
  text: string;
}
export const quoteRef = (responseId: string, questionId: string) => `${responseId}/${questionId}`;
const REACTION_CODES = REACTION_ITEMS.map((item) => item.code);

const testColumns = {
  id: resonanceTests.id,
  campaignId: resonanceTests.campaignId,
  campaignName: campaigns.name,
  instrumentId: resonanceTests.instrumentId,
  panelId: resonanceTests.programId,
  panelName: programs.name,
  /** A panel, or an advisory council asked as a whole. */
  panelKind: programs.kind,
  sampleName: panelSamples.name,
  concepts: resonanceTests.concepts,
  respectfulThreshold: resonanceTests.respectfulThreshold,
  status: resonanceTests.status,
  invited: resonanceTests.invited,
  deadline: resonanceTests.deadline,
  openedAt: resonanceTests.openedAt,
  closedAt: resonanceTests.closedAt,
};

function testsQuery(db: Db) {
  return db
    .select(testColumns)
    .from(resonanceTests)
    .innerJoin(campaigns, eq(campaigns.id, resonanceTests.campaignId))
    .innerJoin(programs, eq(programs.id, resonanceTests.programId))
    .leftJoin(panelSamples, eq(panelSamples.id, resonanceTests.sampleId));
}

async function respondentCounts(db: Db, instrumentIds: readonly string[]): Promise<Map<string, number>> {
  if (instrumentIds.length === 0) return new Map();
  const rows = rowsOf<{ instrumentId: string; n: number }>(
    await db.execute(sql`select instrument_id as "instrumentId", count(*)::int as n from responses where instrument_id in (${sql.join(instrumentIds.map((id) => sql`${id}::uuid`), sql`, `)}) and status = 'completed' group by 1`),
  );
  return new Map(rows.map((row) => [row.instrumentId, Number(row.n)]));
}

/** A campaign's resonance tests, newest first, with how many people have answered each. */
export async function listResonanceTests(db: Db, actor: Actor | null, org: OrgRef, campaignId: string) {
  const { organization } = await requirePermission(db, actor, org, "campaigns.manage");
  const tests = await testsQuery(db).where(and(eq(resonanceTests.campaignId, campaignId), eq(resonanceTests.organizationId, organization.id))).orderBy(desc(resonanceTests.openedAt)).limit(100);
  const counts = await respondentCounts(db, tests.map((test) => test.instrumentId));
  return tests.map((test) => ({ ...test, respondents: counts.get(test.instrumentId) ?? 0 }));
}

/**
 * Per-concept sums of the reactions, for everyone and per attribute value, counted in SQL from
 * the typed answer rows: one respondent's composite is the mean of their five reactions.
 */
async function resonanceSums(db: Db, instrumentId: string): Promise<ResonanceSums[]> {
  const itemColumns = REACTION_ITEMS.map(
    (item) => sql`, sum(s.${sql.raw(item.key)})::float8 as ${sql.raw(`"${item.key}Sum"`)}, sum(s.${sql.raw(item.key)} ^ 2)::float8 as ${sql.raw(`"${item.key}Squares"`)}`,
  );
  const itemValues = REACTION_ITEMS.map((item) => sql`, max(ra.numeric_value) filter (where ra.item_code = ${item.code}) as ${sql.raw(item.key)}`);
  const rows = rowsOf<Record<string, string | number>>(
    await db.execute(sql`
      with scored as (
        select r.id, r.attributes, split_part(ra.question_id, '_', 1) as prefix, avg(ra.numeric_value) as composite ${sql.join(itemValues, sql``)}
        from responses r
        join response_answers ra on ra.response_id = r.id
        where r.instrument_id = ${instrumentId}::uuid and r.status = 'completed' and ra.item_code in (${sql.join(REACTION_CODES.map((code) => sql`${code}`), sql`, `)}) and ra.numeric_value is not null
        group by r.id, r.attributes, prefix
      ), segmented as (
        select s.*, '' as attribute, '' as value from scored s
        union all
        select s.*, a.key, a.value from scored s cross join lateral jsonb_each_text(s.attributes) a where a.value is not null and a.value <> ''
      )
      select s.prefix, s.attribute, s.value, count(*)::int as n, sum(s.composite)::float8 as sum, sum(s.composite ^ 2)::float8 as "sumSquares" ${sql.join(itemColumns, sql``)}
      from segmented s
      group by s.prefix, s.attribute, s.value`),
  );
  return rows.map((row) => ({
    prefix: String(row.prefix),
    attribute: String(row.attribute),
    value: String(row.value),
    n: Number(row.n),
    sum: Number(row.sum),
    sumSquares: Number(row.sumSquares),
    items: Object.fromEntries(REACTION_ITEMS.map((item) => [item.key, { sum: Number(row[`${item.key}Sum`] ?? 0), sumSquares: Number(row[`${item.key}Squares`] ?? 0) }])) as ResonanceSums["items"],
  }));
}

/**
 * A resonance test's results: resonance per concept and per segment with intervals and divergence
 * flags, the anonymity rule applied to every split, and open reactions only once enough people
 * answered for a comment not to point at anyone.
 */
export async function getResonanceResults(db: Db, actor: Actor | null, org: OrgRef, rawTestId: string) {
  const { organization } = await requirePermission(db, actor, org, "campaigns.manage");
  const parsed = resonanceTestIdSchema.safeParse(rawTestId);
  if (!parsed.success) throw new AppError("NOT_FOUND", "notFound");
  const results = await readResonanceResults(db, organization, { testId: parsed.data });
  if (!results) throw new AppError("NOT_FOUND", "notFound");
  return results;
}

/** The results of the organization's test, or null when it has no such test (optionally: in that campaign). */
export async function readResonanceResults(db: Db, organization: { id: string; minGroupSize: number; minCommentGroupSize: number }, { testId, campaignId }: { testId: string; campaignId?: string }) {
  const [test] = await testsQuery(db).where(and(eq(resonanceTests.id, testId), eq(resonanceTests.organizationId, organization.id), campaignId ? eq(resonanceTests.campaignId, campaignId) : undefined));
  if (!test) return null;
  const { minGroupSize, minCommentGroupSize } = effectiveThresholds(organization);
  const minN = kpiMinN(organization);
  const [sums, counts] = await Promise.all([resonanceSums(db, test.instrumentId), respondentCounts(db, [test.instrumentId])]);
  const respondents = counts.get(test.instrumentId) ?? 0;
  const report = buildResonanceReport(sums, test.concepts.map((concept) => concept.prefix), { minGroupSize, minN, respectfulThreshold: test.respectfulThreshold });
  const showsQuotes = respondents >= minCommentGroupSize;
  const quotes = showsQuotes ? await openReactions(db, test.panelId, test.instrumentId, test.concepts.map((concept) => concept.prefix)) : new Map<string, Quote[]>();
  return {
    test: { ...test, respondents },
    minN,
    minGroupSize,
    minCommentGroupSize,
    showsQuotes,
    concepts: report.map((concept, index) => ({ ...concept, conceptId: test.concepts[index].conceptId, title: test.concepts[index].title, quotes: quotes.get(concept.prefix) ?? [] })),
  };
}
export type ResonanceResults = NonNullable<Awaited<ReturnType<typeof readResonanceResults>>>;

/**
 * Open reactions a decision may quote: those of the campaign's tests that had enough respondents
 * for their comments to be shown, newest tests first.
 */
export async function listQuotableReactions(db: Db, organization: { id: string; minGroupSize: number; minCommentGroupSize: number }, campaignId: string) {
  const { minCommentGroupSize } = effectiveThresholds(organization);
  const tests = await db
    .select({ id: resonanceTests.id, programId: resonanceTests.programId, instrumentId: resonanceTests.instrumentId, concepts: resonanceTests.concepts })
    .from(resonanceTests)
    .where(and(eq(resonanceTests.campaignId, campaignId), eq(resonanceTests.organizationId, organization.id)))
    .orderBy(desc(resonanceTests.openedAt))
    .limit(3);
  const counts = await respondentCounts(db, tests.map((test) => test.instrumentId));
  const quotable = tests.filter((test) => (counts.get(test.instrumentId) ?? 0) >= minCommentGroupSize);
  const perTest = await Promise.all(quotable.map((test) => openReactions(db, test.programId, test.instrumentId, test.concepts.map((concept) => concept.prefix))));
  // The same words from several people are one thing to cite.
  const seen = new Set<string>();
  return quotable.flatMap((test, index) =>
    test.concepts.flatMap((concept) =>
      (perTest[index].get(concept.prefix) ?? []).flatMap((quote) => {
        const key = `${test.id}:${concept.prefix}:${quote.text.trim()}`;
        if (seen.has(key)) return [];
        seen.add(key);
        return [{ ...quote, conceptTitle: concept.title }];
      }),
    ),
  );
}

/**
 * The latest open reactions per concept, without anything about who wrote them, from people who have
 * effectively granted quotes in the test's panel or council (a withdrawal hides theirs at once).
 */
async function openReactions(db: Db, programId: string, instrumentId: string, prefixes: readonly string[]): Promise<Map<string, Quote[]>> {
  const questionIds = prefixes.map((prefix) => reactionQuestionId(prefix, "open"));
  const rows = rowsOf<{ responseId: string; questionId: string; text: string }>(
    await db.execute(sql`
      select response_id as "responseId", question_id as "questionId", text from (
        select ra.response_id, ra.question_id, ra.text_value as text, row_number() over (partition by ra.question_id order by ra.submitted_at desc, ra.response_id) as rank
        from response_answers ra join responses r on r.id = ra.response_id and r.status = 'completed'
        where ra.instrument_id = ${instrumentId}::uuid and ra.question_id in (${sql.join(questionIds.map((id) => sql`${id}`), sql`, `)}) and ra.text_value is not null and length(trim(ra.text_value)) > 0
          and ${hasEffectiveConsent(sql`${programId}::uuid`, sql`r.respondent_user_id`, "quotes")}
      ) ranked where rank <= ${MAX_QUOTES}`),
  );
  const byPrefix = new Map<string, Quote[]>();
  for (const row of rows) {
    const prefix = row.questionId.split("_")[0];
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), { ref: quoteRef(row.responseId, row.questionId), text: row.text }]);
  }
  return byPrefix;
}
