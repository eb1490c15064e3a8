// When a failed delivery is tried again: soon for a blip, then further apart for an outage.
// Seven attempts over about twenty hours; then the delivery counts as failed.
export const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000, 12 * 60 * 60_000] as const;
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The wait after failed attempt `attempt` (1-based) before the next one, or null when it was the last. */
export function nextRetryDelayMs(attempt: number): number | null {
  if (!Number.isInteger(attempt) || attempt < 1 || attempt > RETRY_DELAYS_MS.length) return null;
  return RETRY_DELAYS_MS[attempt - 1];
}

/** True when a 2xx answered: anything else (3xx included, redirects are not followed) is a failure. */
export function isDeliverySuccess(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}
