import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { getFrontlineDashboard } from "./frontline-dashboard";

describe("frontline dashboard access before validation", () => {
  const database = useTestDatabase();

  it("answers forbidden or not found before it judges the query, so outsiders learn nothing from a 422", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const stranger = await createMember(db, (await createOrganization(db)).id, "leader");
      const staff = await createMember(db, org.id, "frontline");
      const leader = await createMember(db, org.id, "leader");
      const badQuery = { cycle: "abc" };
      await expect(getFrontlineDashboard(db, staff.actor, { id: org.id }, badQuery)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getFrontlineDashboard(db, stranger.actor, { id: org.id }, badQuery)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getFrontlineDashboard(db, null, { id: org.id }, badQuery)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      await expect(getFrontlineDashboard(db, leader.actor, { id: org.id }, badQuery)).rejects.toMatchObject({ name: "ZodError" });
    });
  });
});
