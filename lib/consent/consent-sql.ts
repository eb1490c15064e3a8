import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { ConsentPurpose } from "@/db/schema/privacy";

/**
 * The one SQL test of "this person has effectively granted this purpose in this program": their
 * latest record is a grant of a version at least as new as the purpose's latest material text.
 * No text, no record, a withdrawal, a refusal, or an unanswered material change all read false, and
 * so does an erased respondent (null user). `programId` and `userId` are SQL expressions of the
 * outer query (a column, or a raw alias like `r.respondent_user_id`).
 *
 * Frontline programs have no consent flow (the staff roster and the anonymity thresholds protect
 * staff instead): callers never apply this test to a frontline program's answers.
 */
export function hasEffectiveConsent(programId: SQL | AnyColumn, userId: SQL | AnyColumn, purpose: ConsentPurpose): SQL<boolean> {
  return sql<boolean>`coalesce((
    select cr.granted and cr.version >= (
      select max(t.version) from program_consent_texts t where t.program_id = cr.program_id and t.purpose = cr.purpose and t.is_material
    )
    from consent_records cr
    where cr.program_id = ${programId} and cr.user_id = ${userId} and cr.purpose = ${purpose}
    order by cr.id desc limit 1
  ), false)`;
}
