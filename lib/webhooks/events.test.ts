import { describe, expect, it } from "vitest";
import { parseWebhookEventData, WEBHOOK_EVENT_SCHEMAS, WEBHOOK_EVENT_TYPES, webhookBody } from "./events";

const ID = "5b0f3a4e-8c1d-4c5e-9a7b-2f6d1e3c4b5a";
const OTHER = "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a";
const AT = "2026-03-01T10:00:00.000Z";

const EXAMPLES = {
  "response.created": { responseId: ID, instrumentId: OTHER, instrumentVersionId: ID, programId: null, submittedAt: AT },
  "cycle.closed": { cycleId: ID, programId: OTHER, instrumentId: ID, closedAt: AT, invitedCount: 40, respondedCount: 12 },
  "session.ended": { sessionId: ID, programId: OTHER, endedAt: AT },
  "alert.created": { alertId: ID, ruleId: OTHER, ruleKind: "below_target", raisedAt: AT, dueOn: "2026-03-15" },
  "decision.recorded": { decisionId: ID, campaignId: OTHER, kind: "launch", correctsDecisionId: null, recordedAt: AT },
  "participant.erased": { erasureId: ID, policy: "delete", responses: 3, posts: 0, reports: 1, erasedAt: AT },
} as const;

describe("webhook event payloads", () => {
  it("are the six events of the issue", () => {
    expect(WEBHOOK_EVENT_TYPES).toEqual(["response.created", "cycle.closed", "session.ended", "alert.created", "decision.recorded", "participant.erased"]);
  });

  it.each(WEBHOOK_EVENT_TYPES)("%s accepts its thin payload", (type) => {
    expect(parseWebhookEventData(type, EXAMPLES[type] as never)).toEqual(EXAMPLES[type]);
  });

  it.each(WEBHOOK_EVENT_TYPES)("%s refuses any field beyond ids, times and counts (no names, emails or answers slip in)", (type) => {
    for (const extra of [{ email: "ana@example.com" }, { name: "Ana" }, { answers: { q1: "text" } }]) {
      expect(() => WEBHOOK_EVENT_SCHEMAS[type].parse({ ...EXAMPLES[type], ...extra })).toThrow();
    }
  });

  it("refuses a payload whose ids or times are malformed", () => {
    expect(() => parseWebhookEventData("decision.recorded", { ...EXAMPLES["decision.recorded"], decisionId: "42" })).toThrow();
    expect(() => parseWebhookEventData("cycle.closed", { ...EXAMPLES["cycle.closed"], closedAt: "yesterday" })).toThrow();
    expect(() => parseWebhookEventData("participant.erased", { ...EXAMPLES["participant.erased"], responses: -1 })).toThrow();
  });

  it("sends a Standard Webhooks body: type, timestamp, data", () => {
    expect(JSON.parse(webhookBody("session.ended", new Date(AT), EXAMPLES["session.ended"]))).toEqual({ type: "session.ended", timestamp: AT, data: EXAMPLES["session.ended"] });
  });
});
