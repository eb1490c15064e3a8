import { createHash, randomBytes } from "node:crypto";

/** Every key starts so, which lets secret scanners and people recognize one. */
export const API_KEY_PREFIX = "attune_";

/** "attune_" + 32 random bytes in base64url: unguessable; only its SHA-256 is stored. */
export function newApiKeySecret(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** What lists show of a key: enough to tell keys apart, far too little to use. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, API_KEY_PREFIX.length + 6);
}
