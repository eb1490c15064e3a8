import "server-only";
import { isDeepStrictEqual } from "node:util";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { instrumentVersions, instruments, responses } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError, isAppError } from "@/lib/errors";
import { validateAnswers } from "@/lib/instruments/answers";
import { versionDefinition } from "@/lib/instruments/version-definition";
import { saveResponse } from "./save-response";
import { responsePayloadSchema } from "./schemas";

export const participantResponseSchema = responsePayloadSchema.extend({
  /** The member who answered: their user id in the organization. */
  participantId: z.string().min(1, { message: "participantCannotAnswer" }).max(100, { message: "participantCannotAnswer" }),
});
export type ParticipantResponseInput = z.input<typeof participantResponseSchema>;

/**
 * Records a participant's completed answers on their behalf (another system collected them): the
 * caller's own right to submit is checked first, then the answers go through the respondent's own
 * path as that participant, so the same eligibility, validation and one-response-per-person rules
 * apply. The response id is the caller's idempotency key: the same request again returns the first
 * response (isRepeat), the same key for another participant, instrument or answers is a CONFLICT.
 */
export async function submitParticipantResponse(db: Db, actor: Actor | null, org: OrgRef, input: ParticipantResponseInput, now = new Date()) {
  const { organization } = await requirePermission(db, actor, org, "responses.submit");
  const { participantId, ...payload } = participantResponseSchema.parse(input);
  await requireOpenInstrument(db, organization.id, payload.instrumentId);
  const earlier = await sameRequestResponse(db, organization.id, participantId, payload);
  if (earlier) return { ...earlier, isRepeat: true };
  try {
    const saved = await saveResponse(db, { userId: participantId }, { id: organization.id }, payload, { complete: true }, now);
    // The participant had answered already under another id: their first response stands.
    if (saved.responseId !== payload.responseId) throw new AppError("CONFLICT", "participantAlreadyAnswered");
    return { ...(await storedResponse(db, saved.responseId)), isRepeat: saved.isRepeat };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.messageKey === "answersInvalid") {
      throw new AppError("INVALID", "answersInvalid", Object.fromEntries(Object.entries(error.fieldErrors ?? {}).map(([questionId, code]) => [`answers/${questionId}`, code])));
    }
    if (error.code !== "NOT_FOUND" && error.code !== "FORBIDDEN") throw error;
    // The same key sent twice at once: the other request stored it meanwhile.
    const raced = await sameRequestResponse(db, organization.id, participantId, payload);
    if (raced) return { ...raced, isRepeat: true };
    // The instrument is open, so the participant is the one who may not answer it (not a member, not in its audience or program).
    throw new AppError("INVALID", "participantCannotAnswer", { participantId: "participantCannotAnswer" });
  }
}

async function requireOpenInstrument(db: Db, orgId: string, instrumentId: string) {
  const [instrument] = await db.select({ isOpen: instruments.isOpen, latestVersion: instruments.latestVersion }).from(instruments).where(and(eq(instruments.id, instrumentId), eq(instruments.organizationId, orgId)));
  if (!instrument) throw new AppError("NOT_FOUND", "notFound");
  if (!instrument.isOpen || instrument.latestVersion === 0) throw new AppError("CONFLICT", "instrumentNotOpen");
}

async function storedResponse(db: Db, responseId: string) {
  const [response] = await db
    .select({ id: responses.id, instrumentId: responses.instrumentId, status: responses.status, locale: responses.locale, version: instrumentVersions.version, submittedAt: responses.submittedAt })
    .from(responses)
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, responses.instrumentVersionId))
    .where(eq(responses.id, responseId));
  return response;
}

/** The response an identical earlier request stored under this id, null if none; the id used for anything else is a CONFLICT. */
async function sameRequestResponse(db: Db, orgId: string, participantId: string, payload: { responseId: string; instrumentId: string; locale: string; answers: Record<string, unknown> }) {
  const [existing] = await db
    .select({ organizationId: responses.organizationId, instrumentId: responses.instrumentId, respondentUserId: responses.respondentUserId, status: responses.status, locale: responses.locale, answers: responses.answers, versionId: responses.instrumentVersionId })
    .from(responses)
    .where(eq(responses.id, payload.responseId));
  if (!existing) return null;
  const isSameTarget = existing.organizationId === orgId && existing.instrumentId === payload.instrumentId && existing.respondentUserId === participantId && existing.status === "completed";
  if (!isSameTarget) throw new AppError("CONFLICT", "idempotencyKeyReused");
  // Stored answers are the validated ones (answers hidden by display logic dropped): compare like with like.
  const { answers } = validateAnswers(await versionDefinition(db, existing.versionId), payload.answers, { complete: true });
  if (existing.locale !== payload.locale || !isDeepStrictEqual(existing.answers, answers)) throw new AppError("CONFLICT", "idempotencyKeyReused");
  return storedResponse(db, payload.responseId);
}
