import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from "@/db/schema";
import type { AttemptOutcome } from "./send-webhook";

/** Logs one attempt and what the delivery now shows; a success also clears the endpoint's failure count. */
export async function recordAttempt(tx: Db, delivery: { id: string; endpointId: string }, outcome: AttemptOutcome, { at, isManual }: { at: Date; isManual: boolean }): Promise<void> {
  await tx.insert(webhookDeliveryAttempts).values({ deliveryId: delivery.id, attemptedAt: at, responseStatus: outcome.responseStatus, error: outcome.error, durationMs: outcome.durationMs, isManual });
  const isSuccess = outcome.error === null;
  await tx
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastAttemptAt: at,
      lastResponseStatus: outcome.responseStatus,
      lastError: outcome.error,
      ...(isSuccess ? { status: "succeeded" as const, deliveredAt: at, nextAttemptAt: null } : {}),
    })
    .where(eq(webhookDeliveries.id, delivery.id));
  if (isSuccess) await tx.update(webhookEndpoints).set({ consecutiveFailures: 0 }).where(eq(webhookEndpoints.id, delivery.endpointId));
}
