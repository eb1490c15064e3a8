import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { hasEffectiveConsent } from "./consent-sql";

/**
 * Of these responses, the ones whose respondent has effectively granted quotes in the program: read
 * each time a stored quote is shown, so a withdrawal hides it at once and a later grant brings it back.
 */
export async function quotableResponseIds(db: Db, programId: string, responseIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(responseIds)];
  if (ids.length === 0) return new Set();
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      select r.id from responses r
      where r.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})
        and ${hasEffectiveConsent(sql`${programId}::uuid`, sql`r.respondent_user_id`, "quotes")}`),
  );
  return new Set(rows.map((row) => row.id));
}

/** Stored memo quotes without those whose author has not (or no longer) granted quotes. */
export async function withConsentedQuotes<Q extends { responseId: string }>(db: Db, programId: string, quotes: readonly Q[]): Promise<Q[]> {
  const allowed = await quotableResponseIds(db, programId, quotes.map((quote) => quote.responseId));
  return quotes.filter((quote) => allowed.has(quote.responseId));
}
