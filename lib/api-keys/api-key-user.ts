/**
 * Work done through a key is recorded under a user row of its own (no email, no membership, so it
 * can neither sign in nor appear among members): "created by" columns and the audit log then name
 * the key, and the key's own id travels with each audit entry.
 */
const API_KEY_USER_PREFIX = "api-key:";

export function apiKeyUserId(apiKeyId: string): string {
  return `${API_KEY_USER_PREFIX}${apiKeyId}`;
}

export function isApiKeyUserId(userId: string): boolean {
  return userId.startsWith(API_KEY_USER_PREFIX);
}

/** The key behind a user id, or null for a person. */
export function apiKeyIdOfUser(userId: string | null): string | null {
  return userId?.startsWith(API_KEY_USER_PREFIX) ? userId.slice(API_KEY_USER_PREFIX.length) : null;
}
