import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programMembers, users } from "@/db/schema";
import type { EligiblePerson } from "@/lib/cycles/eligibility";

/** Who a quick poll is for: the panel's active members, or those of its sample who are still active. */
export async function pollTargets(db: Db, poll: { programId: string; sampleId: string | null }): Promise<EligiblePerson[]> {
  const inSample = poll.sampleId
    ? sql`exists (select 1 from panel_sample_members psm where psm.sample_id = ${poll.sampleId} and psm.user_id = ${programMembers.userId})`
    : undefined;
  const rows = await db
    .select({ userId: users.id, email: users.email, locale: users.locale })
    .from(programMembers)
    .innerJoin(users, eq(users.id, programMembers.userId))
    .where(and(eq(programMembers.programId, poll.programId), eq(programMembers.status, "active"), inSample));
  return rows.filter((row): row is EligiblePerson => Boolean(row.email));
}
