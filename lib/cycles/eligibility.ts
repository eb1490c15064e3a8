import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, programMembers, users } from "@/db/schema";
import type { Role } from "@/lib/authz/roles";
import type { Locale } from "@/lib/i18n/locales";

export interface EligiblePerson {
  userId: string;
  email: string;
  locale: Locale | null;
}

/**
 * Who a program's cycles are for: a council's or panel's active members, or a frontline program's
 * active staff (frontline role, not deactivated). The one definition used by mailing and answering.
 */
export async function eligiblePeople(db: Db, program: { id: string; organizationId: string; kind: "council" | "frontline" | "panel" }): Promise<EligiblePerson[]> {
  const rows =
    program.kind === "frontline"
      ? await db
          .select({ userId: users.id, email: users.email, locale: users.locale })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.organizationId, program.organizationId), eq(memberships.role, "frontline"), isNull(memberships.deactivatedAt)))
      : await db
          .select({ userId: users.id, email: users.email, locale: users.locale })
          .from(programMembers)
          .innerJoin(users, eq(users.id, programMembers.userId))
          .where(and(eq(programMembers.programId, program.id), eq(programMembers.status, "active")));
  return rows.filter((row): row is EligiblePerson => Boolean(row.email));
}

/**
 * A condition on `instruments`: true when the instrument belongs to no program, or the person may
 * answer its program's cycles; a quick poll or resonance test sent to a panel's sample only by that sample's members. Inlined into the respondent's own query so capture stays one round trip;
 * the person may be given as SQL (columns of that query).
 */
export function mayAnswerInstrument(userId: string | SQL, role: Role | SQL): SQL {
  // The outer column is named in full: drizzle leaves it unqualified when the query has one table.
  return sql`(instruments.program_id is null or exists (
    select 1 from programs p
    where p.id = instruments.program_id
      and ((p.kind = 'frontline' and ${role}::member_role = 'frontline')
        or (p.kind in ('council', 'panel') and exists (select 1 from program_members pm where pm.program_id = p.id and pm.user_id = ${userId} and pm.status = 'active')
          and not exists (select 1 from quick_polls qp where qp.instrument_id = instruments.id and qp.sample_id is not null
            and not exists (select 1 from panel_sample_members psm where psm.sample_id = qp.sample_id and psm.user_id = ${userId}))
          and not exists (select 1 from resonance_tests rt where rt.instrument_id = instruments.id and rt.sample_id is not null
            and not exists (select 1 from panel_sample_members psm where psm.sample_id = rt.sample_id and psm.user_id = ${userId}))))))`;
}
