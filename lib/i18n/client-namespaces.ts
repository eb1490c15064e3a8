/**
 * The translations sent to the browser are only those its client components can use: all of them
 * travel in every page's HTML otherwise (about 50 kB gzipped), which a phone pays for on every
 * page. Every page gets the shared ones; participants' pages (portal, survey form, live session,
 * my data) add theirs, and staff pages get all. client-namespaces.test.ts follows the imports of
 * the participants' pages to prove that their client components need nothing else.
 */
export const SHARED_CLIENT_NAMESPACES = ["common", "errors", "pages"] as const;

// "builder" for the concept images of live polls, which the live session page imports for moderators.
export const PARTICIPANT_CLIENT_NAMESPACES = [...SHARED_CLIENT_NAMESPACES, "builder", "consent", "councils", "fieldReports", "live", "liveReview", "polls", "privacy", "respond"] as const;

/** The messages of the namespaces named (a nested one such as "live.thread" travels with "live"). */
export function pickNamespaces<T extends Record<string, unknown>>(messages: T, namespaces: readonly string[]): Partial<T> {
  const picked: Partial<T> = {};
  for (const namespace of namespaces) {
    const key = namespace.split(".")[0] as keyof T;
    if (key in messages) picked[key] = messages[key];
  }
  return picked;
}
