import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instrumentVersions, responseAnswers, responses } from "@/db/schema";
import type { Actor, OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { validateAnswers } from "@/lib/instruments/answers";
import type { Definition } from "@/lib/instruments/definition";
import { answerRows } from "./answer-rows";
import { respondentContext } from "./respondent-context";
import { responsePayloadSchema, type ResponsePayload } from "./schemas";

export interface SaveResult {
  responseId: string;
  status: "in_progress" | "completed";
  /** True when this call found the work already done (a retry or a double click). */
  isRepeat: boolean;
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

async function versionDefinition(tx: Tx, versionId: string): Promise<Definition> {
  const [version] = await tx.select({ definition: instrumentVersions.definition }).from(instrumentVersions).where(eq(instrumentVersions.id, versionId));
  return version.definition;
}

/**
 * Saves a respondent's answers: partially while they go (`complete: false`), or as the final
 * submission (`complete: true`), which also writes the typed answer rows. The response id from
 * the device makes every call idempotent, and one respondent has at most one response per
 * instrument, so a retried or doubled submit is never counted twice.
 */
export async function saveResponse(db: Db, actor: Actor | null, org: OrgRef, payload: ResponsePayload, { complete }: { complete: boolean }, now = new Date()): Promise<SaveResult> {
  const input = responsePayloadSchema.parse(payload);
  const context = await respondentContext(db, actor, org, input.instrumentId);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: responses.id, status: responses.status, respondentUserId: responses.respondentUserId, instrumentId: responses.instrumentId, versionId: responses.instrumentVersionId })
      .from(responses)
      .where(eq(responses.id, input.responseId))
      .for("update");
    if (existing && (existing.respondentUserId !== actor!.userId || existing.instrumentId !== context.instrumentId)) throw new AppError("NOT_FOUND", "notFound");
    if (existing?.status === "completed") return { responseId: existing.id, status: "completed", isRepeat: true };

    const definition = existing ? await versionDefinition(tx, existing.versionId) : context.latest.definition;
    const { answers, errors } = validateAnswers(definition, input.answers, { complete });
    if (Object.keys(errors).length > 0) throw new AppError("INVALID", "answersInvalid", errors);
    const status = complete ? "completed" : "in_progress";
    const submittedAt = complete ? now : null;

    if (existing) {
      await tx.update(responses).set({ answers, locale: input.locale, status, updatedAt: now, submittedAt }).where(eq(responses.id, existing.id));
    } else {
      const inserted = await tx
        .insert(responses)
        .values({
          id: input.responseId,
          organizationId: context.organization.id,
          instrumentId: context.instrumentId,
          instrumentVersionId: context.latest.id,
          respondentUserId: actor!.userId,
          status,
          locale: input.locale,
          answers,
          attributes: context.attributes,
          startedAt: now,
          updatedAt: now,
          submittedAt,
        })
        .onConflictDoNothing()
        .returning({ id: responses.id });
      if (inserted.length === 0) return alreadyStarted(tx, actor!.userId, context.instrumentId);
    }
    if (complete) {
      const rows = answerRows(definition, answers).map((row) => ({ ...row, responseId: input.responseId, organizationId: context.organization.id, instrumentId: context.instrumentId, submittedAt: now }));
      if (rows.length > 0) await tx.insert(responseAnswers).values(rows);
    }
    return { responseId: input.responseId, status, isRepeat: false };
  });
}

/** Another device of the same person started first: point this one at that response. */
async function alreadyStarted(tx: Tx, userId: string, instrumentId: string): Promise<SaveResult> {
  const [other] = await tx
    .select({ id: responses.id, status: responses.status })
    .from(responses)
    .where(and(eq(responses.instrumentId, instrumentId), eq(responses.respondentUserId, userId)));
  if (!other) throw new AppError("CONFLICT", "responseConflict");
  if (other.status === "completed") return { responseId: other.id, status: "completed", isRepeat: true };
  throw new AppError("CONFLICT", "responseStartedElsewhere");
}
