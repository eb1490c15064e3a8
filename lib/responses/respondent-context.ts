import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instrumentVersions, instruments } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef, type SessionActor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { versionDefinition } from "@/lib/instruments/version-definition";
import { mayAnswerInstrument } from "@/lib/cycles/eligibility";

/**
 * What a respondent may answer: an open instrument of their organization whose audience includes
 * their role and, for a program's cycle, whose program they belong to, in its latest published
 * version. Anything else is simply not found.
 */
export async function respondentContext(db: Db, actor: Actor | SessionActor | null, org: OrgRef, instrumentId: string) {
  const { organization, role, attributes, userId } = await requirePermission(db, actor, org, "instruments.respond");
  if (!isUuid(instrumentId)) throw new AppError("NOT_FOUND", "notFound");
  const [instrument] = await db
    .select({ id: instruments.id, programId: instruments.programId, isOpen: instruments.isOpen, audience: instruments.audience, versionId: instrumentVersions.id, version: instrumentVersions.version })
    .from(instruments)
    .innerJoin(instrumentVersions, and(eq(instrumentVersions.instrumentId, instruments.id), eq(instrumentVersions.version, instruments.latestVersion)))
    .where(and(eq(instruments.id, instrumentId), eq(instruments.organizationId, organization.id), mayAnswerInstrument(userId, role)));
  if (!instrument || !instrument.isOpen || !instrument.audience.includes(role)) throw new AppError("NOT_FOUND", "notFound");
  const definition = await versionDefinition(db, instrument.versionId);
  return { organization, userId, instrumentId: instrument.id, programId: instrument.programId, latest: { id: instrument.versionId, version: instrument.version, definition }, attributes };
}
