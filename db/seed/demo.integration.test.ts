import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { memberships, organizations, users } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { DEMO_LOGINS, DEMO_ORG_SLUG, seedDemo } from "./demo";

describe("demo seed", () => {
  const database = useTestDatabase();

  it("creates Northwind with every role and varied profiles, and is idempotent", async () => {
    await database.inRollback(async (db) => {
      const alreadySeeded = (await db.select().from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG))).length > 0;
      if (!alreadySeeded) expect(await seedDemo(db)).toEqual({ created: true });
      expect(await seedDemo(db)).toEqual({ created: false });

      const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG));
      const roles = await db
        .select({ role: memberships.role, count: sql<number>`count(*)::int` })
        .from(memberships)
        .where(eq(memberships.organizationId, org.id))
        .groupBy(memberships.role);
      const byRole = Object.fromEntries(roles.map((r) => [r.role, Number(r.count)]));
      expect(byRole).toEqual({ admin: 1, leader: 1, researcher: 1, frontline: 31, participant: 41 });

      const languages = await db.execute(sql`select distinct attributes->>'language' as language from memberships where organization_id = ${org.id} and role = 'participant'`);
      const rows = (Array.isArray(languages) ? languages : (languages as { rows: unknown[] }).rows) as Array<{ language: string }>;
      expect(rows.map((r) => r.language).sort()).toEqual(["en", "pl", "ru"]);

      for (const login of DEMO_LOGINS) {
        const [user] = await db.select({ locale: users.locale }).from(users).where(eq(users.email, login.email));
        expect(user.locale).toBe(login.locale);
      }
    });
  });
});
