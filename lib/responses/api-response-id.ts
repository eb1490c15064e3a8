import { v5 as uuidV5 } from "uuid";

/** A fixed namespace for response ids derived from API idempotency keys (any constant UUID works). */
const API_RESPONSE_NAMESPACE = "0f1b6d4e-8c2a-4e55-9b7d-3a6c2e1f9d80";

/**
 * The response id for an Idempotency-Key, scoped to the organization: the same key always names
 * the same response there, and another organization's clients can never collide with it or learn
 * whether an id exists by reusing one.
 */
export function responseIdForIdempotencyKey(organizationId: string, idempotencyKey: string): string {
  return uuidV5(`${organizationId}:${idempotencyKey.toLowerCase()}`, API_RESPONSE_NAMESPACE);
}
