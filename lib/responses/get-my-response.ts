import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instrumentVersions, responses } from "@/db/schema";
import type { Actor, OrgRef } from "@/lib/authz/require-permission";
import { versionDefinition } from "@/lib/instruments/version-definition";
import { respondentContext } from "./respondent-context";

/** The form a respondent sees, with what they already answered so they resume where they left off. */
export async function getMyResponse(db: Db, actor: Actor | null, org: OrgRef, instrumentId: string) {
  const context = await respondentContext(db, actor, org, instrumentId);
  const [response] = await db
    .select({ id: responses.id, status: responses.status, answers: responses.answers, versionId: responses.instrumentVersionId, version: instrumentVersions.version, locale: responses.locale, updatedAt: responses.updatedAt })
    .from(responses)
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, responses.instrumentVersionId))
    .where(and(eq(responses.instrumentId, context.instrumentId), eq(responses.respondentUserId, context.userId)));
  // A response started before a republication keeps answering the version it began with.
  const version =
    response && response.versionId !== context.latest.id
      ? { id: response.versionId, version: response.version, definition: await versionDefinition(db, response.versionId) }
      : context.latest;
  return { instrumentId: context.instrumentId, organization: context.organization, version, response: response ?? null };
}
