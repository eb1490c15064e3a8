import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { can } from "@/lib/authz/policy";
import { requirePermission, type Actor, type OrgRef, type OrgContext, type SessionActor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { LiveAudience } from "./events";

export interface LiveSessionRow {
  id: string;
  programId: string;
  sampleId: string | null;
  title: string;
  status: "scheduled" | "live" | "ended";
  defaultLocale: string;
  lastEventSeq: number;
  currentPollId: string | null;
}

export interface LiveAccess {
  context: OrgContext;
  session: LiveSessionRow;
  audience: LiveAudience;
}

/**
 * Who the actor is in a live session: moderator (researchers, admins), observer (leaders), or
 * participant (an active member of the session's panel, and of its sample when it has one).
 * Anyone else, and any session of another organization, is NOT_FOUND.
 */
export async function requireLiveAccess(db: Db, actor: Actor | SessionActor | null, org: OrgRef, sessionId: string): Promise<LiveAccess> {
  const context = await requirePermission(db, actor, org, "org.view");
  if (!isUuid(sessionId)) throw new AppError("NOT_FOUND", "notFound");
  const [session] = rowsOf<LiveSessionRow & { isParticipant: boolean }>(
    await db.execute(sql`
      select s.id, s.program_id as "programId", s.sample_id as "sampleId", s.title, s.status, s.default_locale as "defaultLocale",
        s.last_event_seq as "lastEventSeq", s.current_poll_id as "currentPollId",
        exists (select 1 from program_members pm where pm.program_id = s.program_id and pm.user_id = ${context.userId} and pm.status = 'active'
          and (s.sample_id is null or exists (select 1 from panel_sample_members psm where psm.sample_id = s.sample_id and psm.user_id = ${context.userId}))) as "isParticipant"
      from live_sessions s where s.id = ${sessionId}::uuid and s.organization_id = ${context.organization.id}::uuid`),
  );
  if (!session) throw new AppError("NOT_FOUND", "notFound");
  const { isParticipant, ...row } = session;
  const audience: LiveAudience | null = can(context.role, "live.moderate") ? "moderator" : can(context.role, "live.observe") ? "observer" : isParticipant ? "participant" : null;
  if (!audience) throw new AppError("NOT_FOUND", "notFound");
  return { context, session: { ...row, lastEventSeq: Number(row.lastEventSeq) }, audience };
}
