import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instrumentVersions, instruments, memberships } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";

/**
 * What a respondent may answer: an open instrument of their organization whose audience includes
 * their role, in its latest published version. Anything else is simply not found.
 */
export async function respondentContext(db: Db, actor: Actor | null, org: OrgRef, instrumentId: string) {
  const { organization, role, membershipId } = await requirePermission(db, actor, org, "instruments.respond");
  const [instrument] = await db
    .select({ id: instruments.id, isOpen: instruments.isOpen, audience: instruments.audience })
    .from(instruments)
    .where(and(eq(instruments.id, instrumentId), eq(instruments.organizationId, organization.id)));
  if (!instrument || !instrument.isOpen || !instrument.audience.includes(role)) throw new AppError("NOT_FOUND", "notFound");
  const [latest] = await db
    .select({ id: instrumentVersions.id, version: instrumentVersions.version, definition: instrumentVersions.definition })
    .from(instrumentVersions)
    .where(eq(instrumentVersions.instrumentId, instrument.id))
    .orderBy(desc(instrumentVersions.version))
    .limit(1);
  if (!latest) throw new AppError("NOT_FOUND", "notFound");
  const [membership] = await db.select({ attributes: memberships.attributes }).from(memberships).where(eq(memberships.id, membershipId));
  return { organization, instrumentId: instrument.id, latest, attributes: membership?.attributes ?? {} };
}
