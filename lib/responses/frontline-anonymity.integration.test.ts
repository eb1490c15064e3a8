import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, instruments, programs } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { answerPulse, createFrontlineCycle, createFrontlineProgram, createStaff, pulseAnswers } from "@/tests/frontline-factories";
import { listInstruments } from "@/lib/instruments/list-instruments";
import { prepareResponseExport } from "./export-responses";
import { getResponse } from "./get-response";
import { FRONTLINE_ANSWERS_ANONYMOUS, listResponses } from "./list-responses";

const anonymous = { code: "FORBIDDEN", messageKey: FRONTLINE_ANSWERS_ANONYMOUS };

describe("frontline answers stay anonymous in the responses view", () => {
  const database = useTestDatabase();

  it("refuses to list, open or export the answers of a frontline pulse, even to an admin", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const admin = await createMember(db, org.id, "admin");
      const program = await createFrontlineProgram(db, org.id);
      const cycle = await createFrontlineCycle(db, org.id, program.id, 0);
      const staff = await createStaff(db, org.id, { team: "Care", location: "Riga" });
      const responseId = await answerPulse(db, org.id, cycle, staff, pulseAnswers(2, "waiting", "A customer shouted at me"));

      for (const actor of [researcher.actor, admin.actor]) {
        await expect(listResponses(db, actor, { id: org.id }, cycle.instrumentId, {})).rejects.toMatchObject(anonymous);
        await expect(getResponse(db, actor, { id: org.id }, cycle.instrumentId, responseId)).rejects.toMatchObject(anonymous);
        for (const format of ["csv", "json", "xlsx"] as const) {
          await expect(prepareResponseExport(db, actor, { id: org.id }, cycle.instrumentId, {}, format)).rejects.toMatchObject(anonymous);
        }
      }
      // A refused export leaves no trace of having been made.
      expect(await db.select().from(auditLog).where(eq(auditLog.organizationId, org.id))).toHaveLength(0);
      // The instruments list shows how many answered, never who.
      const listed = await listInstruments(db, researcher.actor, org.id);
      expect(listed.find((row) => row.id === cycle.instrumentId)).toMatchObject({ completed: 1 });
      expect(JSON.stringify(listed)).not.toContain(staff.userId);
    });
  });

  it("still shows the answers of a council session, which members give under their name", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const program = await createFrontlineProgram(db, org.id, "Customer council");
      await db.update(programs).set({ kind: "council" }).where(eq(programs.id, program.id));
      const cycle = await createFrontlineCycle(db, org.id, program.id, 0);
      const member = await createStaff(db, org.id, { team: "Care" });
      await answerPulse(db, org.id, cycle, member, pulseAnswers(4, "waiting"));
      const page = await listResponses(db, researcher.actor, { id: org.id }, cycle.instrumentId, {});
      expect(page.responses).toHaveLength(1);
      // Unlinking the program (it was deleted) leaves an ordinary instrument.
      await db.update(instruments).set({ programId: null }).where(eq(instruments.id, cycle.instrumentId));
      expect((await listResponses(db, researcher.actor, { id: org.id }, cycle.instrumentId, {})).responses).toHaveLength(1);
    });
  });
});
