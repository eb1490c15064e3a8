import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { responseRate } from "@/lib/cycles/response-rate";

export interface ProgrammeResponseRate {
  programId: string;
  kind: "council" | "frontline" | "panel";
  name: string;
  /** When the latest round opened: a council session, a frontline month, or a panel's resonance test. */
  openedAt: Date;
  isOpen: boolean;
  invited: number;
  responded: number;
  rate: number | null;
}

/**
 * Each active programme's latest round with how many were invited and answered (counts only):
 * the last session or month that has opened, or for a panel its latest resonance test.
 */
export async function listProgrammeResponseRates(db: Db, actor: Actor | null, org: OrgRef): Promise<ProgrammeResponseRate[]> {
  const { organization } = await requirePermission(db, actor, org, "dashboard.view");
  const rows = rowsOf<{ programId: string; kind: ProgrammeResponseRate["kind"]; name: string; openedAt: Date | string; isOpen: boolean; invited: number; responded: number }>(
    await db.execute(sql`
      select p.id as "programId", p.kind, p.name, latest.opened_at as "openedAt", latest.is_open as "isOpen", latest.invited, latest.responded
      from programs p
      cross join lateral (
        select c.opens_at as opened_at, c.status = 'open' as is_open,
          (select count(*)::int from cycle_notifications n where n.cycle_id = c.id and n.kind = 'invitation') as invited,
          (select count(*)::int from responses r where r.instrument_id = c.instrument_id and r.status = 'completed') as responded
        from program_cycles c where c.program_id = p.id and c.status <> 'scheduled' and p.kind <> 'panel'
        union all
        select t.opened_at, t.status = 'open', t.invited,
          (select count(*)::int from responses r where r.instrument_id = t.instrument_id and r.status = 'completed')
        from resonance_tests t where t.program_id = p.id
        order by 1 desc limit 1
      ) latest
      where p.organization_id = ${organization.id}::uuid and p.status = 'active'
      order by p.kind, p.name`),
  );
  return rows.map((row) => ({ ...row, openedAt: new Date(row.openedAt), invited: Number(row.invited), responded: Number(row.responded), rate: responseRate(Number(row.responded), Number(row.invited)) }));
}
