export const pollQueryKeys = {
  results: (orgSlug: string, pollId: string, split: string) => ["polls", orgSlug, pollId, "results", split] as const,
};
