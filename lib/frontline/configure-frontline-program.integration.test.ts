import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { instrumentVersions, jobs, programCycles, programs } from "@/db/schema";
import { jobHandlers } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/queue";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { configureFrontlineProgram } from "./configure-frontline-program";
import { FRONTLINE_PULSE } from "./default-pulse";
import { getFrontlineProgram } from "./get-frontline-program";

const NOW = new Date("2027-03-10T12:00:00Z");
const settings = { openDay: 15, openForDays: 7, maxReminders: 1, reminderEveryDays: 3, isActive: "true" };

describe("configureFrontlineProgram", () => {
  const database = useTestDatabase();

  it("creates one program with the default pulse and plans its first cycle on the next open day", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      expect(await getFrontlineProgram(db, researcher.actor, org.id)).toBeNull();

      const { programId } = await configureFrontlineProgram(db, researcher.actor, org.id, settings, NOW);
      const program = await getFrontlineProgram(db, researcher.actor, org.id);
      expect(program).toMatchObject({ id: programId, openDay: 15, openForDays: 7, maxReminders: 1, reminderEveryDays: 3, status: "active" });
      const [template] = await db.select({ definition: instrumentVersions.definition }).from(instrumentVersions).where(eq(instrumentVersions.instrumentId, program!.templateInstrumentId!));
      expect(template.definition).toEqual(FRONTLINE_PULSE);
      const cycles = await db.select().from(programCycles).where(eq(programCycles.programId, programId));
      expect(cycles).toMatchObject([{ sequence: 0, status: "scheduled", opensAt: new Date("2027-03-15T08:00:00Z"), closesAt: new Date("2027-03-22T08:00:00Z") }]);

      // Saving again keeps one program.
      await configureFrontlineProgram(db, researcher.actor, org.id, settings, NOW);
      expect(await db.select({ id: programs.id }).from(programs).where(eq(programs.organizationId, org.id))).toHaveLength(1);
    });
  });

  it("re-plans only cycles that have not opened when the open day changes", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const { programId } = await configureFrontlineProgram(db, researcher.actor, org.id, settings, NOW);
      await runDueJobs(db, jobHandlers, new Date("2027-03-15T08:00:00Z"));
      const cyclesNow = () => db.select().from(programCycles).where(eq(programCycles.programId, programId)).orderBy(programCycles.sequence);
      expect((await cyclesNow()).map((cycle) => [cycle.status, cycle.opensAt.toISOString()])).toEqual([
        ["open", "2027-03-15T08:00:00.000Z"],
        ["scheduled", "2027-04-15T08:00:00.000Z"],
      ]);

      await configureFrontlineProgram(db, researcher.actor, org.id, { ...settings, openDay: 3 }, new Date("2027-03-16T00:00:00Z"));
      const [open, next] = await cyclesNow();
      expect(open).toMatchObject({ status: "open", opensAt: new Date("2027-03-15T08:00:00Z") });
      expect(next).toMatchObject({ sequence: 1, status: "scheduled", opensAt: new Date("2027-04-03T08:00:00Z") });
      const openJobs = await db.select({ runAt: jobs.runAt, status: jobs.status }).from(jobs).where(eq(jobs.kind, "cycle.open"));
      expect(openJobs.filter((job) => job.status === "pending").map((job) => job.runAt)).toEqual([new Date("2027-04-03T08:00:00Z")]);
    });
  });

  it("pausing unplans the next month, and resuming months later starts from now", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const { programId } = await configureFrontlineProgram(db, researcher.actor, org.id, settings, NOW);
      await runDueJobs(db, jobHandlers, new Date("2027-03-15T08:00:00Z"));
      await configureFrontlineProgram(db, researcher.actor, org.id, { ...settings, isActive: "false" }, new Date("2027-03-20T00:00:00Z"));
      const scheduled = async () => (await db.select().from(programCycles).where(eq(programCycles.programId, programId))).filter((cycle) => cycle.status === "scheduled");
      expect(await scheduled()).toEqual([]);
      // While paused, nothing due opens.
      expect(await runDueJobs(db, jobHandlers, new Date("2027-08-01T00:00:00Z"))).toMatchObject({ failed: 0 });

      await configureFrontlineProgram(db, researcher.actor, org.id, settings, new Date("2027-08-20T00:00:00Z"));
      expect((await scheduled()).map((cycle) => [cycle.sequence, cycle.opensAt])).toEqual([[1, new Date("2027-09-15T08:00:00Z")]]);
    });
  });

  it("refuses settings out of range and people who may not manage the frontline", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const staff = await createMember(db, org.id, "frontline");
      await expect(configureFrontlineProgram(db, researcher.actor, org.id, { ...settings, openDay: 31, maxReminders: 9 }, NOW)).rejects.toMatchObject({ name: "ZodError" });
      await expect(configureFrontlineProgram(db, staff.actor, org.id, settings, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });
});
