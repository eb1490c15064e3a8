import { checkCommentGroup, checkFilteredGroup, type GroupCheck } from "@/lib/anonymity/check-filtered-group";
import { checkPublishedGroup } from "@/lib/anonymity/check-published-group";
import { shown, suppressed, type Guarded } from "@/lib/anonymity/suppression";
import type { AnonymityThresholds } from "@/lib/anonymity/thresholds";
import { meanWithInterval, rescaleEstimate, wilsonInterval, type Estimate } from "@/lib/statistics/intervals";
import { FRONTLINE_PAIN_AREAS } from "./default-pulse";

export const FRONTLINE_DIMENSIONS = ["team", "location"] as const;
export type FrontlineDimension = (typeof FRONTLINE_DIMENSIONS)[number];
export type FrontlineFilters = Partial<Record<FrontlineDimension, string>>;
type Segment = Record<FrontlineDimension, string | null>;

export interface CycleInput {
  id: string;
  sequence: number;
  opensAt: Date;
  closesAt: Date;
  status: "scheduled" | "open" | "closed";
}
/** How many staff of one team and location were invited to a cycle. */
export interface InvitedCount extends Segment {
  cycleId: string;
  count: number;
}
/** One completed answer sheet, reduced to what the dashboard aggregates: nothing names the person. */
export interface AnswerInput extends Segment {
  cycleId: string;
  empathy: number | null;
  painArea: string | null;
}
export interface CommentInput extends Segment {
  text: string;
}

/** The pulse on 0–100: a 1–5 agreement mapped so 1 is 0 and 5 is 100. */
export const toPulseScale = (point: number) => ((point - 1) / 4) * 100;

export interface GroupRow {
  key: string;
  invited: number;
  responded: number;
  responseRate: Estimate | null;
  pulse: Guarded<Estimate>;
}
export interface PainPoints {
  n: number;
  counts: Array<{ area: (typeof FRONTLINE_PAIN_AREAS)[number]; count: number }>;
}

const matches = (segment: Segment, filters: FrontlineFilters) => FRONTLINE_DIMENSIONS.every((dimension) => filters[dimension] === undefined || segment[dimension] === filters[dimension]);

function rate(responded: number, invited: number): Estimate | null {
  const base = Math.max(invited, responded);
  return base > 0 ? wilsonInterval(responded, base) : null;
}

/** Whether the group may be shown: on its own, against wider groups, and as a cell of its breakdowns. */
function checkGroup(rows: readonly AnswerInput[], filters: FrontlineFilters, minimum: number, check = checkFilteredGroup): GroupCheck {
  const sizes = {
    count: (wanted: FrontlineFilters) => rows.filter((row) => matches(row, wanted)).length,
    values: (dimension: string, within: FrontlineFilters) => [...new Set(rows.filter((row) => matches(row, within)).map((row) => row[dimension as FrontlineDimension]))].filter((value): value is string => value !== null),
  };
  return checkPublishedGroup(sizes, filters, minimum, check);
}

function pulseOf(rows: readonly AnswerInput[]): Estimate {
  return rescaleEstimate(meanWithInterval(rows.map((row) => row.empathy!)), toPulseScale);
}

function guardedPulse(scope: readonly AnswerInput[], filters: FrontlineFilters, minGroupSize: number): Guarded<Estimate> {
  const scored = scope.filter((row) => row.empathy !== null);
  const check = checkGroup(scored, filters, minGroupSize);
  return check.isAllowed ? shown(pulseOf(scored.filter((row) => matches(row, filters)))) : suppressed(check.reason);
}

/** Rates and pulse for each team (or location) inside the filtered group; each cell passes the same checks as a filter would. */
function breakdown(dimension: FrontlineDimension, scope: readonly AnswerInput[], invited: readonly InvitedCount[], filters: FrontlineFilters, { minGroupSize }: AnonymityThresholds): GroupRow[] {
  const scored = scope.filter((row) => row.empathy !== null);
  const keys = [...new Set([...invited.filter((row) => matches(row, filters)).map((row) => row[dimension]), ...scope.filter((row) => matches(row, filters)).map((row) => row[dimension])])]
    .filter((key): key is string => key !== null)
    .sort((a, b) => a.localeCompare(b));
  return keys.map((key) => {
    const cellFilters = { ...filters, [dimension]: key };
    const invitedCount = invited.filter((row) => matches(row, cellFilters)).reduce((sum, row) => sum + row.count, 0);
    const responded = scope.filter((row) => matches(row, cellFilters)).length;
    const check = checkGroup(scored, cellFilters, minGroupSize);
    const pulse = check.isAllowed ? shown(pulseOf(scored.filter((row) => matches(row, cellFilters)))) : suppressed(check.reason);
    return { key, invited: Math.max(invitedCount, responded), responded, responseRate: rate(responded, invitedCount), pulse };
  });
}

