import { describe, expect, it } from "vitest";
import { rateLimitHits } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { signInLinksPerHour } from "@/lib/auth/sign-in-rate-limit";
import { consumeRateLimit } from "./consume-rate-limit";

const RULE = { name: "test-rule", limit: 3, windowSeconds: 3600 };

describe("rate limits", () => {
  const database = useTestDatabase();

  it("allows the limit in a window, refuses the next hit until the window turns, and stores no address", async () => {
    await database.inRollback(async (db) => {
      const at = new Date("2026-12-06T10:15:00Z");
      const results = [];
      for (let hit = 0; hit < 4; hit++) results.push(await consumeRateLimit(db, RULE, "Ola@Example.test", at));
      expect(results.map((result) => result.isAllowed)).toEqual([true, true, true, false]);
      expect(results[3].retryAfterSeconds).toBe(45 * 60);
      // Another address has its own count; the same address in other case is the same one.
      expect((await consumeRateLimit(db, RULE, "someone@example.test", at)).isAllowed).toBe(true);
      expect((await consumeRateLimit(db, RULE, " ola@example.test ", at)).isAllowed).toBe(false);
      expect((await consumeRateLimit(db, RULE, "ola@example.test", new Date("2026-12-06T11:00:00Z"))).isAllowed).toBe(true);

      const rows = await db.select().from(rateLimitHits);
      expect(JSON.stringify(rows)).not.toMatch(/ola@example|someone@example/i);
    });
  });

  it("forgets windows over a day old when a new window starts (now and then; here always)", async () => {
    await database.inRollback(async (db) => {
      await consumeRateLimit(db, RULE, "old@example.test", new Date("2026-12-01T10:00:00Z"));
      await consumeRateLimit(db, RULE, "new@example.test", new Date("2026-12-06T10:00:00Z"), { cleanupShare: 1 });
      const windows = (await db.select({ windowStart: rateLimitHits.windowStart }).from(rateLimitHits)).map((row) => row.windowStart.toISOString());
      expect(windows).toEqual(["2026-12-06T10:00:00.000Z"]);
    });
  });

  it("limits sign-in links to ten an hour when mail goes out, and not for the dev mailbox unless set", () => {
    expect(signInLinksPerHour(undefined, true)).toBe(10);
    expect(signInLinksPerHour(undefined, false)).toBeNull();
    expect(signInLinksPerHour(3, false)).toBe(3);
  });
});
