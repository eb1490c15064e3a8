import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { instrumentVersions, instruments, type MemberAttributes } from "@/db/schema";
import { can } from "@/lib/authz/policy";
import { requirePermission, sessionUserIdSql, type Actor, type OrgContext, type OrgRef, type SessionActor } from "@/lib/authz/require-permission";
import type { Role } from "@/lib/authz/roles";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { Locale } from "@/lib/i18n/locales";
import { versionDefinition } from "@/lib/instruments/version-definition";
import { mayAnswerInstrument } from "@/lib/cycles/eligibility";
import { countHitsCtes } from "@/lib/rate-limit/consume-rate-limit";

export type RespondentContext = Awaited<ReturnType<typeof respondentContext>>;

interface AnswerableInstrument {
  id: string;
  programId: string | null;
  versionId: string;
  version: number;
}

async function contextOf(db: Db, { organization, userId, attributes }: Pick<OrgContext, "organization" | "userId" | "attributes">, instrument: AnswerableInstrument) {
  const definition = await versionDefinition(db, instrument.versionId);
  return { organization, userId, instrumentId: instrument.id, programId: instrument.programId, latest: { id: instrument.versionId, version: instrument.version, definition }, attributes };
}

/**
 * What a respondent may answer: an open instrument of their organization whose audience includes
 * their role and, for a program's cycle, whose program they belong to, in its latest published
 * version. Anything else is simply not found.
 */
export async function respondentContext(db: Db, actor: Actor | SessionActor | null, org: OrgRef, instrumentId: string) {
  const member = await requirePermission(db, actor, org, "instruments.respond");
  if (!isUuid(instrumentId)) throw new AppError("NOT_FOUND", "notFound");
  const [instrument] = await db
    .select({ id: instruments.id, programId: instruments.programId, isOpen: instruments.isOpen, audience: instruments.audience, versionId: instrumentVersions.id, version: instrumentVersions.version })
    .from(instruments)
    .innerJoin(instrumentVersions, and(eq(instrumentVersions.instrumentId, instruments.id), eq(instrumentVersions.version, instruments.latestVersion)))
    .where(and(eq(instruments.id, instrumentId), eq(instruments.organizationId, member.organization.id), mayAnswerInstrument(member.userId, member.role)));
  if (!instrument || !instrument.isOpen || !instrument.audience.includes(member.role)) throw new AppError("NOT_FOUND", "notFound");
  return contextOf(db, member, instrument);
}

/** What the capture path asks for one request: who, where, which instrument, and the rate-limit hit it counts. */
export interface CaptureRequest {
  sessionToken: string;
  orgSlug: string;
  instrumentId: string;
  hit: { key: string; windowStart: string };
}

export interface CaptureRead {
  /** The request's rate-limit count in its window, this request included. */
  hits: number;
  /** Null for anything but a respondent who may answer (ask `respondentContext` why). */
  context: RespondentContext | null;
}

interface CaptureRow {
  hits: number | string;
  id: string | null;
  slug: string;
  name: string;
  defaultLocale: Locale;
  minGroupSize: number;
  minCommentGroupSize: number;
  role: Role;
  attributes: MemberAttributes;
  userId: string;
  instrumentId: string | null;
  programId: string | null;
  isAnswerable: boolean;
  versionId: string;
  version: number;
}

/**
 * The capture path's one read, for many requests at once: each request's rate-limit hit counted,
 * its session's membership in the organization and the instrument, checked as `requirePermission`
 * and `respondentContext` check them. Answers in request order.
 */
export async function readCaptureContexts(db: Db, requests: CaptureRequest[]): Promise<CaptureRead[]> {
  if (requests.length === 0) return [];
  const given = requests.map((request, ord) => ({
    ord,
    session_token: request.sessionToken,
    org_slug: request.orgSlug,
    // A malformed id matches no instrument; cast in SQL it would fail every request of the batch.
    instrument_id: isUuid(request.instrumentId) ? request.instrumentId : null,
    key: request.hit.key,
    window_start: request.hit.windowStart,
  }));
  const rows = rowsOf<CaptureRow & { ord: number }>(
    await db.execute(sql`
      with request as (
        select * from jsonb_to_recordset(${JSON.stringify(given)}::jsonb) as r(ord int, session_token text, org_slug text, instrument_id uuid, key text, window_start timestamptz)
      ), ${countHitsCtes(sql`select ord, key, window_start from request`)}
      select request.ord, counted_hits.hits, m.*, i.*
      from request join counted_hits on counted_hits.ord = request.ord
      left join lateral (
        select o.id, o.slug, o.name, o.default_locale as "defaultLocale", o.min_group_size as "minGroupSize", o.min_comment_group_size as "minCommentGroupSize",
          ms.role, ms.attributes, ms.user_id as "userId"
        from memberships ms join organizations o on o.id = ms.organization_id
        where o.slug = request.org_slug and ms.deactivated_at is null
          and ms.user_id = ${sessionUserIdSql(sql`request.session_token`)}
        limit 1
      ) m on true
      left join lateral (
        select instruments.id as "instrumentId", instruments.program_id as "programId", instruments.is_open and m.role = any(instruments.audience) as "isAnswerable",
          v.id as "versionId", v.version
        from instruments join instrument_versions v on v.instrument_id = instruments.id and v.version = instruments.latest_version
        where instruments.id = request.instrument_id and instruments.organization_id = m.id and ${mayAnswerInstrument(sql`m."userId"`, sql`m.role`)}
      ) i on true
      order by request.ord`),
  );
  return Promise.all(rows.map(async (row) => ({ hits: Number(row.hits), context: await captureContextOf(db, row) })));
}

async function captureContextOf(db: Db, row: CaptureRow): Promise<RespondentContext | null> {
  const { id, role, instrumentId: answerableId, ...rest } = row;
  if (!id || !answerableId || !rest.isAnswerable || !can(role, "instruments.respond")) return null;
  const instrument: AnswerableInstrument = { id: answerableId, programId: rest.programId, versionId: rest.versionId, version: Number(rest.version) };
  const organization = { id, slug: rest.slug, name: rest.name, defaultLocale: rest.defaultLocale, minGroupSize: Number(rest.minGroupSize), minCommentGroupSize: Number(rest.minCommentGroupSize) };
  return contextOf(db, { organization, userId: rest.userId, attributes: rest.attributes }, instrument);
}
