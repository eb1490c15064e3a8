import { describe, expect, it } from "vitest";
import { responseIdForIdempotencyKey } from "./api-response-id";

const ORG_A = "11111111-1111-4111-8111-111111111111";
const ORG_B = "22222222-2222-4222-8222-222222222222";
const KEY = "6F1D2C3B-4A5E-4F60-8B7A-9C0D1E2F3A4B";

describe("response ids from idempotency keys", () => {
  it("are stable per organization and key, whatever the key's case", () => {
    expect(responseIdForIdempotencyKey(ORG_A, KEY)).toBe(responseIdForIdempotencyKey(ORG_A, KEY.toLowerCase()));
    expect(responseIdForIdempotencyKey(ORG_A, KEY)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("differ between organizations and keys, and are never the key itself", () => {
    expect(responseIdForIdempotencyKey(ORG_A, KEY)).not.toBe(responseIdForIdempotencyKey(ORG_B, KEY));
    expect(responseIdForIdempotencyKey(ORG_A, KEY)).not.toBe(responseIdForIdempotencyKey(ORG_A, "7f1d2c3b-4a5e-4f60-8b7a-9c0d1e2f3a4b"));
    expect(responseIdForIdempotencyKey(ORG_A, KEY)).not.toBe(KEY.toLowerCase());
  });
});
