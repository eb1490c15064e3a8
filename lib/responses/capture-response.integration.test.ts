import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { instruments, memberships, rateLimitHits, responseAnswers, responses, sessions } from "@/db/schema";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";
import { routeError } from "@/lib/http/route-error";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { captureResponse, groupedResponseCapture } from "./capture-response";
import { readCaptureContexts, respondentContext } from "./respondent-context";
import { saveResponse } from "./save-response";

const answers = { nps: 9, emp: 4 };

async function respondentWithSession(db: Db) {
  const org = await createOrganization(db);
  const customer = await createMember(db, org.id, "participant");
  const { instrumentId, researcher } = await createOpenInstrument(db, org.id);
  const sessionToken = `session-${randomUUID()}`;
  await db.insert(sessions).values({ sessionToken, userId: customer.userId, expires: new Date(Date.now() + 3_600_000) });
  return { org, customer, researcher, instrumentId, actor: { sessionToken } };
}

describe("captureResponse: the lean capture path", () => {
  const database = useTestDatabase();

  it("stores what saveResponse stores, once, however often the device retries", async () => {
    await database.inRollback(async (db) => {
      const { org, customer, instrumentId, actor } = await respondentWithSession(db);
      const responseId = randomUUID();
      const payload = { responseId, instrumentId, locale: "pl" as const, answers };
      expect(await captureResponse(db, actor, { slug: org.slug }, payload, { complete: false })).toEqual({ responseId, status: "in_progress", isRepeat: false });
      expect(await captureResponse(db, actor, { slug: org.slug }, payload, { complete: true })).toEqual({ responseId, status: "completed", isRepeat: false });
      expect(await captureResponse(db, actor, { slug: org.slug }, payload, { complete: true })).toEqual({ responseId, status: "completed", isRepeat: true });
      // The one read of the capture path finds what respondentContext finds, so no save takes the slow way.
      const [{ context }] = await readCaptureContexts(db, [{ sessionToken: actor.sessionToken, orgSlug: org.slug, instrumentId, hit: { key: "test", windowStart: new Date().toISOString() } }]);
      expect(context).toEqual(await respondentContext(db, actor, { slug: org.slug }, instrumentId));
      const stored = await db.select({ respondent: responses.respondentUserId, locale: responses.locale }).from(responses).where(eq(responses.instrumentId, instrumentId));
      expect(stored).toEqual([{ respondent: customer.userId, locale: "pl" }]);
    });
  });

  it("gives the same refusal as every other path when the person may not answer", async () => {
    await database.inRollback(async (db) => {
      const { org, customer, researcher, instrumentId, actor } = await respondentWithSession(db);
      const other = await createOrganization(db);
      const capture = (overrides: { actor?: { sessionToken: string } | null; slug?: string; instrumentId?: string } = {}) =>
        captureResponse(db, overrides.actor === undefined ? actor : overrides.actor, { slug: overrides.slug ?? org.slug }, { responseId: randomUUID(), instrumentId: overrides.instrumentId ?? instrumentId, locale: "en", answers }, { complete: true });
      const sameAsSaveResponse = async (overrides: Parameters<typeof capture>[0], code: string) => {
        await expect(capture(overrides)).rejects.toMatchObject({ code });
        const viaSave = overrides?.actor === undefined ? actor : overrides.actor;
        await expect(
          saveResponse(db, viaSave, { slug: overrides?.slug ?? org.slug }, { responseId: randomUUID(), instrumentId: overrides?.instrumentId ?? instrumentId, locale: "en", answers }, { complete: true }),
        ).rejects.toMatchObject({ code });
      };

      await sameAsSaveResponse({ actor: null }, "UNAUTHENTICATED");
      await sameAsSaveResponse({ actor: { sessionToken: "no-such-session" } }, "UNAUTHENTICATED");
      await sameAsSaveResponse({ slug: other.slug }, "NOT_FOUND");
      await sameAsSaveResponse({ instrumentId: randomUUID() }, "NOT_FOUND");
      // A researcher's session: a member whose role may not answer at all.
      const researcherSession = `session-${randomUUID()}`;
      await db.insert(sessions).values({ sessionToken: researcherSession, userId: researcher.userId, expires: new Date(Date.now() + 3_600_000) });
      await sameAsSaveResponse({ actor: { sessionToken: researcherSession } }, "FORBIDDEN");
      // A participant, when the instrument is for frontline staff only.
      await db.update(instruments).set({ audience: ["frontline"] }).where(eq(instruments.id, instrumentId));
      await sameAsSaveResponse({}, "NOT_FOUND");
      await db.update(instruments).set({ audience: ["participant"] }).where(eq(instruments.id, instrumentId));
      await db.update(instruments).set({ isOpen: false }).where(eq(instruments.id, instrumentId));
      await sameAsSaveResponse({}, "NOT_FOUND");
      await db.update(instruments).set({ isOpen: true }).where(eq(instruments.id, instrumentId));
      await db.update(memberships).set({ deactivatedAt: new Date() }).where(eq(memberships.userId, customer.userId));
      await sameAsSaveResponse({}, "NOT_FOUND");
      expect(await db.select({ id: responses.id }).from(responses).where(eq(responses.instrumentId, instrumentId))).toEqual([]);
    });
  });

  it("lets a session save its limit in a minute, then answers 429 with Retry-After and stores nothing; other sessions and the next minute are not affected", async () => {
    await database.inRollback(async (db) => {
      const { org, instrumentId, actor } = await respondentWithSession(db);
      const neighbour = await respondentWithSession(db);
      const at = new Date("2026-12-06T10:15:20Z");
      const responseId = randomUUID();
      const save = (sessionActor: { sessionToken: string }, moment: Date, slug = org.slug, id = responseId, instrument = instrumentId) =>
        captureResponse(db, sessionActor, { slug }, { responseId: id, instrumentId: instrument, locale: "en", answers }, { complete: false }, moment);
      // Refused saves count too: hammering with bad requests is still hammering.
      await expect(save(actor, at, "no-such-org")).rejects.toMatchObject({ code: "NOT_FOUND" });
      for (let hit = 1; hit < env.ATTUNE_RESPONSE_SAVES_PER_MINUTE; hit++) await save(actor, at);

      const refused = await captureResponse(db, actor, { slug: org.slug }, { responseId: randomUUID(), instrumentId, locale: "en", answers }, { complete: true }, at).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RateLimitedError);
      const response = routeError(refused);
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("40");
      expect(await db.select({ status: responses.status }).from(responses).where(eq(responses.instrumentId, instrumentId))).toEqual([{ status: "in_progress" }]);

      await expect(save(neighbour.actor, at, neighbour.org.slug, randomUUID(), neighbour.instrumentId)).resolves.toMatchObject({ status: "in_progress" });
      await expect(save(actor, new Date("2026-12-06T10:16:00Z"))).resolves.toMatchObject({ status: "in_progress" });
    });
  });

  it("when many submit at once, reads and writes them together and still stores each response once, a double submit included", async () => {
    await database.inRollback(async (db) => {
      const { org, instrumentId, actor } = await respondentWithSession(db);
      const others = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const member = await createMember(db, org.id, "participant");
          const sessionToken = `session-${randomUUID()}`;
          await db.insert(sessions).values({ sessionToken, userId: member.userId, expires: new Date(Date.now() + 3_600_000) });
          return { sessionToken };
        }),
      );
      const capture = groupedResponseCapture(db);
      const at = new Date("2026-12-06T10:15:20Z");
      const submit = (sessionActor: { sessionToken: string }, responseId: string, locale = "en") =>
        captureResponse(db, sessionActor, { slug: org.slug }, { responseId, instrumentId, locale, answers }, { complete: true, capture }, at);
      const doubled = randomUUID();
      // The same device's submit twice (once with the id in capitals) and the same person from a second device, beside four others, all at once.
      const results = await Promise.all([submit(actor, doubled), submit(actor, doubled.toUpperCase()), submit(actor, randomUUID(), "pl"), ...others.map((other) => submit(other, randomUUID()))]);

      expect(results.slice(0, 2).map((result) => [result.responseId, result.isRepeat])).toEqual([
        [doubled, false],
        [doubled, true],
      ]);
      expect(results[2]).toMatchObject({ responseId: doubled, status: "completed", isRepeat: true });
      const stored = await db.select({ id: responses.id, locale: responses.locale }).from(responses).where(eq(responses.instrumentId, instrumentId));
      expect(stored).toHaveLength(5);
      expect(stored.find((row) => row.id === doubled)?.locale).toBe("en");
      // Each stored response has its two scored answers once.
      expect(await db.select({ id: responseAnswers.id }).from(responseAnswers).where(eq(responseAnswers.instrumentId, instrumentId))).toHaveLength(10);
      // Every request was counted against its session's limit, the three of one session as three.
      const hits = await db.select({ hits: rateLimitHits.hits }).from(rateLimitHits);
      expect(hits.map((row) => row.hits).sort()).toEqual([1, 1, 1, 1, 3]);
    });
  });

  it("tells each request of a grouped read its own refusal", async () => {
    await database.inRollback(async (db) => {
      const { org, instrumentId, actor } = await respondentWithSession(db);
      const capture = groupedResponseCapture(db);
      const attempt = (sessionActor: { sessionToken: string }, slug: string, instrument = instrumentId) =>
        captureResponse(db, sessionActor, { slug }, { responseId: randomUUID(), instrumentId: instrument, locale: "en", answers }, { complete: true, capture }).then(
          (result) => result.status,
          (error: { code: string }) => error.code,
        );
      expect(await Promise.all([attempt(actor, org.slug), attempt({ sessionToken: "no-such-session" }, org.slug), attempt(actor, "no-such-org"), attempt(actor, org.slug, randomUUID())])).toEqual([
        "completed",
        "UNAUTHENTICATED",
        "NOT_FOUND",
        "NOT_FOUND",
      ]);
    });
  });
});
