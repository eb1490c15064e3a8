export const kpiQueryKeys = {
  overview: (orgSlug: string) => ["kpis", orgSlug, "overview"] as const,
};
