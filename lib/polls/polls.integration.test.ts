import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { devMailbox, instruments, instrumentVersions, jobs, quickPolls } from "@/db/schema";
import type { Db } from "@/db/connect";
import { jobHandlers } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/queue";
import { listOpenInstruments } from "@/lib/responses/list-open-instruments";
import { saveResponse } from "@/lib/responses/save-response";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createPanel, createPanelMember, createSample } from "@/tests/poll-factories";
import { closeQuickPollNow } from "./close-quick-poll";
import { createQuickPoll } from "./create-quick-poll";
import { pollResults } from "./poll-results";

const NOW = new Date("2027-03-01T09:00:00Z");
const DEADLINE = new Date("2027-03-03T09:00:00Z");
const single = { kind: "single" as const, defaultLocale: "en" as const, prompt: "Which opening hours suit you?", choices: ["Mornings", "Evenings"], deadline: DEADLINE };

async function pollRow(db: Db, pollId: string) {
  const [poll] = await db.select().from(quickPolls).where(eq(quickPolls.id, pollId));
  return poll;
}

async function answer(db: Db, member: { actor: { userId: string } }, orgId: string, instrumentId: string, answers: Record<string, unknown>, now = NOW) {
  return saveResponse(db, member.actor, { id: orgId }, { responseId: randomUUID(), instrumentId, locale: "en", answers }, { complete: true }, now);
}

