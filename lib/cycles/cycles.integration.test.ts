import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cycleNotifications, devMailbox, instruments, jobs, memberships, organizations, programCycles, users } from "@/db/schema";
import { DAY_MS } from "@/lib/clock";
import { jobHandlers } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/queue";
import { planNextCycle } from "@/lib/programs/plan-next-cycle";
import { listOpenInstruments } from "@/lib/responses/list-open-instruments";
import { listResponses } from "@/lib/responses/list-responses";
import { saveResponse } from "@/lib/responses/save-response";
import { useTestDatabase } from "@/tests/db";
import { createCouncilMember, createProgramWithTemplate, setCouncilMemberStatus } from "@/tests/cycle-factories";
import { createMember, createOrganization } from "@/tests/factories";
import type { Db } from "@/db/connect";

const OPENS = new Date("2027-01-05T08:00:00Z");
const at = (days: number) => new Date(OPENS.getTime() + days * DAY_MS);
const completeAnswers = { nps: 9, emp: 4, comment: "Staff listened" };

async function mailsTo(db: Db, emails: string[]) {
  return db.select({ to: devMailbox.to, subject: devMailbox.subject, text: devMailbox.text }).from(devMailbox).where(inArray(devMailbox.to, emails));
}

async function cyclesOf(db: Db, programId: string) {
  return db.select().from(programCycles).where(eq(programCycles.programId, programId)).orderBy(programCycles.sequence);
}

