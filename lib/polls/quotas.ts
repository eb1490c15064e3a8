import type { QuickPollQuota } from "@/db/schema";

/** Completed responses per attribute value, keyed `${attribute}\u0000${value}`. */
export type QuotaCounts = ReadonlyMap<string, number>;

export function quotaKey(attribute: string, value: string): string {
  return `${attribute}\u0000${value}`;
}

/** A poll with quotas closes once every quota is reached; one with none closes only at its deadline. */
export function areQuotasMet(quotas: readonly QuickPollQuota[], counts: QuotaCounts): boolean {
  if (quotas.length === 0) return false;
  return quotas.every((quota) => (counts.get(quotaKey(quota.attribute, quota.value)) ?? 0) >= quota.count);
}

/** Progress of each quota for the results page: reached answers never exceed the target shown. */
export function quotaProgress(quotas: readonly QuickPollQuota[], counts: QuotaCounts) {
  return quotas.map((quota) => ({ ...quota, reached: Math.min(quota.count, counts.get(quotaKey(quota.attribute, quota.value)) ?? 0) }));
}
