import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";

export interface MyLiveSession {
  id: string;
  title: string;
  status: "scheduled" | "live";
  scheduledAt: Date;
}

/** The sessions a participant may join now or soon: those of panels (and samples) they are active in, not ended. */
export async function listMyLiveSessions(db: Db, actor: Actor | null, org: OrgRef): Promise<MyLiveSession[]> {
  const { organization, userId } = await requirePermission(db, actor, org, "org.view");
  const rows = rowsOf<Omit<MyLiveSession, "scheduledAt"> & { scheduledAt: string | Date }>(
    await db.execute(sql`
      select s.id, s.title, s.status, s.scheduled_at as "scheduledAt"
      from live_sessions s
      join program_members pm on pm.program_id = s.program_id and pm.user_id = ${userId} and pm.status = 'active'
      where s.organization_id = ${organization.id}::uuid and s.status in ('scheduled', 'live')
        and (s.sample_id is null or exists (select 1 from panel_sample_members psm where psm.sample_id = s.sample_id and psm.user_id = ${userId}))
      order by s.status = 'live' desc, s.scheduled_at
      limit 20`),
  );
  return rows.map((row) => ({ ...row, scheduledAt: new Date(row.scheduledAt) }));
}