describe("quick polls", () => {
  const database = useTestDatabase();

  it("creates the instrument, its published version, the poll and its closing job in one go, and mails the panel", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { panel, researcher } = await createPanel(db, org.id);
      const [ana, ben] = [await createPanelMember(db, org.id, panel.id), await createPanelMember(db, org.id, panel.id)];
      const leaver = await createPanelMember(db, org.id, panel.id, {}, "left");

      const created = await createQuickPoll(db, researcher.actor, org.id, { ...single, panelId: panel.id, translations: { pl: "Które godziny otwarcia Ci pasują?" } }, NOW);

      expect(created.invited).toBe(2);
      const [instrument] = await db.select().from(instruments).where(eq(instruments.id, created.instrumentId));
      expect(instrument).toMatchObject({ programId: panel.id, isOpen: true, latestVersion: 1, audience: ["participant"] });
      const [version] = await db.select().from(instrumentVersions).where(eq(instrumentVersions.instrumentId, created.instrumentId));
      expect(version.definition.questions[0]).toMatchObject({ type: "single", prompt: { en: single.prompt, pl: "Które godziny otwarcia Ci pasują?" } });
      expect(await pollRow(db, created.pollId)).toMatchObject({ status: "open", deadline: DEADLINE, sampleId: null });
      const [job] = await db.select().from(jobs).where(eq(jobs.dedupeKey, `quick-poll.close:${created.pollId}`));
      expect(job).toMatchObject({ kind: "quick-poll.close", runAt: DEADLINE, status: "pending" });
      const mails = await db.select({ to: devMailbox.to, text: devMailbox.text }).from(devMailbox).where(inArray(devMailbox.to, [ana.email, ben.email, leaver.email]));
      expect(mails.map((mail) => mail.to).sort()).toEqual([ana.email, ben.email].sort());
      expect(mails[0].text).toContain(`/o/${org.slug}/respond/${created.instrumentId}`);
    });
  });

  it("writes nothing when the poll is refused: a past deadline, another organization's panel, a participant", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const { panel, researcher } = await createPanel(db, org.id);
      const { panel: otherPanel } = await createPanel(db, other.id);
      const member = await createPanelMember(db, org.id, panel.id);
      await expect(createQuickPoll(db, researcher.actor, org.id, { ...single, panelId: panel.id, deadline: new Date(NOW.getTime() - 1000) }, NOW)).rejects.toMatchObject({ messageKey: "deadlineInPast" });
      await expect(createQuickPoll(db, researcher.actor, org.id, { ...single, panelId: otherPanel.id }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(createQuickPoll(db, member.actor, org.id, { ...single, panelId: panel.id }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(createQuickPoll(db, researcher.actor, org.id, { ...single, panelId: panel.id, choices: ["Only one"] }, NOW)).rejects.toThrow();
      expect(await db.select().from(quickPolls).where(inArray(quickPolls.programId, [panel.id, otherPanel.id]))).toHaveLength(0);
      expect(await db.select().from(instruments).where(eq(instruments.programId, panel.id))).toHaveLength(0);
    });
  });

  it("lets only the sample's active members list and answer a sample's poll, and nobody once closed", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { panel, researcher } = await createPanel(db, org.id);
      const [inSample, outside] = [await createPanelMember(db, org.id, panel.id), await createPanelMember(db, org.id, panel.id)];
      const sample = await createSample(db, org.id, panel.id, [inSample.userId]);
      const { instrumentId, pollId, invited } = await createQuickPoll(db, researcher.actor, org.id, { ...single, panelId: panel.id, sampleId: sample.id }, NOW);
      expect(invited).toBe(1);

      const listed = async (member: { actor: { userId: string } }) => (await listOpenInstruments(db, member.actor, { id: org.id })).map((item) => item.id);
      expect(await listed(inSample)).toContain(instrumentId);
      expect(await listed(outside)).not.toContain(instrumentId);
      await expect(answer(db, outside, org.id, instrumentId, { answer: "c1" })).rejects.toMatchObject({ code: "NOT_FOUND" });

      await closeQuickPollNow(db, researcher.actor, org.id, { pollId }, NOW);
      expect(await pollRow(db, pollId)).toMatchObject({ status: "closed", closeReason: "manual" });
      expect(await listed(inSample)).not.toContain(instrumentId);
      await expect(answer(db, inSample, org.id, instrumentId, { answer: "c1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(closeQuickPollNow(db, researcher.actor, org.id, { pollId }, NOW)).rejects.toMatchObject({ messageKey: "pollAlreadyClosed" });
    });
  });

  it("closes by itself at the deadline through the job queue", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { panel, researcher } = await createPanel(db, org.id);
      await createPanelMember(db, org.id, panel.id);
      const { pollId, instrumentId } = await createQuickPoll(db, researcher.actor, org.id, { ...single, panelId: panel.id }, NOW);

      await runDueJobs(db, jobHandlers, new Date(DEADLINE.getTime() - 60_000));
      expect(await pollRow(db, pollId)).toMatchObject({ status: "open" });
      await runDueJobs(db, jobHandlers, DEADLINE);
      expect(await pollRow(db, pollId)).toMatchObject({ status: "closed", closeReason: "deadline", closedAt: DEADLINE });
      const [instrument] = await db.select({ isOpen: instruments.isOpen }).from(instruments).where(eq(instruments.id, instrumentId));
      expect(instrument.isOpen).toBe(false);
    });
  });

  it("closes once every quota is met, checked by a job each completed answer queues", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { panel, researcher } = await createPanel(db, org.id);
      const ru = [await createPanelMember(db, org.id, panel.id, { language: "ru" }), await createPanelMember(db, org.id, panel.id, { language: "ru" })];
      const pl = await createPanelMember(db, org.id, panel.id, { language: "pl" });
      const quotas = [{ attribute: "language", value: "ru", count: 2 }];
      const { pollId } = await createQuickPoll(db, researcher.actor, org.id, { ...single, panelId: panel.id, quotas }, NOW);
      const { instrumentId } = await pollRow(db, pollId);
      let queued = 0;
      const onQueuedWork = () => queued++;

      await saveResponse(db, pl.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: { answer: "c1" } }, { complete: true, onQueuedWork }, NOW);
      await saveResponse(db, ru[0].actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: { answer: "c2" } }, { complete: true, onQueuedWork }, NOW);
      expect(queued).toBe(2);
      expect(await runDueJobs(db, jobHandlers, NOW)).toEqual({ succeeded: 2, failed: 0 });
      expect(await pollRow(db, pollId)).toMatchObject({ status: "open" });

      // The second Russian speaker saves a draft first, so the submit takes the transactional path.
      const responseId = randomUUID();
      await saveResponse(db, ru[1].actor, { id: org.id }, { responseId, instrumentId, locale: "ru", answers: {} }, { complete: false }, NOW);
      await saveResponse(db, ru[1].actor, { id: org.id }, { responseId, instrumentId, locale: "ru", answers: { answer: "c2" } }, { complete: true, onQueuedWork }, NOW);
      expect(queued).toBe(3);
      await runDueJobs(db, jobHandlers, NOW);
      expect(await pollRow(db, pollId)).toMatchObject({ status: "closed", closeReason: "quotas_met", closedAt: NOW });
    });
  });

  it("reports counts and splits with small groups withheld, and open texts to researchers only", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db, { minGroupSize: 5, minCommentGroupSize: 5 });
      const { panel, researcher } = await createPanel(db, org.id);
      const leader = await createMember(db, org.id, "leader");
      const north = await Promise.all(Array.from({ length: 6 }, () => createPanelMember(db, org.id, panel.id, { region: "north" })));
      const south = await Promise.all(Array.from({ length: 2 }, () => createPanelMember(db, org.id, panel.id, { region: "south" })));
      const choice = await createQuickPoll(db, researcher.actor, org.id, { ...single, panelId: panel.id }, NOW);
      for (const [index, member] of [...north, ...south].entries()) await answer(db, member, org.id, choice.instrumentId, { answer: index < 6 ? "c1" : "c2" });

      const results = await pollResults(db, researcher.actor, { id: org.id }, { pollId: choice.pollId, split: "region" }, "en");
      expect(results.total).toBe(8);
      expect(results.options).toEqual([
        { key: "c1", label: "Mornings", n: 6, percent: 75 },
        { key: "c2", label: "Evenings", n: 2, percent: 25 },
      ]);
      // South (2) is under 5, and north would give it away by subtraction from the total.
      expect(results.groups).toEqual([
        { value: "north", suppressed: true, reason: "complementary" },
        { value: "south", suppressed: true, reason: "too_few_responses" },
      ]);
      expect(results.attributes).toEqual(["region"]);

      const text = await createQuickPoll(db, researcher.actor, org.id, { kind: "text", defaultLocale: "en", prompt: "Anything else?", deadline: DEADLINE, panelId: panel.id }, NOW);
      for (const member of north.slice(0, 3)) await answer(db, member, org.id, text.instrumentId, { answer: "Open earlier" });
      const forResearcher = await pollResults(db, researcher.actor, { id: org.id }, { pollId: text.pollId }, "en");
      expect(forResearcher.texts).toEqual(["Open earlier", "Open earlier", "Open earlier"]);
      const forLeader = await pollResults(db, leader.actor, { id: org.id }, { pollId: text.pollId }, "en");
      expect(forLeader).toMatchObject({ texts: null, isHidden: true, total: null, options: [] });
      const leaderOnChoice = await pollResults(db, leader.actor, { id: org.id }, { pollId: choice.pollId }, "en");
      expect(leaderOnChoice).toMatchObject({ total: 8, texts: null, canManage: false });
    });
  });

  it("counts a multiple choice per respondent and gives a 0–10 scale its distribution and mean", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { panel, researcher } = await createPanel(db, org.id);
      const members = await Promise.all(Array.from({ length: 4 }, () => createPanelMember(db, org.id, panel.id, { region: "north" })));
      const multiple = await createQuickPoll(db, researcher.actor, org.id, { ...single, kind: "multiple", choices: ["Email", "SMS", "App"], panelId: panel.id }, NOW);
      const scale = await createQuickPoll(db, researcher.actor, org.id, { kind: "scale", defaultLocale: "en", prompt: "How likely are you to visit?", deadline: DEADLINE, panelId: panel.id }, NOW);
      const picks = [["c1", "c2"], ["c1"], ["c1", "c3"], ["c2"]];
      for (const [index, member] of members.entries()) {
        await answer(db, member, org.id, multiple.instrumentId, { answer: { choiceIds: picks[index] } });
        await answer(db, member, org.id, scale.instrumentId, { answer: [10, 8, 8, 0][index] });
      }
      const channels = await pollResults(db, researcher.actor, { id: org.id }, { pollId: multiple.pollId }, "en");
      expect(channels.options.map((option) => [option.label, option.n, option.percent])).toEqual([["Email", 3, 75], ["SMS", 2, 50], ["App", 1, 25]]);
      const likely = await pollResults(db, researcher.actor, { id: org.id }, { pollId: scale.pollId, split: "region" }, "en");
      expect(likely.mean).toBe(6.5);
      expect(likely.options).toHaveLength(11);
      expect(likely.options.filter((option) => option.n > 0).map((option) => [option.key, option.n])).toEqual([["0", 1], ["8", 2], ["10", 1]]);
      // One region of 4 answers, under the minimum of 5: withheld even from researchers.
      expect(likely.groups).toEqual([{ value: "north", suppressed: true, reason: "too_few_responses" }]);
    });
  });

  it("keeps another organization's poll and a participant out of the results", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const { panel, researcher } = await createPanel(db, org.id);
      const { researcher: otherResearcher } = await createPanel(db, other.id);
      const member = await createPanelMember(db, org.id, panel.id);
      const { pollId } = await createQuickPoll(db, researcher.actor, org.id, { ...single, panelId: panel.id }, NOW);
      await expect(pollResults(db, otherResearcher.actor, { id: other.id }, { pollId }, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(pollResults(db, otherResearcher.actor, { id: org.id }, { pollId }, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(pollResults(db, member.actor, { id: org.id }, { pollId }, "en")).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(closeQuickPollNow(db, otherResearcher.actor, other.id, { pollId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
});