function painPoints(scope: readonly AnswerInput[], filters: FrontlineFilters, minGroupSize: number): Guarded<PainPoints> {
  const answered = scope.filter((row) => row.painArea !== null);
  const check = checkGroup(answered, filters, minGroupSize);
  if (!check.isAllowed) return suppressed(check.reason);
  const group = answered.filter((row) => matches(row, filters));
  const counts = FRONTLINE_PAIN_AREAS.map((area) => ({ area, count: group.filter((row) => row.painArea === area).length })).sort((a, b) => b.count - a.count);
  return shown({ n: group.length, counts });
}

export interface CommentGroup {
  text: string;
  /** How many people wrote exactly this. */
  count: number;
}

/**
 * Comments of the group, the same words said by several people once with their count, most
 * frequent first, then alphabetically: their order says nothing about who wrote them or when.
 */
function comments(scope: readonly AnswerInput[], texts: readonly CommentInput[], filters: FrontlineFilters, minCommentGroupSize: number): Guarded<{ n: number; texts: CommentGroup[] }> {
  const check = checkGroup(scope, filters, minCommentGroupSize, checkCommentGroup);
  if (!check.isAllowed) return suppressed(check.reason);
  const counts = new Map<string, number>();
  for (const row of texts) {
    const text = row.text.trim();
    if (text && matches(row, filters)) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const grouped = [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  return shown({ n: scope.filter((row) => matches(row, filters)).length, texts: grouped });
}

/**
 * Everything the frontline dashboard shows, from counts and answer rows that name nobody, with
 * every anonymity rule applied: withheld values are replaced by `{ suppressed, reason }`.
 */
export function buildFrontlineDashboard(input: { thresholds: AnonymityThresholds; filters: FrontlineFilters; cycles: readonly CycleInput[]; selectedCycleId: string | null; invited: readonly InvitedCount[]; answers: readonly AnswerInput[]; comments: readonly CommentInput[] }) {
  const { thresholds, filters, cycles, selectedCycleId, invited, answers } = input;
  const trend = cycles.map((cycle) => {
    const scope = answers.filter((row) => row.cycleId === cycle.id);
    const invitedCount = invited.filter((row) => row.cycleId === cycle.id && matches(row, filters)).reduce((sum, row) => sum + row.count, 0);
    const responded = scope.filter((row) => matches(row, filters)).length;
    return { sequence: cycle.sequence, opensAt: cycle.opensAt.toISOString(), closesAt: cycle.closesAt.toISOString(), status: cycle.status, invited: Math.max(invitedCount, responded), responded, responseRate: rate(responded, invitedCount), pulse: guardedPulse(scope, filters, thresholds.minGroupSize) };
  });
  const selected = cycles.find((cycle) => cycle.id === selectedCycleId) ?? null;
  const selectedAnswers = selected ? answers.filter((row) => row.cycleId === selected.id) : [];
  const selectedInvited = selected ? invited.filter((row) => row.cycleId === selected.id) : [];
  const options = (dimension: FrontlineDimension) => [...new Set([...invited, ...answers].map((row) => row[dimension]).filter((value): value is string => value !== null))].sort((a, b) => a.localeCompare(b));
  return {
    thresholds,
    filters,
    options: { teams: options("team"), locations: options("location") },
    trend,
    selectedCycle: selected
      ? {
          sequence: selected.sequence,
          opensAt: selected.opensAt.toISOString(),
          teams: breakdown("team", selectedAnswers, selectedInvited, filters, thresholds),
          locations: breakdown("location", selectedAnswers, selectedInvited, filters, thresholds),
          painPoints: painPoints(selectedAnswers, filters, thresholds.minGroupSize),
          comments: comments(selectedAnswers, input.comments, filters, thresholds.minCommentGroupSize),
        }
      : null,
    painPointsAllCycles: painPoints(answers, filters, thresholds.minGroupSize),
  };
}

export type FrontlineDashboardData = ReturnType<typeof buildFrontlineDashboard>;
