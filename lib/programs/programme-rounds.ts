import "server-only";
import { sql, type SQL } from "drizzle-orm";

/**
 * Every round of an organization's programmes that has opened, with how many were invited and how
 * many answered: council sessions and frontline months (panels' own cycles are quick polls, not
 * rounds), and resonance tests. Counts only, never who. A closed round reads the counts frozen when
 * it closed; only open rounds (and any closed before those counts were kept) count rows.
 */
export function programmeRounds(organizationId: string): SQL {
  return sql`
    select c.program_id, c.opens_at as opened_at, c.status = 'open' as is_open,
      coalesce(c.invited_count, (select count(*)::int from cycle_notifications n where n.cycle_id = c.id and n.kind = 'invitation')) as invited,
      coalesce(c.responded_count, (select count(*)::int from responses r where r.instrument_id = c.instrument_id and r.status = 'completed')) as responded
    from program_cycles c join programs p on p.id = c.program_id
    where p.organization_id = ${organizationId}::uuid and c.status <> 'scheduled' and p.kind <> 'panel'
    union all
    select t.program_id, t.opened_at, t.status = 'open', t.invited,
      coalesce(t.responded, (select count(*)::int from responses r where r.instrument_id = t.instrument_id and r.status = 'completed'))
    from resonance_tests t where t.organization_id = ${organizationId}::uuid`;
}