describe("council cycles run by the job queue", () => {
  const database = useTestDatabase();

  it("opens on its day with a frozen copy of the survey and invites every active member exactly once", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { program, templateInstrumentId } = await createProgramWithTemplate(db, org.id, { startsOn: OPENS });
      const [alice, bob] = [await createCouncilMember(db, org.id, program.id), await createCouncilMember(db, org.id, program.id)];
      const outsider = await createMember(db, org.id, "participant");
      const leaver = await createCouncilMember(db, org.id, program.id, "left");
      await planNextCycle(db, program.id);

      expect(await runDueJobs(db, jobHandlers, at(-1))).toEqual({ succeeded: 0, failed: 0 });
      expect(await runDueJobs(db, jobHandlers, OPENS)).toEqual({ succeeded: 1, failed: 0 });
      expect(await runDueJobs(db, jobHandlers, OPENS)).toEqual({ succeeded: 0, failed: 0 });

      const [first, second] = await cyclesOf(db, program.id);
      expect(first).toMatchObject({ status: "open", openedAt: OPENS });
      expect(first.instrumentId).not.toBe(templateInstrumentId);
      const [copy] = await db.select().from(instruments).where(eq(instruments.id, first.instrumentId!));
      expect(copy).toMatchObject({ name: "Customer council — Q1 2027", isOpen: true, latestVersion: 1, programId: program.id, audience: ["participant"] });
      // The chain continues: the next quarter is planned.
      expect(second).toMatchObject({ sequence: 1, status: "scheduled", opensAt: new Date("2027-04-05T08:00:00Z") });

      const mails = await mailsTo(db, [alice.email, bob.email, outsider.email, leaver.email]);
      expect(mails.map((mail) => mail.to).sort()).toEqual([alice.email, bob.email].sort());
      expect(mails[0].text).toContain(`/o/${org.slug}/respond/${first.instrumentId}`);

      // Opening it again by hand (a retried job) changes nothing.
      await jobHandlers["cycle.open"](db, { id: 0, kind: "cycle.open", organizationId: org.id, payload: { cycleId: first.id }, attempts: 0, maxAttempts: 5, runAt: OPENS }, OPENS);
      expect(await mailsTo(db, [alice.email, bob.email])).toHaveLength(2);
      expect(await db.select().from(instruments).where(eq(instruments.programId, program.id))).toHaveLength(1);
    });
  });

  it("reminds only members who have not completed, never more than the maximum, and closes on time", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { program } = await createProgramWithTemplate(db, org.id, { startsOn: OPENS, openForDays: 14, maxReminders: 2, reminderEveryDays: 4 });
      const [answered, started, silent] = [await createCouncilMember(db, org.id, program.id), await createCouncilMember(db, org.id, program.id), await createCouncilMember(db, org.id, program.id)];
      await planNextCycle(db, program.id);
      await runDueJobs(db, jobHandlers, OPENS);
      const [cycle] = await cyclesOf(db, program.id);
      const instrumentId = cycle.instrumentId!;
      await saveResponse(db, answered.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: completeAnswers }, { complete: true });
      const startedResponseId = randomUUID();
      await saveResponse(db, started.actor, { id: org.id }, { responseId: startedResponseId, instrumentId, locale: "en", answers: { nps: 3 } }, { complete: false });

      expect(await runDueJobs(db, jobHandlers, at(4))).toEqual({ succeeded: 1, failed: 0 });
      const reminded = async () => (await mailsTo(db, [answered.email, started.email, silent.email])).filter((mail) => mail.subject.startsWith("Reminder"));
      expect((await reminded()).map((mail) => mail.to).sort()).toEqual([started.email, silent.email].sort());

      await saveResponse(db, started.actor, { id: org.id }, { responseId: startedResponseId, instrumentId, locale: "en", answers: completeAnswers }, { complete: true });
      // Far past the close: the second reminder, then the close; no third reminder exists.
      expect(await runDueJobs(db, jobHandlers, at(13))).toEqual({ succeeded: 1, failed: 0 });
      expect((await reminded()).map((mail) => mail.to).sort()).toEqual([started.email, silent.email, silent.email].sort());
      const notifications = await db.select().from(cycleNotifications).where(and(eq(cycleNotifications.cycleId, cycle.id), eq(cycleNotifications.kind, "reminder")));
      expect(notifications.map((row) => row.sequence).sort()).toEqual([1, 1, 2]);

      expect(await runDueJobs(db, jobHandlers, at(14))).toEqual({ succeeded: 1, failed: 0 });
      const [closed] = await cyclesOf(db, program.id);
      expect(closed).toMatchObject({ status: "closed", closedAt: at(14) });
      const [copy] = await db.select({ isOpen: instruments.isOpen }).from(instruments).where(eq(instruments.id, instrumentId));
      expect(copy.isOpen).toBe(false);
      await expect(saveResponse(db, silent.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: completeAnswers }, { complete: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  it("closes a cycle unopened when its whole window passed while nothing ran, and moves on", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { program } = await createProgramWithTemplate(db, org.id, { startsOn: OPENS });
      const member = await createCouncilMember(db, org.id, program.id);
      await planNextCycle(db, program.id);
      // The instance comes back a month later: the January session is past, April's is not due yet.
      expect(await runDueJobs(db, jobHandlers, at(30))).toEqual({ succeeded: 1, failed: 0 });
      const [missed, next] = await cyclesOf(db, program.id);
      expect(missed).toMatchObject({ status: "closed", instrumentId: null, openedAt: null });
      expect(next).toMatchObject({ status: "scheduled", opensAt: new Date("2027-04-05T08:00:00Z") });
      expect(await mailsTo(db, [member.email])).toEqual([]);
    });
  });

  it("fails the open job with a clear error when the program has no survey", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { program } = await createProgramWithTemplate(db, org.id, { startsOn: OPENS, templateInstrumentId: null });
      await planNextCycle(db, program.id);
      expect(await runDueJobs(db, jobHandlers, OPENS)).toEqual({ succeeded: 0, failed: 1 });
      const [job] = await db.select().from(jobs).where(eq(jobs.organizationId, org.id));
      expect(job.lastError).toMatch(/has no survey/);
      expect((await cyclesOf(db, program.id))[0].status).toBe("scheduled");
    });
  });
});

