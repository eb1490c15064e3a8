import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";
import { routeError } from "@/lib/http/route-error";
import { useTestDatabase } from "@/tests/db";
import { limitResponseSaves } from "./limit-response-saves";

describe("response save rate limit", () => {
  const database = useTestDatabase();

  it("lets a session save its limit in a minute, then answers 429 with Retry-After; other sessions are not affected", async () => {
    await database.inRollback(async (db) => {
      const at = new Date("2026-12-06T10:15:20Z");
      for (let save = 0; save < env.ATTUNE_RESPONSE_SAVES_PER_MINUTE; save++) await limitResponseSaves(db, { sessionToken: "busy-session" }, at);
      const refused = await limitResponseSaves(db, { sessionToken: "busy-session" }, at).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RateLimitedError);
      const response = routeError(refused);
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("40");
      await expect(limitResponseSaves(db, { sessionToken: "calm-session" }, at)).resolves.toBeUndefined();
      await expect(limitResponseSaves(db, { sessionToken: "busy-session" }, new Date("2026-12-06T10:16:00Z"))).resolves.toBeUndefined();
    });
  });
});
