import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instrumentVersions, responses } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { instrumentForResponses } from "./list-responses";

/**
 * One response with the version it answered, so old answers read with their own questions. Opening
 * one person's answers is recorded in the audit log: it is the individual-level view.
 */
export async function getResponse(db: Db, actor: Actor | null, org: OrgRef, instrumentId: string, responseId: string) {
  const { organization } = await requirePermission(db, actor, org, "responses.view");
  const instrument = await instrumentForResponses(db, organization.id, instrumentId);
  if (!isUuid(responseId)) throw new AppError("NOT_FOUND", "notFound");
  const [response] = await db
    .select({
      id: responses.id,
      status: responses.status,
      locale: responses.locale,
      answers: responses.answers,
      attributes: responses.attributes,
      startedAt: responses.startedAt,
      submittedAt: responses.submittedAt,
      version: instrumentVersions.version,
      definition: instrumentVersions.definition,
    })
    .from(responses)
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, responses.instrumentVersionId))
    .where(and(eq(responses.id, responseId), eq(responses.instrumentId, instrument.id), eq(responses.organizationId, organization.id)));
  if (!response) throw new AppError("NOT_FOUND", "notFound");
  await recordAudit(db, { organizationId: organization.id, actorUserId: actor!.userId, action: "response.viewed", targetType: "response", targetId: response.id, details: { instrumentId: instrument.id } });
  return { instrument, response };
}

/** The same, addressed by the response alone (the public API's /responses/{id}): its instrument is looked up in the organization. */
export async function getResponseById(db: Db, actor: Actor | null, org: OrgRef, responseId: string) {
  const { organization } = await requirePermission(db, actor, org, "responses.view");
  if (!isUuid(responseId)) throw new AppError("NOT_FOUND", "notFound");
  const [found] = await db.select({ instrumentId: responses.instrumentId }).from(responses).where(and(eq(responses.id, responseId), eq(responses.organizationId, organization.id)));
  if (!found) throw new AppError("NOT_FOUND", "notFound");
  return getResponse(db, actor, { id: organization.id }, found.instrumentId, responseId);
}
