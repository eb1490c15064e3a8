import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { and, asc, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { auditLog, devMailbox, jobs, webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from "@/db/schema";
import { jobHandlers } from "@/lib/jobs/handlers";
import { runDueJobs, type JobHandlers } from "@/lib/jobs/queue";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { signatureHeaders, startWebhookReceiver } from "@/tests/webhook-receiver";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { deleteWebhookEndpoint } from "./delete-webhook-endpoint";
import { deliverWebhookJob } from "./deliver-webhook";
import { disableFailingEndpoint } from "./disable-failing-endpoint";
import { emitWebhookEvent } from "./emit-webhook-event";
import { getWebhookEndpoint } from "./get-webhook-endpoint";
import { WEBHOOK_JOB } from "./jobs";
import { DELIVERIES_PAGE_SIZE, listWebhookDeliveries } from "./list-webhook-deliveries";
import { listWebhookEndpoints } from "./list-webhook-endpoints";
import { redeliverWebhook } from "./redeliver-webhook";
import { MAX_DELIVERY_ATTEMPTS, RETRY_DELAYS_MS } from "./retry-schedule";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { checkedLookup, sendWebhook } from "./send-webhook";
import { setWebhookEndpointEnabled } from "./set-webhook-endpoint-enabled";
import { updateWebhookEndpoint } from "./update-webhook-endpoint";

const decision = () => ({ decisionId: randomUUID(), campaignId: randomUUID(), kind: "launch", correctsDecisionId: null, recordedAt: new Date().toISOString() });
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function receiver(answer?: Parameters<typeof startWebhookReceiver>[0]) {
  const started = await startWebhookReceiver(answer);
  closers.push(started.close);
  return started;
}

async function orgWithAdmin(db: Db, locale: "en" | "pl" | "ru" = "en") {
  const org = await createOrganization(db);
  const admin = await createMember(db, org.id, "admin", { locale });
  return { org, admin };
}

describe("webhooks", () => {
  const database = useTestDatabase();

  it("emits in the caller's transaction one delivery per enabled endpoint of that organization subscribed to the event", async () => {
    await database.inRollback(async (db) => {
      const { org, admin } = await orgWithAdmin(db);
      const other = await orgWithAdmin(db);
      const url = "https://hooks.example.com/attune";
      const subscribed = await createWebhookEndpoint(db, admin.actor, { id: org.id }, { url, events: ["decision.recorded", "cycle.closed"] });
      await createWebhookEndpoint(db, admin.actor, { id: org.id }, { url, events: ["response.created"] });
      const paused = await createWebhookEndpoint(db, admin.actor, { id: org.id }, { url, events: ["decision.recorded"] });
      await setWebhookEndpointEnabled(db, admin.actor, { id: org.id }, { endpointId: paused.id, isEnabled: false });
      await createWebhookEndpoint(db, other.admin.actor, { id: other.org.id }, { url, events: ["decision.recorded"] });

      const data = decision();
      await emitWebhookEvent(db, org.id, "decision.recorded", data);
      const deliveries = await db.select().from(webhookDeliveries);
      expect(deliveries.map((row) => ({ endpointId: row.endpointId, eventType: row.eventType, payload: row.payload, status: row.status }))).toEqual([{ endpointId: subscribed.id, eventType: "decision.recorded", payload: data, status: "pending" }]);
      const queued = await db.select({ kind: jobs.kind, payload: jobs.payload, organizationId: jobs.organizationId }).from(jobs).where(eq(jobs.kind, WEBHOOK_JOB.deliver));
      expect(queued).toEqual([{ kind: WEBHOOK_JOB.deliver, payload: { deliveryId: deliveries[0].id, attempt: 1 }, organizationId: org.id }]);

      // A change that rolls back takes its deliveries with it (the outbox commits with the change).
      await db
        .transaction(async (tx) => {
          await emitWebhookEvent(tx as unknown as Db, org.id, "decision.recorded", decision());
          throw new Error("the decision was not recorded after all");
        })
        .catch(() => undefined);
      expect(await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries)).toHaveLength(1);
      // Data outside the event's thin schema is refused, never sent.
      await expect(emitWebhookEvent(db, org.id, "decision.recorded", { ...data, rationale: "private words" } as never)).rejects.toThrow();
    });
  });

  it("signs each delivery so that the Standard Webhooks library verifies it, with the Standard Webhooks body", async () => {
    await database.inRollback(async (db) => {
      const hooks = await receiver();
      const { org, admin } = await orgWithAdmin(db);
      const endpoint = await createWebhookEndpoint(db, admin.actor, { id: org.id }, { url: hooks.url, events: ["decision.recorded"] });
      const { secret } = await getWebhookEndpoint(db, admin.actor, { id: org.id }, { endpointId: endpoint.id });
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      const data = decision();
      await emitWebhookEvent(db, org.id, "decision.recorded", data);
      await runDueJobs(db, jobHandlers, new Date());

      expect(hooks.received).toHaveLength(1);
      const [{ headers, body }] = hooks.received;
      const [delivery] = await db.select().from(webhookDeliveries);
      expect(headers["webhook-id"]).toBe(delivery.id);
      expect(headers["content-type"]).toBe("application/json");
      expect(new Webhook(secret).verify(body, signatureHeaders(headers))).toEqual({ type: "decision.recorded", timestamp: delivery.createdAt.toISOString(), data });
      expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`).verify(body, signatureHeaders(headers))).toThrow();
      expect(delivery).toMatchObject({ status: "succeeded", attempts: 1, lastResponseStatus: 200, lastError: null, nextAttemptAt: null });
      const attempts = await db.select().from(webhookDeliveryAttempts);
      expect(attempts).toMatchObject([{ deliveryId: delivery.id, responseStatus: 200, error: null, isManual: false }]);
    });
  });

  it("makes the request only after the job's transaction, with the next attempt already queued", async () => {
    await database.inRollback(async (db) => {
      const hooks = await receiver();
      const { org, admin } = await orgWithAdmin(db);
      await createWebhookEndpoint(db, admin.actor, { id: org.id }, { url: hooks.url, events: ["decision.recorded"] });
      await emitWebhookEvent(db, org.id, "decision.recorded", decision());
      const [job] = await db.select().from(jobs).where(eq(jobs.kind, WEBHOOK_JOB.deliver));
      const now = new Date();
      const afterCommit = await deliverWebhookJob(db, job, now);
      // Inside the transaction: nothing sent yet, and a second attempt is queued in case this process dies.
      expect(hooks.received).toHaveLength(0);
      const queued = await db.select({ payload: jobs.payload, runAt: jobs.runAt }).from(jobs).where(and(eq(jobs.kind, WEBHOOK_JOB.deliver), eq(jobs.status, "pending")));
      expect(queued.map((row) => row.payload)).toContainEqual(expect.objectContaining({ attempt: 2 }));
      await afterCommit!(db);
      expect(hooks.received).toHaveLength(1);
      const [delivery] = await db.select().from(webhookDeliveries);
      expect(delivery).toMatchObject({ status: "succeeded", nextAttemptAt: null });
    });
  });

  it("retries a failing receiver on the schedule, then disables the endpoint after the limit, audits it and mails its creator in their language", async () => {
    await database.inRollback(async (db) => {
      let status = 500;
      const hooks = await receiver(() => status);
      const { org, admin } = await orgWithAdmin(db, "pl");
      const otherAdmin = await createMember(db, org.id, "admin");
      const endpoint = await createWebhookEndpoint(db, admin.actor, { id: org.id }, { url: hooks.url, events: ["decision.recorded"] });
      const handlers: JobHandlers = { ...jobHandlers, [WEBHOOK_JOB.deliver]: (tx, job, now) => deliverWebhookJob(tx, job, now, { failureLimit: 2 }) };
      await emitWebhookEvent(db, org.id, "decision.recorded", decision());
      await emitWebhookEvent(db, org.id, "decision.recorded", decision());

      const start = new Date(Date.now() + 1000);
      await runDueJobs(db, handlers, start);
      expect(hooks.received).toHaveLength(2);
      const pending = await db.select().from(webhookDeliveries);
      for (const delivery of pending) expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastResponseStatus: 500, lastError: "http_status", nextAttemptAt: new Date(start.getTime() + 30_000) });
      // Nothing more before the next attempt is due.
      await runDueJobs(db, handlers, new Date(start.getTime() + 29_000));
      expect(hooks.received).toHaveLength(2);

      let at = start;
      for (const delay of RETRY_DELAYS_MS) {
        at = new Date(at.getTime() + delay);
        await runDueJobs(db, handlers, at);
      }
      expect(hooks.received).toHaveLength(2 * MAX_DELIVERY_ATTEMPTS);
      const failed = await db.select().from(webhookDeliveries);
      for (const delivery of failed) expect(delivery).toMatchObject({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS, nextAttemptAt: null });
      expect(await db.select().from(webhookDeliveryAttempts)).toHaveLength(2 * MAX_DELIVERY_ATTEMPTS);
      const [disabled] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
      expect(disabled).toMatchObject({ isEnabled: false, disabledReason: "failures", consecutiveFailures: 2 });
      const [audited] = await db.select().from(auditLog).where(and(eq(auditLog.action, "webhook.disabled"), eq(auditLog.targetId, endpoint.id)));
      expect(audited.details).toMatchObject({ reason: "failures", failures: 2 });
      const mails = await db.select().from(devMailbox).where(eq(devMailbox.to, admin.email));
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toContain("wyłączono punkt odbioru webhooków");
      expect(mails[0].text).toContain(`/admin/webhooks/${endpoint.id}`);
      expect(await db.select().from(devMailbox).where(eq(devMailbox.to, otherAdmin.email))).toEqual([]);

      // Disabled: a new event is not delivered to it.
      await emitWebhookEvent(db, org.id, "decision.recorded", decision());
      expect(await db.select().from(webhookDeliveries)).toHaveLength(2);

      // Enabling starts the count afresh; an admin sends a failed delivery again, now.
      await setWebhookEndpointEnabled(db, admin.actor, { id: org.id }, { endpointId: endpoint.id, isEnabled: true });
      expect((await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)))[0]).toMatchObject({ isEnabled: true, consecutiveFailures: 0, disabledReason: null, disabledAt: null });
      status = 204;
      const outcome = await redeliverWebhook(db, admin.actor, { id: org.id }, { deliveryId: failed[0].id });
      expect(outcome).toMatchObject({ responseStatus: 204, error: null });
      expect(hooks.received.at(-1)!.headers["webhook-id"]).toBe(failed[0].id);
      const [redelivered] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, failed[0].id));
      expect(redelivered).toMatchObject({ status: "succeeded", attempts: MAX_DELIVERY_ATTEMPTS + 1, lastResponseStatus: 204 });
      const [manual] = await db.select().from(webhookDeliveryAttempts).where(eq(webhookDeliveryAttempts.deliveryId, failed[0].id)).orderBy(asc(webhookDeliveryAttempts.id)).offset(MAX_DELIVERY_ATTEMPTS);
      expect(manual).toMatchObject({ isManual: true, responseStatus: 204 });
      expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "webhook.redelivered"), eq(auditLog.targetId, failed[0].id)))).toHaveLength(1);
    });
  });

  it("mails every admin when the endpoint's creator is no longer one", async () => {
    await database.inRollback(async (db) => {
      const { org, admin } = await orgWithAdmin(db);
      const second = await createMember(db, org.id, "admin", { locale: "ru" });
      const [endpoint] = await db.insert(webhookEndpoints).values({ organizationId: org.id, url: "https://hooks.example.com/x", events: ["cycle.closed"], secret: "whsec_x", createdByUserId: null }).returning();
      await disableFailingEndpoint(db, endpoint, 5, new Date());
      expect((await db.select().from(devMailbox).where(eq(devMailbox.to, admin.email)))[0].subject).toContain("a webhook endpoint was disabled");
      expect((await db.select().from(devMailbox).where(eq(devMailbox.to, second.email)))[0].subject).toContain("получатель вебхуков отключён");
      // Only once, whatever else tries to disable it meanwhile.
      await disableFailingEndpoint(db, endpoint, 6, new Date());
      expect(await db.select().from(devMailbox).where(eq(devMailbox.to, admin.email))).toHaveLength(1);
    });
  });

  it("keeps each organization's endpoints and deliveries to its own admins (NOT_FOUND elsewhere) and to admins only", async () => {
    await database.inRollback(async (db) => {
      const { org, admin } = await orgWithAdmin(db);
      const other = await orgWithAdmin(db);
      const endpoint = await createWebhookEndpoint(db, admin.actor, { id: org.id }, { url: "https://hooks.example.com/a", events: ["decision.recorded"] });
      await emitWebhookEvent(db, org.id, "decision.recorded", decision());
      const [delivery] = await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries);
      const ref = { endpointId: endpoint.id };
      for (const [actor, orgRef] of [
        [other.admin.actor, { id: other.org.id }],
        [other.admin.actor, { id: org.id }],
      ] as const) {
        await expect(getWebhookEndpoint(db, actor, orgRef, ref)).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(updateWebhookEndpoint(db, actor, orgRef, ref, { url: "https://evil.example.com/", events: ["cycle.closed"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(setWebhookEndpointEnabled(db, actor, orgRef, { ...ref, isEnabled: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(rotateWebhookSecret(db, actor, orgRef, ref)).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(deleteWebhookEndpoint(db, actor, orgRef, ref)).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(listWebhookDeliveries(db, actor, orgRef, ref)).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(redeliverWebhook(db, actor, orgRef, { deliveryId: delivery.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
      expect(await listWebhookEndpoints(db, other.admin.actor, { id: other.org.id })).toEqual([]);
      const researcher = await createMember(db, org.id, "researcher");
      await expect(listWebhookEndpoints(db, researcher.actor, { id: org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getWebhookEndpoint(db, admin.actor, { id: org.id }, { endpointId: "not-a-uuid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      // Nothing of the first organization changed.
      const [unchanged] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
      expect(unchanged).toMatchObject({ url: "https://hooks.example.com/a", isEnabled: true });
    });
  });

  it("refuses unsafe URLs with a field error and stores nothing; edits, rotates and deletes with an audit entry each", async () => {
    await database.inRollback(async (db) => {
      const { org, admin } = await orgWithAdmin(db);
      for (const [url, problem] of [
        ["http://hooks.example.com/", "webhookUrlHttps"],
        ["https://user:pw@hooks.example.com/", "webhookUrlCredentials"],
        ["https://169.254.169.254/latest/meta-data", "webhookUrlAddress"],
        ["https://10.0.0.8/", "webhookUrlAddress"],
        ["not a url", "webhookUrlInvalid"],
      ] as const) {
        await expect(createWebhookEndpoint(db, admin.actor, { id: org.id }, { url, events: ["cycle.closed"] }), url).rejects.toMatchObject({ code: "INVALID", fieldErrors: { url: problem } });
      }
      await expect(createWebhookEndpoint(db, admin.actor, { id: org.id }, { url: "https://hooks.example.com/", events: [] })).rejects.toThrow();
      expect(await listWebhookEndpoints(db, admin.actor, { id: org.id })).toEqual([]);

      const { id } = await createWebhookEndpoint(db, admin.actor, { id: org.id }, { url: "https://Hooks.Example.com/in", description: "CRM", events: ["cycle.closed", "cycle.closed"] });
      const [listed] = await listWebhookEndpoints(db, admin.actor, { id: org.id });
      expect(listed).toMatchObject({ id, url: "https://hooks.example.com/in", description: "CRM", events: ["cycle.closed"], isEnabled: true });
      expect(listed).not.toHaveProperty("secret");
      await expect(updateWebhookEndpoint(db, admin.actor, { id: org.id }, { endpointId: id }, { url: "https://127.0.0.2.example.com@10.0.0.1/", events: ["cycle.closed"] })).rejects.toMatchObject({ code: "INVALID" });
      await updateWebhookEndpoint(db, admin.actor, { id: org.id }, { endpointId: id }, { url: "https://hooks.example.com/v2", description: "", events: ["alert.created", "session.ended"] });
      const before = await getWebhookEndpoint(db, admin.actor, { id: org.id }, { endpointId: id });
      expect(before).toMatchObject({ url: "https://hooks.example.com/v2", events: ["alert.created", "session.ended"] });
      await rotateWebhookSecret(db, admin.actor, { id: org.id }, { endpointId: id });
      expect((await getWebhookEndpoint(db, admin.actor, { id: org.id }, { endpointId: id })).secret).not.toBe(before.secret);
      await deleteWebhookEndpoint(db, admin.actor, { id: org.id }, { endpointId: id });
      expect(await listWebhookEndpoints(db, admin.actor, { id: org.id })).toEqual([]);
      const actions = (await db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(eq(auditLog.targetId, id)).orderBy(asc(auditLog.createdAt))).map((entry) => entry.action);
      expect(actions.sort()).toEqual(["webhook.created", "webhook.deleted", "webhook.updated", "webhook.updated"]);
    });
  });

  it("pages the delivery log newest first by keyset, without overlap", async () => {
    await database.inRollback(async (db) => {
      const { org, admin } = await orgWithAdmin(db);
      const endpoint = await createWebhookEndpoint(db, admin.actor, { id: org.id }, { url: "https://hooks.example.com/a", events: ["decision.recorded"] });
      for (let index = 0; index < DELIVERIES_PAGE_SIZE + 5; index++) await emitWebhookEvent(db, org.id, "decision.recorded", decision());
      const first = await listWebhookDeliveries(db, admin.actor, { id: org.id }, { endpointId: endpoint.id });
      expect(first.deliveries).toHaveLength(DELIVERIES_PAGE_SIZE);
      expect(first.nextAfter).not.toBeNull();
      const second = await listWebhookDeliveries(db, admin.actor, { id: org.id }, { endpointId: endpoint.id, after: first.nextAfter! });
      expect(second.deliveries).toHaveLength(5);
      expect(second.nextAfter).toBeNull();
      const ids = [...first.deliveries, ...second.deliveries].map((delivery) => delivery.id);
      expect(new Set(ids).size).toBe(DELIVERIES_PAGE_SIZE + 5);
      // One transaction, one created_at: the id breaks the tie, in the same order as the query.
      expect(ids).toEqual([...ids].sort().reverse());
    });
  });
});

describe("sending", () => {
  const secret = `whsec_${Buffer.alloc(32, 1).toString("base64")}`;
  const message = { id: "msg_1", body: '{"type":"cycle.closed"}' };

  it("refuses loopback unless allowed, before any request", async () => {
    const hooks = await receiver();
    expect(await sendWebhook({ url: hooks.url, secret }, message, { allowLoopback: false })).toMatchObject({ responseStatus: null, error: "url_refused" });
    expect(hooks.received).toHaveLength(0);
  });

  it("refuses a host name that resolves to a refused address (checked on the address connected to)", async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => checkedLookup({ allowLoopback: false })("localhost", {}, (failure) => resolve(failure)));
    expect(error).toMatchObject({ code: "ATTUNE_ADDRESS_REFUSED" });
    const allowed = await new Promise<string>((resolve) => checkedLookup({ allowLoopback: true })("localhost", {}, (_error, address) => resolve(String(address))));
    expect(["127.0.0.1", "::1"]).toContain(allowed);
  });

  it("does not follow redirects and gives up after the timeout", async () => {
    const redirecting = await receiver(() => 302);
    expect(await sendWebhook({ url: redirecting.url, secret }, message, { allowLoopback: true })).toMatchObject({ responseStatus: 302, error: "http_status" });
    expect(redirecting.received).toHaveLength(1);

    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    closers.push(() => new Promise<void>((resolve) => { silent.closeAllConnections(); silent.close(() => resolve()); }));
    const outcome = await sendWebhook({ url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, secret }, message, { allowLoopback: true, timeoutMs: 200 });
    expect(outcome).toMatchObject({ responseStatus: null, error: "timeout" });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(150);
  });
});
