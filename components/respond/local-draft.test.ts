import { describe, expect, it } from "vitest";
import { resumeState, type LocalDraft, type ServerResponse } from "./local-draft";

const server: ServerResponse = { id: "server-id", status: "in_progress", answers: { nps: 5 }, locale: "pl", updatedAt: "2026-11-23T10:00:00.000Z" };
const local = (updatedAt: string, responseId = "server-id"): LocalDraft => ({ responseId, answers: { nps: 9 }, locale: "ru", screen: 3, updatedAt: Date.parse(updatedAt) });
const newId = () => "new-id";

describe("resumeState", () => {
  it("starts fresh with a new id and the person's language", () => {
    expect(resumeState(null, null, "en", newId)).toEqual({ responseId: "new-id", answers: {}, locale: "en", screen: 0, isCompleted: false, needsSave: false });
  });

  it("prefers the server's answers unless the device changed them later", () => {
    expect(resumeState(server, local("2026-11-23T09:00:00Z"), "en", newId)).toMatchObject({ responseId: "server-id", answers: { nps: 5 }, locale: "pl", screen: 3, needsSave: false });
    expect(resumeState(server, local("2026-11-23T11:00:00Z"), "en", newId)).toMatchObject({ responseId: "server-id", answers: { nps: 9 }, locale: "ru", needsSave: true });
  });

  it("adopts the id another device started with", () => {
    expect(resumeState(server, local("2026-11-23T11:00:00Z", "phone-id"), "en", newId)).toMatchObject({ responseId: "server-id", screen: 0 });
  });

  it("keeps an offline draft the server never saw, and shows a completed response as done", () => {
    expect(resumeState(null, local("2026-11-23T11:00:00Z", "phone-id"), "en", newId)).toMatchObject({ responseId: "phone-id", answers: { nps: 9 }, needsSave: true });
    expect(resumeState({ ...server, status: "completed" }, local("2026-11-23T11:00:00Z"), "en", newId)).toMatchObject({ isCompleted: true });
  });
});
