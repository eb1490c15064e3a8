import type { AnswerValue } from "@/lib/instruments/answers";
import type { Question } from "@/lib/instruments/definition";

/** The bucket every answer counts in: the number of respondents. */
export const RESPONDENTS_BUCKET = "_all";
/** The attribute (and value) of the overall tallies, next to the per-attribute ones. */
export const OVERALL = "";

export interface TallyKey {
  attribute: string;
  value: string;
  bucket: string;
}

/** The buckets one (valid) answer adds to: respondents, then the chosen options or the scale value. Open text only counts respondents. */
export function answerBuckets(type: Question["type"], value: AnswerValue): string[] {
  if (type === "single" && typeof value === "string") return [RESPONDENTS_BUCKET, value];
  if (type === "multiple" && typeof value === "object" && !Array.isArray(value) && Array.isArray(value.choiceIds)) return [RESPONDENTS_BUCKET, ...(value.choiceIds as string[])];
  if (type === "scale" && typeof value === "number") return [RESPONDENTS_BUCKET, String(value)];
  return [RESPONDENTS_BUCKET];
}

/**
 * Every tally one answer adds 1 to: each bucket overall and under each of the participant's
 * attribute values. Sorted, so that concurrent upserts lock rows in the same order.
 */
export function tallyKeys(type: Question["type"], value: AnswerValue, attributes: Record<string, string>): TallyKey[] {
  const buckets = answerBuckets(type, value);
  const groups: Array<[string, string]> = [[OVERALL, OVERALL], ...Object.entries(attributes).filter(([, attributeValue]) => attributeValue !== "")];
  const keys = groups.flatMap(([attribute, attributeValue]) => buckets.map((bucket) => ({ attribute, value: attributeValue, bucket })));
  return keys.sort((a, b) => a.attribute.localeCompare(b.attribute) || a.value.localeCompare(b.value) || a.bucket.localeCompare(b.bucket));
}
