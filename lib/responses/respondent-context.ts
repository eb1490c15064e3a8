import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { instrumentVersions, instruments, type MemberAttributes } from "@/db/schema";
import { can } from "@/lib/authz/policy";
import { requirePermission, type Actor, type OrgContext, type OrgRef, type SessionActor } from "@/lib/authz/require-permission";
import type { Role } from "@/lib/authz/roles";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { Locale } from "@/lib/i18n/locales";
import { versionDefinition } from "@/lib/instruments/version-definition";
import { mayAnswerInstrument } from "@/lib/cycles/eligibility";

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

interface CaptureRow {
  pre: unknown;
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
 * The capture path's one read: `before` (a data-modifying statement such as a rate-limit count,
 * run as a CTE whatever else is found, its first column returned as `pre`), the session's
 * membership in the organization and the instrument, checked as `requirePermission` and
 * `respondentContext` check them. `context` is null for anything but a respondent who may answer:
 * the caller then asks `respondentContext`, which says exactly why not.
 */
export async function readCaptureContext(db: Db, actor: SessionActor, orgSlug: string, instrumentId: string, before: SQL): Promise<{ pre: unknown; context: RespondentContext | null }> {
  if (!isUuid(instrumentId)) return { pre: rowsOf<{ pre: unknown }>(await db.execute(sql`with pre as (${before}) select (table pre) as pre`))[0].pre, context: null };
  const [row] = rowsOf<CaptureRow>(
    await db.execute(sql`
      with pre as (${before})
      select (table pre) as pre, m.*, i.*
      from (select 1) as one
      left join lateral (
        select o.id, o.slug, o.name, o.default_locale as "defaultLocale", o.min_group_size as "minGroupSize", o.min_comment_group_size as "minCommentGroupSize",
          ms.role, ms.attributes, ms.user_id as "userId"
        from memberships ms join organizations o on o.id = ms.organization_id
        where o.slug = ${orgSlug} and ms.deactivated_at is null
          and ms.user_id = (select se.user_id from sessions se where se.session_token = ${actor.sessionToken} and se.expires > now())
        limit 1
      ) m on true
      left join lateral (
        select instruments.id as "instrumentId", instruments.program_id as "programId", instruments.is_open and m.role = any(instruments.audience) as "isAnswerable",
          v.id as "versionId", v.version
        from instruments join instrument_versions v on v.instrument_id = instruments.id and v.version = instruments.latest_version
        where instruments.id = ${instrumentId}::uuid and instruments.organization_id = m.id and ${mayAnswerInstrument(sql`m."userId"`, sql`m.role`)}
      ) i on true`),
  );
  const { pre, id, role, instrumentId: answerableId, ...rest } = row;
  if (!id || !answerableId || !rest.isAnswerable || !can(role, "instruments.respond")) return { pre, context: null };
  const instrument: AnswerableInstrument = { id: answerableId, programId: rest.programId, versionId: rest.versionId, version: Number(rest.version) };
  const organization = { id, slug: rest.slug, name: rest.name, defaultLocale: rest.defaultLocale, minGroupSize: Number(rest.minGroupSize), minCommentGroupSize: Number(rest.minCommentGroupSize) };
  return { pre, context: await contextOf(db, { organization, userId: rest.userId, attributes: rest.attributes }, instrument) };
}
