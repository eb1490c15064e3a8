import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { responseRate } from "@/lib/cycles/response-rate";
import { programmeRounds } from "./programme-rounds";

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
      with rounds as (${programmeRounds(organization.id)})
      select * from (
        select distinct on (p.id) p.id as "programId", p.kind, p.name, r.opened_at as "openedAt", r.is_open as "isOpen", r.invited, r.responded
        from programs p join rounds r on r.program_id = p.id
        where p.organization_id = ${organization.id}::uuid and p.status = 'active'
        order by p.id, r.opened_at desc
      ) latest
      order by kind, name`),
  );
  return rows.map((row) => ({ ...row, openedAt: new Date(row.openedAt), invited: Number(row.invited), responded: Number(row.responded), rate: responseRate(Number(row.responded), Number(row.invited)) }));
}
