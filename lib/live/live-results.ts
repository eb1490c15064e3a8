import { suppressBreakdown } from "@/lib/anonymity/suppress-breakdown";
import type { LiveAudience, LiveResults, LiveSplitGroup } from "./events";
import { OVERALL, RESPONDENTS_BUCKET } from "./tally-keys";

export interface TallyRow {
  attribute: string;
  attributeValue: string;
  bucket: string;
  n: number;
}

/** Live splits never show observers a group smaller than this, whatever the organization allows elsewhere. */
export const LIVE_MIN_GROUP_SIZE = 5;

function summarize(rows: TallyRow[], isScale: boolean) {
  const counts: Record<string, number> = {};
  let respondents = 0;
  for (const row of rows) {
    if (row.bucket === RESPONDENTS_BUCKET) respondents = row.n;
    else counts[row.bucket] = row.n;
  }
  const weighted = Object.entries(counts).reduce((sum, [bucket, n]) => sum + Number(bucket) * n, 0);
  return { respondents, counts, mean: isScale && respondents > 0 ? weighted / respondents : null };
}

/**
 * A poll's results from its tallies: overall and split by every attribute answered under. For
 * observers, nothing but the count is shown until the minimum have answered, groups under the
 * minimum size are withheld, and so are the groups that would give them away by subtraction;
 * moderators see every group.
 */
export function liveResultsFromTallies(pollId: string, tallies: TallyRow[], { isScale, audience, minGroupSize }: { isScale: boolean; audience: LiveAudience; minGroupSize: number }): LiveResults {
  const overall = summarize(tallies.filter((row) => row.attribute === OVERALL), isScale);
  const threshold = Math.max(LIVE_MIN_GROUP_SIZE, minGroupSize);
  if (audience !== "moderator" && overall.respondents < threshold) {
    return { pollId, respondents: overall.respondents, counts: {}, mean: null, splits: {}, minGroupSize: threshold, withheld: true };
  }
  const byAttribute = new Map<string, Map<string, TallyRow[]>>();
  for (const row of tallies) {
    if (row.attribute === OVERALL) continue;
    const groups = byAttribute.get(row.attribute) ?? new Map<string, TallyRow[]>();
    groups.set(row.attributeValue, [...(groups.get(row.attributeValue) ?? []), row]);
    byAttribute.set(row.attribute, groups);
  }
  const splits: Record<string, LiveSplitGroup[]> = {};
  for (const [attribute, groups] of [...byAttribute].sort(([a], [b]) => a.localeCompare(b))) {
    const summaries = [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([value, rows]) => ({ value, ...summarize(rows, isScale) }));
    if (audience === "moderator") {
      splits[attribute] = summaries.map(({ value, respondents, counts, mean }) => ({ value, suppressed: false, respondents, counts, mean }));
      continue;
    }
    const decisions = suppressBreakdown(summaries.map((group) => ({ key: group.value, n: group.respondents })), { minGroupSize: threshold, total: overall.respondents });
    splits[attribute] = decisions.map((decision): LiveSplitGroup => {
      if (decision.suppressed) return { value: decision.key, suppressed: true, reason: decision.reason === "complementary" ? "complementary" : "too_few_responses" };
      const { value, respondents, counts, mean } = summaries.find((group) => group.value === decision.key)!;
      return { value, suppressed: false, respondents, counts, mean };
    });
  }
  return { pollId, ...overall, splits, minGroupSize: threshold };
}