describe("who may answer a program's cycle", () => {
  const database = useTestDatabase();

  it("offers and accepts a council's cycle only to its active members", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { program } = await createProgramWithTemplate(db, org.id, { startsOn: OPENS });
      const member = await createCouncilMember(db, org.id, program.id);
      const outsider = await createMember(db, org.id, "participant");
      await planNextCycle(db, program.id);
      await runDueJobs(db, jobHandlers, OPENS);
      const [cycle] = await cyclesOf(db, program.id);
      const instrumentId = cycle.instrumentId!;
      const save = (actor: { userId: string }) => saveResponse(db, actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale: "en", answers: completeAnswers }, { complete: false });

      expect((await listOpenInstruments(db, member.actor, { id: org.id })).map((row) => row.id)).toEqual([instrumentId]);
      const researcher = await createMember(db, org.id, "researcher");
      expect((await listResponses(db, researcher.actor, { id: org.id }, instrumentId, {})).instrument.id).toBe(instrumentId);
      expect(await listOpenInstruments(db, outsider.actor, { id: org.id })).toEqual([]);
      await expect(save(outsider.actor)).rejects.toMatchObject({ code: "NOT_FOUND" });

      await setCouncilMemberStatus(db, member.userId, "left");
      expect(await listOpenInstruments(db, member.actor, { id: org.id })).toEqual([]);
      await expect(save(member.actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  it("opens a frontline cycle to active staff only, in the frontline audience", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { program } = await createProgramWithTemplate(db, org.id, { kind: "frontline", startsOn: OPENS });
      const staff = await createMember(db, org.id, "frontline");
      const customer = await createMember(db, org.id, "participant");
      await planNextCycle(db, program.id);
      await runDueJobs(db, jobHandlers, OPENS);
      const [cycle] = await cyclesOf(db, program.id);
      const [copy] = await db.select({ name: instruments.name, audience: instruments.audience }).from(instruments).where(eq(instruments.id, cycle.instrumentId!));
      expect(copy).toEqual({ name: "Frontline pulse — January 2027", audience: ["frontline"] });
      expect((await listOpenInstruments(db, staff.actor, { id: org.id })).map((row) => row.id)).toEqual([cycle.instrumentId]);
      expect(await listOpenInstruments(db, customer.actor, { id: org.id })).toEqual([]);
      expect((await mailsTo(db, [staff.email, customer.email])).map((mail) => mail.to)).toEqual([staff.email]);
      // Staff answer anonymously: their answers are never listed one by one, even to researchers.
      const researcher = await createMember(db, org.id, "researcher");
      await expect(listResponses(db, researcher.actor, { id: org.id }, cycle.instrumentId!, {})).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "frontlineAnswersAnonymous" });
    });
  });
});

describe("cycle jobs with two instances", () => {
  const database = useTestDatabase();

  it("opens a cycle and mails each member once when two workers run at the same moment", async () => {
    const db = database.db;
    // Dates long past, so the workers find only this test's jobs due.
    const opens = new Date("2020-02-03T08:00:00Z");
    const org = await createOrganization(db);
    try {
      const { program } = await createProgramWithTemplate(db, org.id, { startsOn: opens });
      const members = [];
      for (let index = 0; index < 5; index++) members.push(await createCouncilMember(db, org.id, program.id));
      await planNextCycle(db, program.id);

      const [one, two] = await Promise.all([runDueJobs(db, jobHandlers, opens), runDueJobs(db, jobHandlers, opens)]);
      expect(one.succeeded + two.succeeded).toBe(1);
      expect(one.failed + two.failed).toBe(0);
      const mails = await mailsTo(db, members.map((member) => member.email));
      expect(mails.map((mail) => mail.to).sort()).toEqual(members.map((member) => member.email).sort());
      expect(await db.select().from(instruments).where(eq(instruments.programId, program.id))).toHaveLength(1);
    } finally {
      const people = await db.select({ id: users.id, email: users.email }).from(users).innerJoin(memberships, eq(memberships.userId, users.id)).where(eq(memberships.organizationId, org.id));
      await db.delete(organizations).where(eq(organizations.id, org.id));
      if (people.length > 0) {
        await db.delete(devMailbox).where(inArray(devMailbox.to, people.map((person) => person.email!)));
        await db.delete(users).where(inArray(users.id, people.map((person) => person.id)));
      }
    }
  });
});
