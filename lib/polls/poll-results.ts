import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { instrumentVersions, instruments, quickPolls } from "@/db/schema";
import { effectiveThresholds } from "@/lib/anonymity/thresholds";
import { sharePercent } from "@/lib/statistics/share";
import { suppressBreakdown } from "@/lib/anonymity/suppress-breakdown";
import type { SuppressionReason } from "@/lib/anonymity/suppression";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { can } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { localize } from "@/lib/instruments/definition";
import { POLL_QUESTION_ID, STIMULUS_QUESTION_ID } from "./build-poll-definition";
import { quotaCounts } from "./quota-counts";
import { quotaProgress } from "./quotas";
import { pollIdSchema, splitQuerySchema } from "./schemas";

export interface OptionCount {
  key: string;
  label: string;
  n: number;
  percent: number;
}
export type SplitGroup = { value: string; suppressed: false; n: number; options: OptionCount[]; mean: number | null } | { value: string; suppressed: true; reason: SuppressionReason };

const MAX_TEXTS = 500;

/**
 * A quick poll's results, counted in SQL from the typed answer rows. Splits by a profile attribute
 * withhold groups under the organization's minimum (and the cells that would give them away).
 * Researchers see the open answers; observers see only aggregates, and none under the minimum.
 */
export async function pollResults(db: Db, actor: Actor | null, org: OrgRef, input: { pollId: string; split?: string }, locale: Locale) {
  const { organization, role } = await requirePermission(db, actor, org, "insights.view");
  const { pollId } = pollIdSchema.parse(input);
  const { split } = splitQuerySchema.parse({ split: input.split || undefined });
  const canManage = can(role, "panels.manage");
  const { minGroupSize } = effectiveThresholds(organization);

  const [poll] = await db
    .select({
      id: quickPolls.id,
      panelId: quickPolls.programId,
      instrumentId: quickPolls.instrumentId,
      status: quickPolls.status,
      closeReason: quickPolls.closeReason,
      deadline: quickPolls.deadline,
      openedAt: quickPolls.openedAt,
      closedAt: quickPolls.closedAt,
      quotas: quickPolls.quotas,
      definition: instrumentVersions.definition,
    })
    .from(quickPolls)
    .innerJoin(instruments, eq(instruments.id, quickPolls.instrumentId))
    .innerJoin(instrumentVersions, and(eq(instrumentVersions.instrumentId, instruments.id), eq(instrumentVersions.version, instruments.latestVersion)))
    .where(and(eq(quickPolls.id, pollId), eq(quickPolls.organizationId, organization.id)));
  if (!poll) throw new AppError("NOT_FOUND", "notFound");

  const question = poll.definition.questions.find((q) => q.id === POLL_QUESTION_ID);
  if (!question) throw new AppError("NOT_FOUND", "notFound");
  const stimulus = poll.definition.questions.find((q) => q.id === STIMULUS_QUESTION_ID);
  const fallback = poll.definition.defaultLocale;
  const labels = new Map<string, string>(
    "choices" in question ? question.choices.map((choice) => [choice.id, localize(choice.label, locale, fallback)]) : question.type === "scale" ? Array.from({ length: 11 }, (_, i) => [String(i), String(i)]) : [],
  );
  const bucket = question.type === "scale" ? sql`ra.numeric_value::int::text` : sql`ra.choice_id`;
  const answered = sql`from responses r join response_answers ra on ra.response_id = r.id and ra.question_id = ${POLL_QUESTION_ID}
    where r.instrument_id = ${poll.instrumentId}::uuid and r.status = 'completed'`;

  const [totals] = rowsOf<{ n: number; mean: number | null }>(
    await db.execute(sql`select count(*)::int as n, avg(ra.numeric_value)::float8 as mean ${answered}`),
  );
  const [{ responses: total }] = rowsOf<{ responses: number }>(
    await db.execute(sql`select count(*)::int as responses from responses r where r.instrument_id = ${poll.instrumentId}::uuid and r.status = 'completed'`),
  );
  const options = (rows: Array<{ key: string | null; n: number }>, of: number): OptionCount[] => {
    const counts = new Map(rows.filter((row) => row.key !== null).map((row) => [row.key!, Number(row.n)]));
    return [...labels.keys()].map((key) => ({ key, label: labels.get(key)!, n: counts.get(key) ?? 0, percent: sharePercent(counts.get(key) ?? 0, of) }));
  };
  const isHidden = !canManage && total < minGroupSize;
  const overallRows = labels.size === 0 ? [] : rowsOf<{ key: string | null; n: number }>(await db.execute(sql`select ${bucket} as key, count(distinct r.id)::int as n ${answered} group by 1`));
  const texts =
    canManage && question.type === "text"
      ? rowsOf<{ text: string }>(await db.execute(sql`select ra.text_value as text ${answered} and ra.text_value is not null order by ra.submitted_at desc limit ${MAX_TEXTS}`)).map((row) => row.text)
      : null;

  const attributes = rowsOf<{ key: string }>(
    await db.execute(sql`select distinct jsonb_object_keys(r.attributes) as key from responses r where r.instrument_id = ${poll.instrumentId}::uuid and r.status = 'completed' order by 1`),
  ).map((row) => row.key);

  let groups: SplitGroup[] | null = null;
  if (split && !isHidden) {
    const sizes = rowsOf<{ value: string; n: number; mean: number | null }>(
      await db.execute(sql`select r.attributes ->> ${split} as value, count(distinct r.id)::int as n, avg(ra.numeric_value)::float8 as mean ${answered} and r.attributes ? ${split} group by 1 order by 1`),
    );
    const cells = labels.size === 0 ? [] : rowsOf<{ value: string; key: string | null; n: number }>(
      await db.execute(sql`select r.attributes ->> ${split} as value, ${bucket} as key, count(distinct r.id)::int as n ${answered} and r.attributes ? ${split} group by 1, 2`),
    );
    const decisions = suppressBreakdown(sizes.map((size) => ({ key: size.value, n: Number(size.n) })), { minGroupSize, total });
    groups = decisions.map((decision): SplitGroup => {
      if (decision.suppressed) return { value: decision.key, suppressed: true, reason: decision.reason };
      const size = sizes.find((row) => row.value === decision.key)!;
      return { value: decision.key, suppressed: false, n: decision.n, options: options(cells.filter((cell) => cell.value === decision.key), decision.n), mean: question.type === "scale" ? size.mean : null };
    });
  }

  return {
    poll: {
      id: poll.id,
      panelId: poll.panelId,
      instrumentId: poll.instrumentId,
      status: poll.status,
      closeReason: poll.closeReason,
      deadline: poll.deadline.toISOString(),
      closedAt: poll.closedAt?.toISOString() ?? null,
      kind: stimulus ? ("stimulus" as const) : question.type,
      prompt: localize(question.prompt, locale, fallback),
      stimulus: stimulus?.type === "stimulus" ? { imageUrl: stimulus.imageUrl ?? null, copy: stimulus.copy ? localize(stimulus.copy, locale, fallback) : null } : null,
      quotas: canManage ? quotaProgress(poll.quotas, await quotaCounts(db, poll.instrumentId, poll.quotas)) : [],
    },
    canManage,
    minGroupSize,
    isHidden,
    total: isHidden ? null : total,
    options: isHidden ? [] : options(overallRows, total),
    mean: isHidden || question.type !== "scale" ? null : totals.mean,
    texts,
    attributes,
    split: split ?? null,
    groups,
  };
}
export type PollResults = Awaited<ReturnType<typeof pollResults>>;
